// The staff register through its API, on one app and database for the whole file (test time): the unit tree, persons
// by hand and a manager's scope, an employee's own record, and the HR import's round trip — preview, confirm, the same
// file twice, changes, persons missing from a full export, every kind of bad input refused by row and column with
// nothing applied, and the nightly sync through an API token. Then the demo staff register (three demo municipalities).
//
// Property (RELIABILITY-AND-SECURITY 3): no sequence of calls by a user of one municipality — its admin, a manager,
// an employee or its HR integration's token — reveals a person of another municipality, or changes one. The calls
// mix honest work on the own municipality with every way of pointing at the other's persons and units: ids, list
// filters, searches for their names, an HR file naming their employee numbers and units, extracts, the lookup.
//
// The register extract and retention (decision 015): an extract holds a record from every module that holds data
// about the person (the platform's account, the staff register, introductions, trainings, staffing) and is audited;
// the nightly rule, run with a clock, anonymises persons whose employment ended longer ago than the period — not those a module holds,
// nor those ended recently — asks each module to anonymise its part, blanks the history's personal values and
// audits each one; the audit log's own rule deletes only events older than its period.

import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { DEMO_MUNICIPALITIES } from '../../platform/server/demo.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { personDataProviders } from '../../platform/server/person-data.ts';
import { purgeAuditLog } from '../../platform/server/retention.ts';
import { buildIntroductionList } from '../introductions/introductions.factories.ts';
import { introAssignment } from '../introductions/introductions.table.ts';
import { buildPeriod, buildReport } from '../staffing/staffing.factories.ts';
import { staffingPeriod, staffingReport, staffingReportTransition } from '../staffing/staffing.table.ts';
import { buildTrainingItem } from '../trainings/trainings.factories.ts';
import { trainingItem, trainingItemTransition, trainingReviewRound } from '../trainings/trainings.table.ts';
import { buildPerson, buildUnit, type UnitRecord } from './people.factories.ts';
import { peoplePerson, peoplePersonEvent } from './people.table.ts';
import { DEMO_EMPLOYEE, DEMO_MANAGER, seedPeopleDemo } from './people-demo.ts';
import { findPersons, personOfUser, personsByIds, unitsOf } from './people-lookup.service.ts';
import { runRetention } from './retention.service.ts';

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

  it('audits a confirmed import once, listing every person it wrote, and the extract shows that event', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row(`B-${i}`, `Bulk${i}`));
    const p = (await preview(admin, csv(...rows))).json();
    expect(p.counts.new).toBe(150);
    const confirmed = await admin({ method: 'POST', url: `/api/people/imports/${p.id}/confirm`, payload: {} });
    expect(confirmed.json()).toMatchObject({ created: 150 });
    const created = await t.db
      .select({ id: peoplePerson.id, number: peoplePerson.employeeNumber })
      .from(peoplePerson)
      .where(and(eq(peoplePerson.organisationId, a.id), sql`${peoplePerson.employeeNumber} like 'B-%'`));
    expect(created).toHaveLength(150);
    const applied = (id: string) =>
      t.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, 'people.hr_import.apply'), eq(auditEvent.entityId, id)));
    // One event for the confirmation: who, which municipality, the import, and every person it created.
    const [event, ...more] = await applied(p.id);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ entityType: 'people.hr_import', organisationId: a.id, actorTokenId: null });
    expect(event?.actorUserId).toBeTruthy();
    expect(event?.details).toMatchObject({
      counts: { created: 150, changed: 0, ended: 0, endedMissing: 0 },
      changed: [],
      ended: [],
      endedMissing: [],
    });
    const listed = (event?.details as { created?: string[] } | null)?.created ?? [];
    expect([...listed].sort()).toEqual(created.map((c) => c.id).sort());
    // No event per person.
    const perPerson = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvent)
      .where(
        and(
          sql`${auditEvent.action} like 'person.import%'`,
          sql`${auditEvent.entityId} = ANY(${sql.param(listed)}::text[])`,
        ),
      );
    expect(perPerson[0]?.n).toBe(0);

    // A second file changes one and ends another: its event lists each under its kind.
    const idOf = (n: string) => created.find((c) => c.number === n)?.id;
    const second = (
      await preview(
        admin,
        csv(
          row('B-0', 'Bulk0', 'Hemtjänst Norr', 'Undersköterska;Tillsvidare;80;2021-03-01;;1980'),
          row('B-1', 'Bulk1', 'Hemtjänst Norr', 'Undersköterska;Tillsvidare;100;2021-03-01;2026-02-28;1980'),
        ),
      )
    ).json();
    expect(second.counts).toMatchObject({ changed: 1, ended: 1 });
    await admin({ method: 'POST', url: `/api/people/imports/${second.id}/confirm`, payload: {} });
    const [secondEvent] = await applied(second.id);
    expect(secondEvent?.details).toMatchObject({
      counts: { created: 0, changed: 1, ended: 1, endedMissing: 0 },
      created: [],
      changed: [idOf('B-0')],
      ended: [idOf('B-1')],
    });

    // The register extract: each history row the imports wrote names its import and that import's audit event.
    const extract = (await admin({ method: 'GET', url: `/api/people/persons/${idOf('B-0')}/extract` })).json();
    const history = extract.sections.find((s: { key: string }) => s.key === 'people.history');
    expect(
      history.rows.map((r: { kind: string; importId: string; auditEvent: string }) => [
        r.kind,
        r.importId,
        r.auditEvent?.split(',')[0],
      ]),
    ).toEqual([
      ['changed', second.id, String(secondEvent?.id)],
      ['created', p.id, String(event?.id)],
    ]);
    // Another person of the first import only: its own history shows the first import's event, not the second's.
    const other = (await admin({ method: 'GET', url: `/api/people/persons/${idOf('B-7')}/extract` })).json();
    const otherHistory = other.sections.find((s: { key: string }) => s.key === 'people.history');
    expect(otherHistory.rows.map((r: { auditEvent: string }) => r.auditEvent?.split(',')[0])).toEqual([
      String(event?.id),
    ]);
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

