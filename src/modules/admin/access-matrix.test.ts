// Role × route matrix: every API route is called as each role, as an admin of another municipality and
// signed out, and the status of every cell is asserted. Objects belong to municipality A.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { ROLES, type Role } from '../../platform/shared/roles.ts';

type ActorName = Role | 'other_municipal_admin' | 'signed_out';
const ACTORS: ActorName[] = [...ROLES, 'other_municipal_admin', 'signed_out'];

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies = new Map<ActorName, string | null>();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  b = await buildMunicipality(t.db, { name: 'Kommun B' });
  let ip = 1;
  for (const role of ROLES) {
    const u = await buildUser(t.db, { role, ...(role === 'regional_admin' ? {} : { municipality: a }) });
    cookies.set(role, await t.signIn(u, `10.1.0.${ip++}`));
  }
  const other = await buildUser(t.db, { role: 'municipal_admin', municipality: b });
  cookies.set('other_municipal_admin', await t.signIn(other, `10.1.0.${ip++}`));
  cookies.set('signed_out', null);
});
afterAll(() => t.close());

/** Expected status per actor; `rest` covers every actor not named. */
type Expect = Partial<Record<ActorName, number>> & { rest: number };
type Cell = { name: string; method: string; url: string; request: () => Promise<InjectOptions>; expect: Expect };

const everyone = (status: number): Expect => ({ rest: status, signed_out: 401 });
const regionalOnly = (status: number): Expect => ({ rest: 403, regional_admin: status, signed_out: 401 });
/** User and token administration: regional admins and A's municipal admin; B's admin gets 404 for A's objects. */
const adminsOfA = (status: number, other = 404): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: other,
  signed_out: 401,
});

const unique = () => randomUUID().slice(0, 8);
let codeSeq = 5000;
const freshUser = async () => (await buildUser(t.db, { role: 'employee', municipality: a })).id;
const freshNetwork = async () => {
  const admin = cookies.get('regional_admin') ?? null;
  const res = await t.as(admin)({
    method: 'POST',
    url: '/api/networks',
    payload: { name: `Nätverk ${unique()}`, kind: 'network' },
  });
  return res.json().id as string;
};
const freshToken = async () => {
  const admin = cookies.get('regional_admin') ?? null;
  const res = await t.as(admin)({
    method: 'POST',
    url: '/api/tokens',
    payload: { name: `Nyckel ${unique()}`, organisationId: a.id, roles: ['reporter'] },
  });
  return res.json().apiToken.id as string;
};

const CELLS: Cell[] = [
  {
    name: 'region info',
    method: 'GET',
    url: '/api/public/region',
    request: async () => ({ method: 'GET', url: '/api/public/region' }),
    expect: { rest: 200 },
  },
  {
    name: 'OpenAPI document',
    method: 'GET',
    url: '/api/openapi.json',
    request: async () => ({ method: 'GET', url: '/api/openapi.json' }),
    expect: { rest: 200 },
  },
  {
    name: 'me',
    method: 'GET',
    url: '/api/me',
    request: async () => ({ method: 'GET', url: '/api/me' }),
    expect: everyone(200),
  },
  {
    name: 'set language',
    method: 'PATCH',
    url: '/api/me/preferences',
    request: async () => ({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } }),
    expect: everyone(200),
  },
  {
    name: 'list organisations',
    method: 'GET',
    url: '/api/organisations',
    request: async () => ({ method: 'GET', url: '/api/organisations' }),
    expect: everyone(200),
  },
  {
    name: 'add municipality',
    method: 'POST',
    url: '/api/organisations',
    request: async () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: `Ny kommun ${unique()}`, code: String(codeSeq++) },
    }),
    expect: regionalOnly(201),
  },
  {
    name: 'read organisation',
    method: 'GET',
    url: '/api/organisations/:id',
    request: async () => ({ method: 'GET', url: `/api/organisations/${a.id}` }),
    expect: everyone(200),
  },
  {
    name: 'edit organisation',
    method: 'PATCH',
    url: '/api/organisations/:id',
    request: async () => {
      const m = await buildMunicipality(t.db);
      return { method: 'PATCH', url: `/api/organisations/${m.id}`, payload: { name: `Omdöpt ${unique()}` } };
    },
    expect: regionalOnly(200),
  },
  {
    name: 'list networks',
    method: 'GET',
    url: '/api/networks',
    request: async () => ({ method: 'GET', url: '/api/networks' }),
    expect: everyone(200),
  },
  {
    name: 'create network',
    method: 'POST',
    url: '/api/networks',
    request: async () => ({
      method: 'POST',
      url: '/api/networks',
      payload: { name: `Nätverk ${unique()}`, kind: 'network' },
    }),
    expect: regionalOnly(201),
  },
  {
    name: 'read network',
    method: 'GET',
    url: '/api/networks/:id',
    request: async () => ({ method: 'GET', url: `/api/networks/${await freshNetwork()}` }),
    expect: everyone(200),
  },
  {
    name: 'edit network',
    method: 'PATCH',
    url: '/api/networks/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/networks/${await freshNetwork()}`,
      payload: { description: 'Ny beskrivning' },
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'add network member',
    method: 'PUT',
    url: '/api/networks/:id/members/:userId',
    request: async () => ({ method: 'PUT', url: `/api/networks/${await freshNetwork()}/members/${await freshUser()}` }),
    expect: regionalOnly(200),
  },
  {
    name: 'remove network member',
    method: 'DELETE',
    url: '/api/networks/:id/members/:userId',
    request: async () => ({
      method: 'DELETE',
      url: `/api/networks/${await freshNetwork()}/members/${await freshUser()}`,
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'list users',
    method: 'GET',
    url: '/api/users',
    request: async () => ({ method: 'GET', url: '/api/users' }),
    expect: adminsOfA(200, 200),
  },
  {
    name: 'invite user',
    method: 'POST',
    url: '/api/users',
    request: async () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        name: 'Inbjuden',
        email: `inbjuden-${unique()}@test.example`,
        organisationId: a.id,
        roles: ['employee'],
      },
    }),
    expect: adminsOfA(201),
  },
  {
    name: 'read user',
    method: 'GET',
    url: '/api/users/:id',
    request: async () => ({ method: 'GET', url: `/api/users/${await freshUser()}` }),
    expect: adminsOfA(200),
  },
  {
    name: 'edit user',
    method: 'PATCH',
    url: '/api/users/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/users/${await freshUser()}`,
      payload: { roles: ['employee', 'reporter'] },
    }),
    expect: adminsOfA(200),
  },
  {
    name: 'deactivate user',
    method: 'POST',
    url: '/api/users/:id/deactivate',
    request: async () => ({ method: 'POST', url: `/api/users/${await freshUser()}/deactivate` }),
    expect: adminsOfA(200),
  },
  {
    name: 'reactivate user',
    method: 'POST',
    url: '/api/users/:id/reactivate',
    request: async () => {
      const id = (await buildUser(t.db, { municipality: a, active: false })).id;
      return { method: 'POST', url: `/api/users/${id}/reactivate` };
    },
    expect: adminsOfA(200),
  },
  {
    name: 'send invitation again',
    method: 'POST',
    url: '/api/users/:id/invitation',
    request: async () => ({ method: 'POST', url: `/api/users/${await freshUser()}/invitation` }),
    expect: adminsOfA(200),
  },
  {
    name: 'list API tokens',
    method: 'GET',
    url: '/api/tokens',
    request: async () => ({ method: 'GET', url: '/api/tokens' }),
    expect: adminsOfA(200, 200),
  },
  {
    name: 'create API token',
    method: 'POST',
    url: '/api/tokens',
    request: async () => ({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `Nyckel ${unique()}`, organisationId: a.id, roles: ['reporter'] },
    }),
    expect: adminsOfA(201),
  },
  {
    name: 'revoke API token',
    method: 'POST',
    url: '/api/tokens/:id/revoke',
    request: async () => ({ method: 'POST', url: `/api/tokens/${await freshToken()}/revoke` }),
    expect: adminsOfA(200),
  },
  {
    name: 'audit log',
    method: 'GET',
    url: '/api/audit',
    request: async () => ({ method: 'GET', url: '/api/audit' }),
    expect: regionalOnly(200),
  },
];

