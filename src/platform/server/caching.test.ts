// The actor and reference-data caches (docs/decisions/002-actor-cache.md): used while fresh, forgotten on change.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../tests/support/test-app.ts';
import { session } from './auth.table.ts';
import { buildMunicipality, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: testConfig({ CACHE_SECONDS: '30' }) });
});
afterAll(() => t.close());

describe('caches', () => {
  it('trusts a resolved session for a while, and forgets it at once when anything is changed through the app', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const me = () => t.as(cookie)({ method: 'GET', url: '/api/me' });
    expect((await me()).statusCode).toBe(200);
    // Behind the app's back (as another app server would): the session is gone, but this server still trusts it.
    await t.db.delete(session).where(eq(session.userId, u.id));
    expect((await me()).statusCode).toBe(200);
    // Any change through this server clears the cache.
    await t.as(cookie)({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
    expect((await me()).statusCode).toBe(401);
  });

  it('serves the organisation list from the cache until a change clears it', async () => {
    const admin = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' })));
    const list = async () =>
      (await admin({ method: 'GET', url: '/api/organisations' })).json().map((o: { name: string }) => o.name);
    await list();
    await buildMunicipality(t.db, { name: 'Bakvägskommunen' });
    expect(await list()).not.toContain('Bakvägskommunen');
    await admin({ method: 'POST', url: '/api/organisations', payload: { name: 'Framvägskommunen', code: '0999' } });
    expect(await list()).toEqual(expect.arrayContaining(['Bakvägskommunen', 'Framvägskommunen']));
  });
});
