// A national-scale synthetic publication for the disclosure engine (a benchmark, not a test): 290 municipalities in
// 21 regions, 7 professions and their all-professions margin, ~24 figures per (place, profession) with the report's
// rules (breakdowns sum to totals, parts ≤ wholes, FTE ≤ head count, filled + vacant = budgeted), region and national
// totals; with `owners`, every municipality's cells name it as their owner (each municipality is then an attacker too).
// Run: node --import tsx src/platform/server/disclosure/disclosure.bench-data.ts [municipalities] [seed] [owners]
// (THREADS=1 in the environment keeps everything in one thread). It prints protect's time (its own audit, which
// checks protect's certificates, included) and then the operator's audit of the same pattern without certificates.
import { auditPublication } from './audit.ts';
import { closeDisclosureWorkers } from './parallel.ts';
import { protect } from './protect.ts';
import { atMostRelation, sumRelation } from './relations.ts';
import type { DisclosureCell, Relation } from './types.ts';

const PROFESSIONS = ['usk', 'ssk', 'arbt', 'fysio', 'dietist', 'logoped', 'kurator'];
/** Share of a municipality's staff per profession: the small ones give the small counts. */
const SHARE = [0.55, 0.25, 0.08, 0.05, 0.02, 0.02, 0.03];
const AGE_BANDS = ['age_u30', 'age_30_44', 'age_45_59', 'age_60_64', 'age_65plus'];
const AGE_WEIGHTS = [0.15, 0.35, 0.35, 0.1, 0.05];
const ABSENCE_KINDS = ['abs_sick', 'abs_parental', 'abs_other'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits n into parts by weights (a multinomial draw). */
function split(rand: () => number, n: number, weights: number[]): number[] {
  const parts = weights.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = rand();
    let j = 0;
    while (j < weights.length - 1 && u >= (weights[j] as number)) u -= weights[j++] as number;
    parts[j] = (parts[j] as number) + 1;
  }
  return parts;
}

const binomial = (rand: () => number, n: number, p: number) => split(rand, n, [p, 1 - p])[0] as number;

/** The figures of one (municipality, profession): every count and the FTE, consistent with the rules. */
function figures(rand: () => number, headcount: number): Record<string, number> {
  const f: Record<string, number> = { headcount };
  const permanent = binomial(rand, headcount, 0.85);
  Object.assign(f, { permanent, fixed_term: headcount - permanent });
  split(rand, headcount, AGE_WEIGHTS).forEach((n, i) => {
    f[AGE_BANDS[i] as string] = n;
  });
  f.over60 = (f.age_60_64 as number) + (f.age_65plus as number);
  f.specialists = binomial(rand, headcount, 0.2);
  f.full_time = binomial(rand, headcount, 0.6);
  f.fte = Math.round(headcount * (0.8 + 0.15 * rand()) * 10) / 10;
  const filled = binomial(rand, headcount, 0.9);
  const vacant = binomial(rand, Math.max(1, Math.round(headcount / 8)), 0.5);
  Object.assign(f, { filled, vacant, budgeted: filled + vacant });
  const absent = binomial(rand, headcount, 0.12);
  f.absence_persons = absent;
  split(rand, absent, [0.6, 0.25, 0.15]).forEach((n, i) => {
    f[ABSENCE_KINDS[i] as string] = n;
  });
  f.absence_fte = Math.round(absent * 0.7 * 10) / 10;
  const left = binomial(rand, headcount, 0.1);
  const retired = binomial(rand, left, 0.3);
  Object.assign(f, {
    left,
    left_retired: retired,
    left_other: left - retired,
    recruited: binomial(rand, headcount, 0.1),
  });
  return f;
}

const NON_COUNTS = new Set(['fte', 'absence_fte']);

/** The rules inside one (place, profession). */
function cellRules(id: (measure: string) => string): Relation[] {
  return [
    sumRelation(id('headcount'), [id('permanent'), id('fixed_term')]),
    sumRelation(id('headcount'), AGE_BANDS.map(id)),
    sumRelation(id('over60'), [id('age_60_64'), id('age_65plus')]),
    sumRelation(id('budgeted'), [id('filled'), id('vacant')]),
    sumRelation(id('absence_persons'), ABSENCE_KINDS.map(id)),
    sumRelation(id('left'), [id('left_retired'), id('left_other')]),
    atMostRelation(id('specialists'), id('headcount')),
    atMostRelation(id('full_time'), id('headcount')),
    atMostRelation(id('fte'), id('headcount')),
    atMostRelation(id('absence_fte'), id('absence_persons')),
  ];
}

