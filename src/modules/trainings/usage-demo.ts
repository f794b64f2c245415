// The demo's catalogue usage (decision 029): invented counters for the ~13 months before the demo's "now" (up to
// yesterday), so the usage page has something to show — popular and never-viewed items, quieter weekends and July, a
// slow rise over the year, and searches that found nothing. Seeded from a fixed seed, so every demo is the same for
// the same items and day; the page labels them demo. Items count from the day they were added.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { ReadCache } from '../../platform/server/read-cache.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { trainingUsage, type UsageKind } from './catalogue-usage.table.ts';
import { stockholmDay } from './catalogue-usage.ts';
import { trainingItem } from './trainings.table.ts';

/** How far back the demo's counters go. */
export const USAGE_DEMO_DAYS = 400;

/** Invented searches that found nothing, with how often each is typed (per weekday, on average). */
const GAPS: [string, number][] = [
  ['hörselnedsättning', 0.9],
  ['munhälsa', 0.7],
  ['förflyttningsteknik', 0.6],
  ['parkinson', 0.5],
  ['inkontinens', 0.5],
  ['stomivård', 0.35],
  ['hot och våld', 0.3],
  ['epilepsi', 0.25],
  ['syrgasbehandling', 0.2],
  ['sondmatning', 0.2],
  ['ångest hos äldre', 0.15],
  ['teckenspråk', 0.1],
];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole count around `mean` (rounded with the generator, so small means still give some days). */
const around = (mean: number, next: () => number) => Math.floor(mean * (0.6 + 0.8 * next()) + next());

export async function seedUsageDemo(db: Db, now: Date): Promise<number> {
  const next = random(20261207);
  const items = await db
    .select({ id: trainingItem.id, addedAt: trainingItem.addedAt })
    .from(trainingItem)
    .where(eq(trainingItem.status, 'approved'))
    .orderBy(asc(trainingItem.title));
  const professions = (await listProfessions({ db, cache: new ReadCache(0) }, { activeOnly: true })).map((p) => p.key);
  // Popularity per item: a few favourites, most in between, the last three never viewed (the "least used" end).
  const popularity = items.map((_, i) =>
    i >= items.length - 3 ? 0 : i % 7 === 0 ? 9 : i % 3 === 0 ? 4 : 1 + (i % 4) * 0.6,
  );
  const rows: { day: string; kind: UsageKind; key: string; count: number }[] = [];
  const add = (day: string, kind: UsageKind, key: string, count: number) => {
    if (count > 0) rows.push({ day, kind, key, count });
  };
  for (let back = USAGE_DEMO_DAYS; back >= 1; back--) {
    const at = new Date(now.getTime() - back * 86_400_000);
    const day = stockholmDay(at);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const month = Number(day.slice(5, 7));
    // Quieter weekends, a quiet July and Christmas, and a slow rise over the period.
    const season = (weekday === 0 || weekday === 6 ? 0.3 : 1) * (month === 7 ? 0.4 : month === 12 ? 0.8 : 1);
    const factor = season * (0.75 + (0.5 * (USAGE_DEMO_DAYS - back)) / USAGE_DEMO_DAYS);
    items.forEach((item, i) => {
      if (stockholmDay(item.addedAt) > day) return;
      const views = around((popularity[i] ?? 0) * factor, next) * Math.sign(popularity[i] ?? 0);
      add(day, 'item_view', item.id, views);
      add(day, 'outbound', item.id, Math.floor(views * (0.1 + 0.2 * next())));
    });
    add(day, 'tab_view', '', around(14 * factor, next));
    professions.forEach((key, i) => {
      add(day, 'tab_view', key, around((i < 3 ? 4 : 2) * factor, next));
    });
    const searches = around(12 * factor, next);
    let empty = 0;
    for (const [text, mean] of GAPS) {
      const n = around(mean * season, next) * (next() < 0.5 ? 1 : 0);
      add(day, 'no_result_text', text, n);
      empty += n;
    }
    // Now and then a search whose words were not kept (it looked like personal data).
    if (next() < 0.04) empty += 1;
    add(day, 'search', '', Math.max(searches, empty));
    add(day, 'search_empty', '', empty);
  }
  for (let i = 0; i < rows.length; i += 1_000) {
    await db
      .insert(trainingUsage)
      .values(rows.slice(i, i + 1_000))
      .onConflictDoNothing();
  }
  return rows.length;
}
