// The staff register's role × route matrix (run by people-access.test.ts, read by route-coverage.test.ts): every
// people route, the status each actor must get (every role of municipality A, B's municipal admin, signed out). The
// objects are A's; A's manager manages the unit the persons are in.
import { randomUUID } from 'node:crypto';
import { defineAccessMatrix, type Expect, type MatrixFixture } from '../../../tests/support/access-matrix.ts';
import { buildPerson, buildUnit, type UnitRecord } from './people.factories.ts';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

type Extra = { unit: UnitRecord };

/** A's admins, A's manager (of the unit) and the region; B's admin is told A's things do not exist. */
const keepers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  manager: status,
  other_municipal_admin: 404,
  signed_out: 401,
});
/** The unit tree's builders and the register extract: A's municipal admin and the region. */
const admins = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: 404,
  signed_out: 401,
});

const personIn = async (fx: MatrixFixture & Extra) => (await buildPerson(fx.t.db, { unit: fx.unit })).person.id;

/** A one-row HR file for the manager's unit, as a multipart upload. */
function hrFile(unitName: string) {
  const boundary = `----matrix${unique()}`;
  const csv = `Anställningsnummer;Förnamn;Efternamn;Enhet;Yrke;Anställningsform;Sysselsättningsgrad;Anställd från\r\nM-${unique()};Matris;Person;${unitName};Undersköterska;Tillsvidare;100;2022-01-01\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hr.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(csv, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const accessMatrix = defineAccessMatrix<Extra>({
  module: 'people',
  routePattern: /^\/api\/people(\/|$)/,
  async setup(fx) {
    const manager = fx.sessions.manager.user;
    if (!manager) throw new Error('no manager');
    const { unit } = await buildUnit(fx.t.db, { municipality: fx.a, name: 'Matrisenheten', managers: [manager] });
    return { unit };
  },
  cells: [
    {
      name: "A's unit tree",
      method: 'GET',
      url: '/api/people/units',
      request: (fx) => ({ method: 'GET', url: `/api/people/units?municipalityId=${fx.a.id}` }),
      expect: keepers(200),
    },
    {
      name: 'add a unit to A',
      method: 'POST',
      url: '/api/people/units',
      request: (fx) => ({
        method: 'POST',
        url: '/api/people/units',
        payload: { municipalityId: fx.a.id, name: `Enhet ${unique()}`, kind: 'home_care' },
      }),
      expect: admins(201),
    },
    {
      name: "rename A's unit",
      method: 'PATCH',
      url: '/api/people/units/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/people/units/${(await buildUnit(fx.t.db, { municipality: fx.a })).unit.id}`,
        payload: { name: `Nytt namn ${unique()}` },
      }),
      expect: admins(200),
    },
    {
      name: "set the managers of A's unit",
      method: 'PUT',
      url: '/api/people/units/:id/managers',
      request: async (fx) => ({
        method: 'PUT',
        url: `/api/people/units/${(await buildUnit(fx.t.db, { municipality: fx.a })).unit.id}/managers`,
        payload: { userIds: [] },
      }),
      expect: admins(200),
    },
    {
      name: "A's manager candidates",
      method: 'GET',
      url: '/api/people/manager-candidates',
      request: (fx) => ({ method: 'GET', url: `/api/people/manager-candidates?municipalityId=${fx.a.id}` }),
      expect: admins(200),
    },
    {
      name: "A's persons",
      method: 'GET',
      url: '/api/people/persons',
      request: (fx) => ({ method: 'GET', url: `/api/people/persons?municipalityId=${fx.a.id}` }),
      expect: keepers(200),
    },
    {
      name: "add a person to A's unit",
      method: 'POST',
      url: '/api/people/persons',
      request: (fx) => ({
        method: 'POST',
        url: '/api/people/persons',
        payload: {
          municipalityId: fx.a.id,
          unitId: fx.unit.id,
          firstName: 'Ny',
          lastName: 'Person',
          professionKey: 'underskoterska',
          employmentForm: 'hourly',
          employmentStart: '2024-01-01',
        },
      }),
      expect: keepers(201),
    },
    {
      name: "a person of A's",
      method: 'GET',
      url: '/api/people/persons/:id',
      request: async (fx) => ({ method: 'GET', url: `/api/people/persons/${await personIn(fx)}` }),
      expect: keepers(200),
    },
    {
      name: "change a person of A's",
      method: 'PATCH',
      url: '/api/people/persons/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/people/persons/${await personIn(fx)}`,
        payload: { firstName: 'Ändrad' },
      }),
      expect: keepers(200),
    },
    {
      name: 'my own record',
      method: 'GET',
      url: '/api/people/mine',
      request: () => ({ method: 'GET', url: '/api/people/mine' }),
      expect: { rest: 200, signed_out: 401 },
    },
    {
      name: "the register extract of a person of A's",
      method: 'GET',
      url: '/api/people/persons/:id/extract',
      request: async (fx) => ({ method: 'GET', url: `/api/people/persons/${await personIn(fx)}/extract` }),
      expect: admins(200),
    },
    {
      name: 'the register extract as a file',
      method: 'GET',
      url: '/api/people/persons/:id/extract/file',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/people/persons/${await personIn(fx)}/extract/file?format=json`,
      }),
      expect: admins(200),
    },
    {
      name: 'the import template',
      method: 'GET',
      url: '/api/people/import/template',
      request: () => ({ method: 'GET', url: '/api/people/import/template?file=csv' }),
      expect: {
        rest: 403,
        regional_admin: 200,
        municipal_admin: 200,
        manager: 200,
        other_municipal_admin: 200,
        signed_out: 401,
      },
    },
    {
      name: 'preview an HR file for A',
      method: 'POST',
      url: '/api/people/imports',
      request: (fx) => ({
        method: 'POST',
        url: `/api/people/imports?municipalityId=${fx.a.id}`,
        ...hrFile(fx.unit.name),
      }),
      expect: keepers(200),
    },
    {
      name: 'confirm an HR file of A (the caller’s own preview where they may make one)',
      method: 'POST',
      url: '/api/people/imports/:id/confirm',
      request: async (fx, actor) => {
        const maker = ['regional_admin', 'municipal_admin', 'manager'].includes(actor) ? actor : 'municipal_admin';
        const preview = await fx.as(maker)({
          method: 'POST',
          url: `/api/people/imports?municipalityId=${fx.a.id}`,
          ...hrFile(fx.unit.name),
        });
        return { method: 'POST', url: `/api/people/imports/${preview.json().id}/confirm`, payload: {} };
      },
      expect: keepers(200),
    },
    {
      name: 'the retention rules',
      method: 'GET',
      url: '/api/people/retention',
      request: () => ({ method: 'GET', url: '/api/people/retention' }),
      expect: { rest: 403, regional_admin: 200, municipal_admin: 200, other_municipal_admin: 200, signed_out: 401 },
    },
    {
      name: 'choose the period of the register’s rule',
      method: 'PUT',
      url: '/api/people/retention/:key',
      request: () => ({ method: 'PUT', url: '/api/people/retention/people.ended_employment', payload: { months: 24 } }),
      expect: { rest: 403, regional_admin: 200, signed_out: 401 },
    },
  ],
});