describe('role × route matrix', () => {
  it('covers every API route the app registers (outside the modules with a matrix of their own)', () => {
    const registered = t.app.deps.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/docs'))
      // The staffing, trainings and introductions modules' routes have their own matrices
      // (<module>/<module>-access.test.ts).
      .filter((r) => !r.url.startsWith('/api/staffing/') && !r.url.startsWith('/api/public/staffing/'))
      .filter((r) => !/^\/api\/(public\/)?trainings(\/|$)/.test(r.url))
      .filter((r) => !/^\/api\/(public\/)?introductions(\/|$)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const covered = [...new Set(CELLS.map((c) => `${c.method} ${c.url}`))].sort();
    expect(covered).toEqual(registered);
  });

  for (const cell of CELLS) {
    describe(`${cell.method} ${cell.url} (${cell.name})`, () => {
      for (const actor of ACTORS) {
        const status = cell.expect[actor] ?? cell.expect.rest;
        it(`${actor} → ${status}`, async () => {
          const res = await t.as(cookies.get(actor) ?? null)(await cell.request());
          expect(res.statusCode, res.body).toBe(status);
        });
      }
    });
  }
});

describe('lists show only what the actor may see', () => {
  it("B's municipal admin lists only B's users and tokens, even when filtering on A", async () => {
    const other = t.as(cookies.get('other_municipal_admin') ?? null);
    const users = (await other({ method: 'GET', url: `/api/users?organisationId=${a.id}` })).json();
    expect(users.items).toEqual([]);
    const all = (await other({ method: 'GET', url: '/api/users?includeInactive=true' })).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((u: { organisationId: string }) => u.organisationId === b.id)).toBe(true);
    const tokens = (await other({ method: 'GET', url: '/api/tokens' })).json();
    expect(tokens.every((tk: { organisationId: string }) => tk.organisationId === b.id)).toBe(true);
  });

  it('every row of every list passes its detail endpoint for the same actor (list = detail)', async () => {
    for (const actor of ['regional_admin', 'municipal_admin', 'other_municipal_admin'] as const) {
      const as = t.as(cookies.get(actor) ?? null);
      const users = (await as({ method: 'GET', url: '/api/users?includeInactive=true' })).json();
      for (const u of users.items)
        expect((await as({ method: 'GET', url: `/api/users/${u.id}` })).statusCode).toBe(200);
      for (const o of (await as({ method: 'GET', url: '/api/organisations?includeInactive=true' })).json()) {
        expect((await as({ method: 'GET', url: `/api/organisations/${o.id}` })).statusCode).toBe(200);
      }
      for (const n of (await as({ method: 'GET', url: '/api/networks?includeInactive=true' })).json()) {
        expect((await as({ method: 'GET', url: `/api/networks/${n.id}` })).statusCode).toBe(200);
      }
    }
  });
});
