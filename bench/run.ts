// `npm run bench`: throughput of an authenticated JSON read against /healthz (the baseline, measured in the same
// run) on the embedded database and on a PostgreSQL server, and the start-up time with an existing data folder.
// Goals: on PostgreSQL the authenticated read reaches ≥ 50 % of /healthz's requests per second; a start on an
// existing folder is ready in < 3 s. Results go to the terminal and to bench/results/latest.json.
//
// Then the staffing statistics at national scale (bench/staffing.ts, bench/staffing-dataset.ts): 290 municipalities ×
// 10 periods × 7 professions loaded into a fresh data folder and into the PostgreSQL bench database; the comparison
// and profile endpoints against the same authenticated read, and the import of a full workbook against ExcelJS's
// bare read. Goals: comparison p99 ≤ 5× the baseline's p99 on PostgreSQL; import ≤ 3× the bare read.
//
// Then the staffing forecast and the region report on the same dataset (bench/forecast.ts): the forecast endpoint
// against the comparison endpoint on the same server, and the report's generation time. Goal: forecast p99 ≤ 3× the
// comparison's p99. BENCH_ONLY=forecast runs only that part (printed, not saved).
//
// Then the public catalogue search with 10,000 invented trainings (bench/trainings.ts, bench/trainings-dataset.ts): a
// mix of searches against the same authenticated read on the same server. Goal: worst search p99 ≤ 3× its p99.
// BENCH_ONLY=trainings runs only that part (printed, not saved).
//
// Then the staff register with 50,000 invented persons in 290 municipalities (bench/people.ts, bench/people-dataset.ts):
// person lists (filter + sort + page) against the same authenticated read, and a 20,000-row HR workbook's import
// against ExcelJS's bare read of it. Goals: worst list p99 ≤ 3× the read's p99; import ≤ 3× the bare read.
// BENCH_ONLY=people runs only that part (printed, not saved); BENCH_PEOPLE_DATABASES=postgresql (or embedded) only that
// database; BENCH_PROFILE_DIR=<dir> has its servers write a CPU profile there (node --cpu-prof) when they stop.
// BENCH_ONLY=activities runs the activities core's feeds and registration throughput (bench/activities.ts; printed).
// BENCH_ONLY=projects: a 2,000-row plan's Gantt chart against its table, and the final report (bench/projects.ts).
// BENCH_ONLY=staffing-reads runs only the statistics reads (cold after a change, loaded) and the national publication,
// embedded then PostgreSQL (printed); BENCH_STAFFING_COLD_ONLY=1 skips the loads, BENCH_PROFILE_DIR profiles the servers.
// BENCH_ONLY=career-paths: the regional progress view and staff by role for 290 municipalities × 10 periods (bench/career-paths.ts).
// BENCH_ONLY=region-map: the region map of 290 municipalities against the comparison table, one Chromium run (bench/region-map.ts).
// BENCH_ONLY=catalogue-usage: the catalogue bench with the usage counters off and on, same run (bench/catalogue-usage.ts).
// BENCH_ONLY=training-plan: 290 municipalities ranking 200 needs, and a 49-municipality follow-up (bench/training-plan.ts).
//
// PostgreSQL: BENCH_DATABASE_URL, else postgres://kompetensnav:kompetensnav@127.0.0.1:5432/kompetensnav_bench
// (scripts/ensure-postgres.sh makes it). The bench database is dropped and created again on every run.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openEmbedded, openServer } from '../src/platform/server/db.ts';
import { DEMO_PASSWORD } from '../src/platform/server/demo.ts';
import { activitiesOnly } from './activities.ts';
import { addCareerData, benchCareerPaths, printCareerPaths } from './career-paths.ts';
import {
  type CountingCost,
  measureCountingCost,
  printCatalogueUsage,
  printCountingCost,
  type UsageRun,
} from './catalogue-usage.ts';
import { benchForecast, type ForecastBenchResult, forecastGoals, printForecast } from './forecast.ts';
import { benchPeople, type PeopleResult, peopleGoals, printPeople } from './people.ts';
import { prepareEmbeddedPeople, preparePostgresPeople } from './people-dataset.ts';
import { projectsOnly } from './projects.ts';
import { regionMapOnly } from './region-map.ts';
import {
  benchStaffingImports,
  benchStaffingReads,
  IMPORT_RUNS,
  type Load,
  printStaffing,
  type StaffingContext,
  type StaffingResult,
  staffingGoals,
} from './staffing.ts';
import { prepareEmbeddedDataset, preparePostgresDataset } from './staffing-dataset.ts';
import { addTrainingPlanData, benchTrainingPlan, printTrainingPlan } from './training-plan.ts';
import {
  benchTrainingsSearch,
  printTrainings,
  type TrainingsContext,
  type TrainingsResult,
  trainingsGoals,
} from './trainings.ts';
import { prepareEmbeddedTrainings, preparePostgresTrainings } from './trainings-dataset.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/kompetensnav.mjs');
const RESULTS = path.join(ROOT, 'bench/results/latest.json');
const DEFAULT_PG_URL = 'postgres://kompetensnav:kompetensnav@127.0.0.1:5432/kompetensnav_bench';
const AUTH_SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const USER = 'regionadmin@demo.example';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 2;
const CONNECTIONS = 10;
const STARTS = 3;
const GOALS = { authenticatedVsHealthzOnPostgres: 0.5, startupMs: 3000 };
const STAFFING_TIMEOUT_S = 120;

