// Import of a link list (CSV with `;` or `,`, with or without BOM, and XLSX) and export of the catalogue, through the
// routes: a preview that writes nothing and names every error's row and column, a confirmation that creates all or
// nothing and is refused when the catalogue changed meanwhile, the limits, the export's filters and the round trip.
import { and, count, eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { TRAINING_IMPORT_LIMITS } from './trainings.contracts.ts';
import { trainingItem, trainingItemTransition } from './trainings.table.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  const a = await buildMunicipality(t.db, { name: 'Aby' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    mas: await buildUser(t.db, { role: 'mas', organisation: a }),
    employee: await buildUser(t.db, { role: 'employee', organisation: a }),
  };
  let ip = 1;
  for (const [key, u] of Object.entries(users)) cookies[key] = await t.signIn(u, `10.7.0.${ip++}`);
});
afterAll(() => t.close());

const as = (who: string | null) => t.as(who ? (cookies[who] ?? null) : null);

const HEADER = ['Titel', 'Anordnare', 'Länk', 'Beskrivning', 'Längd (min)', 'Format', 'Språk', 'Yrken', 'Ämnen'];
let counter = 0;
/** A valid row with a link of its own. */
const row = (overrides: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const n = ++counter;
  const values: Record<string, string> = {
    Titel: `Importerad utbildning ${n}`,
    Anordnare: 'Socialstyrelsen (demo)',
    Länk: `https://example.org/import/${n}`,
    Beskrivning: 'En kort beskrivning; med semikolon, och komma.',
    'Längd (min)': '30',
    Format: 'Kurs',
    Språk: 'Svenska',
    Yrken: 'Sjuksköterska; underskoterska',
    Ämnen: 'DEMENS, palliativ vard',
    ...overrides,
  };
  return HEADER.map((h) => values[h] ?? '');
};

