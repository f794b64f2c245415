// The Excel round trip through the API: download the template, change it as a user would, upload, preview,
// confirm. Bad cells, duplicates, oversized files, zip bombs, macros and wrong types change nothing.
// Exports carry no formulas.
import { deflateRawSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { staffingFact, staffingReport } from '../staffing.table.ts';
import { generateFacts } from '../staffing-generator.ts';
import { type Fact, factKey } from '../staffing-measures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let a: Organisation;
let b: Organisation;
let admin = '';
let reporterA = '';
let periodId = '';
const facts = generateFacts(defaultStaffingConfig(), { inhabitants: 25_000, specialistLevel: 0.3, seed: 5 }, 0);
const factValue = (list: Fact[], key: string) => list.find((f) => factKey(f) === key)?.value ?? null;

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Alby', code: '8801' });
  b = await buildMunicipality(t.db, { name: 'Bjärke', code: '8802' });
  admin = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.3.0.1');
  reporterA = await t.signIn(await buildUser(t.db, { role: 'reporter', organisation: a }), '10.3.0.2');
  const period = await t.as(admin)({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: { label: 'Import 2026', referenceDate: '2026-11-01', deadline: '2026-12-15' },
  });
  periodId = period.json().id;
  await t.as(reporterA)({
    method: 'PUT',
    url: `/api/staffing/periods/${periodId}/reports/${a.id}/facts`,
    payload: { facts },
  });
});
afterAll(() => t.close());

