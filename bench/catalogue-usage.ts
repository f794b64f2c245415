// BENCH_ONLY=catalogue-usage (decision 029): does counting the catalogue's use slow reading it? The catalogue bench
// (bench/trainings.ts) runs twice on each database in the same run, on the same dataset: with the usage counters off
// (USAGE_COUNTING=off) and on, in alternating order (embedded off → on, PostgreSQL on → off) so neither always has
// the warmer machine. Printed, not saved.
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
  for (const database of ['embedded', 'postgresql'] as const) {
    const off = runs.find((x) => x.result.database === database && x.counting === 'off')?.result;
    const on = runs.find((x) => x.result.database === database && x.counting === 'on')?.result;
    if (!off || !on) continue;
    const mean = (r: TrainingsResult) =>
      r.searches.reduce((n, s) => n + s.requestsPerSecond, 0) / Math.max(1, r.searches.length);
    log(
      `  ${database}: repeated searches ${fmt(mean(off))} → ${fmt(mean(on))} req/s on average (${pct(mean(on), mean(off))}); distinct searches p99 ${fmt(off.distinct.p99Ms)} → ${fmt(on.distinct.p99Ms)} ms, ${fmt(off.distinct.requestsPerSecond)} → ${fmt(on.distinct.requestsPerSecond)} req/s (${pct(on.distinct.requestsPerSecond, off.distinct.requestsPerSecond)})`,
    );
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (on: number, off: number) =>
  `${on >= off ? '+' : ''}${(((on - off) / Math.max(off, 1e-9)) * 100).toFixed(1)} %`;
