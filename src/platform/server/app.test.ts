// Cross-cutting behaviour of the server: health, headers, errors, configuration and the OpenAPI document.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../tests/support/test-app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A route that fails unexpectedly, registered only in this test's app to exercise the error handler.
});
afterAll(() => t.close());

describe('health', () => {
  it('/healthz answers without the database and /readyz checks it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors, nosniff and a referrer policy on every response', async () => {
    for (const url of ['/healthz', '/api/public/region', '/some/page']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('errors', () => {
  it('answers bad input with 400, the field paths and Swedish messages', async () => {
    const cookie = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const res = await t.as(cookie)({ method: 'POST', url: '/api/organisations', payload: { name: '', code: 'abc' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'name']);
    expect(body.error.correlationId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in Swedish', async () => {
    const cookie = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const bad = await t.as(cookie)({
      method: 'POST',
      url: '/api/networks',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Begäran kunde inte tolkas.');
    const big = await t.as(cookie)({
      method: 'POST',
      url: '/api/networks',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', kind: 'network', description: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
  });

  it('answers in the request’s language: the user’s choice, else Accept-Language, else Swedish', async () => {
    const signedOut = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.json().error).toMatchObject({
      message: 'You need to sign in.',
      messageCode: 'platform.unauthorized',
    });
    const swedish = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'accept-language': 'de, fr;q=0.5' },
    });
    expect(swedish.json().error.message).toBe('Du behöver logga in.');

    const cookie = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const prefer = await t.as(cookie)({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
    expect(prefer.statusCode).toBe(200);
    // The signed-in user's choice wins over the browser's header.
    const bad = await t.as(cookie)({
      method: 'POST',
      url: '/api/networks',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      payload: '{"name":',
    });
    expect(bad.json().error.message).toBe('The request could not be understood.');
    const invalid = await t.as(cookie)({ method: 'POST', url: '/api/organisations', payload: { name: 'X', code: 7 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toBe('The information is not valid. Correct the marked fields.');
    const codeField = invalid.json().error.fields.find((f: { path: string }) => f.path === 'code');
    expect(codeField.message).toMatch(/^Invalid input/);
  });

  it('names the field that holds a NUL character', async () => {
    const cookie = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const res = await t.as(cookie)({
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Nätverket\u0000', kind: 'network', description: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'name', message: 'Texten innehåller ett otillåtet tecken (NUL).' },
    ]);
  });

  it('hides unexpected errors behind a generic 500 with a correlation id', async () => {
    const broken = await createTestApp();
    try {
      const cookie = await broken.signIn(await buildUser(broken.db, { role: 'regional_admin' }));
      // Break the database underneath the app: the next query fails in a way no handler expects.
      await broken.db.execute('ALTER TABLE network RENAME TO network_gone' as never);
      const res = await broken.as(cookie)({ method: 'GET', url: '/api/networks' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).toContain(body.error.correlationId);
      expect(res.body, res.body).not.toMatch(/network_gone|does not exist|select /i);
    } finally {
      await broken.close();
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('configuration', () => {
  it('reports every invalid variable in one message', () => {
    expect(() =>
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url', DEMO: 'maybe' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url', DEMO: 'maybe' });
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'PUBLIC_URL', 'DEMO']) expect(message).toContain(name);
    }
  });

  it('requires a shared secret with a database server', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db' })).toThrow(/AUTH_SECRET/);
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
      AUTH_SECRET: 's'.repeat(32),
      PORT: '8080',
    });
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });
});

describe('OpenAPI', () => {
  it('is served at /api/openapi.json as OpenAPI 3.1 and browsable at /api/docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/users/{id}');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('the committed docs/openapi.json is up to date (run `npm run openapi` after changing a route)', async () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(t.app.swagger()).toEqual(committed);
  });
});

describe('production configuration', () => {
  it('keeps the demo off and requires SMTP in production', () => {
    const base = { NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(32), DATA_DIR: '/nonexistent' };
    expect(() => loadConfig(base)).toThrow(/SMTP_URL/);
    const config = loadConfig({ ...base, SMTP_URL: 'smtp://relay.example:587' });
    expect(config.demo).toBe(false);
    expect(loadConfig({ AUTH_SECRET: 's'.repeat(32), DATA_DIR: '/nonexistent' }).demo).toBe(true);
  });

  it('behind one proxy, takes the client address from the proxy, not from what the client wrote', async () => {
    const proxied = await createTestApp({ config: testConfig({ TRUST_PROXY: 'on' }) });
    try {
      const u = await buildUser(proxied.db);
      await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'http://localhost:3000', 'x-forwarded-for': '1.2.3.4, 203.0.113.7' },
        payload: { email: u.email, password: 'fel-lösenord-som-är-långt' },
        remoteAddress: '10.0.0.2',
      });
      const rows = (await proxied.db.execute(
        sql`select ip_address from audit_event where entity_id = ${u.id}` as never,
      )) as unknown as { rows: { ip_address: string }[] };
      expect(rows.rows.map((r) => r.ip_address)).toEqual(['203.0.113.7']);
    } finally {
      await proxied.close();
    }
  });
});

describe('input the database refuses', () => {
  it('answers a NUL character with 400, not 500', async () => {
    const cookie = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }));
    const search = await t.as(cookie)({ method: 'GET', url: '/api/users?q=a%00b' });
    expect(search.statusCode).toBe(400);
    const create = await t.as(cookie)({
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Nät\u0000verk', kind: 'network' },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.message).toBe('Texten innehåller otillåtna tecken.');
  });
});
