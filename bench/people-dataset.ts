// A generated staff register for `npm run bench` (issue 14, Performance): 290 municipalities with the demo's unit tree
// (nine units each) and 50,000 invented persons spread over them by size (the largest about 20 times the smallest),
// with the demo's mix of professions, forms, ages and dates; every tenth ended. Loaded straight into a migrated
// database (batched INSERT … SELECT FROM unnest), with only what the benchmark needs of the platform: the region, a
// regional admin and a municipal admin of the largest municipality (the demo's password), and three empty
// municipalities with units for the import runs. Nothing of other modules' demos is seeded.

import { demoPersons, demoUnits } from '../src/modules/people/people-demo.ts';
import { personSearchText } from '../src/modules/people/people-text.ts';
import { seededRandom } from '../src/modules/staffing/staffing-generator.ts';
import { type Database, openEmbedded, openServer } from '../src/platform/server/db.ts';
import { DEMO_PASSWORD } from '../src/platform/server/demo.ts';
import { buildMunicipality, buildRegion, buildUser } from '../src/platform/server/factories.ts';

export const PEOPLE_BENCH = { municipalities: 290, persons: 50_000, importMunicipalities: 3 };
export const BENCH_REGIONAL_ADMIN = 'regionadmin@demo.example';
export const BENCH_MUNICIPAL_ADMIN = 'kommunadmin.storstad@bench.example';
const BATCH = 5_000;

export type PeopleDataset = {
  rows: { municipalities: number; units: number; persons: number };
  /** The largest municipality: its id, name, and a unit with units below it (for a filtered list). */
  largest: { id: string; name: string; persons: number; areaUnitId: string };
  /** Empty municipalities with the demo's units, one per import run. */
  importTargets: { id: string; name: string; code: string; unitNames: string[] }[];
  loadMs: number;
};

