// Sign-in, sessions, password reset and invitations, through the real better-auth endpoints.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  lastLinkTo,
  sessionCookie,
  TEST_ORIGIN,
  type TestApp,
  testConfig,
} from '../../../tests/support/test-app.ts';
import { auditEvent } from './audit.table.ts';
import { session } from './auth.table.ts';
import { buildMunicipality, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (cookie: string) => t.as(cookie)({ method: 'GET', url: '/api/me' });

describe('sign-in and sessions', () => {
  it('signs in with e-mail and password and answers /api/me with the user, organisation and roles', async () => {
    const u = await buildUser(t.db, { role: 'manager' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, password: u.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name.endsWith('session_token'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    const body = (await me(sessionCookie(res))).json();
    expect(body).toMatchObject({
      id: u.id,
      email: u.email,
      roles: ['manager'],
      organisation: { id: u.organisation.id },
    });
  });

  it('rejects a wrong password with 401 and writes a failed sign-in audit event', async () => {
    const u = await buildUser(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, password: 'fel-lösenord-som-är-långt' },
    });
    expect(res.statusCode).toBe(401);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, u.id));
    expect(events.map((e) => e.action)).toEqual(['auth.sign_in_failed']);
  });

  it('gives a new session token on sign-in and ends the session that was presented', async () => {
    const u = await buildUser(t.db);
    const first = await t.signIn(u);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN, cookie: first },
      payload: { email: u.email, password: u.password },
    });
    const second = sessionCookie(res);
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('signs out server-side: the cookie no longer works afterwards', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const out = await t.as(cookie)({ method: 'POST', url: '/api/auth/sign-out', payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, u.id))).map((e) => e.action);
    expect(actions).toContain('auth.sign_out');
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const u = await buildUser(t.db);
    const idle = await t.signIn(u);
    const absolute = await t.signIn(u);
    const sessions = await t.db.select().from(session).where(eq(session.userId, u.id));
    expect(sessions).toHaveLength(2);
    const [a, b] = sessions;
    if (!a || !b) throw new Error('two sessions expected');
    // Which row belongs to which cookie does not matter: one is expired by idleness, the other by age.
    await t.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.id, a.id));
    await t.db
      .update(session)
      .set({ createdAt: new Date(Date.now() - (t.config.session.absoluteSeconds + 60) * 1000) })
      .where(eq(session.id, b.id));
    expect((await me(idle)).statusCode).toBe(401);
    expect((await me(absolute)).statusCode).toBe(401);
  });

  it('limits failed sign-ins per account (429), even from different addresses', async () => {
    const u = await buildUser(t.db);
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        payload: { email: u.email, password: `fel-lösenord-nummer-${i}` },
        remoteAddress: `10.9.0.${i + 1}`,
      });
    const statuses = [];
    for (let i = 0; i < t.config.signIn.perAccountFailures + 1; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password is refused while the account is locked out.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, password: u.password },
      remoteAddress: '10.9.1.1',
    });
    expect(right.statusCode).toBe(429);
  });

  it('limits sign-in attempts per IP address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= t.config.signIn.perIpMax; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        payload: { email: `ingen-${i}@test.example`, password: 'fel-lösenord-som-är-långt' },
        remoteAddress: '10.8.0.1',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, t.config.signIn.perIpMax).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses sign-in to a deactivated user and to users of a deactivated municipality', async () => {
    const inactive = await buildUser(t.db, { active: false });
    const municipality = await buildMunicipality(t.db, { active: false });
    const orphan = await buildUser(t.db, { municipality });
    for (const u of [inactive, orphan]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        payload: { email: u.email, password: u.password },
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('protects cookie-authenticated changes against cross-site requests', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/me/preferences',
        headers: { cookie, ...headers },
        payload: { locale: 'en' },
      });
    expect((await patch({})).statusCode).toBe(403);
    expect((await patch({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await patch({ origin: TEST_ORIGIN })).statusCode).toBe(200);
  });

  it('marks cookies Secure when served over https', async () => {
    const secure = await createTestApp({ config: testConfig({ PUBLIC_URL: 'https://kompetensnav.example' }) });
    try {
      const u = await buildUser(secure.db);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'https://kompetensnav.example' },
        payload: { email: u.email, password: u.password },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name.endsWith('session_token'));
      expect(cookie?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('passwords by e-mail', () => {
  it('resets a forgotten password through the mailed link and ends the old sessions', async () => {
    const u = await buildUser(t.db);
    const old = await t.signIn(u);
    const ask = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, redirectTo: '/set-password' },
    });
    expect(ask.statusCode).toBe(200);
    const link = lastLinkTo(t.mailer, u.email);
    expect(link.pathname).toBe('/set-password');
    const token = link.searchParams.get('token');

    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword: 'kort' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().code).toBe('PASSWORD_TOO_SHORT');

    const newPassword = 'ett-helt-nytt-lösenord';
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword },
    });
    expect(ok.statusCode).toBe(200);
    expect((await me(old)).statusCode).toBe(401);
    await expect(t.signIn({ email: u.email, password: u.password })).rejects.toThrow(/401/);
    expect((await me(await t.signIn({ email: u.email, password: newPassword }))).statusCode).toBe(200);
    // The link works once.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token, newPassword: 'ännu-ett-nytt-lösenord' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('answers a reset request for an unknown address like any other, and sends nothing', async () => {
    const before = t.mailer.recent.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'finns-inte@test.example', redirectTo: '/set-password' },
    });
    expect(res.statusCode).toBe(200);
    expect(t.mailer.recent.length).toBe(before);
  });

  it('lets an invited user choose a password from the invitation mail and sign in', async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await buildUser(t.db, { role: 'municipal_admin', municipality });
    const cookie = await t.signIn(admin);
    const email = 'ny.kollega@test.example';
    const invite = await t.as(cookie)({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Ny Kollega', email, organisationId: municipality.id, roles: ['reporter'] },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email, hasPassword: false, roles: ['reporter'] });
    await expect(t.signIn({ email, password: 'vad-som-helst-långt' })).rejects.toThrow(/401/);
    const link = lastLinkTo(t.mailer, email);
    expect(link.searchParams.get('invite')).toBe('1');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { token: link.searchParams.get('token'), newPassword: 'mitt-eget-lösenord' },
    });
    expect(set.statusCode).toBe(200);
    const body = (await me(await t.signIn({ email, password: 'mitt-eget-lösenord' }))).json();
    expect(body).toMatchObject({ email, roles: ['reporter'], organisation: { id: municipality.id } });
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, keeps the length rule and is audited', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const change = (currentPassword: string, newPassword: string) =>
      t.as(cookie)({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword, newPassword } });
    expect((await change('inte-mitt-lösenord-alls', 'ett-nytt-långt-lösenord')).statusCode).toBe(400);
    expect((await change(u.password as string, 'kort')).statusCode).toBe(400);
    expect((await change(u.password as string, 'ett-nytt-långt-lösenord')).statusCode).toBe(200);
    expect((await me(await t.signIn({ email: u.email, password: 'ett-nytt-långt-lösenord' }))).statusCode).toBe(200);
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, u.id))).map((e) => e.action);
    expect(actions).toContain('auth.password_change');
  });
});

