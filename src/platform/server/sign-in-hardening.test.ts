// What an outside prober meets at the sign-in (promises 27 and 29): unknown, deactivated and locked accounts answer
// alike, the session token never reaches scripts, common passwords are refused wherever a password is set, and no
// API answer may be stored by a browser or proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastLinkTo, TEST_ORIGIN, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (email: string, password: string, remoteAddress = '10.20.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
    remoteAddress,
  });

describe('sign-in answers', () => {
  it('are the same for an unknown, a deactivated and a locked account, attempt by attempt', async () => {
    const deactivated = await buildUser(t.db);
    const admin = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    expect((await t.as(admin)({ method: 'POST', url: `/api/users/${deactivated.id}/deactivate` })).statusCode).toBe(
      200,
    );
    const existing = await buildUser(t.db);
    const sequences: Record<string, { status: number; body: unknown }[]> = {};
    const accounts = { unknown: 'ingen.alls@example.test', deactivated: deactivated.email, existing: existing.email };
    for (const [kind, email] of Object.entries(accounts)) {
      sequences[kind] = [];
      for (let i = 0; i < t.config.signIn.perAccountFailures + 2; i++) {
        const res = await signIn(email, `fel-lösenord-nummer-${i}`, `10.21.${i}.1`);
        sequences[kind].push({ status: res.statusCode, body: res.json() });
      }
    }
    expect(sequences.unknown).toEqual(sequences.deactivated);
    expect(sequences.unknown).toEqual(sequences.existing);
    const statuses = sequences.unknown?.map((s) => s.status);
    expect(statuses?.slice(0, t.config.signIn.perAccountFailures).every((s) => s === 401)).toBe(true);
    expect(statuses?.at(-1)).toBe(429);
    expect(sequences.unknown?.[0]?.body).toEqual({
      code: 'INVALID_EMAIL_OR_PASSWORD',
      message: 'Fel e-postadress eller lösenord.',
    });
  });

  it('never give the session token to scripts: not at sign-in, not from get-session', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const res = await t.as(cookie)({ method: 'GET', url: '/api/auth/get-session' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.id).toBe(u.id);
    expect(body.session).toBeDefined();
    expect(body.session.token).toBeUndefined();
    const raw = cookie.split('=')[1]?.split('.')[0] ?? '';
    expect(raw.length).toBeGreaterThan(10);
    expect(res.body).not.toContain(raw);
  });
});

describe('API token guesses', () => {
  it('are limited per address like sign-ins: past the limit 429, another address still 401', async () => {
    const guess = (i: number, remoteAddress: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer kn_gissning-${i}` },
        remoteAddress,
      });
    const statuses: number[] = [];
    for (let i = 0; i < t.config.signIn.perIpMax + 1; i++) statuses.push((await guess(i, '10.30.0.1')).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await guess(999, '10.30.0.2')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('refuses a common password on a reset link and on a change, and takes an uncommon one', async () => {
    const u = await buildUser(t.db, { organisation: await buildMunicipality(t.db) });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, redirectTo: '/set-password' },
    });
    const token = lastLinkTo(t.mailer, u.email).searchParams.get('token');
    const common = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN, 'accept-language': 'en' },
      payload: { token, newPassword: 'Password123456' },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toEqual({
      code: 'PASSWORD_TOO_COMMON',
      message: 'The password is too common and easy to guess. Choose another one.',
    });
    const fine = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword: 'Tranan-flyger-över-Hornborgasjön' },
    });
    expect(fine.statusCode).toBe(200);

    const cookie = await t.signIn({ email: u.email, password: 'Tranan-flyger-över-Hornborgasjön' });
    const change = await t.as(cookie)({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: 'Tranan-flyger-över-Hornborgasjön', newPassword: 'sommarsommar2026' },
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().code).toBe('PASSWORD_TOO_COMMON');
  });
});

describe('caching', () => {
  it('marks signed-in and public API answers no-store', async () => {
    const cookie = await t.signIn(await buildUser(t.db));
    expect((await t.as(cookie)({ method: 'GET', url: '/api/me' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/region' })).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).headers['cache-control']).toBe('no-store');
  });
});
