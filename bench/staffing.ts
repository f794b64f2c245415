// The staffing statistics at national scale, for `npm run bench` (bench/run.ts starts the server on a database that
// bench/staffing-dataset.ts has filled, signs in as the regional admin and calls benchStaffingReads, then on a new
// server benchStaffingImports):
//   • p50/p99 and requests/s of the comparison and the profile endpoint against the foundation's authenticated read
//     (GET /api/organisations) on the same server, with the app's caches as they are (a period's publication is kept
//     until the next change: staffing_revision), plus the cold latency of single requests made right after a change,
//     so the true cost of building a publication is visible too;
//   • the import of a workbook of every municipality (upload + preview, then confirm) against ExcelJS's bare
//     streaming read of the same file.
// Goals: comparison p99 ≤ 5 × the baseline's p99 on PostgreSQL; import ≤ 3 × the bare read.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../src/modules/staffing/reporting/staffing-excel.ts';
import type { Fact } from '../src/modules/staffing/staffing-measures.ts';
import { CONTEXT } from '../src/modules/staffing/staffing-measures.ts';
import { type BenchMunicipality, datasetFacts, type NationalDataset } from './staffing-dataset.ts';

export const STAFFING_GOALS = { comparisonP99VsBaseline: 5, importVsBareRead: 3 };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_RUNS = 5;
const COLD_SAMPLES = 3;
/** Västra Götaland, the region with the most municipalities: a real region's full workbook, besides the nation's. */
const LARGEST_REGION = { name: 'a Västra Götaland-sized region', municipalities: 49 };
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
};

export type StaffingContext = {
  database: 'embedded' | 'postgresql';
  origin: string;
  /** The regional admin's session cookie. */
  cookie: string;
  dataset: NationalDataset & { totalMs: number };
  /** run.ts's autocannon run (warm-up, then the measured run; throws on any non-2xx, error or timeout). */
  load: (url: string, headers: Record<string, string>) => Promise<Load>;
  log: (msg: string) => void;
  /** The server's process id, to wait until it has finished requests autocannon stopped waiting for. */
  serverPid: number | null;
  /** Where the workbooks are written (removed by run.ts). */
  workDir: string;
  /** The foundation's authenticated read measured earlier in the run on the demo-sized database, if any. */
  foundationBaseline: Load | null;
};

type ImportRun = {
  variant: number;
  bareReadMs: number;
  uploadPreviewMs: number;
  confirmMs: number;
  changes: number;
};
export type ImportResult = {
  label: string;
  municipalities: number;
  fileBytes: number;
  runs: ImportRun[];
  medianBareReadMs: number;
  medianUploadPreviewMs: number;
  medianConfirmMs: number;
  medianImportMs: number;
  previewVsBareRead: number;
  importVsBareRead: number;
  goalMet: boolean;
};
export type StaffingResult = {
  database: 'embedded' | 'postgresql';
  dataset: {
    rows: NationalDataset['rows'];
    loadMs: number;
    totalMs: number;
    newestPeriod: string;
    profileMunicipality: { name: string; inhabitants: number };
    /** Periods in the profile's trend: the dataset's and the demo's. */
    profilePeriods: number;
  };
  baseline: Load;
  comparison: Load & { responseBytes: number };
  profile: Load & { responseBytes: number };
  /** How long the server stayed busy after a load ended (answers still being computed when autocannon stopped). */
  busyAfterMs: { baseline: number; comparison: number };
  /** The profile is loaded last: CPU seconds the server still spent in the 3 s after that run (it is then stopped). */
  busyAfterProfileCpuSeconds: number;
  cold: {
    comparisonMs: number[];
    medianComparisonMs: number;
    publicComparisonMs: number[];
    /** Set when the open statistics' comparison did not answer 200 (then it is not timed). */
    publicComparisonFailure: string | null;
    medianPublicComparisonMs: number;
    profileMs: number[];
    medianProfileMs: number;
    /** The first profile request after one report of the newest period changed (the other periods stay cached). */
    profileAfterReportMs: number[];
    /** The server's CPU time (user + system, ms) during each cold request above. */
    comparisonCpuMs: number[];
    profileCpuMs: number[];
    profileAfterReportCpuMs: number[];
    /** The first profile (comparison) request after a new age band changed which figures exist, and its CPU time. */
    profileAfterShapeMs: number[];
    profileAfterShapeCpuMs: number[];
    comparisonAfterShapeMs: number[];
    comparisonAfterShapeCpuMs: number[];
    /** The profile's first request since the server started (every period's facts read for the first time). */
    firstProfileSinceStartMs: number;
  };
  comparisonP99VsBaseline: number;
  /**
   * The newest period published (decision 016: one protected pattern over all its tables, chosen and audited by the
   * disclosure engine) at national scale, and the open comparison read from the stored publication.
   */
  publication: {
    publishMs: number;
    outcome: unknown;
    publicComparison: Load | null;
    publicComparisonP99VsBaseline: number | null;
  };
  profileP99VsBaseline: number;
  comparisonP99VsFoundation: number | null;
  comparisonGoalMet: boolean;
  imports: ImportResult[];
};

