// The demo's publications (decision 016). Choosing a pattern for a period of fifteen municipalities takes the engine
// a while, and the demo is seeded by `npm start` and by several test files, so the demo's patterns are computed ahead
// by `npm run demo:publications` (which runs the real engine on the demo) and stored in demo-publications.json, keyed
// by municipality code instead of id. Seeding checks that the stored pattern belongs to exactly these figures (a
// digest) and falls back to the engine when it does not; the demo test runs the attacker audit over what was seeded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../platform/server/db.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { PROJECT_ROOT } from '../../../platform/server/paths.ts';
import type { PublicationReason } from '../publication.table.ts';
import type { StaffingDeps } from '../staffing-config.service.ts';
import {
  type PreparedPublication,
  preparePublication,
  publishPeriod,
  storePublication,
} from './publications.service.ts';

export type DemoPatterns = Record<string, { digest: string; hidden: string[]; stats: Record<string, number> }>;

// From the project root: the server also runs as one bundled file (bin/kompetensnav.mjs), elsewhere than its sources.
const FILE = path.join(PROJECT_ROOT, 'src/modules/staffing/statistics/demo-publications.json');

export function readDemoPatterns(): DemoPatterns {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as DemoPatterns;
  } catch {
    return {};
  }
}

/** The stored pattern's key of the demo's n-th period (0 = the oldest): the labels follow today's date. */
export const demoPatternKey = (index: number) => `period-${index}`;

/** Municipality ids ⇄ codes, so a pattern outlives the ids of one seeding. */
export async function codeMaps(db: Db) {
  const rows = await db.select({ id: organisation.id, code: organisation.code }).from(organisation);
  const toCode = new Map(rows.filter((r) => r.code).map((r) => [r.id, r.code as string]));
  const toId = new Map([...toCode].map(([id, code]) => [code, id]));
  const swap = (id: string, map: Map<string, string>) => {
    const [m = '', ...rest] = id.split('|');
    return [map.get(m) ?? m, ...rest].join('|');
  };
  return { byCode: (id: string) => swap(id, toCode), byId: (id: string) => swap(id, toId) };
}

/** A digest of a prepared publication's figures and rules that does not depend on the ids. */
export function stableDigest(prepared: PreparedPublication, byCode: (id: string) => string): string {
  const hash = createHash('sha256');
  const cells = prepared.cells.map((c) => `${byCode(c.id)}=${c.value}`).sort();
  for (const c of cells) hash.update(`${c};`);
  hash.update(`relations:${prepared.relations.length};earlier:${prepared.earlier.length}`);
  // What is never published is part of the model: a pattern chosen for another split is stale.
  for (const id of [...prepared.forced].map(byCode).sort()) hash.update(`forced:${id};`);
  return hash.digest('hex');
}

/** Publishes a demo period from its stored pattern, or with the engine when the pattern is missing or stale. */
export async function publishDemoPeriod(
  deps: StaffingDeps,
  /** `key`: the period's place in the demo (its labels move with today's date; demoPatternKey). */
  period: { id: string; label: string; key?: string },
  how: { reason: PublicationReason; now: Date },
): Promise<'stored' | 'computed' | 'none'> {
  const prepared = await preparePublication(deps, period.id);
  if ('none' in prepared) return 'none';
  const codes = await codeMaps(deps.db);
  const stored =
    process.env.KN_DEMO_PUBLICATIONS === 'compute' ? undefined : readDemoPatterns()[period.key ?? period.label];
  if (stored && stored.digest === stableDigest(prepared, codes.byCode)) {
    const hidden = new Set(stored.hidden.map(codes.byId));
    await storePublication(deps.db, prepared, { hidden, stats: stored.stats }, how);
    return 'stored';
  }
  if (process.env.KN_DEMO_PUBLICATIONS !== 'compute') {
    process.emitWarning(
      `The demo's stored publication pattern for ${period.label} is missing or stale: computing it (minutes). Run npm run demo:publications.`,
    );
  }
  await publishPeriod(deps, period.id, how);
  return 'computed';
}
