// Compressed answers (issue 20, first load): JSON over 1 kB goes out as brotli or gzip to a client that accepts it,
// as it was to one that does not; small answers and file downloads are left alone.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('compression', () => {
  const get = (encoding?: string) =>
    t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends large JSON as brotli, else gzip, else plain — the same document each way', async () => {
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('br, gzip');
    const gzip = await get('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });

  it('leaves an answer under 1 kB as it is', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
