// The admin module's role × route matrix (run by access-matrix.test.ts, read by route-coverage.test.ts): every
// admin route, the status each actor must get. Objects belong to municipality A.
import { randomUUID } from 'node:crypto';
import {
  defineAccessMatrix,
  type Expect,
  everyone,
  type MatrixFixture,
  regionalOnly,
} from '../../../tests/support/access-matrix.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';

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
const freshUser = async (fx: MatrixFixture) => (await buildUser(fx.t.db, { role: 'employee', municipality: fx.a })).id;
const freshNetwork = async (fx: MatrixFixture) => {
  const res = await fx.admin({
    method: 'POST',
    url: '/api/networks',
    payload: { name: `Nätverk ${unique()}`, kind: 'network' },
  });
  return res.json().id as string;
};
const freshToken = async (fx: MatrixFixture) => {
  const res = await fx.admin({
    method: 'POST',
    url: '/api/tokens',
    payload: { name: `Nyckel ${unique()}`, organisationId: fx.a.id, roles: ['reporter'] },
  });
  return res.json().apiToken.id as string;
};

export const accessMatrix = defineAccessMatrix({
  module: 'admin',
  routePattern: /^\/api\/(public\/region|me|organisations|networks|users|tokens|audit)(\/|$)/,
  cells: [
    {
      name: 'region info',
      method: 'GET',
      url: '/api/public/region',
      request: () => ({ method: 'GET', url: '/api/public/region' }),
      expect: { rest: 200 },
    },
    {
      name: 'me',
      method: 'GET',
      url: '/api/me',
      request: () => ({ method: 'GET', url: '/api/me' }),
      expect: everyone(200),
    },
    {
      name: 'my tasks',
      method: 'GET',
      url: '/api/me/tasks',
      request: () => ({ method: 'GET', url: '/api/me/tasks' }),
      expect: everyone(200),
    },
    {
      name: 'set language',
      method: 'PATCH',
      url: '/api/me/preferences',
      request: () => ({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } }),
      expect: everyone(200),
    },
    {
      name: 'list organisations',
      method: 'GET',
      url: '/api/organisations',
      request: () => ({ method: 'GET', url: '/api/organisations' }),
      expect: everyone(200),
    },
    {
      name: 'add municipality',
      method: 'POST',
      url: '/api/organisations',
      request: () => ({
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
      request: (fx) => ({ method: 'GET', url: `/api/organisations/${fx.a.id}` }),
      expect: everyone(200),
    },
    {
      name: 'edit organisation',
      method: 'PATCH',
      url: '/api/organisations/:id',
      request: async (fx) => {
        const m = await buildMunicipality(fx.t.db);
        return { method: 'PATCH', url: `/api/organisations/${m.id}`, payload: { name: `Omdöpt ${unique()}` } };
      },
      expect: regionalOnly(200),
    },
    {
      name: 'list networks',
      method: 'GET',
      url: '/api/networks',
      request: () => ({ method: 'GET', url: '/api/networks' }),
      expect: everyone(200),
    },
    {
      name: 'create network',
      method: 'POST',
      url: '/api/networks',
      request: () => ({
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
      request: async (fx) => ({ method: 'GET', url: `/api/networks/${await freshNetwork(fx)}` }),
      expect: everyone(200),
    },
    {
      name: 'edit network',
      method: 'PATCH',
      url: '/api/networks/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/networks/${await freshNetwork(fx)}`,
        payload: { description: 'Ny beskrivning' },
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'add network member',
      method: 'PUT',
      url: '/api/networks/:id/members/:userId',
      request: async (fx) => ({
        method: 'PUT',
        url: `/api/networks/${await freshNetwork(fx)}/members/${await freshUser(fx)}`,
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'remove network member',
      method: 'DELETE',
      url: '/api/networks/:id/members/:userId',
      request: async (fx) => ({
        method: 'DELETE',
        url: `/api/networks/${await freshNetwork(fx)}/members/${await freshUser(fx)}`,
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'list users',
      method: 'GET',
      url: '/api/users',
      request: () => ({ method: 'GET', url: '/api/users' }),
      expect: adminsOfA(200, 200),
    },
    {
      name: 'invite user',
      method: 'POST',
      url: '/api/users',
      request: (fx) => ({
        method: 'POST',
        url: '/api/users',
        payload: {
          name: 'Inbjuden',
          email: `inbjuden-${unique()}@test.example`,
          organisationId: fx.a.id,
          roles: ['employee'],
        },
      }),
      expect: adminsOfA(201),
    },
    {
      name: 'read user',
      method: 'GET',
      url: '/api/users/:id',
      request: async (fx) => ({ method: 'GET', url: `/api/users/${await freshUser(fx)}` }),
      expect: adminsOfA(200),
    },
    {
      name: 'edit user',
      method: 'PATCH',
      url: '/api/users/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/users/${await freshUser(fx)}`,
        payload: { roles: ['employee', 'reporter'] },
      }),
      expect: adminsOfA(200),
    },
    {
      name: 'deactivate user',
      method: 'POST',
      url: '/api/users/:id/deactivate',
      request: async (fx) => ({ method: 'POST', url: `/api/users/${await freshUser(fx)}/deactivate` }),
      expect: adminsOfA(200),
    },
    {
      name: 'reactivate user',
      method: 'POST',
      url: '/api/users/:id/reactivate',
      request: async (fx) => {
        const id = (await buildUser(fx.t.db, { municipality: fx.a, active: false })).id;
        return { method: 'POST', url: `/api/users/${id}/reactivate` };
      },
      expect: adminsOfA(200),
    },
    {
      name: 'send invitation again',
      method: 'POST',
      url: '/api/users/:id/invitation',
      request: async (fx) => ({ method: 'POST', url: `/api/users/${await freshUser(fx)}/invitation` }),
      expect: adminsOfA(200),
    },
    {
      name: 'list API tokens',
      method: 'GET',
      url: '/api/tokens',
      request: () => ({ method: 'GET', url: '/api/tokens' }),
      expect: adminsOfA(200, 200),
    },
    {
      name: 'create API token',
      method: 'POST',
      url: '/api/tokens',
      request: (fx) => ({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: `Nyckel ${unique()}`, organisationId: fx.a.id, roles: ['reporter'] },
      }),
      expect: adminsOfA(201),
    },
    {
      name: 'revoke API token',
      method: 'POST',
      url: '/api/tokens/:id/revoke',
      request: async (fx) => ({ method: 'POST', url: `/api/tokens/${await freshToken(fx)}/revoke` }),
      expect: adminsOfA(200),
    },
    {
      name: 'audit log',
      method: 'GET',
      url: '/api/audit',
      request: () => ({ method: 'GET', url: '/api/audit' }),
      expect: regionalOnly(200),
    },
  ],
});