export async function loadPeopleDataset(database: Database): Promise<PeopleDataset> {
  const began = performance.now();
  const db = database.db;
  const existing = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM people_person');
  if ((existing[0]?.n ?? 0) > 0) throw new Error('the people bench dataset is loaded already in this database');
  await buildRegion(db, 'Benchregionen (bench)');
  await buildUser(db, {
    role: 'regional_admin',
    email: BENCH_REGIONAL_ADMIN,
    name: 'Bench Region',
    password: DEMO_PASSWORD,
  });

  const rand = seededRandom(20_260_014);
  // Sizes like Sweden's: many small municipalities, a few large ones.
  const weights = Array.from({ length: PEOPLE_BENCH.municipalities }, () => 1 + 19 * rand() ** 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.round((w / total) * PEOPLE_BENCH.persons)));
  // The rounding is absorbed by the largest, so the register holds exactly the target.
  const largestIndex = sizes.indexOf(Math.max(...sizes));
  sizes[largestIndex] = (sizes[largestIndex] ?? 0) + PEOPLE_BENCH.persons - sizes.reduce((a, b) => a + b, 0);

  const now = new Date();
  let units = 0;
  let persons = 0;
  let largest: PeopleDataset['largest'] | null = null;
  const importTargets: PeopleDataset['importTargets'] = [];
  const pending: Record<string, unknown[]> = {};
  const flush = async () => {
    if (!pending.org?.length) return;
    await database.query(
      `INSERT INTO people_person (organisation_id, unit_id, first_name, last_name, profession_key, employment_form,
         employment_rate, employment_start, employment_end, birth_year, employee_number, search_text)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[],
         $8::date[], $9::date[], $10::int[], $11::text[], $12::text[])`,
      [
        pending.org,
        pending.unit,
        pending.first,
        pending.last,
        pending.profession,
        pending.form,
        pending.rate,
        pending.start,
        pending.end,
        pending.birth,
        pending.number,
        pending.search,
      ],
    );
    for (const key of Object.keys(pending)) pending[key] = [];
  };
  const push = (key: string, value: unknown) => {
    const list = pending[key] ?? [];
    list.push(value);
    pending[key] = list;
  };

  for (let i = 0; i < PEOPLE_BENCH.municipalities + PEOPLE_BENCH.importMunicipalities; i++) {
    const importTarget = i >= PEOPLE_BENCH.municipalities;
    const code = String(6000 + i);
    const name = importTarget
      ? `Importkommun ${i - PEOPLE_BENCH.municipalities + 1} (bench)`
      : `Benchkommun ${code} (bench)`;
    const org = await buildMunicipality(db, { name, code });
    const ids = new Map<string, string>();
    for (const unit of demoUnits(name, code, i)) {
      const [row] = await database.query<{ id: string }>(
        'INSERT INTO people_unit (organisation_id, parent_id, name, code, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [org.id, unit.parent ? ids.get(unit.parent) : null, unit.name, unit.code, unit.kind],
      );
      if (row) ids.set(unit.key, row.id);
      units++;
    }
    if (importTarget) {
      const unitNames = demoUnits(name, code, i)
        .filter((u) => u.kind !== 'other')
        .map((u) => u.name);
      importTargets.push({ id: org.id, name, code, unitNames });
      continue;
    }
    const size = sizes[i] ?? 0;
    if (i === largestIndex) {
      largest = { id: org.id, name, persons: size, areaUnitId: ids.get('elder') as string };
      await buildUser(db, {
        role: 'municipal_admin',
        municipality: org,
        email: BENCH_MUNICIPAL_ADMIN,
        password: DEMO_PASSWORD,
      });
    }
    // The demo's generator gives ~40 at a time; it is asked again (with another seed) until the size is reached.
    for (let made = 0, round = 0; made < size; round++) {
      for (const p of demoPersons(code, i * 1000 + round, now)) {
        if (made >= size) break;
        push('org', org.id);
        push('unit', ids.get(p.unitKey));
        push('first', p.firstName);
        push('last', p.lastName.replace('(demo)', '(bench)'));
        push('profession', p.professionKey);
        push('form', p.employmentForm);
        push('rate', p.employmentRate);
        push('start', p.employmentStart);
        push('end', p.employmentEnd);
        push('birth', p.birthYear);
        push('number', `${code}-${100_000 + made}`);
        push(
          'search',
          personSearchText({
            firstName: p.firstName,
            lastName: p.lastName.replace('(demo)', '(bench)'),
            employeeNumber: `${code}-${100_000 + made}`,
          }),
        );
        made++;
        persons++;
        if ((pending.org?.length ?? 0) >= BATCH) await flush();
      }
    }
  }
  await flush();
  // VACUUM too, as autovacuum would soon after a load: it also merges the search index's pending list (GIN fastupdate)
  // into the index. Left to autovacuum, whether it had run before the name search was measured decided that list's
  // cost (a few hundred pending pages doubled it; decision 043).
  await database.query('VACUUM ANALYZE people_person, people_unit, organisation');
  if (!largest) throw new Error('no largest municipality');
  return {
    rows: { municipalities: PEOPLE_BENCH.municipalities, units, persons },
    largest,
    importTargets,
    loadMs: Math.round(performance.now() - began),
  };
}

/** An embedded data folder a bench server will open: migrated, the register loaded, closed. */
export async function prepareEmbeddedPeople(dataDir: string): Promise<PeopleDataset & { totalMs: number }> {
  const began = performance.now();
  const database = await openEmbedded(dataDir);
  try {
    await database.migrate();
    const dataset = await loadPeopleDataset(database);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}

/** The same for the PostgreSQL bench database (recreated empty by run.ts). */
export async function preparePostgresPeople(url: string): Promise<PeopleDataset & { totalMs: number }> {
  const began = performance.now();
  const database = openServer(url, { statementTimeoutMs: 0, poolSize: 2 });
  try {
    await database.migrate();
    const dataset = await loadPeopleDataset(database);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}