function csv(rows: string[][], sep = ';', opts: { bom?: boolean; header?: string[] } = {}) {
  const quote = (v: string) => (/[";,\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [opts.header ?? HEADER, ...rows].map((r) => r.map(quote).join(sep)).join('\r\n');
  return Buffer.from(`${opts.bom === false ? '' : '\uFEFF'}${text}\r\n`, 'utf8');
}

async function xlsx(rows: (string | number)[][], header: string[] = HEADER) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Utbildningar');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'lista.csv', type = 'text/csv') {
  const boundary = 'kompetensnavimport';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const preview = (file: Buffer, who = 'admin', name = 'lista.csv') =>
  as(who)({ method: 'POST', url: '/api/trainings/import/preview', ...multipart(file, name) });
const confirm = (file: Buffer, token: string, status?: string, who = 'admin', name = 'lista.csv') =>
  as(who)({
    method: 'POST',
    url: `/api/trainings/import/confirm?token=${token}${status ? `&status=${status}` : ''}`,
    ...multipart(file, name),
  });

async function itemCount() {
  const [r] = await t.db.select({ n: count() }).from(trainingItem);
  return r?.n ?? 0;
}

async function itemsByLinks(links: string[]) {
  return t.db.select().from(trainingItem).where(inArray(trainingItem.url, links));
}

describe('preview and confirm', () => {
  it('reads a Swedish Excel CSV (`;`, BOM), writes nothing on preview and creates every row as suggested on confirm', async () => {
    const rows = [row(), row({ Yrken: 'sjukskoterska', Ämnen: '' }), row({ Format: 'video', Språk: 'engelska' })];
    const file = csv(rows);
    const before = await itemCount();
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      fileName: 'lista.csv',
      fileType: 'csv',
      separator: ';',
      errors: [],
      counts: { total: 3, new: 3, exists: 0, errors: 0 },
    });
    expect(body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
    ]);
    expect(body.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await itemCount()).toBe(before);

    const done = await confirm(file, body.token);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ created: 3, skipped: 0, status: 'suggested' });
    const items = await itemsByLinks(rows.map((r) => r[2] as string));
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.status === 'suggested' && i.lastReviewedAt === null)).toBe(true);
    const first = items.find((i) => i.url === rows[0]?.[2]);
    expect(first).toMatchObject({ format: 'course', language: 'sv', lengthMinutes: 30 });
    expect(first?.description).toBe('En kort beskrivning; med semikolon, och komma.');
    expect(items.find((i) => i.url === rows[2]?.[2])).toMatchObject({ format: 'video', language: 'en' });

    // Professions and topics by name or key, whatever the case and accents; in the review queue with a history.
    const review = await as('admin')({ method: 'GET', url: '/api/trainings/review?status=suggested' });
    const shown = review.json().items.find((i: { url: string }) => i.url === rows[0]?.[2]);
    expect(shown.professions.sort()).toEqual(['sjukskoterska', 'underskoterska']);
    expect(shown.topics.map((x: { key: string }) => x.key).sort()).toEqual(['demens', 'palliativ-vard']);
    expect(shown.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'suggested', comment: 'Importerad från lista.csv' }),
    ]);
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, 'training_item.import'),
          inArray(
            auditEvent.entityId,
            items.map((i) => i.id),
          ),
        ),
      );
    expect(events).toHaveLength(3);
  });

  it('reads a CSV with `,` and no BOM, and imports as approved when the admin chooses so', async () => {
    const rows = [row({ Titel: 'Komma, och "citat"' }), row()];
    const file = csv(rows, ',', { bom: false });
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ separator: ',', counts: { new: 2, errors: 0 } });
    expect(res.json().rows[0].title).toBe('Komma, och "citat"');
    const done = await confirm(file, res.json().token, 'approved');
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ created: 2, skipped: 0, status: 'approved' });
    const items = await itemsByLinks(rows.map((r) => r[2] as string));
    expect(items.every((i) => i.status === 'approved' && i.lastReviewedAt !== null)).toBe(true);
    const publicPage = await as(null)({ method: 'GET', url: '/api/public/trainings?q=citat' });
    expect(publicPage.json().items.map((i: { title: string }) => i.title)).toContain('Komma, och "citat"');
  });

  it('reads an XLSX (numbers as numbers) and imports it', async () => {
    const a = row();
    const b = row();
    const file = await xlsx([
      [...a.slice(0, 4), 45, ...a.slice(5)],
      [...b.slice(0, 4), 10, ...b.slice(5)],
    ]);
    const res = await preview(file, 'admin', 'lista.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fileType: 'xlsx', separator: null, counts: { new: 2 }, errors: [] });
    const done = await confirm(file, res.json().token, undefined, 'admin', 'lista.xlsx');
    expect(done.statusCode, done.body).toBe(201);
    const items = await itemsByLinks([a[2] as string, b[2] as string]);
    expect(items.map((i) => i.lengthMinutes).sort()).toEqual([10, 45]);
  });

  it('names the row and column of every kind of cell error', async () => {
    const rows = [
      row({ Titel: '' }),
      row({ Anordnare: '' }),
      row({ Länk: 'ftp://example.org/fil' }),
      row({ Länk: '' }),
      row({ 'Längd (min)': 'en halvtimme' }),
      row({ 'Längd (min)': '0' }),
      row({ 'Längd (min)': '12,5' }),
      row({ 'Längd (min)': '' }),
      row({ Format: 'Film' }),
      row({ Språk: 'Finska' }),
      row({ Yrken: 'Sjuksköterska; Läkare' }),
      row({ Yrken: '' }),
      row({ Ämnen: 'Demens; Astrologi' }),
      row({ Titel: 'x'.repeat(201) }),
      row({ Beskrivning: 'y'.repeat(2001) }),
      row(),
    ];
    const res = await preview(csv(rows));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.token).toBeNull();
    expect(body.counts).toEqual({ total: 16, new: 1, exists: 0, errors: 15 });
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 2, kolumn Titel: ange en titel.',
      'Rad 3, kolumn Anordnare: ange vem som ger utbildningen.',
      'Rad 4, kolumn Länk: ange en fullständig webbadress som börjar med https:// eller http://.',
      'Rad 5, kolumn Länk: ange länken.',
      'Rad 6, kolumn Längd (min): ”en halvtimme” är inget antal minuter. Ange hela minuter, till exempel 30.',
      'Rad 7, kolumn Längd (min): längden måste vara minst 1 minut.',
      'Rad 8, kolumn Längd (min): ange hela minuter.',
      'Rad 9, kolumn Längd (min): ange längden i hela minuter, till exempel 30.',
      'Rad 10, kolumn Format: okänd form ”Film”. Ange en av: Video, Kurs, Podd, Dokument.',
      'Rad 11, kolumn Språk: okänt språk ”Finska”. Ange en av: Svenska, Engelska, Annat språk.',
      expect.stringMatching(/^Rad 12, kolumn Yrken: okänt yrke ”Läkare”\. Ange yrken ur listan \(Sjuksköterska, /),
      'Rad 13, kolumn Yrken: välj minst ett yrke.',
      'Rad 14, kolumn Ämnen: okänt ämne ”Astrologi”. Ange ämnen ur regionens lista (namn eller nyckel).',
      'Rad 15, kolumn Titel: högst 200 tecken.',
      'Rad 16, kolumn Beskrivning: högst 2000 tecken.',
    ]);
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'Titel' });
    // Rows are numbered as Excel numbers them: blank lines and line breaks within a quoted cell count as in Excel.
    const gapped = csv([row({ Beskrivning: 'två\nrader' }), HEADER.map(() => ''), [''], row({ Format: 'Film' })]);
    const numbered = (await preview(gapped)).json();
    expect(numbered.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 5, kolumn Format: okänd form ”Film”. Ange en av: Video, Kurs, Podd, Dokument.',
    ]);
    // Each error also sits beside its row.
    expect(body.rows[4]).toMatchObject({
      row: 6,
      outcome: 'error',
      errors: [expect.objectContaining({ column: 'Längd (min)' })],
    });
    expect(body.rows[15]).toMatchObject({ row: 17, outcome: 'new', errors: [] });
  });

  it('names missing, unknown and repeated columns in the header row, and an empty file', async () => {
    const header = ['Titel', 'Anordnare', 'Länk', 'Längd (min)', 'Format', 'Språk', 'Kommentar', 'titel'];
    const res = await preview(
      csv([['a', 'b', 'https://example.org/x', '5', 'Kurs', 'Svenska', '', 'c']], ';', { header }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 1, kolumn Kommentar: okänd kolumn. Kolumnerna heter Titel, Anordnare, Länk, Beskrivning, Längd (min), Format, Språk, Yrken, Ämnen (se mallen).',
      'Rad 1, kolumn titel: kolumnen finns två gånger.',
      'Rad 1, kolumn Yrken: kolumnen saknas i filen (se mallen).',
    ]);
    expect(res.json().rows).toEqual([]);
    const empty = await preview(csv([]));
    expect(empty.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 2: filen har inga utbildningar under rubrikraden.',
    ]);
    // Headers are matched without regard to case or accents, and by the other names people use.
    const loose = ['titel', 'LEVERANTÖR', 'url', 'beskrivning', 'langd', 'form', 'sprak', 'yrke', 'amnen'];
    const ok = await preview(csv([row()], ';', { header: loose }));
    expect(ok.json()).toMatchObject({ errors: [], counts: { new: 1 } });
  });

  it('skips links already in the catalogue (however written) and refuses the same link twice in the file', async () => {
    const existing = await as('admin')({
      method: 'POST',
      url: '/api/trainings/items',
      payload: {
        title: 'Redan i katalogen',
        provider: 'Demo',
        url: 'https://example.org/finns-redan',
        lengthMinutes: 15,
        format: 'video',
        language: 'sv',
        professions: ['sjukskoterska'],
      },
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const twice = row();
    const rows = [
      row({ Länk: 'https://WWW.example.org/finns-redan/?utm_source=nyhetsbrev#start' }),
      twice,
      row(),
      row({ Länk: `${twice[2]}/` }),
    ];
    const res = await preview(csv(rows));
    const body = res.json();
    expect(body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['exists', 'new', 'new', 'error']);
    expect(body.rows[0].existingTitle).toBe('Redan i katalogen');
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 5, kolumn Länk: samma länk som rad 3. En länk kan bara finnas en gång.',
    ]);
    expect(body.token).toBeNull();

    // Without the repeated row: the existing link is skipped, the rest created; the same file again changes nothing.
    const fixed = csv(rows.slice(0, 3));
    const again = await preview(fixed);
    expect(again.json().counts).toEqual({ total: 3, new: 2, exists: 1, errors: 0 });
    const done = await confirm(fixed, again.json().token);
    expect(done.json()).toEqual({ created: 2, skipped: 1, status: 'suggested' });
    const third = await preview(fixed);
    expect(third.json()).toMatchObject({ counts: { new: 0, exists: 3 }, token: null });
    const [one] = await t.db
      .select({ n: count() })
      .from(trainingItem)
      .where(like(trainingItem.urlKey, 'example.org/finns-redan%'));
    expect(one?.n).toBe(1);
  });

  it('creates nothing when one row is wrong (422 naming the cell), even with a token from a good file', async () => {
    const good = [row(), row()];
    const goodToken = (await preview(csv(good))).json().token as string;
    const before = await itemCount();
    const bad = csv([...good, row({ Språk: 'Klingonska' })]);
    const res = await confirm(bad, goodToken);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'import_rejected',
      fields: [{ path: '4.Språk', message: expect.stringMatching(/^Rad 4, kolumn Språk: okänt språk/) }],
    });
    expect(await itemCount()).toBe(before);
  });

  it('refuses the confirmation when the catalogue changed after the preview, or the file is another', async () => {
    const rows = [row(), row(), row()];
    const file = csv(rows);
    const token = (await preview(file)).json().token as string;
    // Someone suggests one of the file's links meanwhile.
    const meanwhile = await as('employee')({
      method: 'POST',
      url: '/api/trainings/items',
      payload: {
        title: 'Hann före',
        provider: 'Demo',
        url: rows[1]?.[2],
        lengthMinutes: 15,
        format: 'video',
        language: 'sv',
        professions: ['sjukskoterska'],
      },
    });
    expect(meanwhile.statusCode).toBe(201);
    const before = await itemCount();
    const res = await confirm(file, token);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toMatch(/ändrats sedan förhandsgranskningen/);
    expect(await itemCount()).toBe(before);

    const other = csv([row()]);
    const wrong = await confirm(other, (await preview(file)).json().token);
    expect(wrong.statusCode).toBe(409);
    const missing = await as('admin')({ method: 'POST', url: '/api/trainings/import/confirm', ...multipart(other) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('token');
  });

  it('lets only the regional admin import', async () => {
    const file = csv([row()]);
    expect((await preview(file, 'mas')).statusCode).toBe(403);
    expect((await preview(file, 'employee')).statusCode).toBe(403);
    const token = (await preview(file)).json().token as string;
    expect((await confirm(file, token, undefined, 'mas')).statusCode).toBe(403);
    expect(
      (await as(null)({ method: 'POST', url: '/api/trainings/import/preview', ...multipart(file) })).statusCode,
    ).toBe(401);
  });
});