async function template(cookie: string, municipalityId?: string): Promise<Buffer> {
  const query = municipalityId ? `?municipalityId=${municipalityId}` : '';
  const res = await t.as(cookie)({ method: 'GET', url: `/api/staffing/periods/${periodId}/template${query}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  return res.rawPayload;
}

/** Opens a workbook, sets values by fact key for a municipality code, and saves it. */
async function edit(buffer: Buffer, code: string, values: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  for (const [key, value] of Object.entries(values)) {
    const profession = key.split('.')[0];
    const sheet = workbook.worksheets.find((s) => s.getCell('A1').value === `profession:${profession}`);
    if (!sheet) throw new Error(`no sheet for ${profession}`);
    let row = 0;
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === key) row = r;
    let column = 0;
    sheet.getRow(2).eachCell((cell, c) => {
      if (String(cell.value) === code) column = c;
    });
    if (!row || !column) throw new Error(`no cell for ${key} / ${code}`);
    sheet.getRow(row).getCell(column).value = value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (cookie: string, body: Buffer, contentType = XLSX) =>
  t.as(cookie)({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/imports`,
    headers: { 'content-type': contentType },
    payload: body,
  });

const factsOfA = async () =>
  (await t.db.select().from(staffingFact).where(eq(staffingFact.municipalityId, a.id))).map((f) => ({
    ...f,
    value: Number(f.value),
  }));

describe('a good file', () => {
  it('previews every change old → new, applies it on confirmation, and audits it', async () => {
    const headcount = factValue(facts, 'sjukskoterska.headcount') as number;
    const bands = facts.filter((f) => f.profession === 'sjukskoterska' && f.measure === 'age_headcount');
    const youngest = factValue(facts, 'sjukskoterska.age_headcount.age_0_29') as number;
    const file = await edit(await template(reporterA), '8801', {
      'sjukskoterska.headcount': headcount + 1,
      'sjukskoterska.age_headcount.age_0_29': youngest + 1,
      'sjukskoterska.headcount_permanent': (factValue(facts, 'sjukskoterska.headcount_permanent') as number) + 1,
      'context.inhabitants': 25_555,
    });
    expect(bands.length).toBe(6);
    const res = await upload(reporterA, file);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.status).toBe('pending');
    const byKey = Object.fromEntries(preview.changes.map((c: { key: string }) => [c.key, c]));
    expect(byKey['sjukskoterska.headcount']).toMatchObject({
      old: headcount,
      new: headcount + 1,
      municipalityName: 'Alby',
    });
    expect(byKey['sjukskoterska.headcount'].sheet).toBe('Sjuksköterska');
    expect(byKey['sjukskoterska.headcount'].cell).toMatch(/^[A-Z]+[0-9]+$/);
    expect(byKey['context.inhabitants']).toMatchObject({ new: 25_555 });
    expect(preview.changes).toHaveLength(4);
    // Nothing is applied before confirmation.
    expect(factValue(await factsOfA(), 'sjukskoterska.headcount')).toBe(headcount);

    const confirmed = await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${preview.id}/confirm` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('applied');
    expect(factValue(await factsOfA(), 'sjukskoterska.headcount')).toBe(headcount + 1);
    expect(factValue(await factsOfA(), 'context.inhabitants')).toBe(25_555);
    const again = await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${preview.id}/confirm` });
    expect(again.statusCode).toBe(409);
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, preview.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['staffing_import.upload', 'staffing_import.apply']);
  });

  it('the same file twice changes nothing', async () => {
    const file = await template(reporterA);
    const before = await t.db.select().from(staffingReport).where(eq(staffingReport.municipalityId, a.id));
    const factsBefore = await factsOfA();
    const res = await upload(reporterA, file);
    expect(res.statusCode).toBe(201);
    expect(res.json().changes).toEqual([]);
    expect(res.json().unchangedCount).toBe(factsBefore.length);
    await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${res.json().id}/confirm` });
    const second = await upload(reporterA, file);
    expect(second.json().changes).toEqual([]);
    await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${second.json().id}/confirm` });
    const after = await t.db.select().from(staffingReport).where(eq(staffingReport.municipalityId, a.id));
    expect(after[0]?.updatedAt.getTime()).toBe(before[0]?.updatedAt.getTime());
    expect(await factsOfA()).toEqual(factsBefore);
  });

  it('a discarded preview is never applied', async () => {
    const file = await edit(await template(reporterA), '8801', { 'context.inhabitants': 30_000 });
    const res = await upload(reporterA, file);
    const discarded = await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${res.json().id}/discard` });
    expect(discarded.json().status).toBe('discarded');
    expect(
      (await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${res.json().id}/confirm` })).statusCode,
    ).toBe(409);
    expect(factValue(await factsOfA(), 'context.inhabitants')).not.toBe(30_000);
  });

  it('refuses to confirm a preview when the report changed in between', async () => {
    const file = await edit(await template(reporterA), '8801', { 'context.inhabitants': 31_000 });
    const res = await upload(reporterA, file);
    const current = await factsOfA();
    const changed = current.map(({ measure, profession, breakdown, value }) => ({
      measure,
      profession,
      breakdown,
      value: factKey({ measure, profession, breakdown }) === 'context.inhabitants_65_79' ? value + 1 : value,
    }));
    await t.as(reporterA)({
      method: 'PUT',
      url: `/api/staffing/periods/${periodId}/reports/${a.id}/facts`,
      payload: { facts: changed },
    });
    const confirm = await t.as(reporterA)({ method: 'POST', url: `/api/staffing/imports/${res.json().id}/confirm` });
    expect(confirm.statusCode).toBe(409);
    expect(factValue(await factsOfA(), 'context.inhabitants')).not.toBe(31_000);
  });
  it('applies a workbook of several municipalities at once: values set and emptied, new reports created as drafts', async () => {
    const factsB = generateFacts(defaultStaffingConfig(), { inhabitants: 9_000, specialistLevel: 0.1, seed: 8 }, 0);
    const emptied = facts.find(
      (f) => f.profession === 'sjukskoterska' && f.breakdown !== '' && f.measure !== 'age_headcount',
    );
    if (!emptied) throw new Error('the generated facts have no breakdown to empty');
    const before = await factsOfA();
    const inhabitantsA = (factValue(before, 'context.inhabitants') as number) + 7;
    let file = await edit(await template(admin), '8801', {
      'context.inhabitants': inhabitantsA,
      [factKey(emptied)]: null,
    });
    file = await edit(file, '8802', Object.fromEntries(factsB.map((f) => [factKey(f), f.value])));
    const res = await upload(admin, file);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.changes).toHaveLength(2 + factsB.length);
    expect(preview.changes.find((c: { key: string }) => c.key === factKey(emptied))).toMatchObject({
      old: emptied.value,
      new: null,
    });
    const confirmed = await t.as(admin)({ method: 'POST', url: `/api/staffing/imports/${preview.id}/confirm` });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const afterA = await factsOfA();
    expect(afterA).toHaveLength(before.length - 1);
    expect(factValue(afterA, factKey(emptied))).toBeNull();
    expect(factValue(afterA, 'context.inhabitants')).toBe(inhabitantsA);
    const storedB = (await t.db.select().from(staffingFact).where(eq(staffingFact.municipalityId, b.id)))
      .map((f) => `${factKey(f)}=${Number(f.value)}`)
      .sort();
    expect(storedB).toEqual(factsB.map((f) => `${factKey(f)}=${f.value}`).sort());
    const [reportB] = await t.db.select().from(staffingReport).where(eq(staffingReport.municipalityId, b.id));
    expect(reportB?.status).toBe('draft');
    const saves = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'staffing_report.save'));
    expect(saves.filter((e) => e.entityId === `${periodId}/${b.id}`)).toHaveLength(1);
    const history = await t.as(admin)({ method: 'GET', url: `/api/staffing/periods/${periodId}/reports/${b.id}` });
    expect(history.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft']);
  });
});

