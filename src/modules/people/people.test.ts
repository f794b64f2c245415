// The staff register through its API: the unit tree, persons by hand and a manager's scope, an employee's own record,
// and the HR import's round trip — preview, confirm, the same file twice, changes, persons missing from a full export,
// every kind of bad input refused by row and column with nothing applied, and the nightly sync through an API token.

import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { buildPerson, buildUnit, type UnitRecord } from './people.factories.ts';
import { peoplePerson } from './people.table.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
let admin: ReturnType<TestApp['as']>;
let manager: ReturnType<TestApp['as']>;
let otherAdmin: ReturnType<TestApp['as']>;
let employee: ReturnType<TestApp['as']>;
let employeeEmail: string;
let area: UnitRecord;
let homeCare: UnitRecord;
let housing: UnitRecord;

const HEADER =
  'Anställningsnummer;Förnamn;Efternamn;E-post;Enhet;Yrke;Anställningsform;Sysselsättningsgrad;Anställd från;Anställd till;Födelseår';

function multipart(content: Buffer, name = 'personal.csv') {
  const boundary = `----kn${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

async function xlsx(rows: (string | number | Date | { formula: string })[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personal');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function preview(as: ReturnType<TestApp['as']>, file: Buffer, query = '', name?: string) {
  return as({ method: 'POST', url: `/api/people/imports${query}`, ...multipart(file, name) });
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  b = await buildMunicipality(t.db, { name: 'Kommun B' });
  const managerUser = await buildUser(t.db, { role: 'manager', municipality: a });
  const employeeUser = await buildUser(t.db, { role: 'employee', municipality: a });
  employeeEmail = employeeUser.email;
  admin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: a }), '10.30.0.1'));
  manager = t.as(await t.signIn(managerUser, '10.30.0.2'));
  otherAdmin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: b }), '10.30.0.3'));
  employee = t.as(await t.signIn(employeeUser, '10.30.0.4'));
  area = (await buildUnit(t.db, { municipality: a, name: 'Äldreomsorg A', kind: 'other', managers: [managerUser] }))
    .unit;
  homeCare = (await buildUnit(t.db, { municipality: a, parent: area, name: 'Hemtjänst Norr', code: 'HTN' })).unit;
  housing = (await buildUnit(t.db, { municipality: a, name: 'Särskilt boende Ekedal', kind: 'special_housing' })).unit;
});
afterAll(() => t.close());

describe('units', () => {
  it('builds the tree, refuses a name twice, a cycle and deactivating a unit people work in', async () => {
    const created = await admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { name: 'Hemtjänst Söder', parentId: area.id, kind: 'home_care', code: 'HTS' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const twice = await admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { name: 'hemtjänst söder', kind: 'other' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields[0].path).toBe('name');
    const sameCode = await admin({
      method: 'POST',
      url: '/api/people/units',
      payload: { name: 'Hemtjänst Väster', kind: 'home_care', code: 'htn' },
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error.fields[0].path).toBe('code');
    const cycle = await admin({
      method: 'PATCH',
      url: `/api/people/units/${area.id}`,
      payload: { parentId: homeCare.id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields[0].message).toContain('underenheter');
    await buildPerson(t.db, { unit: housing });
    const deactivate = await admin({
      method: 'PATCH',
      url: `/api/people/units/${housing.id}`,
      payload: { active: false },
    });
    expect(deactivate.statusCode).toBe(409);
    const tree = (await manager({ method: 'GET', url: '/api/people/units' })).json();
    expect(tree.units.map((u: { name: string }) => u.name)).toEqual([
      'Särskilt boende Ekedal',
      'Äldreomsorg A',
      'Hemtjänst Norr',
      'Hemtjänst Söder',
    ]);
    // The manager of the area sees the area and every unit below it, not the housing.
    expect(tree.visibleUnitIds).toHaveLength(3);
    expect(tree.visibleUnitIds).not.toContain(housing.id);
    expect(tree.canManageUnits).toBe(false);
    expect((await otherAdmin({ method: 'GET', url: `/api/people/units?municipalityId=${a.id}` })).statusCode).toBe(404);
  });

  it('sets managers from the municipality’s managers only', async () => {
    const outsider = await buildUser(t.db, { role: 'manager', municipality: b });
    const bad = await admin({
      method: 'PUT',
      url: `/api/people/units/${housing.id}/managers`,
      payload: { userIds: [outsider.id] },
    });
    expect(bad.statusCode).toBe(400);
    const candidates = (await admin({ method: 'GET', url: '/api/people/manager-candidates' })).json().candidates;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
  });
});

describe('persons', () => {
  it('adds a person by hand, links the account by e-mail, and keeps the history of a change', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/people/persons',
      payload: {
        unitId: homeCare.id,
        firstName: 'Åsa',
        lastName: 'Öberg',
        email: employeeEmail.toUpperCase(),
        professionKey: 'sjukskoterska',
        employmentForm: 'permanent',
        employmentRate: 87.5,
        employmentStart: '2020-02-01',
        employeeNumber: 'A-100',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = res.json();
    expect(person.user?.email).toBe(employeeEmail);
    expect(person.unitPath).toEqual(['Äldreomsorg A', 'Hemtjänst Norr']);
    const changed = await manager({
      method: 'PATCH',
      url: `/api/people/persons/${person.id}`,
      payload: { employmentEnd: '2026-01-31' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().history[0]).toMatchObject({
      kind: 'ended',
      changes: [{ field: 'employmentEnd', from: null, to: '2026-01-31' }],
    });
    // The employee sees their own record; nobody sees it through another municipality.
    const mine = (await employee({ method: 'GET', url: '/api/people/mine' })).json();
    expect(mine.persons.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expect((await otherAdmin({ method: 'GET', url: `/api/people/persons/${person.id}` })).statusCode).toBe(404);
    const twice = await admin({
      method: 'POST',
      url: '/api/people/persons',
      payload: { ...person, municipalityId: undefined, id: undefined },
    });
    expect(twice.statusCode).toBe(400);
  });

  it('refuses an end before the start, a rate for hourly work, and a unit outside a manager’s', async () => {
    const base = {
      unitId: homeCare.id,
      firstName: 'Per',
      lastName: 'Persson',
      professionKey: 'underskoterska',
      employmentForm: 'hourly',
      employmentRate: 50,
      employmentStart: '2024-05-01',
      employmentEnd: '2024-04-01',
    };
    const bad = await admin({ method: 'POST', url: '/api/people/persons', payload: base });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['employmentEnd', 'employmentRate']);
    const outside = await manager({
      method: 'POST',
      url: '/api/people/persons',
      payload: { ...base, unitId: housing.id, employmentRate: null, employmentEnd: null },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].message).toBe('Du är inte chef för den enheten.');
  });

  it('lists only what the caller may see, filtered, sorted and paged, and audits the read', async () => {
    for (const [first, last, unit] of [
      ['Örjan', 'Ek', homeCare],
      ['Ada', 'Zetterlund', homeCare],
      ['Bo', 'Åkesson', homeCare],
      ['Ulla', 'Hidden', housing],
    ] as const) {
      await buildPerson(t.db, { unit, firstName: first, lastName: last });
    }
    const before = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.list_read'));
    const page = (await manager({ method: 'GET', url: '/api/people/persons?sort=name&pageSize=25&q=e' })).json();
    const names = page.items.map((p: { lastName: string }) => p.lastName);
    expect(names).not.toContain('Hidden');
    // Swedish order: Å and Ö after Z.
    expect(names.indexOf('Zetterlund')).toBeLessThan(names.indexOf('Åkesson'));
    const byUnit = (await admin({ method: 'GET', url: `/api/people/persons?unitId=${area.id}&pageSize=25` })).json();
    expect(byUnit.items.every((p: { unitId: string }) => p.unitId !== housing.id)).toBe(true);
    const paged = (await admin({ method: 'GET', url: '/api/people/persons?pageSize=25&page=2' })).json();
    expect(paged.page).toBe(2);
    // A page past the last still says how many there are (searched too).
    const past = (await admin({ method: 'GET', url: '/api/people/persons?q=%C3%A5kesson&page=9' })).json();
    expect(past).toMatchObject({ items: [], total: 1, totalCapped: false });
    const after = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.list_read'));
    expect(after.length - before.length).toBe(4);
    expect((await otherAdmin({ method: 'GET', url: `/api/people/persons?municipalityId=${a.id}` })).statusCode).toBe(
      404,
    );
  });
});

describe('the HR import', () => {
  const row = (
    n: string,
    first: string,
    unit = 'Hemtjänst Norr',
    extra = 'Undersköterska;Tillsvidare;100;2021-03-01;;1980',
  ) => `${n};${first};Import;;${unit};${extra}`;

  it('previews, confirms, and changes nothing the second time', async () => {
    const file = csv(
      row('H-1', 'Alva'),
      row('H-2', 'Bruno', 'HTN'),
      row('H-3', 'Cleo', 'Hemtjänst Norr', 'Sjuksköterska;Visstid;75,5;2024-01-15;2026-12-31;'),
    );
    const first = await preview(admin, file);
    expect(first.statusCode, first.body).toBe(200);
    const p = first.json();
    expect(p.counts).toMatchObject({ rows: 3, new: 3, changed: 0, unchanged: 0, errors: 0 });
    expect(p.id).toBeTruthy();
    const confirmed = await admin({ method: 'POST', url: `/api/people/imports/${p.id}/confirm`, payload: {} });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ created: 3, changed: 0, ended: 0, endedMissing: 0 });
    const [cleo] = await t.db
      .select()
      .from(peoplePerson)
      .where(and(eq(peoplePerson.organisationId, a.id), eq(peoplePerson.employeeNumber, 'H-3')));
    expect(cleo).toMatchObject({
      employmentRate: 75.5,
      employmentForm: 'fixed_term',
      professionKey: 'sjukskoterska',
      employmentEnd: '2026-12-31',
    });
    const snapshot = async () =>
      JSON.stringify(
        await t.db.select().from(peoplePerson).where(eq(peoplePerson.organisationId, a.id)).orderBy(peoplePerson.id),
      );
    const before = await snapshot();
    const again = (await preview(admin, file)).json();
    expect(again.counts).toMatchObject({ new: 0, changed: 0, ended: 0, unchanged: 3 });
    // Persons added by hand earlier are listed as missing, so there is a preview — confirming it as is changes nothing.
    expect(again.counts.missing).toBeGreaterThan(0);
    const same = await admin({ method: 'POST', url: `/api/people/imports/${again.id}/confirm`, payload: {} });
    expect(same.json()).toEqual({ created: 0, changed: 0, ended: 0, endedMissing: 0 });
    expect(await snapshot()).toBe(before);
    // A confirmed preview cannot be confirmed again.
    expect((await admin({ method: 'POST', url: `/api/people/imports/${p.id}/confirm`, payload: {} })).statusCode).toBe(
      409,
    );
  });

  it('shows changes, ends persons and lists those missing from a full export, ending them only when asked', async () => {
    const file = csv(
      row('H-1', 'Alva', 'Hemtjänst Norr', 'Undersköterska;Tillsvidare;80;2021-03-01;;1980'),
      row('H-2', 'Bruno', 'HTN', 'Undersköterska;Tillsvidare;100;2021-03-01;2026-02-28;1980'),
    );
    const p = (await preview(admin, file)).json();
    expect(p.counts).toMatchObject({ changed: 1, ended: 1, unchanged: 0 });
    expect(p.changed[0].changes).toEqual([{ field: 'employmentRate', from: 100, to: 80 }]);
    const missingNumbers = p.missing.map((m: { employeeNumber: string }) => m.employeeNumber);
    expect(missingNumbers).toContain('H-3');
    const done = (
      await admin({ method: 'POST', url: `/api/people/imports/${p.id}/confirm`, payload: { endMissing: true } })
    ).json();
    expect(done).toMatchObject({ changed: 1, ended: 1, endedMissing: p.counts.missing });
    const [cleo] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.employeeNumber, 'H-3'));
    expect(cleo?.employmentEnd).not.toBeNull();
    expect(cleo?.firstName).toBe('Cleo');
  });

  it('refuses every kind of bad cell by row and column, and applies nothing', async () => {
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(peoplePerson))[0]?.n;
    const before = await count();
    const file = csv(
      row('E-1', 'Okänd', 'Ingen sådan enhet'),
      row('E-2', 'Yrke', 'Hemtjänst Norr', 'Astronaut;Tillsvidare;100;2021-03-01;;'),
      row('E-3', 'Dubbel'),
      row('E-3', 'Dubbel igen'),
      row('E-4', 'Datum', 'Hemtjänst Norr', 'Undersköterska;Tillsvidare;100;2021-13-01;;'),
      row('E-5', 'Slut', 'Hemtjänst Norr', 'Undersköterska;Tillsvidare;100;2021-03-01;2020-01-01;'),
      row('E-6', '=HYPERLINK("http://x")'),
      row('E-7', 'Tim', 'Hemtjänst Norr', 'Undersköterska;Timanställd;50;2021-03-01;;'),
    );
    const p = (await preview(admin, file)).json();
    expect(p.id).toBeNull();
    const messages: string[] = p.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual([
      'Rad 2, kolumn Enhet: okänd enhet ”Ingen sådan enhet”. Ange en enhet i Kommun A med namn eller kod som under Personal → Enheter.',
      expect.stringMatching(/^Rad 3, kolumn Yrke: okänt yrke ”Astronaut”\. Ange ett av: .*Sjuksköterska/),
      'Rad 5, kolumn Anställningsnummer: samma anställningsnummer som rad 4. En person kan bara finnas en gång i filen.',
      'Rad 6, kolumn Anställd från: ”2021-13-01” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-09-01.',
      'Rad 7, kolumn Anställd till: anställningen slutar 2020-01-01, före den börjar (2021-03-01).',
      expect.stringMatching(
        /^Rad 8, kolumn Förnamn: texten börjar med ett tecken som ett kalkylprogram läser som en formel/,
      ),
      'Rad 9, kolumn Sysselsättningsgrad: timanställda har ingen sysselsättningsgrad; lämna cellen tom.',
    ]);
    // Through the integration's path the same file is 422 with every cell as a field.
    const rejected = await preview(admin, file, '?confirm=true');
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.fields).toHaveLength(7);
    expect(await count()).toBe(before);
  });

  it('refuses wrong columns, another municipality’s rows, formulas in a workbook and a file far too long', async () => {
    const wrong = (await preview(admin, Buffer.from('Namn;Anställningsnummer\r\nAnna;1\r\n'))).json();
    expect(wrong.errors.map((e: { message: string }) => e.message)).toContain(
      'Rad 1, kolumn Namn: okänd kolumn. Kolumnerna heter Anställningsnummer, Förnamn, Efternamn, E-post, Enhet, Yrke, Anställningsform, Sysselsättningsgrad, Anställd från, Anställd till, Födelseår, Kommunkod (se mallen).',
    );
    expect(wrong.errors.map((e: { message: string }) => e.message)).toContain(
      'Rad 1, kolumn Förnamn: kolumnen saknas i filen (se mallen).',
    );
    const header = [...HEADER.split(';'), 'Kommunkod'];
    const workbook = await xlsx([
      header,
      [
        'X-1',
        'Anna',
        'Andersson',
        '',
        'Hemtjänst Norr',
        'Undersköterska',
        'Tillsvidare',
        1,
        new Date(Date.UTC(2022, 0, 10)),
        '',
        1990,
        b.code ?? '',
      ],
      [
        'X-2',
        { formula: '"Be"&"rit"' },
        'Berg',
        '',
        'Hemtjänst Norr',
        'Undersköterska',
        'Tillsvidare',
        0.75,
        '2022-01-10',
        '',
        '',
        a.code ?? '',
      ],
    ]);
    const p = (await preview(admin, workbook, '', 'personal.xlsx')).json();
    expect(p.fileType).toBe('xlsx');
    expect(p.errors.map((e: { message: string }) => e.message)).toEqual([
      `Rad 2, kolumn Kommunkod: raden hör till Kommun B (kommunkod ${b.code}), men importen gäller Kommun A (${a.code}). Anställningsnummer i en annan kommun kan inte importeras här.`,
      'Rad 3, kolumn Förnamn: cellen innehåller en formel. Klistra in värdena i stället (Klistra in special → Värden) och spara igen.',
    ]);
    const long = Buffer.from(
      `${HEADER}\n${Array.from({ length: 100_000 }, (_, i) => `L-${i};A;B;;HTN;USK;TV;100;2021-01-01;;`).join('\n')}\n`,
    );
    const tooLong = await preview(admin, long);
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json().error.message).toBe(
      'Filen har för många rader. Högst 30\u00a0000 personer kan importeras åt gången.',
    );
  });

  it('keeps a manager to their units, and takes the nightly file from an API token in one call', async () => {
    const outside = (await preview(manager, csv(row('M-1', 'Mona', 'Särskilt boende Ekedal')))).json();
    expect(outside.errors[0].message).toBe(
      'Rad 2, kolumn Enhet: du är inte chef för enheten ”Särskilt boende Ekedal”. Du kan bara importera personer i dina enheter.',
    );
    const token = (
      await admin({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'HR-system', organisationId: a.id, roles: ['municipal_admin'] },
      })
    ).json().token as string;
    const nightly = await t.app.inject({
      method: 'POST',
      url: '/api/people/imports?confirm=true',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-file-name': 'hr-natt.csv' },
      payload: csv(row('N-1', 'Natt'), row('N-2', 'Sync')),
    });
    expect(nightly.statusCode, nightly.body).toBe(200);
    expect(nightly.json().result).toMatchObject({ created: 2, endedMissing: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/people/imports?confirm=true',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      payload: csv(row('N-1', 'Natt'), row('N-2', 'Sync')),
    });
    expect(again.json().counts).toMatchObject({ new: 0, unchanged: 2 });
    expect(again.json().result).toMatchObject({ created: 0, changed: 0 });
  });

  it('audits every person a large file creates, naming who confirmed it', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row(`B-${i}`, `Bulk${i}`));
    const p = (await preview(admin, csv(...rows))).json();
    expect(p.counts.new).toBe(150);
    const confirmed = await admin({ method: 'POST', url: `/api/people/imports/${p.id}/confirm`, payload: {} });
    expect(confirmed.json()).toMatchObject({ created: 150 });
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'person.import_create'), eq(auditEvent.organisationId, a.id)));
    const created = await t.db
      .select({ id: peoplePerson.id })
      .from(peoplePerson)
      .where(and(eq(peoplePerson.organisationId, a.id), sql`${peoplePerson.employeeNumber} like 'B-%'`));
    const audited = new Set(events.map((e) => e.entityId));
    expect(created.every((c) => audited.has(c.id))).toBe(true);
    const mine = events.filter((e) => created.some((c) => c.id === e.entityId));
    expect(new Set(mine.map((e) => `${e.actorUserId}|${e.actorTokenId}|${e.requestId !== null}`)).size).toBe(1);
    expect(mine[0]?.actorUserId).toBeTruthy();
    expect(mine[0]?.actorTokenId).toBeNull();
  });

  it('offers the template as a workbook with instructions and as a CSV header', async () => {
    const res = await admin({ method: 'GET', url: '/api/people/import/template?file=xlsx' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Personal', 'Instruktioner', 'Yrken', 'Enheter']);
    expect(workbook.getWorksheet('Enheter')?.getColumn(1).values).toContain('Hemtjänst Norr');
    const text = (await admin({ method: 'GET', url: '/api/people/import/template?file=csv' })).body;
    expect(text).toBe(`\uFEFF${HEADER};Kommunkod\r\n`);
  });
});