describe('limits and refused files', () => {
  it('refuses a file over the size limit (413), too many rows (413) and anything neither CSV nor XLSX (415)', async () => {
    const big = Buffer.alloc(TRAINING_IMPORT_LIMITS.uploadBytes + 1, 'a');
    const tooBig = await preview(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/för stor/);

    const many = Array.from({ length: TRAINING_IMPORT_LIMITS.rows + 1 }, (_, i) => [
      `T${i}`,
      'A',
      `https://example.org/m/${i}`,
      '',
      '5',
      'Kurs',
      'Svenska',
      'sjukskoterska',
      '',
    ]);
    const tooMany = await preview(csv(many));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.message).toMatch(/för många rader.*5\s000/);
    const manyXlsx = await preview(await xlsx(many), 'admin', 'lista.xlsx');
    expect(manyXlsx.statusCode).toBe(413);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const image = await preview(png, 'admin', 'lista.csv');
    expect(image.statusCode).toBe(415);
    const latin1 = Buffer.from(
      `${HEADER.join(';')}\r\nKörning;A;https://example.org/l;;5;Kurs;Svenska;sjukskoterska;\r\n`,
      'latin1',
    );
    const notUtf8 = await preview(latin1);
    expect(notUtf8.statusCode).toBe(415);
    expect(notUtf8.json().error.message).toMatch(/UTF-8/);
    const fakeXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await preview(fakeXlsx, 'admin', 'lista.xlsx')).statusCode).toBeGreaterThanOrEqual(400);
    const noFile = await as('admin')({ method: 'POST', url: '/api/trainings/import/preview', payload: {} });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('export', () => {
  let approvedLinks: string[] = [];

  beforeAll(async () => {
    const rows = [
      row({ Titel: 'Exportprov fysio', Yrken: 'fysioterapeut', Ämnen: 'Fallprevention', Format: 'Video' }),
      row({ Titel: '=HYPERLINK("http://elak.example")', Yrken: 'fysioterapeut', Ämnen: '' }),
      row({ Titel: 'Exportprov sköterska', Yrken: 'sjukskoterska', Ämnen: 'Läkemedel; Demens' }),
    ];
    const file = csv(rows);
    const done = await confirm(file, (await preview(file)).json().token, 'approved');
    expect(done.statusCode, done.body).toBe(201);
    approvedLinks = rows.map((r) => r[2] as string);
  });

  it('downloads the public catalogue as filtered, approved items only, as CSV for Swedish Excel', async () => {
    const res = await as(null)({
      method: 'GET',
      url: '/api/public/trainings/export?file=csv&profession=fysioterapeut',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="webbutbildningar-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFFTitel;Anordnare;Länk;Beskrivning;Längd (min);Format;Språk;Yrken;Ämnen\r\n')).toBe(
      true,
    );
    expect(res.body).toContain('Exportprov fysio;');
    expect(res.body).not.toContain('Exportprov sköterska');
    // A title that a spreadsheet would take for a formula is written as text.
    expect(res.body).toContain(`"'=HYPERLINK(""http://elak.example"")"`);
    // Suggested items are not public.
    const suggested = await itemsByLinks([]);
    expect(suggested).toEqual([]);
    const [anySuggested] = await t.db.select().from(trainingItem).where(eq(trainingItem.status, 'suggested')).limit(1);
    expect(res.body).not.toContain(anySuggested?.url ?? 'none');

    const filtered = await as(null)({
      method: 'GET',
      url: '/api/public/trainings/export?file=csv&topic=fallprevention&format=video',
    });
    const lines = filtered.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Exportprov fysio;/);
    expect(lines[1]).toContain(';Video;Svenska;Fysioterapeut;Fallprevention');
  });

  it('downloads XLSX without formulas', async () => {
    const res = await as(null)({ method: 'GET', url: '/api/public/trainings/export?q=exportprov' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet?.rowCount).toBe(3);
    let formulas = 0;
    sheet?.eachRow((r) => r.eachCell((c) => void (c.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
  });

  it('gives reviewers the whole catalogue with status and last review date', async () => {
    const res = await as('mas')({ method: 'GET', url: '/api/trainings/export?file=csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(';')};Status;Senast granskad`);
    expect(res.body).toMatch(/;föreslagen;\r\n/);
    expect(res.body).toMatch(/Exportprov fysio;.*;godkänd;\d{4}-\d{2}-\d{2}\r\n/);
    const suggestedOnly = await as('mas')({ method: 'GET', url: '/api/trainings/export?file=csv&status=suggested' });
    expect(suggestedOnly.body).not.toContain('godkänd');
    expect(suggestedOnly.headers['content-disposition']).toContain('webbutbildningar-f%C3%B6reslagen');
    expect((await as('employee')({ method: 'GET', url: '/api/trainings/export' })).statusCode).toBe(403);
  });

  it('offers the template with the columns, and on a second XLSX sheet the allowed values', async () => {
    const res = await as('admin')({ method: 'GET', url: '/api/trainings/import/template?file=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(`\uFEFF${HEADER.join(';')}\r\n`);
    const book = await as('admin')({ method: 'GET', url: '/api/trainings/import/template' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Utbildningar', 'Instruktioner']);
    const help = workbook.worksheets[1];
    expect(String(help?.getRow(9).getCell(4).value)).toContain('Sjuksköterska (sjukskoterska)');
    // The template itself is a valid (empty) list.
    const empty = await preview(Buffer.from(book.rawPayload), 'admin', 'mall.xlsx');
    expect(empty.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Rad 2: filen har inga utbildningar under rubrikraden.',
    ]);
  });

  for (const file of ['csv', 'xlsx'] as const) {
    it(`imports its own ${file} export again with the same fields (round trip)`, async () => {
      const exported = await as(null)({ method: 'GET', url: `/api/public/trainings/export?file=${file}&q=exportprov` });
      const hyperlink = await as(null)({ method: 'GET', url: `/api/public/trainings/export?file=${file}&q=hyperlink` });
      expect(exported.statusCode).toBe(200);
      const originals = await itemsByLinks(approvedLinks);
      const review = (await as('admin')({ method: 'GET', url: '/api/trainings/review?status=approved' })).json();
      const labelsOf = (url: string) => {
        const i = review.items.find((x: { url: string }) => x.url === url);
        return { professions: [...i.professions].sort(), topics: i.topics.map((x: { key: string }) => x.key).sort() };
      };
      const before = new Map(originals.map((o) => [o.url, { ...o, ...labelsOf(o.url) }]));
      // Every link is in the catalogue: all skipped.
      const same = await preview(Buffer.from(exported.rawPayload), 'admin', `export.${file}`);
      expect(same.json()).toMatchObject({ errors: [], counts: { total: 2, exists: 2, new: 0 } });

      // Removed from the catalogue, the export brings them back as they were.
      for (const o of originals) {
        await as('admin')({
          method: 'POST',
          url: `/api/trainings/items/${o.id}/transitions`,
          payload: { status: 'removed' },
        });
      }
      for (const payload of [exported, hyperlink]) {
        const again = await preview(Buffer.from(payload.rawPayload), 'admin', `export.${file}`);
        expect(again.json(), again.body).toMatchObject({ errors: [], counts: { new: payload === exported ? 2 : 1 } });
        const done = await confirm(
          Buffer.from(payload.rawPayload),
          again.json().token,
          'approved',
          'admin',
          `export.${file}`,
        );
        expect(done.statusCode, done.body).toBe(201);
      }
      const restored = (await itemsByLinks(approvedLinks)).filter((i) => i.status === 'approved');
      expect(restored).toHaveLength(3);
      const review2 = (await as('admin')({ method: 'GET', url: '/api/trainings/review?status=approved' })).json();
      for (const item of restored) {
        const was = before.get(item.url);
        const i = review2.items.find((x: { id: string }) => x.id === item.id);
        expect({
          title: item.title,
          provider: item.provider,
          description: item.description,
          lengthMinutes: item.lengthMinutes,
          format: item.format,
          language: item.language,
          professions: [...i.professions].sort(),
          topics: i.topics.map((x: { key: string }) => x.key).sort(),
        }).toEqual({
          title: was?.title,
          provider: was?.provider,
          description: was?.description,
          lengthMinutes: was?.lengthMinutes,
          format: was?.format,
          language: was?.language,
          professions: was?.professions,
          topics: was?.topics,
        });
      }
      expect(restored.map((r) => r.title)).toContain('=HYPERLINK("http://elak.example")');
      const history = await t.db
        .select()
        .from(trainingItemTransition)
        .where(
          inArray(
            trainingItemTransition.itemId,
            restored.map((r) => r.id),
          ),
        );
      expect(history.every((h) => h.toStatus === 'approved' && h.comment === `Importerad från export.${file}`)).toBe(
        true,
      );
    });
  }
});
