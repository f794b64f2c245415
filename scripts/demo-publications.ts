// Computes the demo's publication patterns with the real engine and stores them in
// src/modules/staffing/statistics/demo-publications.json (decision 016). Run after changing the demo's figures,
// the configuration's defaults or the publication model: `npm run demo:publications`.
import { writeFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { SERVER_MODULES } from '../src/app/server-modules.ts';
import { staffingPublication } from '../src/modules/staffing/publication.table.ts';
import { staffingPeriod } from '../src/modules/staffing/staffing.table.ts';
import { codeMaps, type DemoPatterns } from '../src/modules/staffing/statistics/demo-publications.ts';
import { openInMemory } from '../src/platform/server/db.ts';
import { seedDemo } from '../src/platform/server/demo.ts';

process.env.KN_DEMO_PUBLICATIONS = 'compute';
const started = performance.now();
const database = await openInMemory();
await database.migrate();
const t = { db: database.db, close: () => database.close() };
await seedDemo(t.db, SERVER_MODULES);
const codes = await codeMaps(t.db);
const rows = await t.db
  .select({
    label: staffingPeriod.label,
    hidden: staffingPublication.hidden,
    stats: staffingPublication.stats,
    id: staffingPeriod.id,
    referenceDate: staffingPeriod.referenceDate,
  })
  .from(staffingPublication)
  .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingPublication.periodId))
  .orderBy(asc(staffingPeriod.referenceDate));
const { preparePublication } = await import('../src/modules/staffing/statistics/publications.service.ts');
const { stableDigest, demoPatternKey } = await import('../src/modules/staffing/statistics/demo-publications.ts');
const { ReadCache } = await import('../src/platform/server/read-cache.ts');
const out: DemoPatterns = {};
for (const [index, row] of rows.entries()) {
  // The digest of the inputs the pattern was chosen for: prepared again without the publication itself.
  await t.db.delete(staffingPublication).where(eq(staffingPublication.periodId, row.id));
  const prepared = await preparePublication({ db: t.db, cache: new ReadCache(0), minCount: 3 }, row.id);
  if ('none' in prepared) continue;
  // Keyed by the period's place in the demo: its label follows today's date (staffing-demo.ts, demoPeriods).
  out[demoPatternKey(index)] = {
    digest: stableDigest(prepared, codes.byCode),
    hidden: row.hidden.map(codes.byCode).sort(),
    stats: row.stats,
  };
  console.log(`${row.label}: ${row.hidden.length} hidden`, row.stats);
}
writeFileSync(
  new URL('../src/modules/staffing/statistics/demo-publications.json', import.meta.url),
  `${JSON.stringify(out)}\n`,
);
await t.close();
console.log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
