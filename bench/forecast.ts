// The staffing forecast and the region report, for `npm run bench` (bench/run.ts starts a server on the national
// dataset of bench/staffing-dataset.ts — 290 municipalities with approved reports in "Bench 2025" and ten years of
// population projections — signs in as the regional admin and calls benchForecast):
//   • the comparison endpoint (the goal's reference) and the forecast endpoint loaded one after the other on the same
//     server: the region's forecast for "Bench 2025" (290 municipalities × 7 professions × 10 years, the base case and
//     the scenarios: part-time, later retirement, staffing ratio, all three together), with the caches as they are
//     (as the comparison is measured), then a mix of twelve lever settings (a steering group trying levers), then a
//     new lever setting in every request (each answer computed anew: the cost of a cache miss under load);
//   • the cold latency of single forecast requests made right after a change (the inputs of 290 municipalities read
//     again and every forecast computed);
//   • the time to generate the region report (PDF and XLSX, in the background) for the demo region's 15 municipalities.
// Goal: the forecast's p99 ≤ 3 × the comparison's p99 in the same run (with the caches as they are).
import type { Load, StaffingContext } from './staffing.ts';

export const FORECAST_GOALS = { forecastP99VsComparisonP99: 3 };
const COLD_SAMPLES = 3;
const REPORT_RUNS = 3;
const REPORT_TIMEOUT_MS = 300_000;

export type ForecastBenchResult = {
  database: 'embedded' | 'postgresql';
  period: string;
  municipalities: number;
  professions: number;
  years: number;
  scenarios: number;
  responseBytes: number;
  comparison: Load;
  forecast: Load;
  leverMix: Load;
  distinctLevers: Load;
  coldMs: number[];
  medianColdMs: number;
  forecastP99VsComparisonP99: number;
  leverMixP99VsComparisonP99: number;
  distinctP99VsComparisonP99: number;
  goalMet: boolean;
  report:
    | {
        period: string;
        municipalities: number;
        runsMs: number[];
        medianMs: number;
        pdfBytes: number;
        xlsxBytes: number;
        pageCount: number | null;
      }
    | { skipped: string };
};

type ForecastLike = {
  period: { id: string; label: string } | null;
  municipalities: { included: boolean }[];
  base: { horizonYears: number; professions: unknown[] };
  scenarios: unknown[];
};

