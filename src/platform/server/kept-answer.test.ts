import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptAnswer, preferredEncoding, sendKept } from './kept-answer.ts';

const value = { rows: Array.from({ length: 400 }, (_, i) => ({ år: 2026 + (i % 10), kommun: `Kommun ${i} åäö` })) };
const small = KeptAnswer.json({ ok: true });
const large = KeptAnswer.json(value);
const app = Fastify();
let made = 0;
app.get('/large', (req, reply) => sendKept(req, reply, large));
app.get('/small', (req, reply) => sendKept(req, reply, small));
app.get('/made', (req, reply) => {
  made += 1;
  return sendKept(req, reply, KeptAnswer.json({ made }));
});

beforeAll(() => app.ready());
afterAll(() => app.close());

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip;q=0.8, deflate')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('BR')).toBe('br');
    expect(preferredEncoding('deflate')).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeUndefined();
  });
});

describe('sendKept', () => {
  it('sends the JSON bytes with a strong validator and private, no-cache', async () => {
    const res = await app.inject({ url: '/large' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toContain('accept-encoding');
    expect(res.json()).toEqual(value);
  });

  it('compresses in the encoding the client accepts, to the same JSON, and keeps the compressed form', async () => {
    const br = await app.inject({ url: '/large', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(large.bytes.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(value);
    const gz = await app.inject({ url: '/large', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(value);
    // The same promise (so the same buffer) the second time: compressed once per answer.
    expect(large.encodedAs('br')).toBe(large.encodedAs('br'));
    expect(await large.encodedAs('br')).toEqual(br.rawPayload);
  });

  it('sends a small answer as it is, whatever the client accepts', async () => {
    const res = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
  });

  it('answers 304 without a body when the client names the current tag, 200 when it names another', async () => {
    const first = await app.inject({ url: '/large' });
    const tag = first.headers.etag as string;
    const again = await app.inject({ url: '/large', headers: { 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['content-length']).toBeUndefined();
    expect(again.headers.etag).toBe(tag);
    const weakInList = await app.inject({ url: '/large', headers: { 'if-none-match': `"other", W/${tag}` } });
    expect(weakInList.statusCode).toBe(304);
    const other = await app.inject({ url: '/large', headers: { 'if-none-match': '"other"' } });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual(value);
  });

  it('gives different contents different tags', async () => {
    const a = await app.inject({ url: '/made' });
    const b = await app.inject({ url: '/made' });
    expect(a.json()).toEqual({ made: 1 });
    expect(b.json()).toEqual({ made: 2 });
    expect(a.headers.etag).not.toBe(b.headers.etag);
    expect(
      (await app.inject({ url: '/made', headers: { 'if-none-match': a.headers.etag as string } })).statusCode,
    ).toBe(200);
  });
});