// ---- Property: another municipality's persons (formerly people-boundary.test.ts) ----
describe('the boundary between municipalities', () => {
  type Side = {
    org: Organisation;
    unitId: string;
    personIds: string[];
    numbers: string[];
    callers: Record<'admin' | 'manager' | 'employee' | 'token', (o: InjectOptions) => Promise<LightMyRequestResponse>>;
    actorOfAdmin: { userId: string };
  };

  const sides: Side[] = [];
  /** Words only the other municipality's persons have (each side's own marker). */
  const MARKERS = ['Hemligsson', 'Sekretessdotter'];

  beforeAll(async () => {
    for (const [i, name] of ['Kommun Ett', 'Kommun Två'].entries()) {
      const org = await buildMunicipality(t.db, { name });
      const adminUser = await buildUser(t.db, { role: 'municipal_admin', municipality: org });
      const managerUser = await buildUser(t.db, { role: 'manager', municipality: org });
      const employeeUser = await buildUser(t.db, { role: 'employee', municipality: org });
      const { unit } = await buildUnit(t.db, {
        municipality: org,
        name: `Enhet ${MARKERS[i]}`,
        managers: [managerUser],
      });
      const personIds: string[] = [];
      const numbers: string[] = [];
      for (let k = 0; k < 3; k++) {
        const number = `${MARKERS[i]?.slice(0, 3).toUpperCase()}-${k}`;
        const { person } = await buildPerson(t.db, {
          unit,
          firstName: `Person${k}`,
          lastName: MARKERS[i] as string,
          email: `${MARKERS[i]?.toLowerCase()}${k}@kommun.example`,
          employeeNumber: number,
          ...(k === 0 ? { userId: employeeUser.id } : {}),
        });
        personIds.push(person.id);
        numbers.push(number);
      }
      const cookies = await Promise.all(
        [adminUser, managerUser, employeeUser].map((u, k) => t.signIn(u, `10.32.${i}.${k + 1}`)),
      );
      const token = (
        await t.as(cookies[0] as string)({
          method: 'POST',
          url: '/api/tokens',
          payload: { name: 'HR', organisationId: org.id, roles: ['municipal_admin'] },
        })
      ).json().token as string;
      sides.push({
        org,
        unitId: unit.id,
        personIds,
        numbers,
        actorOfAdmin: { userId: adminUser.id },
        callers: {
          admin: t.as(cookies[0] as string),
          manager: t.as(cookies[1] as string),
          employee: t.as(cookies[2] as string),
          token: (o) => t.app.inject({ ...o, headers: { ...(o.headers ?? {}), authorization: `Bearer ${token}` } }),
        },
      });
    }
  });

  async function stateOf(org: Organisation) {
    const rows = await t.db.execute(
      sql`select id, first_name, last_name, email, unit_id, employment_end, updated_at from people_person where organisation_id = ${org.id} order by id`,
    );
    const units = await t.db.execute(
      sql`select id, name, active, updated_at from people_unit where organisation_id = ${org.id} order by id`,
    );
    return JSON.stringify([rows, units]);
  }

  function hrFile(lines: string[]) {
    const boundary = '----boundary-prop';
    const csv = `Anställningsnummer;Förnamn;Efternamn;Enhet;Yrke;Anställningsform;Sysselsättningsgrad;Anställd från\r\n${lines.join('\r\n')}\r\n`;
    return {
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hr.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  const OPERATIONS = [
    'listOwn',
    'listOther',
    'searchOtherName',
    'filterOtherUnit',
    'sortAll',
    'getOther',
    'patchOther',
    'extractOther',
    'extractFileOther',
    'createInOtherUnit',
    'treeOther',
    'mine',
    'importOtherNumbers',
    'importOtherUnit',
    'importOwnThenList',
  ] as const;

  function requestFor(op: (typeof OPERATIONS)[number], own: Side, other: Side, pick: number): InjectOptions[] {
    const personId = other.personIds[pick % 3] as string;
    switch (op) {
      case 'listOwn':
        return [{ method: 'GET', url: '/api/people/persons?status=all&pageSize=100' }];
      case 'listOther':
        return [{ method: 'GET', url: `/api/people/persons?municipalityId=${other.org.id}` }];
      case 'searchOtherName':
        return [
          {
            method: 'GET',
            url: `/api/people/persons?status=all&q=${encodeURIComponent(MARKERS[sides.indexOf(other)] as string)}`,
          },
        ];
      case 'filterOtherUnit':
        return [{ method: 'GET', url: `/api/people/persons?unitId=${other.unitId}&status=all` }];
      case 'sortAll':
        return [{ method: 'GET', url: `/api/people/persons?sort=employeeNumber&dir=desc&status=all&pageSize=100` }];
      case 'getOther':
        return [{ method: 'GET', url: `/api/people/persons/${personId}` }];
      case 'patchOther':
        return [{ method: 'PATCH', url: `/api/people/persons/${personId}`, payload: { firstName: 'Kapad' } }];
      case 'extractOther':
        return [{ method: 'GET', url: `/api/people/persons/${personId}/extract` }];
      case 'extractFileOther':
        return [{ method: 'GET', url: `/api/people/persons/${personId}/extract/file?format=json` }];
      case 'createInOtherUnit':
        return [
          {
            method: 'POST',
            url: '/api/people/persons',
            payload: {
              unitId: other.unitId,
              firstName: 'Smyg',
              lastName: 'In',
              professionKey: 'underskoterska',
              employmentForm: 'hourly',
              employmentStart: '2024-01-01',
            },
          },
        ];
      case 'treeOther':
        return [{ method: 'GET', url: `/api/people/units?municipalityId=${other.org.id}` }];
      case 'mine':
        return [{ method: 'GET', url: '/api/people/mine' }];
      case 'importOtherNumbers':
        return [
          {
            method: 'POST',
            url: '/api/people/imports',
            ...hrFile(
              other.numbers.map(
                (n) => `${n};X;Y;Enhet ${MARKERS[sides.indexOf(own)]};Undersköterska;Tillsvidare;100;2022-01-01`,
              ),
            ),
          },
        ];
      case 'importOtherUnit':
        return [
          {
            method: 'POST',
            url: '/api/people/imports',
            ...hrFile([
              `NY-${pick};Ny;Person;Enhet ${MARKERS[sides.indexOf(other)]};Undersköterska;Tillsvidare;100;2022-01-01`,
            ]),
          },
        ];
      case 'importOwnThenList':
        return [
          {
            method: 'POST',
            url: '/api/people/imports?confirm=true&endMissing=true',
            ...hrFile([
              `${own.numbers[0]};Person0;${MARKERS[sides.indexOf(own)]};Enhet ${MARKERS[sides.indexOf(own)]};Undersköterska;Tillsvidare;100;2023-01-01`,
            ]),
          },
          { method: 'GET', url: '/api/people/persons?status=all&pageSize=100' },
        ];
    }
  }

  describe("another municipality's persons", () => {
    it('are never revealed or changed by any sequence of calls from the other municipality', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 1 }),
          fc.constantFrom('admin', 'manager', 'employee', 'token' as const),
          fc.array(fc.tuple(fc.constantFrom(...OPERATIONS), fc.nat(5)), { minLength: 1, maxLength: 5 }),
          async (me, caller, steps) => {
            const own = sides[me] as Side;
            const other = sides[1 - me] as Side;
            const before = await stateOf(other.org);
            const secrets = [MARKERS[1 - me] as string, ...other.personIds, ...other.numbers, other.unitId];
            for (const [op, pick] of steps) {
              for (const request of requestFor(op, own, other, pick)) {
                const res = await own.callers[caller](request);
                const body = res.body;
                // What the caller sent may come back as it is (an HR file's cells in the preview): that is no leak.
                const sent = `${request.url} ${String(request.payload ?? '')} ${JSON.stringify(request.payload ?? '')}`;
                for (const secret of secrets.filter((s) => !sent.includes(s))) {
                  expect(body, `${caller} ${op}: ${res.statusCode}`).not.toContain(secret);
                }
                // Employee numbers of the other municipality are new here: a preview never matches them to its persons.
                if (op === 'importOtherNumbers' && res.statusCode === 200) {
                  expect(res.json().counts).toMatchObject({ changed: 0, ended: 0, unchanged: 0 });
                }
                expect(res.statusCode, `${caller} ${op}`).toBeLessThan(500);
              }
            }
            expect(await stateOf(other.org)).toBe(before);
          },
        ),
        { numRuns: 12 },
      );
    });

    it('are not found through the lookup other modules use', async () => {
      const [one, two] = sides as [Side, Side];
      const actor = {
        kind: 'user' as const,
        userId: one.actorOfAdmin.userId,
        tokenId: null,
        sessionId: null,
        organisationId: one.org.id,
        organisationKind: 'municipality' as const,
        roles: ['municipal_admin' as const],
        locale: 'sv' as const,
      };
      expect((await findPersons(t.db, actor, { q: MARKERS[1] })).length).toBe(0);
      expect((await findPersons(t.db, actor, { municipalityId: two.org.id })).length).toBe(0);
      expect([...(await personsByIds(t.db, actor, two.personIds)).keys()]).toEqual([]);
      expect(await unitsOf(t.db, actor, two.org.id)).toEqual([]);
      expect((await findPersons(t.db, actor, { q: MARKERS[0] })).map((p) => p.id).sort()).toEqual(
        [...one.personIds].sort(),
      );
    });
  });
});

