// The shared CSV reader keeps every behaviour of the hand-written parser it replaced (trainings/catalogue-file.ts).
import { describe, expect, it } from 'vitest';
import { UploadRejectedError } from '../upload-guard.ts';
import { decodeCsvText, detectSeparator, parseCsv, readCsv } from './csv.ts';

const rejected = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as UploadRejectedError;
  }
  throw new Error('not rejected');
};

describe('detectSeparator', () => {
  it('takes the separator the header line has most of, outside quotes, `;` on a tie', () => {
    expect(detectSeparator('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2')).toBe(',');
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
    expect(detectSeparator('a;b,c')).toBe(';');
    expect(detectSeparator('abc')).toBe(';');
  });
  it('chooses only among the candidates an import accepts', () => {
    expect(detectSeparator('a\tb\tc', [';', ','])).toBe(';');
  });
});

describe('parseCsv', () => {
  it('reads quoted separators, line breaks and doubled quotes; CRLF, LF and CR end a record', () => {
    expect(parseCsv('a;b\r\nc;"d;e\nf"\rg;"say ""hi"""', ';', 100)).toEqual([
      ['a', 'b'],
      ['c', 'd;e\nf'],
      ['g', 'say "hi"'],
    ]);
  });
  it('keeps blank lines as records (so row numbers are Excel’s), fields untrimmed, rows of any length', () => {
    expect(parseCsv('h1;h2\n\n x ;y;z\nq\n', ';', 100)).toEqual([['h1', 'h2'], [''], [' x ', 'y', 'z'], ['q']]);
  });
  it('takes a quote inside an unquoted field as text', () => {
    expect(parseCsv('a;b"c\n', ';', 100)).toEqual([['a', 'b"c']]);
  });
  it('stops reading after maxRecords', () => {
    const text = Array.from({ length: 50 }, (_, i) => `r${i}`).join('\n');
    expect(parseCsv(text, ';', 10)).toHaveLength(10);
  });
  it('refuses a quoted field left open, naming a row, rather than swallowing the rest of the file', () => {
    const error = rejected(() => parseCsv('a;b\n"c;d\ne;f', ';', 100));
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect(error.reason).toBe('bad_csv');
    expect(error.message).toMatch(/^Rad \d+: citattecknen/);
  });
});

describe('readCsv', () => {
  it('drops a BOM and reads Swedish Excel’s CSV UTF-8 with å, ä, ö', () => {
    const file = readCsv(Buffer.from('\uFEFFnamn;ort\r\nÅsa;Skövde\r\n', 'utf8'), { maxRecords: 10 });
    expect(file).toEqual({
      separator: ';',
      rows: [
        ['namn', 'ort'],
        ['Åsa', 'Skövde'],
      ],
    });
  });
  it('reads tab-separated text', () => {
    expect(readCsv(Buffer.from('a\tb\n1\t2'), { maxRecords: 10 }).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('refuses Windows-1252 (415) with the import’s own wording, and binary content', () => {
    const latin1 = Buffer.from('namn;ort\r\nÅsa;Skövde\r\n', 'latin1');
    const error = rejected(() => readCsv(latin1, { maxRecords: 10, notUtf8Message: 'Spara som UTF-8.' }));
    expect(error.statusCode).toBe(415);
    expect(error.message).toBe('Spara som UTF-8.');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(rejected(() => decodeCsvText(png)).message).toMatch(/UTF-8/);
  });
});
