// Career paths at national scale, for `BENCH_ONLY=career-paths npm run bench` (issue 18, Performance): the staffing
// dataset's 290 municipalities × 10 annual periods (bench/staffing-dataset.ts) plus, for every municipality, an
// implementation with the region's 15-item checklist at a varying step and 0–8 development plans. Measured against the
// authenticated read (GET /api/organisations) on the same server, embedded database:
//   • the regional progress view (GET /api/career-paths/progress: 290 rows, plan counts through the suppression);
//   • staff by role over time (GET /api/career-paths/staff: 290 municipalities × 10 periods × 5 roles), as the
//     regional admin (raw) and as a municipal admin (every other municipality's counts through the suppression).
// Goal: each p99 ≤ 3 × the authenticated read's p99. Printed, not saved.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DEFAULT_MODEL } from '../src/modules/career-paths/career-model-defaults.ts';
import {
  careerChecklistItem,
  careerImplementation,
  careerModelVersion,
  careerPlan,
} from '../src/modules/career-paths/career-paths.table.ts';
import { openEmbedded } from '../src/platform/server/db.ts';
import { organisation } from '../src/platform/server/organisation.table.ts';
import type { Load } from './staffing.ts';

export const CAREER_GOAL = { p99VsRead: 3 };
const ROLES = ['bitrade', 'vardbitrade', 'underskoterska', 'specialistunderskoterska'];

/** Adds implementations, checklists and plans for every municipality to a data folder (the server is stopped). */
export async function addCareerData(
  dataDir: string,
): Promise<{ municipalities: number; items: number; plans: number }> {
  const database = await openEmbedded(dataDir);
  try {
    const db = database.db;
    const [published] = await db.select({ id: careerModelVersion.id }).from(careerModelVersion).limit(1);
    if (!published) {
      await db
        .insert(careerModelVersion)
        .values({ version: 1, status: 'published', decisionDate: '2026-01-15', model: DEFAULT_MODEL });
    }
    const municipalities = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.kind, 'municipality'));
    const done = await db.select({ id: careerImplementation.organisationId }).from(careerImplementation);
    const seeded = new Set(done.map((d) => d.id));
    let items = 0;
    let plans = 0;
    for (const [i, m] of municipalities.entries()) {
      if (seeded.has(m.id)) continue;
      await db.insert(careerImplementation).values({
        organisationId: m.id,
        ownerTitle: i % 4 === 0 ? '' : 'Förvaltningschef',
        adoptedVersion: 1,
        targetMix: { bitrade: 10, vardbitrade: 20, underskoterska: 60, specialistunderskoterska: 10 },
        targetYear: 2029,
      });
      const doneCount = i % 16;
      const rows = DEFAULT_MODEL.checklist.map((t, k) => ({
        organisationId: m.id,
        step: t.step,
        position: k + 1,
        title: t.title,
        templateKey: t.key,
        owner: k < doneCount ? 'Projektledaren' : '',
        status: k < doneCount ? ('done' as const) : ('todo' as const),
      }));
      await db.insert(careerChecklistItem).values(rows);
      items += rows.length;
      const planRows = Array.from({ length: i % 9 }, (_, k) => ({
        organisationId: m.id,
        personId: randomUUID(),
        currentRoleKey: ROLES[k % 3] ?? 'vardbitrade',
        targetRoleKey: ROLES[(k % 3) + 1] ?? 'underskoterska',
        bennerStage: 'competent' as const,
        fundingSource: 'aldreomsorgslyftet' as const,
        nextReview: '2027-03-01',
      }));
      if (planRows.length) await db.insert(careerPlan).values(planRows);
      plans += planRows.length;
    }
    return { municipalities: municipalities.length, items, plans };
  } finally {
    await database.close();
  }
}

export type CareerBenchResult = {
  baseline: Load;
  progress: Load;
  staffRegion: Load;
  staffMunicipal: Load;
  ratios: { progress: number; staffRegion: number; staffMunicipal: number };
  /** The first request of each after the data changed (computed, not kept), ms. */
  cold: { staff: number; progress: number; staffMunicipal: number };
  goalMet: boolean;
};

