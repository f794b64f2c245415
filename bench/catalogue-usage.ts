// BENCH_ONLY=catalogue-usage (decision 029): does counting the catalogue's use slow reading it? The catalogue bench
// (bench/trainings.ts) runs twice on each database in the same run, on the same dataset: with the usage counters off
// (USAGE_COUNTING=off) and on, in alternating order (embedded off → on, PostgreSQL on → off) so neither always has
// the warmer machine. Printed, not saved.
import { lt } from 'drizzle-orm';
import { trainingUsage } from '../src/modules/trainings/catalogue-usage.table.ts';
import { CatalogueUsage, writeCounters } from '../src/modules/trainings/catalogue-usage.ts';
import { trainingItem } from '../src/modules/trainings/trainings.table.ts';
import type { Database } from '../src/platform/server/db.ts';
import { ReadCache } from '../src/platform/server/read-cache.ts';
import type { TrainingsResult } from './trainings.ts';

export type UsageRun = { counting: 'on' | 'off'; result: TrainingsResult };

export function printCatalogueUsage(runs: UsageRun[], log: (msg: string) => void, table: (rows: string[][]) => string) {
  log('\nCatalogue reads with and without usage counting (same run, same dataset):');
  const rows: string[][] = [
    ['database', 'counting', 'request', 'req/s', 'p50 ms', 'p99 ms', 'p99 / baseline', 'failed'],
  ];
  for (const { counting, result: r } of runs) {
    const first = r.searches.find((s) => s.label.startsWith('no q, no filter'));
    const worst = r.searches.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
    const lines: [string, { requestsPerSecond: number; p50Ms: number; p99Ms: number }, string, number][] = [
      [
        'GET /api/organisations (baseline)',
        r.baseline,
        '',
        r.baseline.non2xx + r.baseline.errors + r.baseline.timeouts,
      ],
    ];
    if (first) lines.push(['first page (cache hit)', first, `${first.p99VsBaseline.toFixed(2)}×`, first.failed]);
    lines.push([`worst repeated: ${worst.label}`, worst, `${worst.p99VsBaseline.toFixed(2)}×`, worst.failed]);
    lines.push([
      'distinct searches (cache misses)',
      r.distinct,
      `${r.distinct.p99VsBaseline.toFixed(2)}×`,
      r.distinct.failed,
    ]);
    for (const [label, l, ratio, failed] of lines)
      rows.push([
        r.database,
        counting,
        label,
        fmt(l.requestsPerSecond),
        fmt(l.p50Ms),
        fmt(l.p99Ms),
        ratio,
        String(failed),
      ]);
  }
  log(table(rows));
  // With several rounds (BENCH_USAGE_ROUNDS), each side is the mean of its servers.
  for (const database of ['embedded', 'postgresql'] as const) {
    const of = (counting: 'on' | 'off') =>
      runs.filter((x) => x.result.database === database && x.counting === counting).map((x) => x.result);
    const off = of('off');
    const on = of('on');
    if (off.length === 0 || on.length === 0) continue;
    const avg = (rs: TrainingsResult[], f: (r: TrainingsResult) => number) =>
      rs.reduce((n, r) => n + f(r), 0) / rs.length;
    const repeated = (r: TrainingsResult) =>
      r.searches.reduce((n, s) => n + s.requestsPerSecond, 0) / Math.max(1, r.searches.length);
    const distinctRps = (r: TrainingsResult) => r.distinct.requestsPerSecond;
    const distinctP99 = (r: TrainingsResult) => r.distinct.p99Ms;
    const baseline = (r: TrainingsResult) => r.baseline.requestsPerSecond;
    log(
      `  ${database} (${off.length} + ${on.length} servers): baseline ${fmt(avg(off, baseline))} → ${fmt(avg(on, baseline))} req/s (${pct(avg(on, baseline), avg(off, baseline))}, not counted either way); repeated searches ${fmt(avg(off, repeated))} → ${fmt(avg(on, repeated))} req/s on average (${pct(avg(on, repeated), avg(off, repeated))}); distinct searches p99 ${fmt(avg(off, distinctP99))} → ${fmt(avg(on, distinctP99))} ms, ${fmt(avg(off, distinctRps))} → ${fmt(avg(on, distinctRps))} req/s (${pct(avg(on, distinctRps), avg(off, distinctRps))})`,
    );
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (on: number, off: number) =>
  `${on >= off ? '+' : ''}${(((on - off) / Math.max(off, 1e-9)) * 100).toFixed(1)} %`;

/** What counting costs in itself, measured in-process on the bench dataset (no HTTP, so no machine noise from it). */
export type CountingCost = {
  database: 'embedded' | 'postgresql';
  /** countPage() with a page of 20 items (a request's whole share of counting), nanoseconds per call. */
  countPageNs: number;
  /** A synchronous upsert of one request's counters (20 items, a tab, a search), ms, median of 30. */
  perRequestUpsertMs: number;
  /** Writing a large 5-second batch (every item of the dataset once, every tab, 300 texts), ms, median of 3. */
  batchRows: number;
  batchMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measureCountingCost(database: Database, name: CountingCost['database']): Promise<CountingCost> {
  const { db } = database;
  const deps = { db, cache: new ReadCache(60_000) };
  const ids = (await db.select({ id: trainingItem.id }).from(trainingItem)).map((r) => r.id);
  const page = ids.slice(0, 20);
  const quiet = { warn: () => {} };
  // A day of its own far in the past, so the bench's rows are apart from anything else (and deleted after).
  const day = new Date('2001-06-15T12:00:00Z');
  const usage = new CatalogueUsage(deps, { enabled: true, log: quiet, now: () => day });
  const calls = 200_000;
  const queries: { q?: string; profession?: string; page: number }[] = [
    { q: 'demens', profession: undefined, page: 1 },
    { q: undefined, profession: 'sjukskoterska', page: 1 },
    { q: 'kvantfysik', profession: undefined, page: 1 },
    { q: undefined, profession: undefined, page: 2 },
  ];
  const began = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const query = queries[i % queries.length] as { q?: string; profession?: string; page: number };
    usage.countPage(query, { itemIds: query.q === 'kvantfysik' ? [] : page, total: query.q === 'kvantfysik' ? 0 : 20 });
  }
  const countPageNs = Number(process.hrtime.bigint() - began) / calls;
  await usage.close();

  const one = new Map<string, number>();
  const key = (kind: string, k: string) => `2001-06-16\u0000${kind}\u0000${k}`;
  for (const id of page) one.set(key('item_view', id), 1);
  one.set(key('tab_view', ''), 1);
  one.set(key('search', ''), 1);
  const upserts: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await writeCounters(deps, one);
    upserts.push(performance.now() - t);
  }
  const professions = ['', 'sjukskoterska', 'arbetsterapeut', 'fysioterapeut', 'underskoterska', 'vardbitrade'];
  const batches: number[] = [];
  let batchRows = 0;
  for (let run = 0; run < 3; run++) {
    const batch = new Map<string, number>();
    const k = (kind: string, text: string) => `2001-06-${17 + run}\u0000${kind}\u0000${text}`;
    for (const id of ids) batch.set(k('item_view', id), 3);
    for (const id of ids.slice(0, 1000)) batch.set(k('outbound', id), 1);
    for (const p of professions) batch.set(k('tab_view', p), 40);
    for (let i = 0; i < 300; i++) batch.set(k('no_result_text', `ord ${i}`), 1);
    batch.set(k('search', ''), 900);
    batch.set(k('search_empty', ''), 300);
    batchRows = batch.size;
    const t = performance.now();
    await writeCounters(deps, batch);
    batches.push(performance.now() - t);
  }
  await db.delete(trainingUsage).where(lt(trainingUsage.day, '2002-01-01'));
  return {
    database: name,
    countPageNs: Math.round(countPageNs),
    perRequestUpsertMs: Math.round(median(upserts) * 100) / 100,
    batchRows,
    batchMs: Math.round(median(batches)),
  };
}

export function printCountingCost(costs: CountingCost[], log: (msg: string) => void) {
  log('\nWhat counting costs in itself (in-process, bench dataset):');
  for (const c of costs)
    log(
      `  ${c.database}: countPage ${c.countPageNs} ns per request (20 items); a synchronous upsert per request would add ${c.perRequestUpsertMs} ms (median of 30); a 5-second batch of ${c.batchRows.toLocaleString('en')} counters is written in ${c.batchMs} ms off the requests (median of 3)`,
    );
}