export async function benchForecast(
  ctx: StaffingContext & {
    loadMix: (url: string, headers: Record<string, string>, nextPath: () => string) => Promise<Load>;
  },
): Promise<ForecastBenchResult> {
  const { origin, cookie, dataset, database, log } = ctx;
  const headers = { cookie };
  const full = dataset.periods.find((p) => p.closed && p.yearIndex === dataset.periods.length - 2);
  const newest = dataset.periods.at(-1);
  if (!full || !newest) throw new Error('the dataset lacks its periods');
  const comparisonUrl = `${origin}/api/staffing/comparison?periodId=${newest.id}&profession=all`;
  const forecastPath = `/api/staffing/forecast?periodId=${full.id}`;
  const forecastUrl = `${origin}${forecastPath}`;

  // The region's forecast reads the period's publication (published-inputs.ts): the dataset's closed periods are
  // loaded without one, so the period is published first (untimed; bench/staffing.ts times a publication).
  const probe = (await get(forecastUrl, headers)).json as ForecastLike;
  if (probe.municipalities.filter((m) => m.included).length < dataset.municipalities.length) {
    log(`  ${database}: publishing ${full.label} (the region's forecast reads its publication)…`);
    const res = await fetch(`${origin}/api/staffing/periods/${full.id}/publish`, {
      method: 'POST',
      headers: { cookie, origin },
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`publishing ${full.label} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  // The forecast answers, with every municipality of the dataset, before anything is timed.
  const first = await get(forecastUrl, headers);
  const body = first.json as ForecastLike;
  const included = body.municipalities.filter((m) => m.included).length;
  if (body.period?.id !== full.id || included < dataset.municipalities.length) {
    throw new Error(`the forecast covers ${included} municipalities, expected ${dataset.municipalities.length}`);
  }

  // Cold: the first request after a change. Saving the settings as they are moves the key the inputs are cached by.
  log(`  ${database}: cold forecast requests (each the first after a change, ${COLD_SAMPLES} samples)…`);
  const settings = (await get(`${origin}/api/staffing/forecast/settings`, headers)).json as Record<string, unknown>;
  const { updatedAt: _u, canEdit: _c, ...input } = settings;
  const coldMs: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    const res = await fetch(`${origin}/api/staffing/forecast/settings`, {
      method: 'PUT',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (res.status !== 200) throw new Error(`PUT of the forecast settings answered ${res.status}: ${await res.text()}`);
    const began = performance.now();
    await get(forecastUrl, headers);
    coldMs.push(Math.round(performance.now() - began));
  }

  log(`  ${database}: GET /api/staffing/comparison (${newest.label}, the goal's reference)…`);
  const comparison = await ctx.load(comparisonUrl, headers);
  log(`  ${database}: GET /api/staffing/forecast (${full.label}, ${included} municipalities, default levers)…`);
  const forecast = await ctx.load(forecastUrl, headers);

  // Twelve lever settings in turn: each lever at three values, the others at their defaults.
  const mix = [
    ...[0, 2, 4, 6].map((h) => `extraHoursPerWeek=${h}`),
    ...[0, 1, 2, 3].map((d) => `retirementDelayYears=${d}`),
    ...[-10, -5, 0, 5].map((r) => `staffingRatioChangePercent=${r}`),
  ];
  let m = 0;
  log(`  ${database}: GET /api/staffing/forecast, a mix of ${mix.length} lever settings…`);
  const leverMix = await ctx.loadMix(forecastUrl, headers, () => `${forecastPath}&${mix[m++ % mix.length]}`);

  // A new setting every request: hours in tenths, every delay and ratio, so no answer is cached.
  let n = 0;
  const distinct = () => {
    n += 1;
    const hours = (n % 200) / 10;
    const delay = Math.floor(n / 200) % 6;
    const ratio = (Math.floor(n / 1200) % 100) - 50;
    return `${forecastPath}&extraHoursPerWeek=${hours}&retirementDelayYears=${delay}&staffingRatioChangePercent=${ratio}`;
  };
  log(`  ${database}: GET /api/staffing/forecast, a new lever setting in every request…`);
  const distinctLevers = await ctx.loadMix(forecastUrl, headers, distinct);

  // A failed report is reported, not fatal: the forecast's numbers stand on their own.
  const report = await benchReport(origin, cookie, database, log).catch((error: Error) => ({
    skipped: `FAILED: ${error.message}`,
  }));
  const ratio = (l: Load) => (comparison.p99Ms > 0 ? l.p99Ms / comparison.p99Ms : Number.POSITIVE_INFINITY);
  return {
    database,
    period: full.label,
    municipalities: included,
    professions: body.base.professions.length,
    years: body.base.horizonYears,
    scenarios: body.scenarios.length,
    responseBytes: first.bytes,
    comparison,
    forecast,
    leverMix,
    distinctLevers,
    coldMs,
    medianColdMs: median(coldMs),
    forecastP99VsComparisonP99: ratio(forecast),
    leverMixP99VsComparisonP99: ratio(leverMix),
    distinctP99VsComparisonP99: ratio(distinctLevers),
    goalMet: ratio(forecast) <= FORECAST_GOALS.forecastP99VsComparisonP99,
    report,
  };
}

/** The region report of the demo region's newest period with approved reports, generated REPORT_RUNS times. */
async function benchReport(
  origin: string,
  cookie: string,
  database: string,
  log: (msg: string) => void,
): Promise<ForecastBenchResult['report']> {
  const headers = { cookie };
  const periods = (await get(`${origin}/api/staffing/periods`, headers)).json as { id: string; label: string }[];
  const demo = periods.filter((p) => !p.label.startsWith('Bench'));
  const forecasts = await Promise.all(
    demo.map(async (p) => ({
      period: p,
      forecast: (await get(`${origin}/api/staffing/forecast?periodId=${p.id}`, headers)).json as ForecastLike,
    })),
  );
  // The demo's finished round (every demo municipality approved), the newest if several are.
  const included = (f: (typeof forecasts)[number]) => f.forecast.municipalities.filter((m) => m.included).length;
  const chosen = forecasts
    .filter((f) => included(f) > 0)
    .sort((a, b) => included(b) - included(a) || b.period.label.localeCompare(a.period.label))[0];
  if (!chosen) return { skipped: 'the demo region has no period with approved reports' };
  const municipalities = chosen.forecast.municipalities.filter((m) => m.included).length;
  log(
    `  ${database}: the region report of ${chosen.period.label} (${municipalities} municipalities), ${REPORT_RUNS} runs…`,
  );
  const runsMs: number[] = [];
  let last: { id: string; pageCount?: number | null } | null = null;
  for (let i = 0; i < REPORT_RUNS; i++) {
    const began = performance.now();
    const res = await fetch(`${origin}/api/staffing/region-reports`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ periodId: chosen.period.id }),
    });
    const text = await res.text();
    if (res.status !== 202) throw new Error(`POST /api/staffing/region-reports answered ${res.status}: ${text}`);
    const { id } = JSON.parse(text) as { id: string };
    for (;;) {
      const state = (await get(`${origin}/api/staffing/region-reports/${id}`, headers)).json as {
        status: string;
        error?: string | null;
        pageCount?: number | null;
      };
      if (state.status === 'done') {
        last = { id, pageCount: state.pageCount ?? null };
        break;
      }
      if (state.status === 'failed') throw new Error(`the region report failed: ${state.error ?? '?'}`);
      if (performance.now() - began > REPORT_TIMEOUT_MS) throw new Error('the region report did not finish in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    runsMs.push(Math.round(performance.now() - began));
  }
  if (!last) return { skipped: 'no report was generated' };
  const size = async (format: 'pdf' | 'xlsx') => {
    const res = await fetch(`${origin}/api/staffing/region-reports/${last?.id}/${format}`, { headers });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`the report's ${format} answered ${res.status}`);
    return bytes;
  };
  return {
    period: chosen.period.label,
    municipalities,
    runsMs,
    medianMs: median(runsMs),
    pdfBytes: await size('pdf'),
    xlsxBytes: await size('xlsx'),
    pageCount: last.pageCount ?? null,
  };
}

export function forecastGoals(results: ForecastBenchResult[]) {
  const goals: Record<string, { goal: string; value: number | null; met: boolean | null }> = {};
  for (const database of ['embedded', 'postgresql'] as const) {
    const r = results.find((x) => x.database === database);
    goals[`forecastP99VsComparisonP99${database === 'embedded' ? 'Embedded' : 'OnPostgres'}`] = {
      goal: `≤ ${FORECAST_GOALS.forecastP99VsComparisonP99}× the p99 of GET /api/staffing/comparison (same server, 290 municipalities)`,
      value: r ? Math.round(r.forecastP99VsComparisonP99 * 100) / 100 : null,
      met: r ? r.goalMet : null,
    };
  }
  return goals;
}

export function printForecast(
  results: ForecastBenchResult[],
  log: (msg: string) => void,
  table: (rows: string[][]) => string,
) {
  if (results.length === 0) return;
  const first = results[0];
  log(
    `\nStaffing forecast (${first?.period}: ${first?.municipalities} municipalities × ${first?.professions} professions × ${first?.years} years, base + ${first?.scenarios} scenarios; answer ${Math.round((first?.responseBytes ?? 0) / 1024)} kB)`,
  );
  const rows: string[][] = [['database', 'endpoint', 'p50 ms', 'p99 ms', 'req/s', 'p99/comparison']];
  for (const r of results) {
    const row = (name: string, l: Load, ratio: number | null) =>
      rows.push([
        r.database,
        name,
        fmt(l.p50Ms),
        fmt(l.p99Ms),
        fmt(l.requestsPerSecond),
        ratio === null ? '' : `${ratio.toFixed(2)}×`,
      ]);
    row('GET /api/staffing/comparison (reference)', r.comparison, null);
    row('GET /api/staffing/forecast (default levers)', r.forecast, r.forecastP99VsComparisonP99);
    row('  … a mix of 12 lever settings', r.leverMix, r.leverMixP99VsComparisonP99);
    row('  … a new lever setting every request', r.distinctLevers, r.distinctP99VsComparisonP99);
  }
  log(table(rows));
  for (const r of results) {
    log(
      `  ${r.database}: cold forecast (first request after a change): ${r.coldMs.join(', ')} ms (median ${r.medianColdMs})`,
    );
    if ('skipped' in r.report) log(`  ${r.database}: region report not measured: ${r.report.skipped}`);
    else {
      log(
        `  ${r.database}: region report for ${r.report.period} (${r.report.municipalities} municipalities): ${r.report.runsMs.join(', ')} ms (median ${r.report.medianMs} ms), PDF ${Math.round(r.report.pdfBytes / 1024)} kB${r.report.pageCount ? ` (${r.report.pageCount} pages)` : ''}, XLSX ${Math.round(r.report.xlsxBytes / 1024)} kB`,
      );
    }
  }
}

async function get(url: string, headers: Record<string, string>): Promise<{ json: unknown; bytes: number }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