describe('the session cookie', () => {
  it('is refused when its signature does not match, even with a real session token', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const [name, value] = cookie.split('=') as [string, string];
    const token = decodeURIComponent(value).split('.')[0];
    const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32).toString('base64')}`)}`;
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me(`${name}=${token}`)).statusCode).toBe(401);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('renews the idle timeout (database and cookie) when a session is used after a while', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const soon = new Date(Date.now() + 60_000);
    await t.db.update(session).set({ updatedAt: tenMinutesAgo, expiresAt: soon }).where(eq(session.userId, u.id));
    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    const renewed = res.cookies.find((c) => c.name.endsWith('session_token'));
    expect(renewed?.maxAge).toBe(t.config.session.idleSeconds);
    expect(renewed?.httpOnly).toBe(true);
    const [row] = await t.db.select().from(session).where(eq(session.userId, u.id));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + (t.config.session.idleSeconds - 60) * 1000);
    // Used again right away: nothing to renew, no cookie sent.
    expect((await me(cookie)).cookies).toEqual([]);
  });
});

describe('better-auth endpoints and foreign origins', () => {
  it('refuses a cross-site change of password or sign-out', async () => {
    const u = await buildUser(t.db);
    const cookie = await t.signIn(u);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { currentPassword: u.password, newPassword: 'angriparens-lösenord' },
      // better-auth limits /change-password to 3 calls per 10 s and address; an earlier test used 127.0.0.1.
      remoteAddress: '10.6.0.1',
    });
    expect(change.statusCode).toBe(403);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://evil.example' },
      payload: {},
    });
    expect(out.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
  });
});
