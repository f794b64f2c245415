// Population projections (befolkningsprognos): the form's save and validation, the CSV import's preview with every
// kind of cell error and its all-or-nothing confirmation, the export, and who may read and write which municipality.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { populationProjection } from '../population.table.ts';
import { populationYearRange } from './population.contracts.ts';
import { loadProjection } from './population.service.ts';
import { ageGroupOf } from './population-import.service.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies = new Map<string, string>();
const { min: Y, max: MAX } = populationYearRange();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Åsunda', code: '1601' });
  b = await buildMunicipality(t.db, { name: 'Björkvik', code: '1602' });
  let ip = 1;
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    reporterA: await buildUser(t.db, { role: 'reporter', municipality: a }),
    municipalAdminA: await buildUser(t.db, { role: 'municipal_admin', municipality: a }),
    managerA: await buildUser(t.db, { role: 'manager', municipality: a }),
    employeeA: await buildUser(t.db, { role: 'employee', municipality: a }),
    reporterB: await buildUser(t.db, { role: 'reporter', municipality: b }),
  };
  for (const [name, u] of Object.entries(users)) cookies.set(name, await t.signIn(u, `10.7.0.${ip++}`));
});
afterAll(() => t.close());

const as = (who: string | null) => t.as(who ? (cookies.get(who) ?? null) : null);