/**
 * The read endpoints, on a server started for them. The profile is loaded last: under load its answers take longer
 * than the cache keeps a publication, so the server is still computing long after the run; run.ts then stops it and
 * starts a new server for the imports (benchStaffingImports).
 */
export async function benchStaffingReads(ctx: StaffingContext): Promise<Omit<StaffingResult, 'imports'>> {
  const { origin, cookie, dataset, database, log } = ctx;
  const headers = { cookie };
  const newest = dataset.periods.at(-1);
  if (!newest) throw new Error('the dataset has no period');
  const byInhabitants = [...dataset.municipalities].sort((a, b) => a.profile.inhabitants - b.profile.inhabitants);
  const mid = byInhabitants[Math.floor(byInhabitants.length / 2)];
  if (!mid) throw new Error('the dataset has no municipality');

  const baselineUrl = `${origin}/api/organisations`;
  const comparisonUrl = `${origin}/api/staffing/comparison?periodId=${newest.id}&profession=all`;
  const profileUrl = `${origin}/api/staffing/profile/${mid.id}?periodId=${newest.id}&profession=all`;
  const publicComparisonUrl = `${origin}/api/public/staffing/comparison?periodId=${newest.id}&profession=all`;

  // Every endpoint answers, and with the whole nation, before anything is timed.
  const comparisonBody = await getJson(comparisonUrl, headers);
  const rowCount = (comparisonBody.json as { rows?: unknown[] }).rows?.length ?? 0;
  if (rowCount !== dataset.municipalities.length) {
    throw new Error(`the comparison has ${rowCount} rows, expected ${dataset.municipalities.length}`);
  }
  // The open statistics are an extra, informative number: a failure there is reported, not fatal.
  const publicCheck = await fetch(publicComparisonUrl);
  const publicText = await publicCheck.text();
  const publicComparisonFailure =
    publicCheck.status === 200 ? null : `answered ${publicCheck.status}: ${publicText.slice(0, 300)}`;
  if (publicComparisonFailure) log(`  ${database}: GET /api/public/staffing/comparison ${publicComparisonFailure}`);
  const profession = dataset.config.professions.find((p) => p.active);
  if (!profession) throw new Error('no active profession');
  // A change without effect (a profession's name saved as it is) moves the revision the publications are cached by
  // and clears the app's read cache: the next statistics request computes everything, as after any real change.
  const touch = async () => {
    const res = await fetch(`${origin}/api/staffing/config/professions/${profession.id}`, {
      method: 'PATCH',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: profession.name }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`PATCH of a profession answered ${res.status}: ${text}`);
  };
  // Cold: the first request after a change. Beside the wall time, the CPU time the server spent on the request
  // (user + system; the embedded database runs in the server's process, PostgreSQL's work is not in it): on a loaded
  // machine the wall time mostly measures the other processes.
  const serverCpu = async (fn: () => Promise<number>): Promise<[number, number]> => {
    const before = safeTicks(ctx.serverPid);
    const ms = await fn();
    return [ms, round((safeTicks(ctx.serverPid) - before) * 10)];
  };
  log(`  ${database}: cold comparison requests (each the first after a change, ${COLD_SAMPLES} samples)…`);
  const coldComparison: number[] = [];
  const coldComparisonCpu: number[] = [];
  const coldPublic: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    await touch();
    const [ms, cpu] = await serverCpu(() => timedGet(comparisonUrl, headers));
    coldComparison.push(ms);
    coldComparisonCpu.push(cpu);
    // The signed-in publication is built now; the public one (approved reports, small counts suppressed) is not.
    if (!publicComparisonFailure) coldPublic.push(await timedGet(publicComparisonUrl, {}));
  }

  // The profile's trend reads every period (the dataset's and the demo's). Its first request since the server
  // started reads every period's facts; timed, and it doubles as the check. Then, as in use, a change comes and the
  // first profile request after it is timed (the last change before the loads, so these meet every view built).
  log(`  ${database}: the first profile request since the server started…`);
  const profileBegan = performance.now();
  const profileBody = await getJson(profileUrl, headers);
  const firstProfile = round(performance.now() - profileBegan);
  const trend = (profileBody.json as { trend?: unknown[] }).trend?.length ?? 0;
  if (trend < dataset.periods.length) throw new Error(`the profile's trend has ${trend} periods`);
  log(`  ${database}: cold profile requests (each the first after a change, ${COLD_SAMPLES} samples)…`);
  const coldProfile: number[] = [];
  const coldProfileCpu: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    await touch();
    const [ms, cpu] = await serverCpu(() => timedGet(profileUrl, headers));
    coldProfile.push(ms);
    coldProfileCpu.push(cpu);
  }
  // A change to one report (returned, then submitted again) moves only its period's revision: the next profile
  // request computes that period's view (reading only that report's facts again) and finds the others kept.
  log(`  ${database}: one cold profile request after a report of ${newest.label} changed…`);
  const changed = dataset.municipalities.find((m) => m.id !== mid.id) ?? mid;
  const reportUrl = `${origin}/api/staffing/periods/${newest.id}/reports/${changed.id}`;
  await postJson(origin, cookie, `${reportUrl}/return`, { comment: 'Återförd av benchmarken.' });
  await postJson(origin, cookie, `${reportUrl}/submit`, {});
  const [afterReportMs, afterReportCpu] = await serverCpu(() => timedGet(profileUrl, headers));
  const coldProfileAfterReport = [afterReportMs];
  // A change that alters which figures exist, the worst kind: a new age band of 90 and over (a new column for every
  // profession, and one more band in the 60+ sum the key ratios read), so every view of every period, the trend's
  // too, is computed from the kept facts again. A new band each time, so no sample finds an earlier one's views.
  log(`  ${database}: cold profile and comparison requests after the figures' shape changed (${COLD_SAMPLES} each)…`);
  let added = 0;
  const addAgeBand = () =>
    postJson(origin, cookie, `${origin}/api/staffing/config/items`, {
      kind: 'age_band',
      key: `bench_${Date.now().toString(36)}_${added++}`,
      name: `Benchmarkens åldersgrupp ${added}`,
      nameEn: `Benchmark age band ${added}`,
      minAge: 90,
      maxAge: null,
    });
  const shapeProfile: number[] = [];
  const shapeProfileCpu: number[] = [];
  const shapeComparison: number[] = [];
  const shapeComparisonCpu: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    await addAgeBand();
    const [pms, pcpu] = await serverCpu(() => timedGet(profileUrl, headers));
    shapeProfile.push(pms);
    shapeProfileCpu.push(pcpu);
    await addAgeBand();
    const [cms, ccpu] = await serverCpu(() => timedGet(comparisonUrl, headers));
    shapeComparison.push(cms);
    shapeComparisonCpu.push(ccpu);
  }

  log(`  ${database}: GET /api/organisations (signed in; the baseline, on the national dataset)…`);
  const baseline = await ctx.load(baselineUrl, headers);
  const busyAfterBaseline = await waitForIdle(ctx);
  log(`  ${database}: GET /api/staffing/comparison (${newest.label}, all professions, ${rowCount} municipalities)…`);
  const comparison = await ctx.load(comparisonUrl, headers);
  const busyAfterComparison = await waitForIdle(ctx);

  // Publish the newest period (what other municipalities and the public read), timed, then load the open comparison,
  // which reads the stored publication: it must cost no more than the live one.
  log(`  ${database}: POST /api/staffing/periods/:id/publish (${newest.label}, ${rowCount} municipalities)…`);
  const publishBegan = performance.now();
  const publishRes = await fetch(`${origin}/api/staffing/periods/${newest.id}/publish`, {
    method: 'POST',
    headers: { cookie, origin },
  });
  const publishText = await publishRes.text();
  const publishMs = round(performance.now() - publishBegan);
  log(`    answered ${publishRes.status} in ${(publishMs / 1000).toFixed(1)} s: ${publishText.slice(0, 400)}`);
  let publicComparison: Load | null = null;
  if (publishRes.status === 200) {
    log(`  ${database}: GET /api/public/staffing/comparison (the stored publication)…`);
    publicComparison = await ctx.load(publicComparisonUrl, {});
    await waitForIdle(ctx);
  }

  log(`  ${database}: GET /api/staffing/profile/:id (${mid.name}, ${mid.profile.inhabitants} inhabitants)…`);
  const profile = await ctx.load(profileUrl, headers);
  const busyAfterProfileCpuSeconds = await cpuSecondsOver(ctx, 3000);
  if (busyAfterProfileCpuSeconds > 0.5) {
    log(
      `    (the server is still computing profile answers after the run: ${busyAfterProfileCpuSeconds.toFixed(1)} CPU s in the next 3 s; it is stopped now)`,
    );
  }

  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
  const comparisonP99VsBaseline = ratio(comparison.p99Ms, baseline.p99Ms);
  return {
    database,
    dataset: {
      rows: dataset.rows,
      loadMs: dataset.loadMs,
      totalMs: dataset.totalMs,
      newestPeriod: newest.label,
      profileMunicipality: { name: mid.name, inhabitants: mid.profile.inhabitants },
      profilePeriods: trend,
    },
    baseline,
    comparison: { ...comparison, responseBytes: comparisonBody.bytes },
    profile: { ...profile, responseBytes: profileBody.bytes },
    busyAfterMs: { baseline: busyAfterBaseline, comparison: busyAfterComparison },
    busyAfterProfileCpuSeconds,
    cold: {
      comparisonMs: coldComparison,
      medianComparisonMs: median(coldComparison),
      publicComparisonMs: coldPublic,
      publicComparisonFailure,
      medianPublicComparisonMs: median(coldPublic),
      profileMs: coldProfile,
      medianProfileMs: median(coldProfile),
      profileAfterReportMs: coldProfileAfterReport,
      comparisonCpuMs: coldComparisonCpu,
      profileCpuMs: coldProfileCpu,
      profileAfterReportCpuMs: [afterReportCpu],
      profileAfterShapeMs: shapeProfile,
      profileAfterShapeCpuMs: shapeProfileCpu,
      comparisonAfterShapeMs: shapeComparison,
      comparisonAfterShapeCpuMs: shapeComparisonCpu,
      firstProfileSinceStartMs: firstProfile,
    },
    comparisonP99VsBaseline,
    profileP99VsBaseline: ratio(profile.p99Ms, baseline.p99Ms),
    comparisonP99VsFoundation: ctx.foundationBaseline ? ratio(comparison.p99Ms, ctx.foundationBaseline.p99Ms) : null,
    comparisonGoalMet: comparisonP99VsBaseline <= STAFFING_GOALS.comparisonP99VsBaseline,
    publication: {
      publishMs,
      outcome: publishRes.status === 200 ? JSON.parse(publishText) : { status: publishRes.status, body: publishText },
      publicComparison,
      publicComparisonP99VsBaseline: publicComparison ? ratio(publicComparison.p99Ms, baseline.p99Ms) : null,
    },
  };
}