describe('bad cells', () => {
  const cases: [string, Record<string, ExcelJS.CellValue>, RegExp][] = [
    ['text', { 'sjukskoterska.fulltime_headcount': 'många' }, /Ange ett tal/],
    ['a negative number', { 'sjukskoterska.fulltime_headcount': -3 }, /negativ/],
    ['a decimal count of persons', { 'sjukskoterska.fulltime_headcount': 2.5 }, /heltal/],
    ['more than two decimals', { 'sjukskoterska.contracted_fte': 10.123 }, /decimal/],
    ['age bands that do not add up', { 'sjukskoterska.age_headcount.age_30_39': 999 }, /Åldersgrupperna/],
    ['worked FTE above the headcount', { 'sjukskoterska.worked_fte': 100_000 }, /antal anställda/],
  ];
  for (const [name, values, message] of cases) {
    it(`rejects ${name} by sheet, cell and reason, and applies nothing`, async () => {
      const before = await factsOfA();
      const res = await upload(reporterA, await edit(await template(reporterA), '8801', values));
      expect(res.statusCode, res.body).toBe(422);
      const fields = res.json().error.fields as { path: string; message: string }[];
      expect(fields.length).toBeGreaterThan(0);
      expect(fields[0]?.path).toMatch(/^Sjuksköterska![A-Z]+[0-9]+$/);
      expect(fields.map((f) => f.message).join(' ')).toMatch(message);
      expect(await factsOfA()).toEqual(before);
    });
  }

  it("rejects another municipality's column for a reporter", async () => {
    const res = await upload(reporterA, await template(admin));
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.fields.map((f: { message: string }) => f.message)
        .join(' '),
    ).toMatch(/Bjärke/);
  });

  it('rejects changes to a submitted report and names the municipality', async () => {
    const period = await t.as(admin)({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: 'Låst 2026', referenceDate: '2026-10-01', deadline: '2026-12-01' },
    });
    const locked = period.json().id;
    await t.as(admin)({
      method: 'POST',
      url: `/api/staffing/periods/${locked}/reports/${b.id}/submission`,
      payload: { facts },
    });
    const file = await t.as(admin)({
      method: 'GET',
      url: `/api/staffing/periods/${locked}/template?municipalityId=${b.id}`,
    });
    const inhabitants = factValue(facts, 'context.inhabitants') as number;
    const changed = await edit(file.rawPayload, '8802', { 'context.inhabitants': inhabitants + 1000 });
    const res = await t.as(admin)({
      method: 'POST',
      url: `/api/staffing/periods/${locked}/imports`,
      headers: { 'content-type': XLSX },
      payload: changed,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].message).toMatch(/Bjärke: rapporten är inskickad/);
  });
});

