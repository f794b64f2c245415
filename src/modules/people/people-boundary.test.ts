// Property (RELIABILITY-AND-SECURITY 3): no sequence of calls by a user of one municipality — its admin, a manager,
// an employee or its HR integration's token — reveals a person of another municipality, or changes one. The calls
// mix honest work on the own municipality with every way of pointing at the other's persons and units: ids, list
// filters, searches for their names, an HR file naming their employee numbers and units, extracts, the lookup.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { buildPerson, buildUnit } from './people.factories.ts';
import { findPersons, personsByIds, unitsOf } from './people-lookup.service.ts';

type Side = {
  org: Organisation;
  unitId: string;
  personIds: string[];
  numbers: string[];
  callers: Record<'admin' | 'manager' | 'employee' | 'token', (o: InjectOptions) => Promise<LightMyRequestResponse>>;
  actorOfAdmin: { userId: string };
};

let t: TestApp;
const sides: Side[] = [];
/** Words only the other municipality's persons have (each side's own marker). */
const MARKERS = ['Hemligsson', 'Sekretessdotter'];

beforeAll(async () => {
  t = await createTestApp();
  for (const [i, name] of ['Kommun Ett', 'Kommun Två'].entries()) {
    const org = await buildMunicipality(t.db, { name });
    const adminUser = await buildUser(t.db, { role: 'municipal_admin', municipality: org });
    const managerUser = await buildUser(t.db, { role: 'manager', municipality: org });
    const employeeUser = await buildUser(t.db, { role: 'employee', municipality: org });
    const { unit } = await buildUnit(t.db, { municipality: org, name: `Enhet ${MARKERS[i]}`, managers: [managerUser] });
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
afterAll(() => t.close());

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
