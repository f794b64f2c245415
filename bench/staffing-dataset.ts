// A national-scale staffing dataset for `npm run bench`: 290 invented municipalities ("Benchkommun 001" …, codes
// 3001–3290, none of them the demo's) × 10 annual periods ("Bench 2017" … "Bench 2026") × every active profession,
// with every measure from the project's own generator. Loaded straight into the database a bench server then opens:
// the embedded data folder before that server starts (it is single-process), or the PostgreSQL bench database.
// The demo region is seeded first, so the demo users (the regional admin the bench signs in as) exist.
import { and, eq, inArray } from 'drizzle-orm';
import { SERVER_MODULES } from '../src/app/server-modules.ts';
import type { StaffingConfigDto } from '../src/modules/staffing/staffing.contracts.ts';
import { staffingPeriod } from '../src/modules/staffing/staffing.table.ts';
import { loadConfig } from '../src/modules/staffing/staffing-config.service.ts';
import { generateFacts, type MunicipalityProfile, seededRandom } from '../src/modules/staffing/staffing-generator.ts';
import type { Fact } from '../src/modules/staffing/staffing-measures.ts';
import { type Database, type Db, openEmbedded, openServer } from '../src/platform/server/db.ts';
import { seedDemo } from '../src/platform/server/demo.ts';
import { organisation } from '../src/platform/server/organisation.table.ts';
import { ReadCache } from '../src/platform/server/read-cache.ts';

export const NATIONAL = { municipalities: 290, periods: 10, firstYear: 2017, firstCode: 3001 };
/** Rows per INSERT … SELECT FROM unnest(…): six array parameters, whatever the number of rows. */
const BATCH_ROWS = 20_000;

export type BenchMunicipality = { id: string; name: string; code: string; profile: MunicipalityProfile };
export type BenchPeriod = { id: string; label: string; yearIndex: number; closed: boolean };
export type NationalDataset = {
  municipalities: BenchMunicipality[];
  /** Oldest first; the last one is the newest (open) period. */
  periods: BenchPeriod[];
  /** The configuration the facts were generated with (read from the database, as the server reads it). */
  config: StaffingConfigDto;
  rows: {
    organisations: number;
    periods: number;
    reports: number;
    transitions: number;
    facts: number;
    projections: number;
  };
  loadMs: number;
};

/**
 * Inhabitants and specialist level of each invented municipality: a log-normal spread around Sweden's median
 * (≈ 16,000) with a long tail, clamped to 2,500–1,000,000, the largest one set to a capital-sized 1,000,000.
 */
export function nationalProfiles(count = NATIONAL.municipalities): (MunicipalityProfile & { code: string })[] {
  const rand = seededRandom(20_260_290);
  const normal = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const out = Array.from({ length: count }, (_, i) => {
    const code = String(NATIONAL.firstCode + i);
    const inhabitants = Math.round(Math.min(1_000_000, Math.max(2_500, 16_000 * Math.exp(1.05 * normal()))));
    const specialistLevel = Math.round(rand() * 0.45 * 1000) / 1000;
    return { code, inhabitants, specialistLevel, seed: Number(code) };
  });
  const largest = out.reduce((a, b) => (b.inhabitants > a.inhabitants ? b : a));
  largest.inhabitants = 1_000_000;
  return out;
}

/** Status of a municipality's report in the newest period: a mix, as mid-way through a reporting round. */
const newestStatus = (i: number): 'submitted' | 'approved' => (i % 5 < 3 ? 'approved' : 'submitted');

