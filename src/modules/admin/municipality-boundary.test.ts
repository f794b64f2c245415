// Property: whatever an admin of one municipality asks about another's users, tokens and networks,
// no data of the other municipality is read or written.

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';

type Side = {
  org: Organisation;
  cookie: string;
  tokenBearer: string;
  userIds: string[];
  emails: string[];
  tokenIds: string[];
};

let t: TestApp;
const sides: Side[] = [];
let networkId: string;

beforeAll(async () => {
  t = await createTestApp();
  const regional = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.2.0.99');
  await buildRegion(t.db);
  networkId = (
    await t.as(regional)({
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Gemensamt nätverk', kind: 'network' },
    })
  ).json().id;
  for (const [i, name] of ['Kommun Ett', 'Kommun Två'].entries()) {
    const org = await buildMunicipality(t.db, { name });
    const admin = await buildUser(t.db, { role: 'municipal_admin', municipality: org });
    const users = [admin];
    for (let k = 0; k < 3; k++)
      users.push(await buildUser(t.db, { municipality: org, role: k === 0 ? 'manager' : 'employee' }));
    for (const u of users) await t.as(regional)({ method: 'PUT', url: `/api/networks/${networkId}/members/${u.id}` });
    const cookie = await t.signIn(admin, `10.2.0.${i + 1}`);
    const token = (
      await t.as(cookie)({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'Integration', organisationId: org.id, roles: ['municipal_admin'] },
      })
    ).json();
    sides.push({
      org,
      cookie,
      tokenBearer: token.token,
      userIds: users.map((u) => u.id),
      emails: users.map((u) => u.email),
      tokenIds: [token.apiToken.id],
    });
  }
});
afterAll(() => t.close());

async function snapshot() {
  const users = await t.db.execute(sql`select u.id, u.name, u.email, u.active, u.organisation_id,
      (select array_agg(role order by role) from user_role r where r.user_id = u.id) as roles from "user" u order by u.id`);
  const tokens = await t.db.execute(sql`select id, name, revoked_at, roles from api_token order by id`);
  const members = await t.db.execute(sql`select network_id, user_id from network_member order by 1, 2`);
  return JSON.stringify([users, tokens, members].map((r) => (r as unknown as { rows: unknown[] }).rows));
}

const OPS = [
  'getUser',
  'renameUser',
  'grantRole',
  'deactivate',
  'reactivate',
  'invite',
  'resendInvitation',
  'revokeToken',
  'createToken',
  'listUsersFiltered',
  'searchUsers',
  'listTokens',
  'network',
] as const;

function requestFor(op: (typeof OPS)[number], target: Side, k: number) {
  const userId = target.userIds[k % target.userIds.length];
  switch (op) {
    case 'getUser':
      return { method: 'GET' as const, url: `/api/users/${userId}` };
    case 'renameUser':
      return { method: 'PATCH' as const, url: `/api/users/${userId}`, payload: { name: 'Ändrad utifrån' } };
    case 'grantRole':
      return { method: 'PATCH' as const, url: `/api/users/${userId}`, payload: { roles: ['municipal_admin'] } };
    case 'deactivate':
      return { method: 'POST' as const, url: `/api/users/${userId}/deactivate` };
    case 'reactivate':
      return { method: 'POST' as const, url: `/api/users/${userId}/reactivate` };
    case 'invite':
      return {
        method: 'POST' as const,
        url: '/api/users',
        payload: {
          name: 'Utifrån',
          email: `utifran-${k}@test.example`,
          organisationId: target.org.id,
          roles: ['employee'],
        },
      };
    case 'resendInvitation':
      return { method: 'POST' as const, url: `/api/users/${userId}/invitation` };
    case 'revokeToken':
      return { method: 'POST' as const, url: `/api/tokens/${target.tokenIds[0]}/revoke` };
    case 'createToken':
      return {
        method: 'POST' as const,
        url: '/api/tokens',
        payload: { name: 'Utifrån', organisationId: target.org.id, roles: ['reporter'] },
      };
    case 'listUsersFiltered':
      return { method: 'GET' as const, url: `/api/users?includeInactive=true&organisationId=${target.org.id}` };
    case 'searchUsers':
      return {
        method: 'GET' as const,
        url: `/api/users?includeInactive=true&q=${encodeURIComponent(target.emails[k % target.emails.length] ?? '')}`,
      };
    case 'listTokens':
      return { method: 'GET' as const, url: '/api/tokens' };
    case 'network':
      return { method: 'GET' as const, url: `/api/networks/${networkId}` };
  }
}

describe('municipality boundary', () => {
  it('no request by one municipality reads or writes another municipality’s data', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            side: fc.integer({ min: 0, max: 1 }),
            op: fc.constantFrom(...OPS),
            k: fc.nat(20),
            viaToken: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (commands) => {
          for (const { side, op, k, viaToken } of commands) {
            const actor = sides[side] as Side;
            const target = sides[1 - side] as Side;
            const req = requestFor(op, target, k);
            const res = viaToken
              ? await t.app.inject({ ...req, headers: { authorization: `Bearer ${actor.tokenBearer}` } })
              : await t.as(actor.cookie)(req);
            // Either refused (403/404/409 for a conflict found before any write) or an answer about the actor's own side.
            expect([200, 403, 404], `${op} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
            for (const secret of [...target.userIds, ...target.emails, ...target.tokenIds, target.tokenBearer]) {
              expect(res.body, `${op} leaked ${secret}`).not.toContain(secret);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(await snapshot()).toBe(before);
  });
});
