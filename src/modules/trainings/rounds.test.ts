// Review rounds: assignment (even, by topic), who may decide on which item, closing only when every item is
// reviewed, one open round at a time, and the due-date reminders (once each).
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { assignByTopic, assignEvenly, sendRoundReminders } from './rounds.service.ts';
import { buildTrainingItem } from './trainings.factories.ts';
import { trainingItemTransition } from './trainings.table.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, { id: string; email: string }> = {};
let ip = 10;
/** Items by topic key ('' = none) that a round covers. */
const inRound: { id: string; topic: string }[] = [];

const as = (who: string) => t.as(cookies[who] ?? null);
let counter = 0;
async function createItem(topic: string, status: 'approved' | 'needs_change' | 'suggested' | 'removed') {
  const { id } = await buildTrainingItem(t.db, {
    title: `Omgångsutbildning ${String(++counter).padStart(2, '0')}`,
    topics: topic ? [topic] : [],
    status,
  });
  if (status !== 'suggested' && status !== 'removed') inRound.push({ id, topic });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  const a = await buildMunicipality(t.db, { name: 'Aby' });
  const b = await buildMunicipality(t.db, { name: 'Bro' });
  Object.assign(users, {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    masA: await buildUser(t.db, { role: 'mas', organisation: a, name: 'Anna Masdotter' }),
    masB: await buildUser(t.db, { role: 'mas', organisation: b, name: 'Bertil Masson' }),
    masC: await buildUser(t.db, { role: 'mas', organisation: b, name: 'Cecilia Masberg' }),
    employee: await buildUser(t.db, { role: 'employee', organisation: a }),
  });
  for (const [key, u] of Object.entries(users)) cookies[key] = await t.signIn(u as never, `10.7.0.${ip++}`);
  for (const topic of ['demens', 'demens', 'demens', 'hjartsvikt', 'hjartsvikt', 'diabetes', 'diabetes', ''])
    await createItem(topic, 'approved');
  await createItem('nutrition', 'needs_change');
  await createItem('demens', 'suggested');
  await createItem('demens', 'removed');
});
afterAll(() => t.close());