describe('bad files', () => {
  it('refuses a file over 10 MB with 413 while it arrives', async () => {
    const res = await upload(reporterA, Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(res.statusCode).toBe(413);
  });

  it('refuses a file that is not a workbook (a CSV renamed)', async () => {
    const res = await upload(reporterA, Buffer.from('kommun;antal\nAlby;3\n'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/Excel/);
  });

  it('refuses a workbook with macros', async () => {
    const res = await upload(
      reporterA,
      zip([...minimalWorkbookEntries(), ['xl/vbaProject.bin', Buffer.from('macro')]]),
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(/makro/i);
  });

  it('refuses a zip bomb while inflating it', async () => {
    // 40 MB of zeros deflate to ~40 kB: refused by its compression ratio long before the total cap.
    const bomb = Buffer.alloc(40 * 1024 * 1024, 0);
    const res = await upload(reporterA, zip([...minimalWorkbookEntries(), ['xl/worksheets/sheet9.xml', bomb]]));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(/uppackad|för stor/i);
  });

  it('accepts the same upload as multipart/form-data (the browser way)', async () => {
    const file = await template(reporterA);
    const boundary = 'kompetensnavboundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bemanning.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await upload(reporterA, body, `multipart/form-data; boundary=${boundary}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe('bemanning.xlsx');
  });
});

describe('integrations', () => {
  it('a token with reporter scope imports the workbook and submits in one call (a nightly HR export)', async () => {
    const created = await t.as(admin)({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'HR-export Bjärke', organisationId: b.id, roles: ['reporter'] },
    });
    const bearer = `Bearer ${created.json().token}`;
    const period = await t.as(admin)({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: 'Natt 2026', referenceDate: '2026-09-01', deadline: '2026-12-31' },
    });
    const night = period.json().id;
    await t.as(admin)({
      method: 'PUT',
      url: `/api/staffing/periods/${night}/reports/${b.id}/facts`,
      payload: { facts },
    });
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/staffing/periods/${night}/template`,
      headers: { authorization: bearer },
    });
    expect(file.statusCode).toBe(200);
    const changed = await edit(file.rawPayload, '8802', { 'sjukskoterska.fulltime_headcount': 1 });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staffing/periods/${night}/imports?confirm=true&submit=true`,
      headers: { authorization: bearer, 'content-type': XLSX, 'x-file-name': 'hr-export.xlsx' },
      payload: changed,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('applied');
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/staffing/periods/${night}/reports/${b.id}`,
      headers: { authorization: bearer },
    });
    expect(report.json().status).toBe('submitted');
    expect(factValue(report.json().facts, 'sjukskoterska.fulltime_headcount')).toBe(1);
  });
});

describe('exports', () => {
  it('writes no formulas: a municipality named like a formula is text in XLSX and prefixed in CSV', async () => {
    const evil = await buildMunicipality(t.db, { name: '=HYPERLINK("http://example.invalid","x")', code: '8803' });
    await t.as(admin)({
      method: 'POST',
      url: `/api/staffing/periods/${periodId}/reports/${evil.id}/submission`,
      payload: { facts },
    });
    const xlsx = await t.as(admin)({
      method: 'GET',
      url: `/api/staffing/comparison/export?periodId=${periodId}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      names.push(row.getCell(1).value);
      row.eachCell((cell) => expect(cell.formula).toBeUndefined());
    });
    expect(names).toContain('=HYPERLINK("http://example.invalid","x")');
    expect(xlsx.rawPayload.includes(Buffer.from('<f>'))).toBe(false);
    const csv = await t.as(admin)({
      method: 'GET',
      url: `/api/staffing/comparison/export?periodId=${periodId}&format=csv`,
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });
});

// ---- a minimal OOXML zip, written by hand so the tests control every entry --------------------------------------

function minimalWorkbookEntries(): [string, Buffer][] {
  return [
    [
      '[Content_Types].xml',
      Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    ],
    [
      'xl/workbook.xml',
      Buffer.from(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      ),
    ],
  ];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflated zip archive of the entries (local headers, central directory, end record). */
function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
