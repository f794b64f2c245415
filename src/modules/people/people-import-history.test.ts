// An imported person's history (decision 044): the import that created them is their "created" event — who
// confirmed it, when, and which import — without a written event row per person; later changes follow it.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';
import { buildUnit } from './people.factories.ts';
import { peoplePerson, peoplePersonEvent } from './people.table.ts';

let t: TestApp;
let admin: ReturnType<TestApp['as']>;
let unitId: string;
let eastId: string;
const ADMIN_NAME = 'Importören H';

const HEADER =
  'Anställningsnummer;Förnamn;Efternamn;E-post;Enhet;Yrke;Anställningsform;Sysselsättningsgrad;Anställd från;Anställd till;Födelseår';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

function upload(content: Buffer) {
  const boundary = '----knhistory';
  return {
    method: 'POST' as const,
    url: '/api/people/imports',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="personal.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function importFile(content: Buffer) {
  const preview = await admin(upload(content));
  expect(preview.statusCode, preview.body).toBe(200);
  const id = preview.json().id as string;
  const confirmed = await admin({ method: 'POST', url: `/api/people/imports/${id}/confirm`, payload: {} });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const municipality = await buildMunicipality(t.db, { name: 'Kommun H' });
  const user = await buildUser(t.db, { role: 'municipal_admin', municipality, name: ADMIN_NAME });
  admin = t.as(await t.signIn(user, '10.31.0.1'));
  unitId = (await buildUnit(t.db, { municipality, name: 'Hemtjänst Väster' })).unit.id;
  eastId = (await buildUnit(t.db, { municipality, name: 'Hemtjänst Öster' })).unit.id;
});
afterAll(() => t.close());

describe('an imported person’s history', () => {
  it('begins with the import that created them, written once for the import, and keeps later changes', async () => {
    const first = await importFile(
      csv(
        'H-1;Karin;Lund;;Hemtjänst Väster;Undersköterska;Tillsvidare;100;2020-01-01;;1980',
        'H-2;Omar;Berg;;Hemtjänst Öster;Sjuksköterska;Visstid;75;2021-05-01;2027-04-30;1990',
      ),
    );
    const persons = await t.db.select().from(peoplePerson).where(eq(peoplePerson.createdByImport, first));
    expect(persons.map((p) => p.employeeNumber).sort()).toEqual(['H-1', 'H-2']);
    // Each row's unit, profession and form as the file had them (the plan stores them coded).
    expect(
      persons
        .map((p) => [p.employeeNumber, p.unitId, p.professionKey, p.employmentForm, p.employmentEnd])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual([
      ['H-1', unitId, 'underskoterska', 'permanent', null],
      ['H-2', eastId, 'sjukskoterska', 'fixed_term', '2027-04-30'],
    ]);
    // No event row per created person: the import is the event.
    const rows = await t.db
      .select()
      .from(peoplePersonEvent)
      .where(
        inArray(
          peoplePersonEvent.personId,
          persons.map((p) => p.id),
        ),
      );
    expect(rows).toEqual([]);
    const karin = persons.find((p) => p.employeeNumber === 'H-1');
    const page = await admin({ method: 'GET', url: `/api/people/persons/${karin?.id}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().history).toEqual([
      {
        id: first,
        at: karin?.createdAt.toISOString(),
        kind: 'created',
        actorName: ADMIN_NAME,
        byToken: false,
        byImport: true,
        changes: [],
      },
    ]);

    // A second file changes Karin: the change comes first, the creation stays last, each naming its import.
    await importFile(
      csv(
        'H-1;Karin;Lund;;Hemtjänst Väster;Undersköterska;Tillsvidare;80;2020-01-01;;1980',
        'H-2;Omar;Berg;;Hemtjänst Öster;Sjuksköterska;Visstid;75;2021-05-01;2027-04-30;1990',
      ),
    );
    const after = (await admin({ method: 'GET', url: `/api/people/persons/${karin?.id}` })).json();
    expect(after.history.map((e: { kind: string; byImport: boolean }) => [e.kind, e.byImport])).toEqual([
      ['changed', true],
      ['created', true],
    ]);
    expect(after.history[0].changes).toEqual([{ field: 'employmentRate', from: 100, to: 80 }]);
    expect(after.history[1].id).toBe(first);
  });

  it('shows a person added by hand with its own written "created" event, once', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/people/persons',
      payload: {
        unitId,
        firstName: 'Lena',
        lastName: 'Ek',
        professionKey: 'underskoterska',
        employmentForm: 'permanent',
        employmentRate: 100,
        employmentStart: '2022-03-01',
        employeeNumber: 'H-3',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().history.map((e: { kind: string; byImport: boolean }) => [e.kind, e.byImport])).toEqual([
      ['created', false],
    ]);
  });
});