function multipart(file: Buffer | string, name = 'prognos.csv') {
  const boundary = 'kompetensnavprognos';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      typeof file === 'string' ? Buffer.from(file, 'utf8') : file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
const preview = (file: Buffer | string, who = 'admin') =>
  as(who)({ method: 'POST', url: '/api/staffing/population/import/preview', ...multipart(file) });
const confirm = (file: Buffer | string, token: string, who = 'admin') =>
  as(who)({ method: 'POST', url: `/api/staffing/population/import/confirm?token=${token}`, ...multipart(file) });

async function rowsOf(municipalityId: string) {
  return t.db
    .select({
      year: populationProjection.year,
      ageGroup: populationProjection.ageGroup,
      inhabitants: populationProjection.inhabitants,
    })
    .from(populationProjection)
    .where(eq(populationProjection.municipalityId, municipalityId))
    .orderBy(populationProjection.year, populationProjection.ageGroup);
}
async function total() {
  const [r] = await t.db.select({ n: count() }).from(populationProjection);
  return r?.n ?? 0;
}

const grid = (years: number[], base = 1000) =>
  years.flatMap((year, i) => [
    { year, ageGroup: '0-64', inhabitants: base * 10 + i },
    { year, ageGroup: '65-79', inhabitants: base * 2 + i },
    { year, ageGroup: '80+', inhabitants: base + i * 30 },
  ]);

describe('the form', () => {
  it('saves a municipality’s grid, replaces it on the next save, and writes an audit event', async () => {
    const first = await as('reporterA')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: { rows: grid([Y, Y + 1, Y + 2]) },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().rows).toHaveLength(9);
    expect(first.json().canEdit).toBe(true);
    expect(await rowsOf(a.id)).toHaveLength(9);

    const second = await as('admin')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: { rows: grid([Y, Y + 1], 2000) },
    });
    expect(second.statusCode, second.body).toBe(200);
    const saved = await rowsOf(a.id);
    expect(saved).toHaveLength(6);
    expect(saved.find((r) => r.year === Y && r.ageGroup === '80+')?.inhabitants).toBe(2000);

    const events = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'population_projection.save'), eq(auditEvent.entityId, a.id)));
    expect(events).toHaveLength(2);

    const read = (await as('employeeA')({ method: 'GET', url: `/api/staffing/population/${a.id}` })).json();
    expect(read.canEdit).toBe(false);
    expect(read.rows.map((r: { year: number }) => r.year)).toEqual([Y, Y, Y, Y + 1, Y + 1, Y + 1]);
    expect(read.rows.slice(0, 3).map((r: { ageGroup: string }) => r.ageGroup)).toEqual(['0-64', '65-79', '80+']);
  });

  it('keeps the years before this one when the form saves (they are history the form no longer shows)', async () => {
    const m = await buildMunicipality(t.db, { name: 'Historik' });
    await t.db
      .insert(populationProjection)
      .values({ municipalityId: m.id, year: Y - 1, ageGroup: '80+', inhabitants: 77 });
    const res = await as('admin')({
      method: 'PUT',
      url: `/api/staffing/population/${m.id}`,
      payload: { rows: [{ year: Y, ageGroup: '80+', inhabitants: 80 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await rowsOf(m.id)).toEqual([
      { year: Y - 1, ageGroup: '80+', inhabitants: 77 },
      { year: Y, ageGroup: '80+', inhabitants: 80 },
    ]);
    // What the forecast reads: the same rows, by year.
    expect(await loadProjection(t.db, m.id)).toEqual(await rowsOf(m.id));
  });

  it('refuses fractions, negative numbers, years out of range and a year and group twice, with Swedish field paths', async () => {
    const before = await rowsOf(a.id);
    const res = await as('reporterA')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: {
        rows: [
          { year: Y, ageGroup: '0-64', inhabitants: 10.5 },
          { year: Y, ageGroup: '65-79', inhabitants: -3 },
          { year: Y, ageGroup: '90+', inhabitants: 3 },
          { year: MAX + 1, ageGroup: '80+', inhabitants: 100 },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['rows.0.inhabitants', 'rows.1.inhabitants', 'rows.2.ageGroup']);
    expect(fields.find((f) => f.path === 'rows.0.inhabitants')?.message).toBe('Ange antalet invånare som ett heltal.');
    expect(fields.find((f) => f.path === 'rows.1.inhabitants')?.message).toBe(
      'Antalet invånare kan inte vara negativt.',
    );

    const range = await as('reporterA')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: {
        rows: [
          { year: Y - 1, ageGroup: '0-64', inhabitants: 1 },
          { year: MAX, ageGroup: '0-64', inhabitants: 1 },
          { year: MAX + 1, ageGroup: '80+', inhabitants: 1 },
          { year: MAX, ageGroup: '0-64', inhabitants: 2 },
        ],
      },
    });
    expect(range.statusCode).toBe(400);
    const paths = (range.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]);
    expect(paths).toEqual([
      ['rows.0.year', `Året ska vara mellan ${Y} och ${MAX}.`],
      ['rows.2.year', `Året ska vara mellan ${Y} och ${MAX}.`],
      ['rows.3.ageGroup', `År ${MAX}, åldersgrupp 0-64 finns redan på en tidigare rad.`],
    ]);
    const unknown = await as('admin')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: { rows: [], municipalityId: b.id },
    });
    expect(unknown.statusCode).toBe(400);
    expect(await rowsOf(a.id)).toEqual(before);
  });

  it('lets the regional admin write any municipality, a municipality’s reporter and admin only their own', async () => {
    const put = (who: string, m: Organisation) =>
      as(who)({ method: 'PUT', url: `/api/staffing/population/${m.id}`, payload: { rows: grid([Y + 5]) } });
    expect((await put('admin', b)).statusCode).toBe(200);
    expect((await put('municipalAdminA', a)).statusCode).toBe(200);
    const before = await rowsOf(b.id);
    expect((await put('reporterA', b)).statusCode).toBe(404);
    expect((await put('municipalAdminA', b)).statusCode).toBe(404);
    expect((await put('managerA', a)).statusCode).toBe(403);
    expect((await put('employeeA', a)).statusCode).toBe(403);
    expect(
      (await as(null)({ method: 'PUT', url: `/api/staffing/population/${a.id}`, payload: { rows: [] } })).statusCode,
    ).toBe(401);
    expect(await rowsOf(b.id)).toEqual(before);
    expect(
      (
        await as('admin')({
          method: 'PUT',
          url: '/api/staffing/population/00000000-0000-4000-8000-000000000000',
          payload: { rows: [] },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets every signed-in user read every municipality’s projection, with who may edit which', async () => {
    const res = await as('reporterB')({ method: 'GET', url: '/api/staffing/population' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.years).toEqual({ min: Y, max: MAX });
    const names = body.municipalities.map((m: { municipalityName: string }) => m.municipalityName);
    // Swedish order: Å after H.
    expect(names).toEqual(['Björkvik', 'Historik', 'Åsunda']);
    expect(body.municipalities.map((m: { canEdit: boolean }) => m.canEdit)).toEqual([true, false, false]);
    expect(body.municipalities[2].rows.length).toBeGreaterThan(0);
    expect((await as(null)({ method: 'GET', url: '/api/staffing/population' })).statusCode).toBe(401);
  });
});

describe('CSV import', () => {
  const header = 'kommunkod;kommun;år;åldersgrupp;antal';

  it('previews a valid file (BOM, semicolons, code or name, every spelling of the age groups) and writes nothing', async () => {
    const file = `\ufeff${header}\r\n1601;Åsunda;${Y + 10};0–64;9 000\r\n;Åsunda;${Y + 10};65-79;2100\r\n1601;;${Y + 10};80 år och äldre;1200\r\n1602;Björkvik;${Y + 10};80+;800\r\n`;
    const before = await total();
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.errors).toEqual([]);
    expect(body.separator).toBe(';');
    expect(body.counts).toEqual({ rows: 4, new: 4, changed: 0, unchanged: 0 });
    expect(
      body.municipalities.map((m: { municipalityName: string; rows: number }) => [m.municipalityName, m.rows]),
    ).toEqual([
      ['Björkvik', 1],
      ['Åsunda', 3],
    ]);
    expect(body.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await total()).toBe(before);

    const done = await confirm(file, body.token);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const saved = await rowsOf(a.id);
    expect(saved.filter((r) => r.year === Y + 10)).toEqual([
      { year: Y + 10, ageGroup: '0-64', inhabitants: 9000 },
      { year: Y + 10, ageGroup: '65-79', inhabitants: 2100 },
      { year: Y + 10, ageGroup: '80+', inhabitants: 1200 },
    ]);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'population_projection.import'));
    expect(events.map((e) => e.organisationId).sort()).toEqual([a.id, b.id].sort());

    // The same file twice changes nothing.
    const again = (await preview(file)).json();
    expect(again.counts).toEqual({ rows: 4, new: 0, changed: 0, unchanged: 4 });
    const twice = await confirm(file, again.token);
    expect(twice.json()).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await rowsOf(a.id)).toEqual(saved);
  });

  it('reads commas as the separator and a file without BOM', async () => {
    const file = `kommun,år,åldersgrupp,antal\nBjörkvik,${Y + 11},0-64,5000\n`;
    const body = (await preview(file)).json();
    expect(body.separator).toBe(',');
    expect(body.errors).toEqual([]);
    expect(body.counts.new).toBe(1);
  });

  it('reports every kind of cell error by row and column, and confirming such a file writes nothing', async () => {
    const file = [
      header,
      `9999;;${Y};0-64;100`,
      `;Okända;${Y};0-64;100`,
      `1601;Björkvik;${Y};0-64;100`,
      `;;${Y};0-64;100`,
      `1601;Åsunda;tjugo;0-64;100`,
      `1601;Åsunda;${Y - 1};0-64;100`,
      `1601;Åsunda;${Y};90+;100`,
      `1601;Åsunda;${Y};0-64;12,5`,
      `1601;Åsunda;${Y};65-79;-4`,
      `1601;Åsunda;${Y};80+;`,
      `1601;Åsunda;${Y + 1};80+;10`,
      `1601;Åsunda;${Y + 1};80+;11`,
      `1601;Åsunda;${Y + 2};80+;12`,
    ].join('\n');
    const res = await preview(file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toBeNull();
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:kommunkod',
      '3:kommun',
      '4:kommun',
      '5:kommunkod',
      '6:år',
      '7:år',
      '8:åldersgrupp',
      '9:antal',
      '10:antal',
      '11:antal',
      '13:åldersgrupp',
    ]);
    const messages = body.errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toBe('Rad 2, kolumn kommunkod: okänd kommunkod ”9999”.');
    expect(messages[2]).toBe('Rad 4, kolumn kommun: ”Björkvik” stämmer inte med kommunkod 1601 (Åsunda).');
    expect(messages[5]).toBe(`Rad 7, kolumn år: ${Y - 1} ligger utanför ${Y}–${MAX}.`);
    expect(messages[7]).toBe('Rad 9, kolumn antal: ”12,5” är inget heltal. Ange antalet invånare, till exempel 1250.');
    expect(messages[8]).toBe('Rad 10, kolumn antal: antalet kan inte vara negativt.');
    expect(messages[10]).toBe(`Rad 13, kolumn åldersgrupp: Åsunda ${Y + 1} 80+ finns redan på rad 12.`);

    const before = await total();
    const forged = await confirm(file, 'a'.repeat(64));
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error.fields).toHaveLength(11);
    expect(forged.json().error.fields[0].path).toBe('2.kommunkod');
    expect(await total()).toBe(before);
  });

  it('reports a missing, an unknown and a doubled column, and an empty file', async () => {
    const res = (await preview(`kommun;år;år;ålder;x\nÅsunda;${Y};${Y};0-64;1\n`)).json();
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 1, kolumn år: kolumnen finns två gånger.',
      'Rad 1, kolumn ålder: okänd kolumn. Kolumnerna heter kommunkod;kommun;år;åldersgrupp;antal.',
      'Rad 1, kolumn x: okänd kolumn. Kolumnerna heter kommunkod;kommun;år;åldersgrupp;antal.',
      'Rad 1, kolumn åldersgrupp: kolumnen saknas i filen.',
      'Rad 1, kolumn antal: kolumnen saknas i filen.',
    ]);
    const empty = (await preview(`${header}\n\n`)).json();
    expect(empty.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 2: filen har inga rader under rubrikraden.',
    ]);
  });

  it('refuses a file with more rows than the limit as a whole, however long it is', async () => {
    const line = `1601;Åsunda;${Y};80+;1\n`;
    for (const rows of [5001, 12_000]) {
      const res = await preview(`${header}\n${line.repeat(rows)}`);
      expect(res.statusCode, `${rows} rows`).toBe(413);
      expect(res.json().error.message).toMatch(/för många rader/);
    }
  });

  it('refuses a file that is not UTF-8 text, and an XLSX', async () => {
    const latin1 = Buffer.from(`${header}\n1601;Åsunda;${Y};0-64;1\n`, 'latin1');
    const res = await preview(latin1);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/UTF-8/);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await preview(zip)).statusCode).toBe(415);
  });

  it('is all or nothing: one bad row keeps every good row out, and a change after the preview is refused', async () => {
    const before = await rowsOf(a.id);
    const bad = `${header}\n1601;Åsunda;${Y + 20};0-64;100\n1601;Åsunda;${Y + 20};65-79;x\n`;
    const res = await confirm(bad, 'b'.repeat(64));
    expect(res.statusCode).toBe(422);
    expect(await rowsOf(a.id)).toEqual(before);

    const good = `${header}\n1601;Åsunda;${Y + 20};0-64;100\n1601;Åsunda;${Y + 20};65-79;50\n`;
    const token = (await preview(good)).json().token;
    // The projection changes between the preview and the confirmation.
    await as('admin')({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: { rows: [...before, { year: Y + 20, ageGroup: '0-64', inhabitants: 99 }] },
    });
    const stale = await confirm(good, token);
    expect(stale.statusCode).toBe(409);
    expect((await rowsOf(a.id)).find((r) => r.year === Y + 20)?.inhabitants).toBe(99);
    // Another file with the same token is refused too.
    const fresh = (await preview(good)).json().token;
    expect((await confirm(good.replace(';50', ';51'), fresh)).statusCode).toBe(409);
    expect((await confirm(good, fresh)).statusCode).toBe(201);
    expect((await rowsOf(a.id)).filter((r) => r.year === Y + 20).map((r) => r.inhabitants)).toEqual([100, 50]);
  });

  it('takes the token as the file against the saved values: another user confirms it, an applied no-op again', async () => {
    // The regional admin previews, the municipality's admin confirms the same file with that token.
    const file = `${header}\n1601;Åsunda;${Y + 22};80+;640\n`;
    const token = (await preview(file)).json().token;
    const done = await confirm(file, token, 'municipalAdminA');
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await rowsOf(a.id)).find((r) => r.year === Y + 22)?.inhabitants).toBe(640);
    // The values moved since that preview: the admin's own confirmation of it is refused, and so is a second one.
    expect((await confirm(file, token)).statusCode).toBe(409);
    expect((await confirm(file, token, 'municipalAdminA')).statusCode).toBe(409);
    // Another municipality's user cannot use it: A's rows are cell errors for them.
    expect((await confirm(file, token, 'reporterB')).statusCode).toBe(422);

    // A plan without changes stays valid: confirmed twice, by the previewer and by another user, it writes nothing.
    const same = (await preview(file, 'reporterA')).json();
    expect(same.counts).toEqual({ rows: 1, new: 0, changed: 0, unchanged: 1 });
    for (const who of ['reporterA', 'reporterA', 'admin']) {
      const res = await confirm(file, same.token, who);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(201);
      expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    }
    expect((await rowsOf(a.id)).find((r) => r.year === Y + 22)?.inhabitants).toBe(640);
  });

  it('lets a reporter import only their own municipality: another one’s rows are cell errors', async () => {
    const file = `${header}\n1601;Åsunda;${Y + 25};80+;700\n1602;Björkvik;${Y + 25};80+;700\n`;
    const body = (await preview(file, 'reporterA')).json();
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 3, kolumn kommunkod: du får inte ändra prognosen för Björkvik, bara för din egen kommun.',
    ]);
    expect(body.token).toBeNull();
    const before = await total();
    expect((await confirm(file, 'c'.repeat(64), 'reporterA')).statusCode).toBe(422);
    expect(await total()).toBe(before);
    const own = `${header}\n1601;Åsunda;${Y + 25};80+;700\n`;
    const ok = (await preview(own, 'reporterA')).json();
    expect((await confirm(own, ok.token, 'reporterA')).statusCode).toBe(201);
    expect((await preview(own, 'managerA')).statusCode).toBe(403);
    expect((await preview(own, 'employeeA')).statusCode).toBe(403);
    expect(
      (await as(null)({ method: 'POST', url: '/api/staffing/population/import/preview', ...multipart(own) }))
        .statusCode,
    ).toBe(401);
  });

  it('exports the projections in the import layout, which imports again unchanged', async () => {
    const res = await as('employeeA')({ method: 'GET', url: `/api/staffing/population/export?municipalityId=${a.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('befolkningsprognos');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength((await rowsOf(a.id)).length + 1);
    expect(lines.every((l, i) => i === 0 || l.startsWith('1601;Åsunda;'))).toBe(true);
    const again = (await preview(res.rawPayload)).json();
    expect(again.errors).toEqual([]);
    expect(again.counts.unchanged).toBe(lines.length - 1);
    expect(again.counts.new + again.counts.changed).toBe(0);
  });
});

describe('age groups', () => {
  it('reads the spellings a municipality uses', () => {
    expect(
      ['0-64', '0–64', '0 - 64 år', '65-79', '65–79 år', '80+', '80 år och äldre', '80+ år'].map(ageGroupOf),
    ).toEqual(['0-64', '0-64', '0-64', '65-79', '65-79', '80+', '80+', '80+']);
    expect(['', '80', '0-65', '65+', 'alla'].map(ageGroupOf)).toEqual([null, null, null, null, null]);
  });
});
