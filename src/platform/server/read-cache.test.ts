// The read cache keeps a load for its few seconds, shares it between callers, and loads again after forget or clear.
import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

describe('read cache', () => {
  it('keeps a value, drops one entry on forget and every entry on clear', async () => {
    const cache = new ReadCache(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.remember('a', load)).toBe(1);
    expect(await cache.remember('a', load)).toBe(1);
    expect(await cache.remember('b', load)).toBe(2);
    cache.forget('a');
    expect(await cache.remember('a', load)).toBe(3);
    expect(await cache.remember('b', load)).toBe(2);
    cache.clear();
    expect(await cache.remember('b', load)).toBe(4);
  });
});