// ---- import ------------------------------------------------------------------------------------------------------

/**
 * Workbooks of the newest period, built once per run and used on both databases (they hold the same dataset, and a
 * workbook names municipalities by code and values by key). Variant v adds v to each municipality's inhabitants and
 * to every profession's budgeted and filled positions: valid, and a change against the other variant and the dataset.
 */
const workbooks = new Map<string, { path: string; bytes: number }>();

async function workbook(ctx: StaffingContext, municipalities: BenchMunicipality[], variant: number) {
  const name = `bench-${municipalities.length}-v${variant}.xlsx`;
  const cached = workbooks.get(name);
  if (cached) return cached;
  const newest = ctx.dataset.periods.at(-1);
  if (!newest) throw new Error('the dataset has no period');
  const began = performance.now();
  const body = await buildTemplate({
    period: {
      label: newest.label,
      referenceDate: `${newest.label.slice(-4)}-10-01`,
      deadline: `${Number(newest.label.slice(-4)) + 1}-01-31`,
    },
    config: ctx.dataset.config,
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      code: m.code,
      facts: perturb(datasetFacts(ctx.dataset, m, newest), variant),
      previous: null,
    })),
  });
  mkdirSync(ctx.workDir, { recursive: true });
  const file = path.join(ctx.workDir, name);
  writeFileSync(file, body);
  const entry = { path: file, bytes: statSync(file).size };
  workbooks.set(name, entry);
  ctx.log(
    `    built ${name}: ${formatBytes(entry.bytes)} in ${Math.round(performance.now() - began)} ms (buildTemplate)`,
  );
  return entry;
}