type DbResult = { database: 'embedded' | 'postgresql'; healthz: Load; authenticated: Load; ratio: number };
type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Proc = { child: ChildProcess; exit: Promise<Exit>; stdout: () => string; stderr: () => string };

const children = new Set<ChildProcess>();
const work = mkdtempSync(path.join(os.tmpdir(), 'kn-bench-'));

async function main() {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
  if (process.env.BENCH_ONLY === 'imports') return importsOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'trainings') return trainingsOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'catalogue-usage') return catalogueUsageOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'forecast') return forecastOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'people') return peopleOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'activities') return activitiesOnly(pgUrl).then(() => 0);
  if (process.env.BENCH_ONLY === 'projects') return projectsOnly().then(() => 0);
  if (process.env.BENCH_ONLY === 'staffing-reads') return staffingReadsOnly(pgUrl);
  if (process.env.BENCH_ONLY === 'career-paths') return careerPathsOnly();
  if (process.env.BENCH_ONLY === 'region-map') return regionMapOnly();
  if (process.env.BENCH_ONLY === 'training-plan') return trainingPlanOnly();
  const results: DbResult[] = [];
  const started = new Date();
  log(
    `Kompetensnav bench: ${CONNECTIONS} connections, ${DURATION_S} s per endpoint (after ${WARMUP_S} s warm-up), loopback`,
  );
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);

  // Embedded: a new data folder; the first start creates and seeds it.
  const dataDir = path.join(work, 'data');
  log('Embedded database: first start on a new data folder (creates and seeds it)…');
  const embedded = await startServer({ DATA_DIR: dataDir, DEMO: 'on' });
  results.push(await measure('embedded', embedded));
  await stop(embedded.proc);

  log(`Embedded database: ${STARTS} starts on the existing data folder…`);
  const startups: { readyLineMs: number; readyzMs: number; reportedMs: number | null }[] = [];
  for (let i = 0; i < STARTS; i++) {
    const s = await startServer({ DATA_DIR: dataDir, DEMO: 'on' });
    startups.push(s.timing);
    await stop(s.proc);
  }

  const postgres = await preparePostgres(pgUrl);
  if (postgres.ok) {
    log('PostgreSQL: seed-demo on a new database…');
    const seed = await runCli(['seed-demo'], { DATABASE_URL: pgUrl });
    if (seed.code !== 0) throw new Error(`seed-demo failed (${seed.code}):\n${seed.stderr}`);
    const server = await startServer({ DATABASE_URL: pgUrl, DEMO: 'off' });
    results.push(await measure('postgresql', server));
    await stop(server.proc);
  }

  // Staffing statistics at national scale: a new embedded data folder, then the PostgreSQL bench database.
  const staffing: StaffingResult[] = [];
  const forecasts: ForecastBenchResult[] = [];
  log('\nStaffing, embedded database: loading the national dataset into a new data folder…');
  const staffingDir = path.join(work, 'staffing-data');
  const embeddedDataset = await prepareEmbeddedDataset(staffingDir);
  logDataset(embeddedDataset);
  const embeddedEnv = { DATA_DIR: staffingDir, DEMO: 'on' };
  staffing.push(await measureStaffing('embedded', embeddedEnv, embeddedDataset, results));
  forecasts.push(await measureForecast('embedded', embeddedEnv, embeddedDataset));
  if (postgres.ok) {
    log('\nStaffing, PostgreSQL: loading the national dataset into the bench database…');
    const pgDataset = await preparePostgresDataset(pgUrl);
    logDataset(pgDataset);
    const pgEnv = { DATABASE_URL: pgUrl, DEMO: 'off' };
    staffing.push(await measureStaffing('postgresql', pgEnv, pgDataset, results));
    forecasts.push(await measureForecast('postgresql', pgEnv, pgDataset));
  } else {
    log('\nStaffing, PostgreSQL: skipped (PostgreSQL is unreachable).');
  }

  const trainings = await measureAllTrainings(postgres.ok ? pgUrl : null);
  const people = await measureAllPeople(postgres.ok ? pgUrl : null);

  const startup = {
    runs: startups,
    medianReadyLineMs: median(startups.map((s) => s.readyLineMs)),
    medianReadyzMs: median(startups.map((s) => s.readyzMs)),
    medianReportedMs: median(startups.map((s) => s.reportedMs ?? Number.NaN)),
  };
  const pgResult = results.find((r) => r.database === 'postgresql');
  const goals = {
    authenticatedVsHealthzOnPostgres: {
      goal: `≥ ${GOALS.authenticatedVsHealthzOnPostgres * 100} %`,
      value: pgResult ? round(pgResult.ratio * 100, 1) : null,
      met: pgResult ? pgResult.ratio >= GOALS.authenticatedVsHealthzOnPostgres : null,
    },
    startupWithExistingFolder: {
      goal: `< ${GOALS.startupMs} ms (spawn → first 200 of /readyz, median of ${STARTS})`,
      value: Math.round(startup.medianReadyzMs),
      met: startup.medianReadyzMs < GOALS.startupMs,
    },
    ...staffingGoals(staffing),
    ...forecastGoals(forecasts),
    ...trainingsGoals(trainings),
    ...peopleGoals(people),
  };

  printReport(results, startup, goals, postgres, staffing, trainings, forecasts);
  printPeople(people, postgres.ok ? null : 'PostgreSQL unreachable', log, table);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      warmupSeconds: WARMUP_S,
      logLevel: 'warn',
      authenticatedRead: 'GET /api/organisations',
    },
    results,
    startup,
    staffing: {
      settings: {
        dataset: '290 municipalities × 10 annual periods × 7 professions, every measure (bench/staffing-dataset.ts)',
        baseline: 'GET /api/organisations (signed in, same server)',
        comparison: 'GET /api/staffing/comparison?periodId=<newest>&profession=all',
        profile: 'GET /api/staffing/profile/<median-sized municipality>?periodId=<newest>&profession=all',
        signedInAs: USER,
        cold: 'the first request after a change (PATCH of a profession with its own name bumps staffing_revision)',
        requestTimeoutSeconds: STAFFING_TIMEOUT_S,
        importRuns: IMPORT_RUNS,
      },
      results: staffing,
      ...(postgres.ok ? {} : { postgresSkipped: postgres.reason }),
    },
    forecast: {
      settings: {
        dataset:
          'the staffing dataset\'s "Bench 2025" (290 municipalities, all approved) with ten years of projections',
        comparison: 'GET /api/staffing/comparison?periodId=<newest>&profession=all (same server, just before)',
        forecast: 'GET /api/staffing/forecast?periodId=<Bench 2025> (region; base + 4 scenarios)',
        leverMix: '12 lever settings in turn',
        distinctLevers: 'a new lever setting in every request (no cached answer)',
        report: 'POST /api/staffing/region-reports for the demo region, polled every 50 ms until done',
      },
      results: forecasts,
    },
    trainings: {
      settings: {
        dataset: '10,000 invented training items, ~90 % approved (bench/trainings-dataset.ts), besides the demo items',
        baseline: 'GET /api/organisations (signed in, same server)',
        endpoint: 'GET /api/public/trainings (not signed in)',
      },
      results: trainings,
      ...(postgres.ok ? {} : { postgresSkipped: postgres.reason }),
    },
    people: {
      settings: {
        dataset: '50,000 invented persons in 290 municipalities, nine units each (bench/people-dataset.ts)',
        baseline: 'GET /api/organisations (signed in, same server)',
        lists: 'GET /api/people/persons with filters, sorting and paging (each read writes its audit event)',
        import: '20,000-row HR workbook into an empty municipality: upload + preview + confirm vs ExcelJS bare read',
      },
      results: people,
      ...(postgres.ok ? {} : { postgresSkipped: postgres.reason }),
    },
    postgres: postgres.ok ? { url: redact(pgUrl) } : { url: redact(pgUrl), skipped: postgres.reason },
    goals,
  };
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nWrote ${path.relative(ROOT, RESULTS)}`);
  return postgres.ok ? 0 : 1;
}

/** Signs in, then loads /healthz and the authenticated read one after the other with the same settings. */
async function measure(database: DbResult['database'], server: { origin: string; proc: Proc }): Promise<DbResult> {
  const { origin, proc } = server;
  const cookie = await signIn(origin);
  const check = await fetch(`${origin}/api/organisations`, { headers: { cookie } });
  const checkText = await check.text();
  if (check.status !== 200) throw new Error(`the authenticated read answered ${check.status}: ${checkText}`);
  log(`  ${database}: GET /healthz…`);
  const healthz = await load(`${origin}/healthz`, {}, proc);
  log(`  ${database}: GET /api/organisations (signed in)…`);
  const authenticated = await load(`${origin}/api/organisations`, { cookie }, proc);
  return { database, healthz, authenticated, ratio: authenticated.requestsPerSecond / healthz.requestsPerSecond };
}

/**
 * bench/staffing.ts on a server holding the national dataset, signed in as the regional admin: the reads on one
 * server, then the imports on a new one (the profile's load leaves the first busy with answers nobody waits for).
 */
async function measureStaffing(
  database: StaffingResult['database'],
  env: Record<string, string>,
  dataset: StaffingContext['dataset'],
  foundation: DbResult[],
): Promise<StaffingResult> {
  const context = (server: { origin: string; proc: Proc }) => staffingContext(database, server, dataset, foundation);
  const readServer = await startServer(env);
  const reads = await benchStaffingReads(await context(readServer));
  await stop(readServer.proc, { quiet: true });
  const importServer = await startServer(env);
  const imports = await benchStaffingImports(await context(importServer));
  await stop(importServer.proc);
  return { ...reads, imports };
}

/** bench/forecast.ts on a new server holding the national dataset, signed in as the regional admin. */
async function measureForecast(
  database: StaffingResult['database'],
  env: Record<string, string>,
  dataset: StaffingContext['dataset'],
): Promise<ForecastBenchResult> {
  const server = await startServer(env);
  const ctx = await staffingContext(database, server, dataset, []);
  const result = await benchForecast({
    ...ctx,
    loadMix: (url, headers, nextPath) =>
      load(url, headers, server.proc, { timeoutSeconds: STAFFING_TIMEOUT_S, nextPath }),
  });
  await stop(server.proc);
  return result;
}

/**
 * BENCH_ONLY=staffing-reads: the statistics reads (with the cold requests after a change) and the national publication,
 * on the embedded database and then (if reachable) on the PostgreSQL bench database, printed.
 */
async function staffingReadsOnly(pgUrl: string): Promise<number> {
  const once = async (
    database: StaffingResult['database'],
    env: Record<string, string>,
    dataset: StaffingContext['dataset'],
  ) => {
    // BENCH_PROFILE_DIR: the server writes a CPU profile there when it stops (node --cpu-prof).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const server = await startServer(env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    const ctx = await staffingContext(database, server, dataset, []);
    // BENCH_STAFFING_COLD_ONLY=1: only the single requests after a change and the publication (no loads), e.g. to
    // profile them without the loads' samples.
    if (process.env.BENCH_STAFFING_COLD_ONLY) {
      ctx.load = async () => ({ requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, requests: 0, non2xx: 0, errors: 0 });
    }
    const reads = await benchStaffingReads(ctx);
    await stop(server.proc, { quiet: true });
    const { publication, comparison, profile, baseline, cold } = reads;
    log(JSON.stringify({ database, cold, baseline, comparison, profile, publication }, null, 2));
  };
  const staffingDir = path.join(work, 'staffing-data');
  await once('embedded', { DATA_DIR: staffingDir, DEMO: 'on' }, await prepareEmbeddedDataset(staffingDir));
  if (!(await preparePostgres(pgUrl)).ok) return 1;
  await once('postgresql', { DATABASE_URL: pgUrl, DEMO: 'off' }, await preparePostgresDataset(pgUrl));
  return 0;
}

/** BENCH_ONLY=career-paths: the progress view and staff by role on the national dataset, embedded, printed. */
async function careerPathsOnly(): Promise<number> {
  const dir = path.join(work, 'staffing-data');
  await prepareEmbeddedDataset(dir);
  const added = await addCareerData(dir);
  log(
    `Career paths: ${added.municipalities} municipalities, ${added.items} checklist items, ${added.plans} plans added.`,
  );
  const server = await startServer({ DATA_DIR: dir, DEMO: 'on' });
  const result = await benchCareerPaths({
    origin: server.origin,
    adminCookie: await signIn(server.origin),
    municipalCookie: await signIn(server.origin, 'kommunadmin.skovde@demo.example'),
    load: (url, headers) => load(url, headers, server.proc, { timeoutSeconds: STAFFING_TIMEOUT_S }),
  });
  await stop(server.proc, { quiet: true });
  printCareerPaths(result, log);
  return 0;
}

/** BENCH_ONLY=training-plan: the aggregated ranking and the annual follow-up on the national dataset, embedded, printed. */
async function trainingPlanOnly(): Promise<number> {
  const dir = path.join(work, 'staffing-data');
  await prepareEmbeddedDataset(dir);
  const added = await addTrainingPlanData(dir);
  log(`Training plan: ${added.needs} needs, ${added.rankings} rankings, ${added.registrations} registrations added.`);
  const server = await startServer({ DATA_DIR: dir, DEMO: 'on' });
  const result = await benchTrainingPlan({
    origin: server.origin,
    cycleId: added.cycleId,
    adminCookie: await signIn(server.origin),
    municipalAdminCookie: await signIn(server.origin, 'kommunadmin.skovde@demo.example'),
    load: (url, headers) => load(url, headers, server.proc, { timeoutSeconds: STAFFING_TIMEOUT_S }),
  });
  await stop(server.proc, { quiet: true });
  printTrainingPlan(result, log);
  return result.goalsMet ? 0 : 1;
}

/** BENCH_ONLY=forecast: only the forecast and the region report, on both databases, printed and not saved. */
async function forecastOnly(pgUrl: string): Promise<number> {
  const out: ForecastBenchResult[] = [];
  const staffingDir = path.join(work, 'staffing-data');
  const embeddedDataset = await prepareEmbeddedDataset(staffingDir);
  out.push(await measureForecast('embedded', { DATA_DIR: staffingDir, DEMO: 'on' }, embeddedDataset));
  const postgres = await preparePostgres(pgUrl);
  if (postgres.ok) {
    const pgDataset = await preparePostgresDataset(pgUrl);
    out.push(await measureForecast('postgresql', { DATABASE_URL: pgUrl, DEMO: 'off' }, pgDataset));
  }
  printForecast(out, log, table);
  for (const [name, g] of Object.entries(forecastGoals(out))) {
    log(
      `  ${name}: ${g.value ?? '–'} (goal ${g.goal}): ${g.met === null ? 'NOT MEASURED' : g.met ? 'met' : 'NOT MET'}`,
    );
  }
  return postgres.ok ? 0 : 1;
}

async function staffingContext(
  database: StaffingResult['database'],
  server: { origin: string; proc: Proc },
  dataset: StaffingContext['dataset'],
  foundation: DbResult[],
): Promise<StaffingContext> {
  return {
    database,
    origin: server.origin,
    cookie: await signIn(server.origin),
    dataset,
    // Answers slower than autocannon's 10 s are measured, not errors: the bench reports what the endpoints cost.
    load: (url, headers) => load(url, headers, server.proc, { timeoutSeconds: STAFFING_TIMEOUT_S }),
    serverPid: server.proc.child.pid ?? null,
    log,
    workDir: path.join(work, 'workbooks'),
    foundationBaseline: foundation.find((r) => r.database === database)?.authenticated ?? null,
  };
}

/** The catalogue search on a new embedded data folder, then (if reachable) on the PostgreSQL bench database. */
async function measureAllTrainings(pgUrl: string | null): Promise<TrainingsResult[]> {
  const out: TrainingsResult[] = [];
  log('\nCatalogue search, embedded database: loading 10,000 training items into a new data folder…');
  const dir = path.join(work, 'trainings-data');
  const embeddedDataset = await prepareEmbeddedTrainings(dir);
  logDataset(embeddedDataset);
  out.push(await measureTrainings('embedded', { DATA_DIR: dir, DEMO: 'on' }, embeddedDataset));
  if (pgUrl) {
    log('\nCatalogue search, PostgreSQL: loading 10,000 training items into the bench database…');
    const pgDataset = await preparePostgresTrainings(pgUrl);
    logDataset(pgDataset);
    out.push(await measureTrainings('postgresql', { DATABASE_URL: pgUrl, DEMO: 'off' }, pgDataset));
  } else {
    log('\nCatalogue search, PostgreSQL: skipped (PostgreSQL is unreachable).');
  }
  return out;
}

async function measureTrainings(
  database: TrainingsResult['database'],
  env: Record<string, string>,
  dataset: TrainingsContext['dataset'],
): Promise<TrainingsResult> {
  const server = await startServer(env);
  try {
    return await benchTrainingsSearch({
      database,
      origin: server.origin,
      cookie: await signIn(server.origin),
      dataset,
      // Slow answers are measured (as for the staffing statistics); failed answers under load (a 503 when the pool
      // waits too long) are counted and reported as a missed goal instead of ending the run.
      load: (url, headers, nextPath) =>
        load(url, headers, server.proc, {
          timeoutSeconds: STAFFING_TIMEOUT_S,
          tolerateFailures: true,
          ...(nextPath ? { nextPath } : {}),
        }),
      log,
    });
  } finally {
    await stop(server.proc, { quiet: true });
  }
}

/** The staff register on a new embedded data folder, then (if reachable) on the PostgreSQL bench database. */
async function measureAllPeople(pgUrl: string | null): Promise<PeopleResult[]> {
  const out: PeopleResult[] = [];
  // BENCH_PEOPLE_DATABASES=postgresql (or embedded): only that one, e.g. while profiling.
  const only = process.env.BENCH_PEOPLE_DATABASES;
  if (!only || only.includes('embedded')) {
    log('\nStaff register, embedded database: loading 50,000 persons into a new data folder…');
    const dir = path.join(work, 'people-data');
    const embeddedDataset = await prepareEmbeddedPeople(dir);
    logDataset(embeddedDataset);
    out.push(await measurePeople('embedded', { DATA_DIR: dir, DEMO: 'off' }, embeddedDataset));
  }
  if (only && !only.includes('postgresql')) return out;
  if (pgUrl) {
    log('\nStaff register, PostgreSQL: loading 50,000 persons into the bench database…');
    await preparePostgres(pgUrl);
    const pgDataset = await preparePostgresPeople(pgUrl);
    logDataset(pgDataset);
    out.push(await measurePeople('postgresql', { DATABASE_URL: pgUrl, DEMO: 'off' }, pgDataset));
  } else {
    log('\nStaff register, PostgreSQL: skipped (PostgreSQL is unreachable).');
  }
  return out;
}

async function measurePeople(
  database: PeopleResult['database'],
  env: Record<string, string>,
  dataset: Parameters<typeof benchPeople>[0]['dataset'],
): Promise<PeopleResult> {
  // BENCH_PROFILE_DIR: the server writes a CPU profile there when it stops (node --cpu-prof).
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const server = await startServer(env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  try {
    return await benchPeople({
      database,
      origin: server.origin,
      cookie: await signIn(server.origin),
      signIn: (email) => signIn(server.origin, email),
      dataset,
      load: (url, headers) =>
        load(url, headers, server.proc, { timeoutSeconds: STAFFING_TIMEOUT_S, tolerateFailures: true }),
      log,
      workDir: path.join(work, 'people-files'),
    });
  } finally {
    await stop(server.proc, { quiet: true });
  }
}

/** BENCH_ONLY=people: only the staff register, on both databases, printed and not saved. */
async function peopleOnly(pgUrl: string): Promise<number> {
  const postgres = await preparePostgres(pgUrl);
  const people = await measureAllPeople(postgres.ok ? pgUrl : null);
  printPeople(people, postgres.ok ? null : 'PostgreSQL unreachable', log, table);
  return postgres.ok ? 0 : 1;
}

/** BENCH_ONLY=trainings: only the catalogue search, on both databases, printed and not saved. */
async function trainingsOnly(pgUrl: string): Promise<number> {
  const postgres = await preparePostgres(pgUrl);
  const trainings = await measureAllTrainings(postgres.ok ? pgUrl : null);
  printTrainings(trainings, postgres.ok ? null : 'PostgreSQL unreachable', log, table);
  return postgres.ok ? 0 : 1;
}

/** The order of the servers: `first`, then (BENCH_USAGE_ROUNDS=2) the other way round again, A-B-B-A. */
function usageOrder(first: ['on' | 'off', 'on' | 'off']): ('on' | 'off')[] {
  const rounds = Number(process.env.BENCH_USAGE_ROUNDS ?? 1);
  return Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? first : [first[1], first[0]])).flat();
}

/** BENCH_ONLY=catalogue-usage: the catalogue bench with usage counting off and on, on both databases, printed. */
async function catalogueUsageOnly(pgUrl: string): Promise<number> {
  const postgres = await preparePostgres(pgUrl);
  const runs: UsageRun[] = [];
  log('\nCatalogue usage, embedded database: loading 10,000 training items into a new data folder…');
  const dir = path.join(work, 'trainings-data');
  const embedded = await prepareEmbeddedTrainings(dir);
  const costs: CountingCost[] = [];
  const embeddedDb = await openEmbedded(dir);
  costs.push(await measureCountingCost(embeddedDb, 'embedded').finally(() => embeddedDb.close()));
  for (const counting of usageOrder(['off', 'on'])) {
    log(`  embedded, USAGE_COUNTING=${counting}`);
    const env = { DATA_DIR: dir, DEMO: 'on', USAGE_COUNTING: counting };
    runs.push({ counting, result: await measureTrainings('embedded', env, embedded) });
  }
  if (postgres.ok) {
    log('\nCatalogue usage, PostgreSQL: loading 10,000 training items into the bench database…');
    const pg = await preparePostgresTrainings(pgUrl);
    const pgDb = openServer(pgUrl, { statementTimeoutMs: 0, poolSize: 2 });
    costs.push(await measureCountingCost(pgDb, 'postgresql').finally(() => pgDb.close()));
    for (const counting of usageOrder(['on', 'off'])) {
      log(`  postgresql, USAGE_COUNTING=${counting}`);
      const env = { DATABASE_URL: pgUrl, DEMO: 'off', USAGE_COUNTING: counting };
      runs.push({ counting, result: await measureTrainings('postgresql', env, pg) });
    }
  }
  printCatalogueUsage(runs, log, table);
  printCountingCost(costs, log);
  return postgres.ok ? 0 : 1;
}

/** BENCH_ONLY=imports: only the staffing imports, on both databases, printed and not saved (for work on the import). */
async function importsOnly(pgUrl: string): Promise<number> {
  const report = (database: string, imports: Awaited<ReturnType<typeof benchStaffingImports>>) => {
    for (const i of imports) {
      log(
        `  ${database}, ${i.label}: bare ${Math.round(i.medianBareReadMs)} ms, upload+preview ${Math.round(i.medianUploadPreviewMs)} ms, confirm ${Math.round(i.medianConfirmMs)} ms → ${i.importVsBareRead.toFixed(2)}× (preview ${i.previewVsBareRead.toFixed(2)}×)`,
      );
    }
  };
  const staffingDir = path.join(work, 'staffing-data');
  const embeddedDataset = await prepareEmbeddedDataset(staffingDir);
  const embedded = await startServer({ DATA_DIR: staffingDir, DEMO: 'on' });
  report('embedded', await benchStaffingImports(await staffingContext('embedded', embedded, embeddedDataset, [])));
  await stop(embedded.proc);
  if (!(await preparePostgres(pgUrl)).ok) return 1;
  const pgDataset = await preparePostgresDataset(pgUrl);
  const server = await startServer({ DATABASE_URL: pgUrl, DEMO: 'off' });
  report('postgresql', await benchStaffingImports(await staffingContext('postgresql', server, pgDataset, [])));
  await stop(server.proc);
  return 0;
}

function logDataset(d: { rows: Record<string, number>; loadMs: number; totalMs: number }) {
  const rows = Object.entries(d.rows)
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(', ');
  log(
    `  loaded ${rows} in ${(d.loadMs / 1000).toFixed(1)} s (${(d.totalMs / 1000).toFixed(1)} s with migrate and demo seed)`,
  );
}

/**
 * `timeoutSeconds`: how long one answer may take before autocannon counts a timeout (its default is 10 s).
 * `nextPath`: each request asks for the path it returns instead of `url`'s (a mix of distinct requests).
 */
async function load(
  url: string,
  headers: Record<string, string>,
  proc: Proc,
  opts: { timeoutSeconds?: number; tolerateFailures?: boolean; nextPath?: () => string } = {},
): Promise<Load & { timeouts: number }> {
  const timeout = opts.timeoutSeconds ?? 10;
  const { nextPath } = opts;
  const requests = nextPath ? { requests: [{ setupRequest: (req: object) => ({ ...req, path: nextPath() }) }] } : {};
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers, timeout, ...requests });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers, timeout, ...requests });
  if ((r.non2xx || r.errors || r.timeouts) && !opts.tolerateFailures) {
    const state =
      proc.child.exitCode !== null || proc.child.signalCode !== null
        ? `the server exited (${proc.child.exitCode ?? proc.child.signalCode})`
        : 'the server still runs';
    throw new Error(
      `${url}: ${r.non2xx} non-2xx answers (${JSON.stringify(r.statusCodeStats ?? {})}), ${r.errors} errors, ${r.timeouts} timeouts under load; ${state}. Its stderr:\n${proc.stderr().slice(-3000)}`,
    );
  }
  return {
    requestsPerSecond: round(r.requests.average, 1),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** Recreates the bench database (only one whose name says it is for benchmarks). */
async function preparePostgres(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/bench/i.test(name)) {
    throw new Error(
      `BENCH_DATABASE_URL must name a database for benchmarks (with "bench" in its name): it is dropped on every run. Got "${name}".`,
    );
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    const reason = `PostgreSQL at ${redact(url)} is unreachable (${(err as Error).message}).`;
    log(
      `\n${reason}\nStart it with: scripts/ensure-postgres.sh  (or set BENCH_DATABASE_URL). Measuring the embedded database only.\n`,
    );
    return { ok: false, reason };
  }
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
  return { ok: true };
}

// ---- processes ---------------------------------------------------------------------------------------------------

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    AUTH_SECRET,
    // Production requires a mail relay; nothing is mailed during the bench, so none is contacted.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

function launch(args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

async function runCli(args: string[], extra: Record<string, string>) {
  const proc = launch(args, baseEnv(extra));
  const exit = await within(proc.exit, 120_000, `kompetensnav ${args.join(' ')}`);
  return { ...exit, stdout: proc.stdout(), stderr: proc.stderr() };
}

/** Starts the server and times it: spawn → the "ready at" line, and spawn → the first 200 of /readyz. */
async function startServer(extra: Record<string, string>, nodeArgs: string[] = []) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const proc = launch(
    ['start', '--no-web-build'],
    baseEnv({ ...extra, PORT: String(port), PUBLIC_URL: origin }),
    nodeArgs,
  );
  const readyLine = new Promise<number>((resolve, reject) => {
    proc.child.stdout?.on('data', () => {
      if (proc.stdout().includes(`is ready at ${origin}`)) resolve(performance.now() - began);
    });
    proc.exit.then((e) =>
      reject(new Error(`the server exited before it was ready (${JSON.stringify(e)}):\n${proc.stderr()}`)),
    );
  });
  readyLine.catch(() => {});
  const readyz = (async () => {
    for (;;) {
      const ok = await fetch(`${origin}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - began;
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error('the server exited');
      await sleep(20);
    }
  })();
  const [readyLineMs, readyzMs] = await within(Promise.all([readyLine, readyz]), 120_000, 'the server to be ready');
  const reported = /is ready at \S+ \([^)]*?(\d+) ms\)/.exec(proc.stdout());
  return {
    proc,
    origin,
    timing: {
      readyLineMs: Math.round(readyLineMs),
      readyzMs: Math.round(readyzMs),
      reportedMs: reported ? Number(reported[1]) : null,
    },
  };
}