type Round = {
  id: string;
  status: string;
  done: number;
  assigned: number;
  reviewers: { userId: string; done: number; assigned: number }[];
};
const mine = async (who: string) => {
  const res = await as(who)({ method: 'GET', url: '/api/trainings/rounds/mine' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { round: Round | null; items: { id: string; outcome: string | null }[] };
};
const decide = (who: string, roundId: string, itemId: string, payload: Record<string, unknown>) =>
  as(who)({ method: 'POST', url: `/api/trainings/rounds/${roundId}/items/${itemId}/decision`, payload });

describe('assignment functions', () => {
  it('spreads items evenly and keeps topics together', () => {
    const even = assignEvenly(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['r1', 'r2', 'r3']);
    const counts = ['r1', 'r2', 'r3'].map((r) => [...even.values()].filter((x) => x === r).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const byTopic = assignByTopic(
      [
        { id: '1', topic: 'x' },
        { id: '2', topic: 'x' },
        { id: '3', topic: 'x' },
        { id: '4', topic: 'y' },
        { id: '5', topic: 'z' },
        { id: '6', topic: 'y' },
      ],
      ['r1', 'r2'],
    );
    expect(byTopic.get('1')).toBe(byTopic.get('2'));
    expect(byTopic.get('4')).toBe(byTopic.get('6'));
    expect(byTopic.get('1')).not.toBe(byTopic.get('4'));
    expect(byTopic.get('5')).toBe(byTopic.get('4'));
  });
});

describe('review rounds', () => {
  it('validates the form and needs MAS reviewers', async () => {
    const bad = await as('admin')({
      method: 'POST',
      url: '/api/trainings/rounds',
      payload: { name: '', dueDate: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const stranger = await as('admin')({
      method: 'POST',
      url: '/api/trainings/rounds',
      payload: { name: 'Fel', dueDate: '2027-03-31', reviewerIds: [users.employee?.id] },
    });
    expect(stranger.statusCode).toBe(400);
  });

  it('by topic: the items of a topic go to one reviewer; cannot close early; closes when done', async () => {
    const opened = await as('admin')({
      method: 'POST',
      url: '/api/trainings/rounds',
      payload: {
        name: 'Granskning HT 2026',
        dueDate: '2026-12-15',
        assignBy: 'topic',
        reviewerIds: [users.masA?.id, users.masB?.id],
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json() as Round;
    expect(round.assigned).toBe(inRound.length);
    expect(round.reviewers.map((r) => r.userId).sort()).toEqual([users.masA?.id, users.masB?.id].sort());
    const owner = new Map<string, string>();
    for (const who of ['masA', 'masB']) for (const i of (await mine(who)).items) owner.set(i.id, who);
    expect(owner.size).toBe(inRound.length);
    for (const topic of new Set(inRound.map((i) => i.topic))) {
      const reviewers = new Set(inRound.filter((i) => i.topic === topic).map((i) => owner.get(i.id)));
      expect(reviewers.size, topic).toBe(1);
    }
    // Only one open round at a time.
    const second = await as('admin')({
      method: 'POST',
      url: '/api/trainings/rounds',
      payload: { name: 'Till', dueDate: '2027-01-15' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/redan en öppen granskningsomgång/);

    const early = await as('admin')({ method: 'POST', url: `/api/trainings/rounds/${round.id}/close` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain(`${inRound.length} utbildningar återstår`);

    // The regional admin may decide on any item.
    for (const item of inRound) {
      const res = await decide('admin', round.id, item.id, { status: 'approved' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const closed = await as('admin')({ method: 'POST', url: `/api/trainings/rounds/${round.id}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', done: inRound.length, assigned: inRound.length });
    // A closed round is read-only.
    const late = await decide('admin', round.id, inRound[0]?.id as string, { status: 'approved' });
    expect(late.statusCode).toBe(409);
    const list = await as('masC')({ method: 'GET', url: '/api/trainings/rounds' });
    expect(list.json().rounds[0]).toMatchObject({ name: 'Granskning HT 2026', status: 'closed' });
    expect(list.json().rounds[0].closedAt).toBeTruthy();
  });

  let roundId = '';
  it('evenly: counts differ by at most one; a reviewer decides only on their own items', async () => {
    const opened = await as('admin')({
      method: 'POST',
      url: '/api/trainings/rounds',
      payload: { name: 'Granskning VT 2027', dueDate: '2027-03-31' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json() as Round;
    roundId = round.id;
    const counts = round.reviewers.map((r) => r.assigned);
    expect(counts).toHaveLength(3);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(inRound.length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    const a = (await mine('masA')).items;
    const b = (await mine('masB')).items;
    expect(a.length).toBeGreaterThan(0);
    expect(a.some((i) => b.some((j) => j.id === i.id))).toBe(false);
    const other = await decide('masA', roundId, b[0]?.id as string, { status: 'approved' });
    expect(other.statusCode).toBe(403);
    const employee = await decide('employee', roundId, a[0]?.id as string, { status: 'approved' });
    expect(employee.statusCode).toBe(403);
    const noComment = await decide('masA', roundId, a[0]?.id as string, { status: 'needs_change' });
    expect(noComment.statusCode).toBe(400);
    const outside = await decide('masA', roundId, '00000000-0000-4000-8000-000000000000', { status: 'approved' });
    expect(outside.statusCode).toBe(404);

    const ok = await decide('masA', roundId, a[0]?.id as string, { status: 'needs_change', comment: 'Ny länk.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'needs_change', status: 'needs_change', comment: 'Ny länk.' });
    const history = await t.db
      .select()
      .from(trainingItemTransition)
      .where(
        and(eq(trainingItemTransition.itemId, a[0]?.id as string), isNotNull(trainingItemTransition.reviewRoundId)),
      );
    expect(history.at(-1)).toMatchObject({ reviewRoundId: roundId, toStatus: 'needs_change' });

    const progress = (await mine('masB')).round;
    expect(progress?.done).toBe(1);
    expect(progress?.reviewers.find((r) => r.userId === users.masA?.id)?.done).toBe(1);
  });

  it('reminds reviewers with unfinished items 7 days and 1 day before, once each', async () => {
    const mails = (who: string) =>
      t.mailer.recent.filter((m) => m.to === users[who]?.email && m.subject.includes('Granskning VT 2027')).length;
    const url = 'http://localhost:3000';
    await sendRoundReminders(t.db, t.mailer, url, new Date('2027-03-20T07:00:00+01:00'));
    expect(mails('masA') + mails('masB') + mails('masC')).toBe(0);
    const seven = new Date('2027-03-24T07:00:00+01:00');
    await sendRoundReminders(t.db, t.mailer, url, seven);
    await sendRoundReminders(t.db, t.mailer, url, seven);
    expect([mails('masA'), mails('masB'), mails('masC')]).toEqual([1, 1, 1]);
    const mail = t.mailer.recent.filter((m) => m.to === users.masB?.email).at(-1);
    expect(mail?.text).toContain('/trainings/my-review');

    // masA finishes before the last day and gets no second reminder.
    for (const i of (await mine('masA')).items.filter((x) => !x.outcome)) {
      expect((await decide('masA', roundId, i.id, { status: 'approved' })).statusCode).toBe(200);
    }
    const oneDay = new Date('2027-03-30T07:00:00+02:00');
    await sendRoundReminders(t.db, t.mailer, url, oneDay);
    await sendRoundReminders(t.db, t.mailer, url, oneDay);
    expect([mails('masA'), mails('masB'), mails('masC')]).toEqual([1, 2, 2]);
  });

  it('a decision or removal in the review queue counts for the open round', async () => {
    const before = (await mine('admin')).round as Round;
    const [first, second] = (await mine('masB')).items.filter((x) => !x.outcome);
    expect(first && second).toBeTruthy();
    // masC decides on one of masB's items in the ordinary queue: the item has been reviewed, the round counts it.
    const queued = await as('masC')({
      method: 'POST',
      url: `/api/trainings/items/${first?.id}/transitions`,
      payload: { status: 'needs_change', comment: 'Länken leder fel.' },
    });
    expect(queued.statusCode, queued.body).toBe(200);
    const after = (await mine('masB')).items.find((x) => x.id === first?.id);
    expect(after?.outcome).toBe('needs_change');
    const history = await t.db
      .select()
      .from(trainingItemTransition)
      .where(eq(trainingItemTransition.itemId, first?.id as string));
    expect(history.at(-1)).toMatchObject({ reviewRoundId: roundId, toStatus: 'needs_change' });
    // A removal counts as done too.
    const removed = await as('admin')({
      method: 'POST',
      url: `/api/trainings/items/${second?.id}/transitions`,
      payload: { status: 'removed' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const now = (await mine('admin')).round as Round;
    expect(now.done).toBe(before.done + 2);
    expect(now.reviewers.find((r) => r.userId === users.masB?.id)?.done).toBe(
      (before.reviewers.find((r) => r.userId === users.masB?.id)?.done ?? 0) + 2,
    );
  });

  it('closes once the rest of the round is decided', async () => {
    for (const who of ['masB', 'masC']) {
      for (const i of (await mine(who)).items.filter((x) => !x.outcome)) {
        expect((await decide(who, roundId, i.id, { status: 'approved' })).statusCode).toBe(200);
      }
    }
    const closed = await as('admin')({ method: 'POST', url: `/api/trainings/rounds/${roundId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().done).toBe(closed.json().assigned);
  });
});