function perturb(facts: Fact[], variant: number): Fact[] {
  const add = (value: number) => Math.round((value + variant) * 100) / 100;
  return facts.map((f) => {
    if (f.profession === CONTEXT && f.measure === 'inhabitants') return { ...f, value: add(f.value) };
    if (f.measure === 'positions_budgeted' || f.measure === 'positions_filled') return { ...f, value: add(f.value) };
    return f;
  });
}
const changesPerMunicipality = (ctx: StaffingContext) =>
  1 + 2 * ctx.dataset.config.professions.filter((p) => p.active).length;

/** ExcelJS's bare streaming read: every row of every sheet, nothing else. */
export async function bareRead(file: string): Promise<{ ms: number; rows: number }> {
  const began = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  for await (const worksheet of reader) {
    for await (const _row of worksheet as unknown as AsyncIterable<unknown>) rows++;
  }
  return { ms: performance.now() - began, rows };
}

/** The imports, on a fresh server (see benchStaffingReads). */
export async function benchStaffingImports(ctx: StaffingContext): Promise<ImportResult[]> {
  const { dataset, origin, cookie, database, log } = ctx;
  const newest = dataset.periods.at(-1);
  if (!newest) throw new Error('the dataset has no period');
  const all = [...dataset.municipalities].sort((a, b) => a.code.localeCompare(b.code));

  // Submitted and approved reports refuse changes: the regional admin returns them first, as before a correction.
  log(`  ${database}: returning the ${all.length} reports of ${newest.label} so that an import may change them…`);
  await inParallel(all, 4, async (m) => {
    const res = await fetch(`${origin}/api/staffing/periods/${newest.id}/reports/${m.id}/return`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'Återförd av benchmarken inför importmätningen.' }),
    });
    // Read every answer: one left unread keeps its connection busy, and the server's graceful stop waits for it.
    const text = await res.text();
    if (res.status !== 200) throw new Error(`returning ${m.name}: ${res.status} ${text}`);
  });
  // The workbooks start from the dataset's own values: check the server holds exactly those.
  const sample = all[0];
  if (sample) {
    const report = await getJson(`${origin}/api/staffing/periods/${newest.id}/reports/${sample.id}`, { cookie });
    const held = (report.json as { facts: Fact[] }).facts.length;
    const expected = datasetFacts(dataset, sample, newest).length;
    if (held !== expected) throw new Error(`${sample.name} holds ${held} facts, the dataset ${expected}`);
  }

  const sets: { label: string; municipalities: BenchMunicipality[] }[] = [
    { label: `all ${all.length} municipalities (the nation)`, municipalities: all },
    {
      label: `${LARGEST_REGION.municipalities} municipalities (${LARGEST_REGION.name})`,
      municipalities: all.slice(0, LARGEST_REGION.municipalities),
    },
  ];
  // The dataset's values are variant 0; each run uploads the variant its municipalities do not hold.
  const held = new Map(all.map((m) => [m.id, 0]));
  const results: ImportResult[] = [];
  let warmedUp = false;
  for (const set of sets) {
    const first = await workbook(ctx, set.municipalities, 1);
    if (first.bytes > UPLOAD_LIMIT_BYTES) {
      log(`    ${set.label}: the workbook is ${formatBytes(first.bytes)}, above the 10 MB upload limit; skipped`);
      continue;
    }
    if (!warmedUp) {
      // One untimed round (bare read, upload, discard) so neither process meets ExcelJS for the first time in a run.
      await bareRead(first.path);
      const preview = await upload(ctx, newest.id, first.path);
      await post(ctx, `/api/staffing/imports/${preview.id}/discard`);
      warmedUp = true;
    }
    log(`  ${database}: import of ${set.label}, ${IMPORT_RUNS} runs…`);
    const runs: ImportRun[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      const current = held.get(set.municipalities[0]?.id ?? '') ?? 0;
      const variant = current === 1 ? 2 : 1;
      const file = await workbook(ctx, set.municipalities, variant);
      const bare = await bareRead(file.path);
      let began = performance.now();
      const preview = await upload(ctx, newest.id, file.path);
      const uploadPreviewMs = performance.now() - began;
      const expected = set.municipalities.length * changesPerMunicipality(ctx);
      if (preview.changes.length !== expected) {
        throw new Error(`the preview shows ${preview.changes.length} changes, expected ${expected}`);
      }
      began = performance.now();
      const applied = await post(ctx, `/api/staffing/imports/${preview.id}/confirm`);
      const confirmMs = performance.now() - began;
      if (applied.status !== 'applied') throw new Error(`the import is ${applied.status} after confirm`);
      for (const m of set.municipalities) held.set(m.id, variant);
      runs.push({
        variant,
        bareReadMs: round(bare.ms),
        uploadPreviewMs: round(uploadPreviewMs),
        confirmMs: round(confirmMs),
        changes: preview.changes.length,
      });
    }
    const medianBareReadMs = median(runs.map((r) => r.bareReadMs));
    const medianUploadPreviewMs = median(runs.map((r) => r.uploadPreviewMs));
    const medianConfirmMs = median(runs.map((r) => r.confirmMs));
    const medianImportMs = median(runs.map((r) => r.uploadPreviewMs + r.confirmMs));
    const importVsBareRead = medianImportMs / medianBareReadMs;
    results.push({
      label: set.label,
      municipalities: set.municipalities.length,
      fileBytes: first.bytes,
      runs,
      medianBareReadMs,
      medianUploadPreviewMs,
      medianConfirmMs,
      medianImportMs,
      previewVsBareRead: medianUploadPreviewMs / medianBareReadMs,
      importVsBareRead,
      goalMet: importVsBareRead <= STAFFING_GOALS.importVsBareRead,
    });
  }
  return results;
}