/** `quiet`: a server known to be busy (the staffing profile's load) may need its forced exit; say nothing then. */
async function stop(proc: Proc, opts: { quiet?: boolean } = {}) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const exit = await within(proc.exit, 15_000, 'the server to stop').catch(() => {
    proc.child.kill('SIGKILL');
    return proc.exit;
  });
  if (exit.code !== 0 && !opts.quiet) {
    const output = `${proc.stdout().slice(-400)}\n${proc.stderr().slice(-400)}`.trim();
    log(`  (the server stopped with ${JSON.stringify(exit)}; its output ends: ${output || '–'})`);
  }
}

async function signIn(origin: string, email = USER): Promise<string> {
  const res = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0] ?? '';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---- report ------------------------------------------------------------------------------------------------------

function printReport(
  results: DbResult[],
  startup: {
    runs: { readyLineMs: number; readyzMs: number; reportedMs: number | null }[];
    medianReadyLineMs: number;
    medianReadyzMs: number;
    medianReportedMs: number;
  },
  goals: Record<string, { goal: string; value: number | null; met: boolean | null }>,
  postgres: { ok: true } | { ok: false; reason: string },
  staffing: StaffingResult[],
  trainings: TrainingsResult[],
  forecasts: ForecastBenchResult[],
) {
  const rows: string[][] = [['database', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', 'auth/healthz']];
  for (const r of results) {
    rows.push([
      r.database,
      'GET /healthz',
      fmt(r.healthz.requestsPerSecond),
      fmt(r.healthz.p50Ms),
      fmt(r.healthz.p99Ms),
      '',
    ]);
    rows.push([
      r.database,
      'GET /api/organisations (signed in)',
      fmt(r.authenticated.requestsPerSecond),
      fmt(r.authenticated.p50Ms),
      fmt(r.authenticated.p99Ms),
      `${(r.ratio * 100).toFixed(1)} %`,
    ]);
  }
  if (!postgres.ok) rows.push(['postgresql', '(not measured: unreachable)', '', '', '', '']);
  log(`\n${table(rows)}`);

  const runs = startup.runs.map((s) => `${s.readyzMs}`).join(', ');
  log(`\nStart-up on the existing embedded data folder (${STARTS} runs, ms to the first 200 of /readyz): ${runs}`);
  log(
    `  median: ready line ${Math.round(startup.medianReadyLineMs)} ms, /readyz 200 ${Math.round(startup.medianReadyzMs)} ms ` +
      `(of which the server itself reports ${Number.isNaN(startup.medianReportedMs) ? '?' : Math.round(startup.medianReportedMs)} ms after loading its code)`,
  );

  printStaffing(staffing, postgres.ok ? null : 'PostgreSQL unreachable', log, table);
  printForecast(forecasts, log, table);
  printTrainings(trainings, postgres.ok ? null : 'PostgreSQL unreachable', log, table);

  log('\nGoals:');
  for (const [name, g] of Object.entries(goals)) {
    const verdict = g.met === null ? 'NOT MEASURED' : g.met ? 'met' : 'NOT MET';
    log(`  ${name}: ${g.value ?? '–'} (goal ${g.goal}): ${verdict}`);
  }
}

function table(rows: string[][]) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

// ---- small helpers -----------------------------------------------------------------------------------------------

function log(msg: string) {
  process.stdout.write(`${msg}\n`);
}

function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function round(n: number, digits: number) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Stops every server this run started, even after an error or Ctrl-C. */
async function cleanup() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const deadline = Date.now() + 5000;
  while ([...children].some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline)
    await sleep(50);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the servers…`);
    cleanup().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (err) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}${err instanceof Error && err.cause ? `\ncaused by: ${String((err.cause as Error).stack ?? err.cause)}` : ''}\n`,
    );
    await cleanup();
    process.exit(1);
  },
);
