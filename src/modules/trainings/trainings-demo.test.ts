// The demo catalogue: about 40 invented items, labelled demo, most approved with a review date, some waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { SERVER_MODULES } from '../../app/server-modules.ts';
import { seedDemo } from '../../platform/server/demo.ts';
import { trainingItem, trainingReviewAssignment, trainingReviewRound } from './trainings.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.db, SERVER_MODULES)).toBe(true);
});
afterAll(() => t.close());

describe('demo trainings', () => {
  it('seeds about 40 labelled items across professions, most approved and some waiting for review', async () => {
    const items = await t.db.select().from(trainingItem);
    expect(items.length).toBeGreaterThanOrEqual(35);
    for (const i of items) {
      expect(i.provider).toMatch(/\(demo\)$/);
      expect(new URL(i.url).hostname).toMatch(/example\.org$/);
    }
    const count = (s: string) => items.filter((i) => i.status === s).length;
    expect(count('approved')).toBeGreaterThan(30);
    expect(count('suggested')).toBeGreaterThan(0);
    expect(count('needs_change')).toBeGreaterThan(0);
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/public/trainings?profession=fysioterapeut&q=balans' })
    ).json();
    expect(page.items.map((i: { title: string }) => i.title)).toContain('Balansträning för äldre');
  });

  it('seeds one finished review round and one open round with some items done', async () => {
    const rounds = await t.db.select().from(trainingReviewRound);
    const assignments = await t.db.select().from(trainingReviewAssignment);
    const closed = rounds.find((r) => r.status === 'closed');
    const open = rounds.find((r) => r.status === 'open');
    expect(closed?.name).toMatch(/\(demo\)$/);
    expect(open?.name).toMatch(/\(demo\)$/);
    expect(closed?.closedAt?.getTime()).toBeLessThan(Date.now());
    const of = (id?: string) => assignments.filter((a) => a.roundId === id);
    expect(of(closed?.id).length).toBeGreaterThan(30);
    expect(of(closed?.id).every((a) => a.outcome !== null)).toBe(true);
    const done = of(open?.id).filter((a) => a.outcome !== null).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(of(open?.id).length);
  });
});