type Preview = { id: string; status: string; changes: unknown[] };

async function upload(ctx: StaffingContext, periodId: string, file: string): Promise<Preview> {
  const body = await readFile(file);
  const res = await fetch(`${ctx.origin}/api/staffing/periods/${periodId}/imports`, {
    method: 'POST',
    headers: {
      cookie: ctx.cookie,
      origin: ctx.origin,
      'content-type': XLSX_TYPE,
      'x-file-name': path.basename(file),
    },
    body,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`the upload answered ${res.status}: ${text.slice(0, 2000)}`);
  return JSON.parse(text) as Preview;
}

async function post(ctx: StaffingContext, route: string): Promise<Preview> {
  const res = await fetch(`${ctx.origin}${route}`, {
    method: 'POST',
    headers: { cookie: ctx.cookie, origin: ctx.origin },
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST ${route} answered ${res.status}: ${text.slice(0, 2000)}`);
  return JSON.parse(text) as Preview;
}

// ---- report ------------------------------------------------------------------------------------------------------

export function printStaffing(
  results: StaffingResult[],
  skipped: string | null,
  log: (msg: string) => void,
  table: (rows: string[][]) => string,
) {
  if (results.length === 0 && !skipped) return;
  log('\nStaffing statistics at national scale');
  for (const r of results) {
    const d = r.dataset;
    const rows = Object.entries(d.rows)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ');
    log(
      `  ${r.database}: loaded ${rows} in ${(d.loadMs / 1000).toFixed(1)} s (${(d.totalMs / 1000).toFixed(1)} s with migrate and demo seed)`,
    );
  }
  const g = STAFFING_GOALS.comparisonP99VsBaseline;
  const rows: string[][] = [
    ['database', 'endpoint', 'p50 ms', 'p99 ms', 'req/s', 'answers', 'p99/baseline', 'goal', 'result'],
  ];
  const none = '';
  for (const r of results) {
    const pg = r.database === 'postgresql';
    const loadRow = (endpoint: string, l: Load, ratio: string, goal: string, result: string) =>
      rows.push(
        l.requests === 0
          ? [r.database, `${endpoint}: no answer within the run`, '–', '–', '0', '0', '–', goal, goal ? 'NOT MET' : '']
          : [
              r.database,
              endpoint,
              fmt(l.p50Ms),
              fmt(l.p99Ms),
              fmt(l.requestsPerSecond),
              String(l.requests),
              ratio,
              goal,
              result,
            ],
      );
    loadRow('GET /api/organisations (baseline)', r.baseline, '1.0×', none, none);
    loadRow(
      `GET /api/staffing/comparison (${r.dataset.newestPeriod}, all, ${formatBytes(r.comparison.responseBytes)})`,
      r.comparison,
      `${r.comparisonP99VsBaseline.toFixed(1)}×`,
      pg ? `≤ ${g}×` : `(≤ ${g}× on PG)`,
      pg ? (r.comparisonGoalMet ? 'met' : 'NOT MET') : r.comparisonGoalMet ? '(within)' : '(above)',
    );
    if (r.publication.publicComparison) {
      loadRow(
        'GET /api/public/staffing/comparison (the stored publication)',
        r.publication.publicComparison,
        `${(r.publication.publicComparisonP99VsBaseline ?? 0).toFixed(1)}×`,
        none,
        none,
      );
    }
    rows.push([
      r.database,
      `publish ${r.dataset.newestPeriod} (protect + audit, national scale): ${(r.publication.publishMs / 1000).toFixed(1)} s`,
      none,
      none,
      none,
      none,
      none,
      '< 60 s',
      r.publication.publicComparison ? (r.publication.publishMs < 60_000 ? 'met' : 'NOT MET') : 'FAILED',
    ]);
    loadRow(
      `GET /api/staffing/profile/:id (${r.dataset.profileMunicipality.name}, ${formatBytes(r.profile.responseBytes)})`,
      r.profile,
      `${r.profileP99VsBaseline.toFixed(1)}×`,
      none,
      none,
    );
    const cold = (what: string, ms: number[], med: number) =>
      rows.push([
        r.database,
        `${what}, cold: first request after a change (${ms.map((x) => Math.round(x)).join(', ')})`,
        fmt(Math.round(med)),
        none,
        none,
        none,
        none,
        none,
        none,
      ]);
    cold('comparison', r.cold.comparisonMs, r.cold.medianComparisonMs);
    if (r.cold.publicComparisonFailure) {
      const status = /answered (\d+)/.exec(r.cold.publicComparisonFailure)?.[1] ?? '?';
      rows.push([
        r.database,
        `public comparison (suppressed): FAILED, HTTP ${status}`,
        none,
        none,
        none,
        none,
        none,
        none,
        none,
      ]);
    } else cold('public comparison (suppressed)', r.cold.publicComparisonMs, r.cold.medianPublicComparisonMs);
    cold(`profile (${r.dataset.profilePeriods} periods)`, r.cold.profileMs, r.cold.medianProfileMs);
    cold('profile after one report changed', r.cold.profileAfterReportMs, median(r.cold.profileAfterReportMs));
    cold('profile after a new age band', r.cold.profileAfterShapeMs, median(r.cold.profileAfterShapeMs));
    cold('comparison after a new age band', r.cold.comparisonAfterShapeMs, median(r.cold.comparisonAfterShapeMs));
  }
  if (skipped) rows.push(['postgresql', `(not measured: ${skipped})`, none, none, none, none, none, none, none]);
  log(`\n${table(rows)}`);
  log(
    "  Under load a period's publication is built once and kept until the next change (staffing_revision, or the period's own " +
      'revision); the cold rows are the median (and each) of single requests made right after a change (a profession saved ' +
      'unchanged, which moves every period; or, last row, one report returned and submitted, which moves only its period).',
  );
  for (const r of results) {
    const busy = Object.entries(r.busyAfterMs)
      .filter(([, ms]) => ms > 4000)
      .map(([what, ms]) => `${what} ${(ms / 1000).toFixed(0)} s`);
    if (r.busyAfterProfileCpuSeconds > 0.5) busy.push('profile: until stopped');
    if (busy.length > 0) {
      log(`  ${r.database}: the server was still computing answers after the run ended (${busy.join(', ')}).`);
    }
    if (r.comparisonP99VsFoundation !== null) {
      log(
        `  ${r.database}: comparison p99 = ${r.comparisonP99VsFoundation.toFixed(1)}× the p99 of GET /api/organisations in the foundation part (demo-sized database).`,
      );
    }
  }

  const importRows: string[][] = [
    [
      'database',
      'workbook',
      'size',
      'bare read ms',
      'upload+preview ms',
      'confirm ms',
      'preview/bare',
      'import/bare',
      'goal',
      'result',
    ],
  ];
  for (const r of results) {
    for (const i of r.imports) {
      importRows.push([
        r.database,
        i.label,
        formatBytes(i.fileBytes),
        fmt(Math.round(i.medianBareReadMs)),
        fmt(Math.round(i.medianUploadPreviewMs)),
        fmt(Math.round(i.medianConfirmMs)),
        `${i.previewVsBareRead.toFixed(1)}×`,
        `${i.importVsBareRead.toFixed(1)}×`,
        `≤ ${STAFFING_GOALS.importVsBareRead}×`,
        i.goalMet ? 'met' : 'NOT MET',
      ]);
    }
  }
  log(`\n${table(importRows)}`);
  log(
    `  Medians of ${IMPORT_RUNS} runs. import = upload+preview+confirm through the server (${formatBytes(UPLOAD_LIMIT_BYTES)} upload limit); ` +
      "bare read = ExcelJS's WorkbookReader over every row of every sheet, in the bench process.",
  );
}

/** The goals for latest.json and the summary: the comparison on PostgreSQL, the import on each database. */
export function staffingGoals(results: StaffingResult[]) {
  const pg = results.find((r) => r.database === 'postgresql');
  const goals: Record<string, { goal: string; value: number | null; met: boolean | null }> = {
    staffingComparisonP99VsBaselineOnPostgres: {
      goal: `≤ ${STAFFING_GOALS.comparisonP99VsBaseline}× the p99 of GET /api/organisations (national dataset)`,
      value: pg ? round(pg.comparisonP99VsBaseline, 2) : null,
      met: pg ? pg.comparisonGoalMet : null,
    },
  };
  // The goal is for a full-region workbook (the largest region's 49 municipalities); the whole nation's
  // workbook is held to the same ratio and reported beside it.
  for (const database of ['embedded', 'postgresql'] as const) {
    const r = results.find((x) => x.database === database);
    const suffix = database === 'embedded' ? 'Embedded' : 'OnPostgres';
    const sets = [
      {
        name: `staffingImportVsBareRead${suffix}`,
        result: r?.imports.find((i) => i.municipalities === LARGEST_REGION.municipalities),
      },
      {
        name: `staffingNationImportVsBareRead${suffix}`,
        result: r?.imports.find((i) => i.municipalities !== LARGEST_REGION.municipalities),
      },
    ];
    for (const { name, result } of sets) {
      goals[name] = {
        goal: `≤ ${STAFFING_GOALS.importVsBareRead}× ExcelJS's bare streaming read (${result ? result.label : 'workbook'}, upload+preview+confirm)`,
        value: result ? round(result.importVsBareRead, 2) : null,
        met: result ? result.goalMet : null,
      };
    }
  }
  return goals;
}