/** Loads the dataset into an open, migrated database that holds the demo region. */
export async function loadNationalDataset(database: Database): Promise<NationalDataset> {
  const began = performance.now();
  const { db } = database;
  const existing = await db
    .select({ id: staffingPeriod.id })
    .from(staffingPeriod)
    .where(eq(staffingPeriod.label, `Bench ${NATIONAL.firstYear}`));
  if (existing.length > 0) throw new Error('the national bench dataset is loaded already in this database');
  const config = await loadConfig({ db, cache: new ReadCache(0), minCount: 3 });

  // Organisations.
  const profiles = nationalProfiles();
  const inserted = await db
    .insert(organisation)
    .values(
      profiles.map((p, i) => ({
        kind: 'municipality' as const,
        name: `Benchkommun ${String(i + 1).padStart(3, '0')}`,
        code: p.code,
      })),
    )
    .returning({ id: organisation.id, name: organisation.name, code: organisation.code });
  const byCode = new Map(inserted.map((r) => [r.code, r]));
  const municipalities: BenchMunicipality[] = profiles.map(({ code, ...profile }) => {
    const row = byCode.get(code);
    if (!row) throw new Error(`municipality ${code} was not inserted`);
    return { id: row.id, name: row.name, code, profile };
  });

  // Periods: all closed but the newest.
  const periodRows = await db
    .insert(staffingPeriod)
    .values(
      Array.from({ length: NATIONAL.periods }, (_, i) => {
        const year = NATIONAL.firstYear + i;
        return {
          label: `Bench ${year}`,
          kind: 'annual' as const,
          referenceDate: `${year}-10-01`,
          deadline: `${year + 1}-01-31`,
          closed: i < NATIONAL.periods - 1,
        };
      }),
    )
    .returning({ id: staffingPeriod.id, label: staffingPeriod.label, closed: staffingPeriod.closed });
  const periods: BenchPeriod[] = periodRows
    .map((p) => ({ ...p, yearIndex: Number(p.label.slice(-4)) - NATIONAL.firstYear }))
    .sort((a, b) => a.yearIndex - b.yearIndex);

  // Reports with their history (draft → submitted → approved), then every fact.
  let reports = 0;
  let transitions = 0;
  let facts = 0;
  const inFlight = new Set<Promise<void>>();
  const newest = periods.length - 1;
  for (const period of periods) {
    const statuses = municipalities.map((_, i) => (period.yearIndex === newest ? newestStatus(i) : 'approved'));
    const reportRows = await database.query<{ id: string; status: string }>(
      `INSERT INTO staffing_report (period_id, municipality_id, status, updated_at)
       SELECT $1::uuid, m, s, $4::timestamptz FROM unnest($2::uuid[], $3::text[]) AS t(m, s)
       RETURNING id, status`,
      [
        period.id,
        municipalities.map((m) => m.id),
        statuses,
        `${NATIONAL.firstYear + period.yearIndex}-12-01T09:00:00Z`,
      ],
    );
    reports += reportRows.length;
    const t = { report: [] as string[], from: [] as string[], to: [] as string[], at: [] as string[] };
    const day = (n: number) => `${NATIONAL.firstYear + period.yearIndex}-11-${String(n).padStart(2, '0')}T09:00:00Z`;
    for (const r of reportRows) {
      const steps = [
        ['not_started', 'draft'],
        ['draft', 'submitted'],
        ...(r.status === 'approved' ? [['submitted', 'approved']] : []),
      ];
      steps.forEach(([from = '', to = ''], i) => {
        t.report.push(r.id);
        t.from.push(from);
        t.to.push(to);
        t.at.push(day(i + 2));
      });
    }
    await database.query(
      `INSERT INTO staffing_report_transition (report_id, from_status, to_status, at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`,
      [t.report, t.from, t.to, t.at],
    );
    transitions += t.report.length;

    let batch = emptyBatch();
    const flush = async () => {
      if (batch.m.length === 0) return;
      const rows = batch;
      batch = emptyBatch();
      // Two batches in flight: PostgreSQL inserts one while the next is generated (and, pooled, a second at once).
      const insert = database
        .query(
          `INSERT INTO staffing_fact (period_id, municipality_id, profession, measure, breakdown, value)
           SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[])`,
          [period.id, rows.m, rows.p, rows.measure, rows.b, rows.v],
        )
        .then(() => {
          facts += rows.m.length;
          inFlight.delete(insert);
        });
      insert.catch(() => {}); // observed below; this only keeps an early failure from being "unhandled"
      inFlight.add(insert);
      if (inFlight.size >= 2) await Promise.race(inFlight);
    };
    for (const m of municipalities) {
      for (const f of generateFacts(config, m.profile, period.yearIndex)) {
        batch.m.push(m.id);
        batch.p.push(f.profession);
        batch.measure.push(f.measure);
        batch.b.push(f.breakdown);
        batch.v.push(f.value);
      }
      if (batch.m.length >= BATCH_ROWS) await flush();
    }
    await flush();
    await Promise.all(inFlight);
  }
  // Population projections for the forecast: the ten years after the last closed period's, per municipality and
  // age group, from that period's inhabitants (80+ rising 2–4 % a year, 65–79 about level, 0–64 slowly changing).
  const projections = { m: [] as string[], y: [] as number[], g: [] as string[], n: [] as number[] };
  const lastClosed = NATIONAL.periods - 2;
  for (const m of municipalities) {
    const facts = generateFacts(config, m.profile, lastClosed);
    const value = (measure: string) =>
      facts.find((f) => f.profession === 'context' && f.measure === measure)?.value ?? 0;
    const age80 = value('inhabitants_80_plus');
    const age65 = value('inhabitants_65_79');
    const age0 = Math.max(0, value('inhabitants') - age80 - age65);
    const rand = seededRandom(Number(m.code));
    const growth = { '0-64': -0.005 + rand() * 0.01, '65-79': -0.005 + rand() * 0.015, '80+': 0.02 + rand() * 0.02 };
    for (let i = 1; i <= 10; i++) {
      for (const [group, base] of [
        ['0-64', age0],
        ['65-79', age65],
        ['80+', age80],
      ] as const) {
        projections.m.push(m.id);
        projections.y.push(NATIONAL.firstYear + lastClosed + i);
        projections.g.push(group);
        projections.n.push(Math.round(base * (1 + growth[group]) ** i));
      }
    }
  }
  await database.query(
    `INSERT INTO population_projection (municipality_id, year, age_group, inhabitants)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[])`,
    [projections.m, projections.y, projections.g, projections.n],
  );
  // A server that has run a while has statistics on its tables; a bulk load is not yet seen by autovacuum.
  await database.query(
    'ANALYZE organisation, staffing_period, staffing_report, staffing_report_transition, staffing_fact, population_projection',
  );
  return {
    municipalities,
    periods,
    config,
    rows: {
      organisations: municipalities.length,
      periods: periods.length,
      reports,
      transitions,
      facts,
      projections: projections.m.length,
    },
    loadMs: Math.round(performance.now() - began),
  };
}