export function nationalPublication(municipalities = 290, regions = 21, seed = 1, owners = false) {
  const rand = random(seed);
  const measures = Object.keys(figures(rand, 10));
  const places = Array.from({ length: municipalities }, (_, m) => ({ id: `m${m}`, region: `r${m % regions}` }));
  const values = new Map<string, number>();
  const id = (place: string, profession: string, measure: string) => `${place}/${profession}/${measure}`;
  const add = (key: string, v: number) => values.set(key, Math.round(((values.get(key) ?? 0) + v) * 10) / 10);
  for (const place of places) {
    const size = Math.exp(3.2 + 1.1 * (rand() + rand() + rand() - 1.5) * 2); // a few dozen to a few thousand staff
    PROFESSIONS.forEach((profession, p) => {
      const headcount = Math.max(0, Math.round(size * (SHARE[p] as number) * (0.5 + rand())));
      for (const [measure, v] of Object.entries(figures(rand, headcount))) {
        for (const [geo, prof] of [
          [place.id, profession],
          [place.id, 'all'],
          [place.region, profession],
          [place.region, 'all'],
          ['SE', profession],
          ['SE', 'all'],
        ] as const) {
          add(id(geo, prof, measure), v);
        }
      }
    });
  }
  const cells: DisclosureCell[] = [...values].map(([key, value]) => {
    const place = key.slice(0, key.indexOf('/'));
    const cell: DisclosureCell = { id: key, value, count: !NON_COUNTS.has(key.slice(key.lastIndexOf('/') + 1)) };
    if (owners && place.startsWith('m')) cell.owner = place;
    return cell;
  });
  const relations: Relation[] = [];
  const geos = [...places.map((p) => p.id), ...new Set(places.map((p) => p.region)), 'SE'];
  for (const geo of geos) {
    for (const prof of [...PROFESSIONS, 'all']) relations.push(...cellRules((m) => id(geo, prof, m)));
    for (const m of measures)
      relations.push(
        sumRelation(
          id(geo, 'all', m),
          PROFESSIONS.map((p) => id(geo, p, m)),
        ),
      );
  }
  const regionIds = [...new Set(places.map((p) => p.region))];
  for (const prof of [...PROFESSIONS, 'all']) {
    for (const m of measures) {
      for (const region of regionIds) {
        const members = places.filter((p) => p.region === region).map((p) => id(p.id, prof, m));
        relations.push(sumRelation(id(region, prof, m), members));
      }
      relations.push(
        sumRelation(
          id('SE', prof, m),
          regionIds.map((r) => id(r, prof, m)),
        ),
      );
    }
  }
  return { cells, relations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const owners = args.includes('owners');
  const [municipalities = 290, seed = 1] = args.filter((a) => a !== 'owners').map(Number);
  const t0 = performance.now();
  const { cells, relations } = nationalPublication(
    municipalities,
    Math.max(1, Math.round(municipalities / 14)),
    seed,
    owners,
  );
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const threads = process.env.THREADS ? Number(process.env.THREADS) : undefined;
  const result = await protect({ cells, relations, limits: { totalSeconds: 3600, threads } });
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  // The operator's audit: no certificates, every cell proven by the audit's own programs.
  const audit = await auditPublication({
    cells,
    relations,
    hidden: result.hidden,
    limits: { totalSeconds: 3600, threads },
  });
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) =>
    `${((b.user + b.system - a.user - a.system) / 1e6).toFixed(1)} s`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    JSON.stringify({
      municipalities,
      owners,
      cells: cells.length,
      relations: relations.length,
      sensitive: result.primary.size,
      hidden: result.hidden.size,
      generate: s(t1 - t0),
      protect: s(t2 - t1),
      protectCpu: cpu(c1, c2),
      protectOwnAudit: `${(result.stats.auditSeconds ?? 0).toFixed(1)} s`,
      threads: result.stats.threads,
      protectLps: result.stats.lps,
      fallbacks: result.stats.fallbacks,
      certificates: result.certificates.length,
      protectAuditOk: result.audit.ok,
      audit: s(t3 - t2),
      auditCpu: cpu(c2, c3),
      auditLps: audit.lps,
      auditOk: audit.ok,
      violations: audit.violations.length,
      pinned: audit.pinned.length,
    }),
  );
  if (!audit.ok) console.log(audit.violations.slice(0, 5));
  await closeDisclosureWorkers();
}
