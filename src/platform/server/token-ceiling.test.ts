// A credential never outlives the rights behind it (promise 26): an API token holds at most what its creator holds
// now — demotion narrows or ends it at once, and a token can do nothing its creator may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from './factories.ts';

describe('API tokens follow their creator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function tokenOf(creatorCookie: string, organisationId: string, roles: string[]) {
    const created = await t.as(creatorCookie)({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `Nyckel ${roles.join(' ')}`, organisationId, roles },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    return (url: string) => t.app.inject({ method: 'GET', url, headers: bearer });
  }

  it('ends at once when the creator loses the right to make it, and stays ended when the right comes back', async () => {
    const municipality = await buildMunicipality(t.db);
    const regional = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const creator = await buildUser(t.db, { role: 'municipal_admin', organisation: municipality });
    const asToken = await tokenOf(await t.signIn(creator), municipality.id, ['reporter']);
    expect((await asToken('/api/me')).statusCode).toBe(200);

    const demoted = await t.as(regional)({
      method: 'PATCH',
      url: `/api/users/${creator.id}`,
      payload: { roles: ['reporter'] },
    });
    expect(demoted.statusCode).toBe(200);
    expect((await asToken('/api/me')).statusCode).toBe(401);

    const deactivated = await t.as(regional)({ method: 'POST', url: `/api/users/${creator.id}/deactivate` });
    expect(deactivated.statusCode).toBe(200);
    const restored = await t.as(regional)({
      method: 'PATCH',
      url: `/api/users/${creator.id}`,
      payload: { roles: ['municipal_admin'] },
    });
    expect(restored.statusCode).toBe(200);
    const reactivated = await t.as(regional)({ method: 'POST', url: `/api/users/${creator.id}/reactivate` });
    expect(reactivated.statusCode).toBe(200);
    // Ended by the deactivation: reactivating the user does not revive it.
    expect((await asToken('/api/me')).statusCode).toBe(401);
  });

  it('can do nothing its creator may not do now, whatever roles it was given', async () => {
    const municipality = await buildMunicipality(t.db);
    const creator = await buildUser(t.db, { role: 'municipal_admin', organisation: municipality });
    // A municipal admin may hand out the MAS role, but does not review the catalogue themself.
    const asMas = await tokenOf(await t.signIn(creator), municipality.id, ['mas']);
    const me = await asMas('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['mas']);
    expect(me.json().permissions).not.toContain('trainings:review');
    expect((await asMas('/api/trainings/review')).statusCode).toBe(403);
  });
});