/** Measures the reads; `load` is run.ts's autocannon run, `adminCookie` the regional admin's, `municipalCookie` a municipal admin's. */
export async function benchCareerPaths(ctx: {
  origin: string;
  adminCookie: string;
  municipalCookie: string;
  load: (url: string, headers: Record<string, string>) => Promise<Load>;
}): Promise<CareerBenchResult> {
  const { origin } = ctx;
  const check = async (url: string, cookie: string, rows: number) => {
    const res = await fetch(url, { headers: { cookie } });
    const body = (await res.json()) as { rows?: unknown[]; periods?: unknown[] };
    if (res.status !== 200 || (body.rows?.length ?? 0) < rows) {
      throw new Error(`${url}: ${res.status}, ${body.rows?.length ?? 0} rows (expected ≥ ${rows})`);
    }
    return body;
  };
  // The first answer after a change is computed (timed here, one request alone); the loads then read the kept one.
  const timed = async (f: () => Promise<unknown>) => {
    const began = performance.now();
    await f();
    return Math.round(performance.now() - began);
  };
  let periods = 0;
  const cold = {
    staff: await timed(async () => {
      periods = (await check(`${origin}/api/career-paths/staff`, ctx.adminCookie, 290)).periods?.length ?? 0;
    }),
    progress: await timed(() => check(`${origin}/api/career-paths/progress`, ctx.adminCookie, 290)),
    staffMunicipal: await timed(() => check(`${origin}/api/career-paths/staff`, ctx.municipalCookie, 290)),
  };
  if (periods < 10) throw new Error(`staff by role: ${periods} periods, expected 10`);
  const baseline = await ctx.load(`${origin}/api/organisations`, { cookie: ctx.adminCookie });
  const progress = await ctx.load(`${origin}/api/career-paths/progress`, { cookie: ctx.adminCookie });
  const staffRegion = await ctx.load(`${origin}/api/career-paths/staff`, { cookie: ctx.adminCookie });
  const staffMunicipal = await ctx.load(`${origin}/api/career-paths/staff`, { cookie: ctx.municipalCookie });
  const r = (l: Load) => Math.round((l.p99Ms / Math.max(1, baseline.p99Ms)) * 10) / 10;
  const ratios = { progress: r(progress), staffRegion: r(staffRegion), staffMunicipal: r(staffMunicipal) };
  return {
    baseline,
    progress,
    staffRegion,
    staffMunicipal,
    ratios,
    cold,
    goalMet: Object.values(ratios).every((x) => x <= CAREER_GOAL.p99VsRead),
  };
}

export function printCareerPaths(result: CareerBenchResult, log: (msg: string) => void) {
  const line = (name: string, l: Load, ratio?: number) =>
    `  ${name.padEnd(42)} p50 ${String(l.p50Ms).padStart(5)} ms  p99 ${String(l.p99Ms).padStart(5)} ms  ${String(l.requestsPerSecond).padStart(7)} req/s${ratio === undefined ? '' : `  p99 = ${ratio}× the read`}`;
  log('\nCareer paths, 290 municipalities × 10 periods (embedded):');
  log(line('GET /api/organisations (the read)', result.baseline));
  log(line('GET /api/career-paths/progress', result.progress, result.ratios.progress));
  log(line('GET /api/career-paths/staff (regional admin)', result.staffRegion, result.ratios.staffRegion));
  log(line('GET /api/career-paths/staff (municipal admin)', result.staffMunicipal, result.ratios.staffMunicipal));
  log(
    `  first answer after a change (computed): staff ${result.cold.staff} ms, progress ${result.cold.progress} ms, staff for a municipal admin ${result.cold.staffMunicipal} ms`,
  );
  log(`  goal: each p99 ≤ ${CAREER_GOAL.p99VsRead}× the read's p99 — ${result.goalMet ? 'met' : 'NOT met'}`);
}