// ---- helpers -----------------------------------------------------------------------------------------------------

async function postJson(origin: string, cookie: string, url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 2000)}`);
  }
}

async function getJson(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 2000)}`);
  return { json: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

async function timedGet(url: string, headers: Record<string, string>) {
  const began = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const ms = performance.now() - began;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return round(ms);
}

/**
 * Waits until the server has used almost no CPU for two seconds in a row: autocannon stops waiting at the end of its
 * run, but the server goes on computing the answers it had started, which would otherwise slow what comes next.
 * Returns how long that took (Linux: /proc; elsewhere a fixed pause).
 */
async function waitForIdle(ctx: StaffingContext): Promise<number> {
  const began = performance.now();
  try {
    let quiet = 0;
    let last = cpuTicks(ctx.serverPid);
    while (quiet < 2 && performance.now() - began < 120_000) {
      await sleep(1000);
      const now = cpuTicks(ctx.serverPid);
      quiet = now - last <= 3 ? quiet + 1 : 0;
      last = now;
    }
  } catch {
    await sleep(5000);
  }
  const ms = Math.round(performance.now() - began);
  if (ms > 4000)
    ctx.log(`    (the server stayed busy ${(ms / 1000).toFixed(0)} s after the run with answers still being computed)`);
  return ms;
}

/** cpuTicks, or NaN where /proc is not there. */
function safeTicks(pid: number | null): number {
  try {
    return cpuTicks(pid);
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system) the process has used, in 1/100 s (Linux /proc). */
function cpuTicks(pid: number | null): number {
  if (!pid) throw new Error('no pid');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU seconds the server uses during the next `ms` (NaN where /proc is not there). */
async function cpuSecondsOver(ctx: StaffingContext, ms: number): Promise<number> {
  try {
    const before = cpuTicks(ctx.serverPid);
    await sleep(ms);
    return (cpuTicks(ctx.serverPid) - before) / 100;
  } catch {
    return Number.NaN;
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function round(n: number, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function formatBytes(n: number) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;
}
