// Files kept by their input: made once per input, made again for any other input, a failure not kept.
import { describe, expect, it } from 'vitest';
import { keptFile } from './kept-files.ts';

describe('keptFile', () => {
  it('makes a file once per input and again when anything in the input differs', async () => {
    let made = 0;
    const make = async () => new Uint8Array([++made]);
    const input = { version: 2, deviations: [{ taskKey: 'a', value: 'does' }], locale: 'sv' };
    expect(await keptFile('test', input, make)).toEqual(new Uint8Array([1]));
    expect(await keptFile('test', structuredClone(input), make)).toEqual(new Uint8Array([1]));
    const changed = { ...input, deviations: [{ taskKey: 'a', value: 'does_not' }] };
    expect(await keptFile('test', changed, make)).toEqual(new Uint8Array([2]));
    expect(await keptFile('other-kind', input, make)).toEqual(new Uint8Array([3]));
    expect(made).toBe(3);
  });

  it('does not keep a failure', async () => {
    const input = { failing: true };
    await expect(keptFile('test', input, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await keptFile('test', input, async () => new Uint8Array([7]))).toEqual(new Uint8Array([7]));
  });

  it('keeps a bounded number of files, the least recently used leaving first', async () => {
    let made = 0;
    const make = async () => new Uint8Array([++made % 256]);
    await keptFile('bound', { n: 0 }, make);
    for (let n = 1; n <= 40; n++) {
      await keptFile('bound', { n }, make);
      await keptFile('bound', { n: 0 }, make); // used again each time: stays
    }
    expect(made).toBe(41);
    await keptFile('bound', { n: 1 }, make); // long since pushed out
    expect(made).toBe(42);
  });
});
