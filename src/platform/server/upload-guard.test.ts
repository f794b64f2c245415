// The upload guard against real files: a workbook made by ExcelJS passes; renamed files, macros, external links,
// zip bombs, hidden entries and encrypted or broken archives (written byte by byte below) are refused.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { inspectXlsx, sha256File, UploadRejectedError, type UploadRejection } from './upload-guard.ts';

const MB = 1024 * 1024;
let dir = '';
let goodXlsx: Buffer;
let goodParts: Part[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kn-upload-guard-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Blad1');
  sheet.addRow(['Kommun', 'Invånare']);
  sheet.addRow(['Skövde', 57_000]);
  goodXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  goodParts = await unzip(goodXlsx);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One entry of a hand-written zip. `raw` is already-deflated data; `hidden` leaves it out of the directory. */
type Part = {
  name: string;
  data?: Buffer;
  raw?: { bytes: Buffer; size: number; crc: number };
  declaredSize?: number;
  encrypted?: boolean;
  hidden?: boolean;
};

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = part.data ?? Buffer.alloc(0);
    const body = part.raw?.bytes ?? deflateRawSync(data);
    const size = part.raw?.size ?? data.length;
    const crc = part.raw?.crc ?? crc32(data);
    const declared = part.declaredSize ?? size;
    const flags = part.encrypted ? 1 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    offset += local.length + name.length + body.length;
    if (!part.hidden) {
      centrals.push(central, name);
      listed++;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function unzip(buffer: Buffer): Promise<Part[]> {
  const archive = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const parts: Part[] = [];
  for await (const entry of archive.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return parts;
}

function withParts(extra: Part[], change: (part: Part) => Part = (p) => p): Part[] {
  return [...goodParts.map(change), ...extra];
}

let fileNo = 0;
async function file(content: Buffer | string, name = `upload-${++fileNo}.xlsx`): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

async function rejection(filePath: string, opts?: Parameters<typeof inspectXlsx>[1]): Promise<UploadRejectedError> {
  const error = await inspectXlsx(filePath, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  return error as UploadRejectedError;
}

async function expectRejected(filePath: string, reason: UploadRejection, message: RegExp, status?: number) {
  const error = await rejection(filePath);
  expect(error.reason).toBe(reason);
  expect(error.code).toBe('upload_rejected');
  expect(error.message).toMatch(message);
  if (status) expect(error.statusCode).toBe(status);
}

/** 200 MB of zeros as deflate data, made of identical 1 MB blocks so building it takes milliseconds. */
function zeroBomb(megabytes: number): { bytes: Buffer; size: number; crc: number } {
  const block = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const zeros = Buffer.alloc(MB);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(zeros, crc);
  return { bytes: Buffer.concat([...Array.from({ length: megabytes }, () => block), last]), size: megabytes * MB, crc };
}

describe('inspectXlsx', () => {
  it('accepts a workbook written by ExcelJS', async () => {
    await expect(inspectXlsx(await file(goodXlsx))).resolves.toBeUndefined();
  });

  it('accepts the same parts written again by a plain zip writer', async () => {
    await expect(inspectXlsx(await file(zip(withParts([]))))).resolves.toBeUndefined();
  });

  it('refuses a text file renamed to .xlsx', async () => {
    await expectRejected(await file('Kommun;Invånare\nSkövde;57000\n'), 'not_xlsx', /inte en Excel-arbetsbok/, 415);
  });

  it('refuses an empty file', async () => {
    await expectRejected(await file(Buffer.alloc(0)), 'not_xlsx', /inte en Excel-arbetsbok/);
  });

  it('refuses a Word document renamed to .xlsx', async () => {
    const docx = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    await expectRejected(await file(docx), 'not_xlsx', /inte en Excel-arbetsbok/, 415);
  });

  it('refuses an old .xls file, and calls a password-protected workbook encrypted', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectRejected(await file(Buffer.concat([ole, Buffer.alloc(504)])), 'not_xlsx', /inte en Excel-arbetsbok/);
    const encrypted = Buffer.concat([ole, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]);
    await expectRejected(await file(encrypted), 'corrupt', /skadad eller krypterad/, 400);
  });

  it('refuses a workbook with a VBA project', async () => {
    const parts = withParts([{ name: 'xl/vbaProject.bin', data: randomBytes(2048) }]);
    await expectRejected(await file(zip(parts)), 'macros', /innehåller makron/, 400);
  });

  it('refuses a workbook whose content types declare it macro-enabled', async () => {
    const parts = withParts([], (p) =>
      p.name === '[Content_Types].xml'
        ? {
            ...p,
            data: Buffer.from(
              String(p.data).replace(
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
                'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
              ),
            ),
          }
        : p,
    );
    expect(String(parts.find((p) => p.name === '[Content_Types].xml')?.data)).toContain('macroEnabled');
    await expectRejected(await file(zip(parts)), 'macros', /innehåller makron/);
  });

  it('refuses a workbook with an external link part', async () => {
    const parts = withParts([{ name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') }]);
    await expectRejected(await file(zip(parts)), 'external_links', /externa länkar/, 400);
  });

  it('refuses a workbook relationship that points outside the file', async () => {
    const parts = withParts([], (p) =>
      p.name === 'xl/_rels/workbook.xml.rels'
        ? {
            ...p,
            data: Buffer.from(
              String(p.data).replace(
                '</Relationships>',
                '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/hemligt.xlsx" TargetMode="External"/></Relationships>',
              ),
            ),
          }
        : p,
    );
    expect(String(parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')?.data)).toContain('TargetMode');
    await expectRejected(await file(zip(parts)), 'external_links', /externa länkar/);
  });

  it('refuses a zip bomb of 200 MB of zeros', async () => {
    const parts = withParts([{ name: 'xl/media/image1.bin', raw: zeroBomb(200) }]);
    await expectRejected(await file(zip(parts)), 'too_large', /för stor uppackad/, 413);
  });

  it('stops inflating a zip bomb whose header claims it is small, by its ratio alone', async () => {
    const parts = withParts([{ name: 'xl/media/image1.bin', raw: zeroBomb(200), declaredSize: 1000 }]);
    const error = await rejection(await file(zip(parts)), { maxInflatedBytes: 1000 * MB });
    expect(error.reason).toBe('too_large');
  });

  it('stops inflating a zip bomb whose header claims it is small, by the total cap alone', async () => {
    const parts = withParts([{ name: 'xl/media/image1.bin', raw: zeroBomb(200), declaredSize: 1000 }]);
    const error = await rejection(await file(zip(parts)), { maxRatio: Number.POSITIVE_INFINITY });
    // Without the ratio the cap is all that is left, and the cap speaks of a workbook too large.
    expect(error.reason).toBe('workbook_too_large');
    expect(error.statusCode).toBe(413);
  });

  it('counts inflated bytes itself, so a lying size header does not help', async () => {
    // Random bytes barely compress, so neither the declared size nor the ratio gives this entry away.
    const data = randomBytes(3 * MB);
    const parts = withParts([{ name: 'xl/media/image1.bin', data, declaredSize: 1000 }]);
    const error = await rejection(await file(zip(parts)), { maxInflatedBytes: 2 * MB });
    expect(error.reason).toBe('workbook_too_large');
    // The same file passes the cap when it is big enough: what failed above was the count, not the format.
    const passed = await rejection(await file(zip(parts)), { maxInflatedBytes: 10 * MB });
    expect(passed.reason).toBe('corrupt');
  });

  it('refuses a file with too many entries', async () => {
    const extra = Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from('x') }));
    const target = await file(zip(withParts(extra)));
    const error = await rejection(target, { maxEntries: 20 });
    expect(error.reason).toBe('too_many_entries');
    expect(error.statusCode).toBe(413);
    await expect(inspectXlsx(target)).resolves.toBeUndefined();
  });

  it('refuses an encrypted entry', async () => {
    const parts = withParts([{ name: 'xl/media/image1.png', data: randomBytes(64), encrypted: true }]);
    await expectRejected(await file(zip(parts)), 'corrupt', /skadad eller krypterad/, 400);
  });

  it('refuses a truncated file', async () => {
    await expectRejected(await file(goodXlsx.subarray(0, goodXlsx.length / 2)), 'corrupt', /skadad/);
  });

  it('refuses an entry that is present in the file but missing from its directory', async () => {
    const parts = [...goodParts];
    parts.splice(1, 0, { name: 'xl/vbaProject.bin', data: randomBytes(256), hidden: true });
    await expectRejected(await file(zip(parts)), 'corrupt', /skadad/);
  });

  it('refuses two entries whose names differ only in case', async () => {
    const parts = withParts([{ name: 'XL/Workbook.xml', data: Buffer.from('<workbook/>') }]);
    await expectRejected(await file(zip(parts)), 'corrupt', /skadad/);
  });

  it('refuses an entry whose data does not match its declared size', async () => {
    const parts = withParts([{ name: 'xl/media/image1.png', data: Buffer.alloc(500, 7), declaredSize: 400 }]);
    await expectRejected(await file(zip(parts)), 'corrupt', /skadad/);
  });
});

/** The good workbook with one part's text changed. */
function patched(name: string, change: (text: string) => string, extra: Part[] = []): Part[] {
  return withParts(extra, (p) => (p.name === name ? { ...p, data: Buffer.from(change(String(p.data))) } : p));
}

const SHEET_RELS = 'xl/worksheets/_rels/sheet1.xml.rels';
const OLE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject';
const VBA_TYPE = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const rels = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;

describe('inspectXlsx: links and code below the workbook', () => {
  it('refuses a worksheet-level OLE object linked to a file outside the workbook', async () => {
    expect(goodParts.some((p) => p.name === SHEET_RELS)).toBe(false);
    const parts = patched(
      'xl/worksheets/sheet1.xml',
      (xml) =>
        xml.replace(
          '</worksheet>',
          '<oleObjects><oleObject progId="Excel.Sheet.12" shapeId="1025" r:id="rId9"/></oleObjects></worksheet>',
        ),
      [
        {
          name: SHEET_RELS,
          data: Buffer.from(
            rels(
              `<Relationship Id="rId9" Type="${OLE_TYPE}" Target="file:///\\\\server\\hemligt.xlsx!Blad1" TargetMode="External"/>`,
            ),
          ),
        },
      ],
    );
    await expectRejected(await file(zip(parts)), 'external_links', /externa länkar/, 400);
  });

  it('refuses any other relationship of a sheet that points outside the file', async () => {
    const data = Buffer.from(
      rels(
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://example.com/spår.png" TargetMode="External"/>',
      ),
    );
    await expectRejected(await file(zip(withParts([{ name: SHEET_RELS, data }]))), 'external_links', /externa länkar/);
  });

  it('still refuses an external link part (xl/externalLinks)', async () => {
    const parts = withParts([{ name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: Buffer.from(rels('')) }]);
    await expectRejected(await file(zip(parts)), 'external_links', /externa länkar/);
  });

  it('accepts a sheet whose cells hold ordinary hyperlinks to web pages', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Länkar');
    sheet.addRow(['Utbildning', 'Länk']);
    sheet.addRow(['Förflyttningsteknik', { text: 'Kurs', hyperlink: 'https://example.se/kurs' }]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const parts = await unzip(buffer);
    expect(String(parts.find((p) => p.name === SHEET_RELS)?.data)).toContain('TargetMode="External"');
    await expect(inspectXlsx(await file(buffer))).resolves.toBeUndefined();
  });

  it('refuses a VBA project declared by its content type under another name', async () => {
    const parts = patched(
      '[Content_Types].xml',
      (xml) =>
        xml.replace(
          '</Types>',
          '<Override PartName="/xl/media/data.dat" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        ),
      [{ name: 'xl/media/data.dat', data: randomBytes(512) }],
    );
    await expectRejected(await file(zip(parts)), 'macros', /innehåller makron/, 400);
  });

  it('refuses a part that is an OLE compound file (a VBA project) whatever its name', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2048)]);
    const parts = withParts([{ name: 'xl/media/image1.png', data: ole }]);
    await expectRejected(await file(zip(parts)), 'macros', /innehåller makron/, 400);
  });

  it('refuses a vbaProject relationship, whatever part it points to', async () => {
    const parts = patched(
      'xl/_rels/workbook.xml.rels',
      (xml) =>
        xml.replace(
          '</Relationships>',
          `<Relationship Id="rId77" Type="${VBA_TYPE}" Target="media/x.dat"/></Relationships>`,
        ),
      [{ name: 'xl/media/x.dat', data: randomBytes(512) }],
    );
    await expectRejected(await file(zip(parts)), 'macros', /innehåller makron/);
  });
});

describe('inspectXlsx: big honest workbooks', () => {
  let big = '';
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`Kommun ${i}`, i, i * 3, 'tillsvidare', i % 7]);
    big = await file(Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  it('accepts a large sheet below the limits', async () => {
    await expect(inspectXlsx(big, { maxInflatedBytes: 20 * MB })).resolves.toBeUndefined();
  });

  it('answers "too large" (413, with the limit), not "damaged", for the same sheet above the limits', async () => {
    const error = await rejection(big, { maxInflatedBytes: MB / 2 });
    expect(error.reason).toBe('workbook_too_large');
    expect(error.statusCode).toBe(413);
    expect(error.message).toMatch(/Arbetsboken är för stor: uppackad blir den mer än 0\.5 MB/);
    expect(error.message).not.toMatch(/skadad/);
  });

  it('answers "too large" when a sheet has more hyperlinks than can be checked, not "damaged"', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Länkar');
    for (let i = 0; i < 16_000; i++) sheet.addRow([{ text: `Kurs ${i}`, hyperlink: `https://example.se/kurs/${i}` }]);
    const error = await rejection(await file(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(error.reason).toBe('workbook_too_large');
  });

  it('keeps calling a bomb a bomb', async () => {
    const parts = withParts([{ name: 'xl/media/image1.bin', raw: zeroBomb(200), declaredSize: 1000 }]);
    const error = await rejection(await file(zip(parts)));
    expect(error.reason).toBe('too_large');
    expect(error.message).toMatch(/för stor uppackad/);
  });
});

describe('sha256File', () => {
  it('hashes the file content', async () => {
    expect(await sha256File(await file('abc', 'abc.txt'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const target = await file(goodXlsx);
    expect(await sha256File(target)).toBe(createHash('sha256').update(goodXlsx).digest('hex'));
  });
});
