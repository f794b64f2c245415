// The demo catalogue: about 40 invented items, labelled demo, most approved with a review date, some waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../tests/support/test-app.ts';
import { trainingUsage } from './catalogue-usage.table.ts';
import { stockholmDay } from './catalogue-usage.ts';
import { trainingItem, trainingReviewAssignment, trainingReviewRound } from './trainings.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
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

describe('demo catalogue usage', () => {
  it('has ~13 months of invented counters up to yesterday: popular and never-viewed items, gaps to fill', async () => {
    const rows = await t.db.select().from(trainingUsage);
    const days = rows.map((r) => r.day).sort();
    const today = stockholmDay(new Date());
    expect(days.at(-1)).toBe(stockholmDay(new Date(Date.now() - 86_400_000)));
    expect(days[0] && days[0] < today).toBe(true);
    expect(new Set(days).size).toBeGreaterThanOrEqual(390);
    const views = new Map<string, number>();
    for (const r of rows.filter((x) => x.kind === 'item_view')) views.set(r.key, (views.get(r.key) ?? 0) + r.count);
    const approved = (await t.db.select().from(trainingItem)).filter((i) => i.status === 'approved');
    expect(approved.filter((i) => !views.has(i.id))).toHaveLength(3);
    expect(Math.max(...views.values())).toBeGreaterThan(10 * Math.min(...views.values()));
    const texts = new Set(rows.filter((r) => r.kind === 'no_result_text').map((r) => r.key));
    expect(texts.has('hörselnedsättning')).toBe(true);
    // Every day's searches without result are at least its kept texts, and at most its searches.
    const sums = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const day = sums.get(r.day) ?? {};
      day[r.kind] = (day[r.kind] ?? 0) + r.count;
      sums.set(r.day, day);
    }
    for (const day of sums.values()) {
      expect(day.search_empty ?? 0).toBeGreaterThanOrEqual(day.no_result_text ?? 0);
      expect(day.search ?? 0).toBeGreaterThanOrEqual(day.search_empty ?? 0);
    }
  });
});
