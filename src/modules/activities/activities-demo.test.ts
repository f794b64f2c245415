// The demo activities: every state an occasion has (held with attendance and answers, open, full with a waiting list,
// planned, cancelled, reserved seats with a release), dated relative to the demo's "now", the seat rule holding on
// every occasion, and the evaluations published as the suppression says (one shown, one below k).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_PASSWORD } from '../../platform/server/demo.ts';

let t: TestApp;
let region: ReturnType<TestApp['as']>;
let skovdeAdmin: ReturnType<TestApp['as']>;
type Summary = {
  id: string;
  title: string;
  status: string;
  registered: number;
  waitlisted: number;
  capacity: number;
  startsAt: string;
};
let all: Summary[] = [];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  region = t.as(await t.signIn({ email: 'regionadmin@demo.example', password: DEMO_PASSWORD }, '10.42.0.1'));
  skovdeAdmin = t.as(
    await t.signIn({ email: 'kommunadmin.skovde@demo.example', password: DEMO_PASSWORD }, '10.42.0.2'),
  );
  const res = await region({ method: 'GET', url: '/api/activities/occasions?past=true&pageSize=100' });
  expect(res.statusCode).toBe(200);
  all = res.json().items;
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
afterAll(() => t?.close());

describe('demo activities', () => {
  it('covers every state, past and coming, all marked as demo', () => {
    const statuses = new Set(all.map((o) => o.status));
    for (const s of ['held', 'open', 'full', 'planned', 'cancelled']) expect(statuses, s).toContain(s);
    expect(all.every((o) => o.title.endsWith('(demo)'))).toBe(true);
    const now = Date.now();
    expect(all.some((o) => new Date(o.startsAt).getTime() < now)).toBe(true);
    expect(all.some((o) => new Date(o.startsAt).getTime() > now + 7 * 86_400_000)).toBe(true);
    const full = all.find((o) => o.status === 'full');
    expect(full?.waitlisted).toBeGreaterThan(0);
  });

  it('keeps the seat rule on every occasion: never above capacity, nor a municipality above its seats and the open ones', async () => {
    for (const o of all) {
      expect(o.registered, o.title).toBeLessThanOrEqual(o.capacity);
      const d = (await region({ method: 'GET', url: `/api/activities/occasions/${o.id}` })).json();
      const beyond = d.seats.reduce(
        (n: number, s: { seats: number; registered: number }) => n + Math.max(0, s.registered - s.seats),
        0,
      );
      const reservedRegistered = d.seats.reduce((n: number, s: { registered: number }) => n + s.registered, 0);
      const others = o.registered - reservedRegistered;
      if (d.seats.length && !d.seatsReleased && o.status !== 'cancelled') {
        expect(beyond + others, o.title).toBeLessThanOrEqual(d.openSeats);
      }
    }
  });

  it('shows the evaluation of the held course and hides the one with too few answers; Skövde’s admin sees Skövde’s own', async () => {
    const held = all.filter((o) => o.status === 'held');
    const shown: boolean[] = [];
    for (const o of held) {
      const res = await region({ method: 'GET', url: `/api/activities/occasions/${o.id}/survey/results` });
      if (res.statusCode !== 200) continue;
      shown.push(res.json().questions.some((q: { shown: boolean }) => q.shown));
    }
    expect(shown).toContain(true);
    expect(shown).toContain(false);
    // The region's course: Skövde's admin sees Skövde's own registrations among all of them, no other municipality's.
    const open = all.find((o) => o.status === 'open' && o.title.startsWith('Palliativ'));
    const detail = (await skovdeAdmin({ method: 'GET', url: `/api/activities/occasions/${open?.id}` })).json();
    const total = detail.occasion.registered + detail.occasion.waitlisted;
    expect(detail.registrations.length).toBeGreaterThan(0);
    expect(detail.registrations.length).toBeLessThan(total);
    expect(detail.registrations.every((r: { municipality: string }) => r.municipality === 'Skövde')).toBe(true);
  });
});
