// The demo introduction lists: two labelled lists of Skövde built from demo catalogue items and local items, and the
// demo employee's introduction with some entries done, visible to the demo manager and under "Min introduktion".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_PASSWORD } from '../../platform/server/demo.ts';

let t: TestApp;
let manager = '';
let employee = '';
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  manager = await t.signIn({ email: 'chef.skovde@demo.example', password: DEMO_PASSWORD }, '10.9.0.1');
  employee = await t.signIn({ email: 'medarbetare.skovde@demo.example', password: DEMO_PASSWORD }, '10.9.0.2');
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
afterAll(() => t.close());

describe('demo introduction lists', () => {
  it('seeds two labelled lists in Skövde with catalogue items (all in the catalogue) and local items', async () => {
    const res = await t.as(manager)({ method: 'GET', url: '/api/introductions/lists' });
    expect(res.statusCode).toBe(200);
    const lists = res.json().lists as { id: string; name: string; municipalityName: string }[];
    expect(lists.map((l) => l.name).sort()).toEqual([
      'Introduktion ny sjuksköterska (demo)',
      'Introduktion ny undersköterska (demo)',
    ]);
    for (const l of lists) {
      expect(l.municipalityName).toBe('Skövde');
      const detail = (await t.as(manager)({ method: 'GET', url: `/api/introductions/lists/${l.id}` })).json();
      const kinds = new Set(detail.entries.map((e: { kind: string }) => e.kind));
      expect(kinds).toEqual(new Set(['catalogue', 'local']));
      for (const e of detail.entries.filter((x: { kind: string }) => x.kind === 'catalogue')) {
        expect(e.available, e.title).toBe(true);
        expect(new URL(e.url).hostname).toMatch(/example\.org$/);
      }
    }
  });

  it('gives the demo employee an introduction with some entries done, followed by the manager', async () => {
    const mine = (await t.as(employee)({ method: 'GET', url: '/api/introductions/mine' })).json().introductions;
    expect(mine).toHaveLength(1);
    expect(mine[0].listName).toBe('Introduktion ny sjuksköterska (demo)');
    expect(mine[0].done).toBeGreaterThan(0);
    expect(mine[0].done).toBeLessThan(mine[0].total);
    const lists = (await t.as(manager)({ method: 'GET', url: '/api/introductions/lists' })).json().lists;
    const nurse = lists.find((l: { name: string }) => l.name.includes('sjuksköterska'));
    const people = (
      await t.as(manager)({ method: 'GET', url: `/api/introductions/lists/${nurse.id}/assignments` })
    ).json().assignments;
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      done: mine[0].done,
      linkedToUser: true,
      email: 'medarbetare.skovde@demo.example',
    });
  });
});