function emptyBatch() {
  return { m: [] as string[], p: [] as string[], measure: [] as string[], b: [] as string[], v: [] as number[] };
}

/** The facts the dataset holds for one municipality in one period (the generator is deterministic). */
export function datasetFacts(dataset: NationalDataset, municipality: BenchMunicipality, period: BenchPeriod): Fact[] {
  return generateFacts(dataset.config, municipality.profile, period.yearIndex);
}

/** The embedded data folder a bench server will open: migrated, the demo seeded, the dataset loaded, closed. */
export async function prepareEmbeddedDataset(dataDir: string): Promise<NationalDataset & { totalMs: number }> {
  const began = performance.now();
  const database = await openEmbedded(dataDir);
  try {
    await database.migrate();
    await seedDemo(database.db, SERVER_MODULES);
    const dataset = await loadNationalDataset(database);
    await assertLoaded(database.db, dataset);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}

/** The same for a PostgreSQL database (the bench database, already holding the demo or not). */
export async function preparePostgresDataset(url: string): Promise<NationalDataset & { totalMs: number }> {
  const began = performance.now();
  const database = openServer(url, { statementTimeoutMs: 0, poolSize: 2 });
  try {
    await database.migrate();
    await seedDemo(database.db, SERVER_MODULES);
    const dataset = await loadNationalDataset(database);
    await assertLoaded(database.db, dataset);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}

async function assertLoaded(db: Db, dataset: NationalDataset) {
  const rows = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        eq(organisation.kind, 'municipality'),
        inArray(
          organisation.id,
          dataset.municipalities.map((m) => m.id),
        ),
      ),
    );
  if (rows.length !== NATIONAL.municipalities) {
    throw new Error(`expected ${NATIONAL.municipalities} bench municipalities, found ${rows.length}`);
  }
}