// ---- The demo staff register (formerly people-demo.test.ts): units and about 40 invented, labelled staff in each of
// the 15 demo municipalities (three of them here), some ended; Skövde's demo manager sees the staff of "Hälso- och
// sjukvård Skövde"; the demo employee has their own record. ----
describe('the demo', () => {
  let skovdeId = '';
  const users = { manager: '', employee: '' };
  /** The three demo municipalities (the file's database holds others too). */
  let demoIds: string[] = [];

  // Only what the staff register's seed needs of the platform's demo (the whole demo takes many times as long), and
  // no passwords: the scope is asked of the lookup directly, without signing in.
  beforeAll(async () => {
    const region = await buildRegion(t.db, 'Demoregionen');
    const municipalities = new Map<string, { id: string; name: string; code: string | null }>();
    // Three of the fifteen (the same code seeds each): Skövde, with the demo's manager and employee, and two more.
    for (const [name, code] of DEMO_MUNICIPALITIES.filter(([n]) => ['Skövde', 'Essunga', 'Vara'].includes(n))) {
      municipalities.set(name, await buildMunicipality(t.db, { name, code }));
    }
    demoIds = [...municipalities.values()].map((m) => m.id);
    const skovde = municipalities.get('Skövde');
    if (!skovde) throw new Error('no Skövde');
    skovdeId = skovde.id;
    const org = {
      ...skovde,
      kind: 'municipality' as const,
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    users.manager = (
      await buildUser(t.db, { role: 'manager', organisation: org, email: DEMO_MANAGER.email, password: null })
    ).id;
    users.employee = (
      await buildUser(t.db, {
        role: 'employee',
        organisation: org,
        email: DEMO_EMPLOYEE.email,
        name: 'Elias Medarbetare (demo)',
        password: null,
      })
    ).id;
    await t.db.transaction((tx) =>
      seedPeopleDemo(tx as never, { regionId: region.id, municipalities, networks: new Map(), now: new Date() }),
    );
  });

  describe('the demo staff register', () => {
    it('gives each demo municipality a unit tree and about 40 labelled staff, some of them ended', async () => {
      const res = await t.db.execute(sql`
        select o.name, count(distinct u.id)::int as units, count(distinct p.id)::int as persons,
               count(distinct p.id) filter (where p.employment_end < current_date)::int as ended,
               bool_and(p.last_name like '%(demo)') as labelled
          from organisation o
          join people_unit u on u.organisation_id = o.id
          left join people_person p on p.organisation_id = o.id
         where o.id IN ${demoIds} group by o.name`);
      const rows = (res as unknown as { rows: { units: number; persons: number; ended: number; labelled: boolean }[] })
        .rows;
      expect(rows).toHaveLength(3);
      for (const r of rows) {
        expect(r.units).toBe(9);
        expect(r.persons).toBeGreaterThanOrEqual(38);
        expect(r.persons).toBeLessThanOrEqual(43);
        expect(r.ended).toBeGreaterThan(0);
        expect(r.labelled).toBe(true);
      }
    });

    it("shows Skövde's manager her units' staff and links the employee's own record", async () => {
      const manager = {
        kind: 'user' as const,
        userId: users.manager,
        tokenId: null,
        sessionId: null,
        organisationId: skovdeId,
        organisationKind: 'municipality' as const,
        roles: ['manager' as const],
        locale: 'sv' as const,
      };
      const seen = await findPersons(t.db, manager, { limit: 500 });
      expect(seen.length).toBeGreaterThan(0);
      expect([...new Set(seen.map((p) => p.unitName))].sort()).toEqual(['Hemsjukvården Skövde', 'Rehab Skövde']);
      const own = await personOfUser(t.db, users.employee);
      expect(own).toMatchObject({
        name: 'Elias Medarbetare (demo)',
        unitName: expect.stringMatching(/^Särskilt boende /),
      });
    });
  });
});

// ---- The register extract and retention (formerly people-personal-data.test.ts); last, as retention anonymises
// every person of the database whose employment ended long enough ago. ----
describe('personal data', () => {
  let a: Organisation;
  let admin: ReturnType<TestApp['as']>;
  let regional: ReturnType<TestApp['as']>;

  beforeAll(async () => {
    a = await buildMunicipality(t.db, { name: 'Kommun Utdrag' });
    admin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: a }), '10.33.0.1'));
    regional = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.33.0.2'));
  });

  /**
   * A person linked to a user account, with an introduction given to their address, a web training they suggested
   * and their municipality's staffing report they submitted.
   */
  async function personWithEverything(name: string, employmentEnd: string | null) {
    const account = await buildUser(t.db, {
      role: 'employee',
      municipality: a,
      email: `${name.toLowerCase()}@kommun.example`,
    });
    const { person } = await buildPerson(t.db, {
      municipality: a,
      firstName: name,
      lastName: 'Utdragsson',
      email: account.email,
      userId: account.id,
      birthYear: 1970,
      employmentStart: '2015-01-01',
      employmentEnd,
    });
    const { list } = await buildIntroductionList(t.db, { municipality: a });
    const res = await admin({
      method: 'POST',
      url: `/api/introductions/lists/${list.id}/assignments`,
      payload: { email: account.email, name },
    });
    expect(res.statusCode, res.body).toBe(201);
    const training = await buildTrainingItem(t.db, {
      status: 'suggested',
      title: `Förflyttningsteknik för ${name}`,
      addedBy: { id: account.id, organisation: a },
    });
    const { report } = await buildReport(t.db, { municipality: a, status: 'draft' });
    await t.db.insert(staffingReportTransition).values({
      reportId: report.id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      comment: `Inlämnad av ${name}`,
      actorUserId: account.id,
    });
    // A closed review round they opened and closed, and a reporting period they created.
    const [round] = await t.db
      .insert(trainingReviewRound)
      .values({
        name: `Granskning ${name}`,
        dueDate: '2026-06-30',
        assignBy: 'even',
        status: 'closed',
        openedBy: account.id,
        closedBy: account.id,
        closedAt: new Date(),
      })
      .returning();
    const period = await buildPeriod(t.db, { label: `Period ${name} ${randomUUID().slice(0, 6)}` });
    await t.db.update(staffingPeriod).set({ createdBy: account.id }).where(eq(staffingPeriod.id, period.id));
    return { person, account, training, report, round, period };
  }

  describe('the register extract', () => {
    it('holds a record from each module that holds data about the person, as JSON and XLSX, and is audited', async () => {
      await personWithEverything('Per', null);
      const { person, account } = await personWithEverything('Greta', null);
      const res = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract` });
      expect(res.statusCode, res.body).toBe(200);
      const extract = res.json();
      const byKey = new Map(extract.sections.map((s: { key: string; rows: unknown[] }) => [s.key, s]));
      // Every module whose manifest has a provider and that holds something about Greta.
      const modules = new Set(extract.sections.map((s: { module: string }) => s.module));
      expect(modules).toEqual(new Set(['platform', 'people', 'introductions', 'trainings', 'staffing']));
      expect((byKey.get('platform.user_account') as { rows: { email: string }[] }).rows[0]?.email).toBe(account.email);
      expect((byKey.get('people.person') as { rows: { firstName: string }[] }).rows[0]?.firstName).toBe('Greta');
      expect((byKey.get('introductions.assignments') as { rows: { email: string }[] }).rows).toHaveLength(1);
      expect((byKey.get('trainings.suggestions') as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual([
        'Förflyttningsteknik för Greta',
      ]);
      expect((byKey.get('trainings.decisions') as { rows: { to: string }[] }).rows.map((r) => r.to)).toEqual([
        'suggested',
      ]);
      expect((byKey.get('trainings.review_rounds') as { rows: unknown[] }).rows).toEqual([
        expect.objectContaining({ name: 'Granskning Greta', opened: true, closed: true }),
      ]);
      expect((byKey.get('staffing.changes') as { rows: { what: string; detail: string }[] }).rows).toEqual([
        expect.objectContaining({ what: 'period', detail: expect.stringMatching(/^Period Greta /) }),
      ]);
      expect((byKey.get('staffing.report_actions') as { rows: unknown[] }).rows).toEqual([
        expect.objectContaining({ municipality: 'Kommun Utdrag', to: 'submitted', comment: 'Inlämnad av Greta' }),
      ]);
      // Nothing of another person's: Per's suggestion and report are not Greta's.
      expect(JSON.stringify(extract)).not.toContain('för Per');
      expect(JSON.stringify(extract)).not.toContain('av Per');
      // The providers the app registers are the platform's first, then every module's with a `personData`.
      const registered = personDataProviders(t.app.deps.modules).map((p) => p.module);
      expect(registered[0]).toBe('platform');
      expect(registered).toEqual(expect.arrayContaining(['staffing', 'trainings', 'introductions', 'people']));

      const json = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=json` });
      expect(json.statusCode).toBe(200);
      expect(new Set(JSON.parse(json.body).sections.map((s: { module: string }) => s.module))).toEqual(modules);
      const file = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=xlsx` });
      expect(file.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      expect(workbook.getWorksheet('Bemanningsrapporter')?.getRow(2).values).toContain('Inlämnad av Greta');
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Registerutdrag',
        'Användarkonto',
        'Personens egna händelser i gran',
        'Bemanningsrapporter',
        'Ändringar i bemanningsstatistik',
        'Föreslagna webbutbildningar',
        'Beslut om webbutbildningar',
        'Granskningsomgångar',
        'Introduktioner',
        'Personalregistret',
        'Personalregistrets historik',
      ]);
      const events = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.extract'));
      expect(events.filter((e) => e.entityId === person.id)).toHaveLength(3);
      // A manager may not make one (403), another municipality's admin does not find the person (404).
      const other = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin' }), '10.33.0.3'));
      expect((await other({ method: 'GET', url: `/api/people/persons/${person.id}/extract` })).statusCode).toBe(404);
    });

    it('writes text a spreadsheet could take for a formula as text, never as a formula', async () => {
      const { person } = await buildPerson(t.db, { municipality: a, firstName: '=1+1', lastName: '@SUM(A1)' });
      const file = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=xlsx` });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const cells = workbook.getWorksheet('Personalregistret')?.getRow(2).values as unknown[];
      expect(cells).toContain('=1+1');
      expect(file.rawPayload.includes(Buffer.from('<f>'))).toBe(false);
    });
  });

  describe('retention', () => {
    const now = new Date('2030-06-15T01:30:00Z');

    it('anonymises persons ended longer ago than the rule, not recent ones nor those a module holds; audited', async () => {
      const old = await personWithEverything('Olle', '2028-01-31');
      const recent = await personWithEverything('Rut', '2029-01-31');
      const held = await buildPerson(t.db, {
        municipality: a,
        firstName: 'Hilda',
        employmentStart: '2010-01-01',
        employmentEnd: '2027-05-01',
      });
      const esf = {
        module: 'esf-test',
        provider: {
          collect: async () => [],
          holds: async (_db: unknown, ids: readonly string[]) =>
            new Map(ids.filter((id) => id === held.person.id).map((id) => [id, { sv: 'ESF', en: 'ESF' }])),
        },
      };
      const providers = [...personDataProviders(t.app.deps.modules), esf];
      const run = await runRetention(t.db, providers, now);
      expect(run.anonymised).toBeGreaterThanOrEqual(1);
      const [olle] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.id, old.person.id));
      expect(olle).toMatchObject({
        firstName: '',
        lastName: '',
        email: null,
        employeeNumber: null,
        birthYear: null,
        userId: null,
      });
      expect(olle?.anonymisedAt?.toISOString()).toBe(now.toISOString());
      // What statistics need stays.
      expect(olle).toMatchObject({
        employmentStart: '2015-01-01',
        employmentEnd: '2028-01-31',
        professionKey: 'underskoterska',
      });
      const history = await t.db.select().from(peoplePersonEvent).where(eq(peoplePersonEvent.personId, old.person.id));
      expect(JSON.stringify(history.map((h) => h.changes))).not.toContain('Olle');
      expect(history.map((h) => h.kind)).toContain('anonymised');
      // The introductions module anonymised its part: no address, no name, no account, the link dead.
      const intro = await t.db.select().from(introAssignment).where(eq(introAssignment.organisationId, a.id));
      const olles = intro.filter((i) => i.email === 'anonymiserad');
      expect(olles).toHaveLength(1);
      expect(olles[0]).toMatchObject({ name: null, userId: null });
      expect(intro.some((i) => i.email === recent.account.email)).toBe(true);
      // Trainings and staffing keep every record (the catalogue, the report and its history: the statistics) but lose
      // the link to Olle's account; Rut's stay linked.
      const [olleItem] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, old.training.id));
      expect(olleItem).toMatchObject({ addedBy: null, addedByOrganisationId: a.id, status: 'suggested' });
      const olleDecisions = await t.db
        .select()
        .from(trainingItemTransition)
        .where(eq(trainingItemTransition.itemId, old.training.id));
      expect(olleDecisions.map((d) => d.actorUserId)).toEqual([null]);
      const [olleReport] = await t.db.select().from(staffingReport).where(eq(staffingReport.id, old.report.id));
      expect(olleReport?.municipalityId).toBe(a.id);
      const olleSteps = await t.db
        .select()
        .from(staffingReportTransition)
        .where(eq(staffingReportTransition.reportId, old.report.id));
      expect(olleSteps.find((s) => s.toStatus === 'submitted')).toMatchObject({
        actorUserId: null,
        comment: 'Inlämnad av Olle',
      });
      const [olleRound] = await t.db
        .select()
        .from(trainingReviewRound)
        .where(eq(trainingReviewRound.id, old.round?.id as string));
      expect(olleRound).toMatchObject({ openedBy: null, closedBy: null, name: 'Granskning Olle', status: 'closed' });
      const [ollePeriod] = await t.db.select().from(staffingPeriod).where(eq(staffingPeriod.id, old.period.id));
      expect(ollePeriod?.createdBy).toBeNull();
      const [rutItem] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, recent.training.id));
      expect(rutItem?.addedBy).toBe(recent.account.id);
      const rutSteps = await t.db
        .select()
        .from(staffingReportTransition)
        .where(eq(staffingReportTransition.reportId, recent.report.id));
      expect(rutSteps.find((s) => s.toStatus === 'submitted')?.actorUserId).toBe(recent.account.id);
      for (const kept of [recent.person.id, held.person.id]) {
        const [row] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.id, kept));
        expect(row?.anonymisedAt, kept).toBeNull();
      }
      const audited = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.anonymise'));
      expect(audited.map((e) => e.entityId)).toContain(old.person.id);
      for (const action of ['trainings.person_anonymise', 'staffing.person_anonymise']) {
        const moduleEvents = await t.db.select().from(auditEvent).where(eq(auditEvent.action, action));
        expect(
          moduleEvents.map((e) => e.entityId),
          action,
        ).toEqual([old.person.id]);
      }
      // An anonymised person is no longer found.
      expect((await admin({ method: 'GET', url: `/api/people/persons/${old.person.id}` })).statusCode).toBe(404);
      // Running again changes nothing.
      expect((await runRetention(t.db, providers, now)).anonymised).toBe(0);
    });

    it('follows the period the region chooses, within its bounds', async () => {
      const res = await regional({
        method: 'PUT',
        url: '/api/people/retention/people.ended_employment',
        payload: { months: 3 },
      });
      expect(res.statusCode).toBe(400);
      const set = await regional({
        method: 'PUT',
        url: '/api/people/retention/people.ended_employment',
        payload: { months: 12 },
      });
      expect(set.statusCode, set.body).toBe(200);
      const rule = set.json().rules.find((r: { key: string }) => r.key === 'people.ended_employment');
      expect(rule).toMatchObject({ months: 12, defaultMonths: 24 });
      expect(rule.rule).toContain('12 månader');
      expect(set.json().rules.map((r: { key: string }) => r.key)).toEqual(
        expect.arrayContaining(['platform.audit_log', 'introductions.assignments', 'people.history']),
      );
      const rut = (await t.db.select().from(peoplePerson).where(eq(peoplePerson.firstName, 'Rut')))[0];
      await runRetention(t.db, personDataProviders(t.app.deps.modules), now);
      const [after] = await t.db
        .select()
        .from(peoplePerson)
        .where(eq(peoplePerson.id, rut?.id as string));
      expect(after?.anonymisedAt).not.toBeNull();
    });

    it('deletes audit events older than the audit log’s rule, and only those', async () => {
      const id = randomUUID();
      await t.db.insert(auditEvent).values([
        { action: 'test.old', entityType: 'test', entityId: id, at: new Date('2026-01-01T00:00:00Z') },
        { action: 'test.new', entityType: 'test', entityId: id, at: new Date('2028-01-01T00:00:00Z') },
      ]);
      // The log stays append-only for everything else.
      await expect(t.db.execute(sql`DELETE FROM audit_event WHERE entity_id = ${id}`)).rejects.toThrow();
      const removed = await purgeAuditLog(t.db, new Date('2029-06-01T00:00:00Z'));
      expect(removed).toBeGreaterThanOrEqual(1);
      const left = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
      expect(left.map((e) => e.action)).toEqual(['test.new']);
      const purge = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'audit.purge'));
      expect(purge.at(-1)?.entityId).toBe('2026-06-01');
    });
  });
});
