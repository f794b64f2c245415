// The region report end to end on the embedded database: a steering member of the demo region asks for the report of
// a period with 15 approved reports, follows it to done and downloads both files; the PDF names every municipality
// and measure on the pages the structure predicts, "DEMODATA" on each; a report of large municipalities without small
// counts has XLSX totals equal to the sums of their rows, and no "DEMODATA" when the server is not a demo. Also the
// refusals (400, 403, 404, 409), the claim, stale rows, retention and the audit event.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../../tests/support/test-app.ts';
import { SERVER_MODULES } from '../../../app/server-modules.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { user } from '../../../platform/server/auth.table.ts';
import { backupDatabase, restoreDatabase } from '../../../platform/server/backup.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, seedDemo } from '../../../platform/server/demo.ts';
import { buildMunicipality, buildUser } from '../../../platform/server/factories.ts';
import { ReadCache } from '../../../platform/server/read-cache.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { staffingRegionReport } from '../region-report.table.ts';
import { staffingPeriod } from '../staffing.table.ts';
import { generateFacts } from '../staffing-generator.ts';
import { CONTEXT_MEASURES, MEASURES, RATIO_DEFS } from '../staffing-measures.ts';
import { REGION_REPORT_KEEP, REGION_REPORT_STALE_MINUTES } from './region-report.contracts.ts';
import { createRegionReportRunner, loadReportModel, type Render, renderInThread } from './region-report.service.ts';

/** The report's sections (issue 20: key ratios per profession with nurses' specialist share first, region-level
 * breakdowns, trends, the forecast's supply side), each a level-1 heading of the tagged PDF. */

const SECTIONS = [
  'Sammanfattning',
  'Sjuksköterska: andel med specialistutbildning',
  'Nyckeltal per yrke',
  'Befolkning och inskrivna patienter',
  'Personal per kommun och yrke',
  'Nyckeltal per kommun',
  'Nyckeltal i diagram',
  'Fördelningar i regionen',
  'Utveckling över tid',
  'Prognos: rekryteringsbehov',
  'Prognos: tillgång på personal',
  'Prognos per yrke och år',
  'Prognos per kommun',
  'Prognosens antaganden',
  'Bilaga: Om statistiken',
  'Bilaga: Om prognosen',
];
const FORECAST_SECTIONS = SECTIONS.filter((s) => s.startsWith('Prognos') || s === 'Bilaga: Om prognosen');

const tags = (tree: string, tag: string) => (tree.match(new RegExp(`^\\s*${tag}\\b`, 'gm')) ?? []).length;

/** poppler-utils (CI installs it): pdfinfo's structure tree and metadata of a PDF. */
function pdfinfo(pdf: Buffer, args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kn-region-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The measures a shared report tables per municipality: the top-level figures of the form (not the breakdowns, not
 * fixed-term, which decision 004 keeps from outsiders) and the sums the ratios use.
 */
const EXPECTED_MEASURE_LABELS = [
  ...MEASURES.filter((d) => d.scope === 'profession' && d.breakdown === null && d.key !== 'headcount_fixed_term').map(
    (d) => d.label.sv,
  ),
  'Antal 60 år och äldre',
  'Frånvaro, antal personer, alla orsaker',
  'Frånvaro, årsarbetare, alla orsaker',
];

type Json = Record<string, unknown>;
const pollDone = async (get: () => Promise<Json>, timeoutMs = 90_000): Promise<Json> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await get();
    if (report.status === 'done' || report.status === 'failed') return report;
    if (Date.now() > deadline) throw new Error(`report not done in time: ${JSON.stringify(report)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

async function openXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's table: the row whose first cell is "Kommun", the municipalities' rows, and the region's total row. */
function sheetTable(ws: ExcelJS.Worksheet) {
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'Kommun') header = n;
  });
  if (!header) return null;
  const width = ws.getRow(header).cellCount;
  const values = (n: number) => Array.from({ length: width - 1 }, (_, i) => ws.getRow(n).getCell(i + 2).value);
  const rows: { name: string; values: unknown[] }[] = [];
  let n = header + 1;
  while (ws.getRow(n).getCell(1).value !== 'Regionen totalt') {
    const name = ws.getRow(n).getCell(1).value;
    if (typeof name !== 'string' || name === '') throw new Error(`${ws.name}: no total row`);
    rows.push({ name, values: values(n) });
    n++;
  }
  // Columns of figures only (the forecast's "Ingår i regionens siffror" is a text column).
  const figures = Array.from({ length: width - 1 }, (_, c) => c).filter((c) =>
    rows.every((r) => r.values[c] === null || r.values[c] === '..' || typeof r.values[c] === 'number'),
  );
  return { rows, total: values(n), figures };
}

function allCellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        texts.push(String(cell.value));
      });
    });
  });
  return texts;
}

describe('the demo region’s report (15 municipalities, demo on)', () => {
  let t: TestApp;
  let steering: string;
  let period2025 = '';
  let report: Json;
  let pdf: Buffer;
  let xlsx: Buffer;
  let elapsedMs = 0;

  beforeAll(async () => {
    t = await createTestApp();
    expect(t.config.demo).toBe(true);
    await seedDemo(t.db, SERVER_MODULES);
    steering = await t.signIn({ email: 'styrgrupp.falkoping@demo.example', password: DEMO_PASSWORD }, '10.7.0.1');
    const [p] = await t.db.select().from(staffingPeriod).where(eq(staffingPeriod.label, '2025'));
    period2025 = p?.id ?? '';
    const started = Date.now();
    const res = await t.as(steering)({
      method: 'POST',
      url: '/api/staffing/region-reports',
      payload: { periodId: period2025 },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), demo: true });
    report = await pollDone(async () =>
      (await t.as(steering)({ method: 'GET', url: `/api/staffing/region-reports/${res.json().id}` })).json(),
    );
    elapsedMs = Date.now() - started;
    pdf = (await t.as(steering)({ method: 'GET', url: `/api/staffing/region-reports/${report.id}/pdf` })).rawPayload;
    xlsx = (await t.as(steering)({ method: 'GET', url: `/api/staffing/region-reports/${report.id}/xlsx` })).rawPayload;
  }, 180_000);
  afterAll(() => t.close());

  it('ends done at 100 % with both files, their sizes and the page count', () => {
    expect(report).toMatchObject({ status: 'done', progress: 100, error: null, demo: true });
    expect(report.pdfBytes).toBe(pdf.length);
    expect(report.xlsxBytes).toBe(xlsx.length);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    console.info(
      `region report of 15 demo municipalities: ${elapsedMs} ms from request to done, ${report.pageCount} pages, PDF ${pdf.length} bytes, XLSX ${xlsx.length} bytes`,
    );
  });

  it('is downloaded with Swedish file names', async () => {
    const res = await t.as(steering)({ method: 'GET', url: `/api/staffing/region-reports/${report.id}/pdf` });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('Regionrapport 2025.pdf');
    const x = await t.as(steering)({ method: 'GET', url: `/api/staffing/region-reports/${report.id}/xlsx` });
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain('Regionrapport 2025.xlsx');
  });

  it('names every municipality, every measure and every key ratio in the PDF’s text', async () => {
    const text = (await pdfPages(pdf)).join(' ');
    for (const [name] of DEMO_MUNICIPALITIES) expect(text, name).toContain(name);
    for (const label of EXPECTED_MEASURE_LABELS) expect(text, label).toContain(label);
    for (const d of CONTEXT_MEASURES) expect(text, d.label.sv).toContain(d.label.sv);
    for (const r of RATIO_DEFS) expect(text, r.label.sv).toContain(r.label.sv);
    expect(text).toContain('Skaraborgs kommunalförbund (demo)');
    expect(text).toContain('Period 2025');
  });

  it('is a tagged PDF/UA-1 whose structure and text hold every section, numbered, with DEMODATA on every page', async () => {
    const info = pdfinfo(pdf, []);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Regionrapport 2025 – Skaraborgs kommunalförbund \(demo\)$/m);
    expect(pdfinfo(pdf, ['-meta'])).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // The tags (pdfinfo -struct; -struct-text takes 20 s on this file): one H1 per section and the contents' title.
    const tree = pdfinfo(pdf, ['-struct']);
    expect(tags(tree, 'H1')).toBe(SECTIONS.length + 1);
    expect(tags(tree, 'Figure')).toBeGreaterThanOrEqual(RATIO_DEFS.length + 1);
    expect(tags(tree, 'Table')).toBe(tags(tree, 'THead'));
    const pages = await pdfPages(pdf);
    const text = pages.join(' ');
    for (const section of SECTIONS) expect(text, section).toContain(section);
    // The contents (page 1) lists every section in order.
    const contents = pages[0] ?? '';
    const at = SECTIONS.map((section) => contents.indexOf(section));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(report.pageCount).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('DEMODATA');
      expect(page, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`);
    });
  });

  it('has the region-level breakdowns, the nurses’ headline, trends over periods and the supply side', async () => {
    const text = (await pdfPages(pdf)).join(' ');
    const config = (await t.as(steering)({ method: 'GET', url: '/api/staffing/config' })).json();
    const items = config.items.filter((i: { active: boolean }) => i.active) as { kind: string; name: string }[];
    for (const kind of ['age_band', 'absence_kind', 'competence', 'specialty']) {
      const names = items.filter((i) => i.kind === kind).map((i) => i.name);
      expect(names.length, kind).toBeGreaterThan(0);
      for (const name of names) expect(text, `${kind}: ${name}`).toContain(name);
    }
    expect(text).toContain('Sjuksköterska per kommun: anställda, specialistutbildade och andel');
    expect(text).toMatch(
      /Sjuksköterska: (\d+,\d % av de anställda har en specialistutbildning|andelen med specialistutbildning i regionen är dold)/,
    );
    // The demo has published years before 2025: the trend table has a column for each.
    expect(text).toMatch(/Antal anställda i regionen per yrke och period/);
    expect(text).toMatch(/2024 .*2025/);
    expect(text).toContain('Efterfrågan, kvarvarande personal och gap, alla yrken');
  });

  it('holds the forecast: the scenarios’ sentences, the assumptions, and every municipality’s need', async () => {
    const text = (await pdfPages(pdf)).join(' ');
    expect(text).toContain('Prognos per kommun');
    expect(text).toMatch(/behovet (minskar|ökar) med \d|behovet är oförändrat/i);
    expect(text).toContain('Pensionsålder');
    const workbook = await openXlsx(xlsx);
    const perMunicipality = workbook.getWorksheet('Prognos per kommun');
    expect(perMunicipality).toBeDefined();
    const table = perMunicipality ? sheetTable(perMunicipality) : null;
    expect(table?.rows.map((r) => r.name).sort()).toEqual(DEMO_MUNICIPALITIES.map(([name]) => name).sort());
    for (const r of table?.rows ?? []) expect(typeof r.values[0], r.name).toBe('number');
  });

  it('shows suppressed cells as ".." in both files, with the footnote', async () => {
    const text = (await pdfPages(pdf)).join(' ');
    expect(text).toContain('".." = färre än 3 personer');
    const workbook = await openXlsx(xlsx);
    expect(allCellTexts(workbook)).toContain('..');
  });

  it('marks every XLSX sheet DEMODATA and sums each fully shown column to its total', async () => {
    const workbook = await openXlsx(xlsx);
    let checked = 0;
    workbook.eachSheet((ws) => {
      expect(String(ws.getCell('A3').value), ws.name).toContain('DEMODATA');
      const table = sheetTable(ws);
      if (!table || ws.name === 'Nyckeltal') return;
      table.figures.forEach((c) => {
        const total = table.total[c];
        const column = table.rows.map((r) => r.values[c]);
        if (column.some((v) => v === '..') || total === '..') return;
        const sum = column.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
        expect(total, `${ws.name} column ${c + 2}`).toBeCloseTo(sum, 6);
        checked++;
      });
    });
    // Every measure's "Alla yrken" column at least is shown in full (no municipality has fewer than 3 in all).
    expect(checked).toBeGreaterThanOrEqual(EXPECTED_MEASURE_LABELS.length);
  });

  it('lists the report (newest first) for every signed-in user, and each listed report opens', async () => {
    const employee = await t.signIn({ email: 'medarbetare.skovde@demo.example', password: DEMO_PASSWORD }, '10.7.0.2');
    const list = (await t.as(employee)({ method: 'GET', url: '/api/staffing/region-reports' })).json();
    expect(list.canGenerate).toBe(false);
    expect(list.reports.map((r: Json) => r.id)).toContain(report.id);
    expect(list.periods.map((p: Json) => p.label)).toEqual(['2026', '2025', '2024']);
    // 2025 and 2024 are finished rounds of the 15 demo municipalities; 2026 is in progress with a few approved.
    const [current, last, earlier] = list.periods;
    expect([last.closed, last.approvedReports, earlier.closed, earlier.approvedReports]).toEqual([true, 15, true, 15]);
    expect(current.closed).toBe(false);
    expect(current.approvedReports).toBeGreaterThan(0);
    expect(current.approvedReports).toBeLessThan(15);
    expect(JSON.stringify(list)).not.toContain('styrgrupp');
    for (const r of list.reports) {
      const res = await t.as(employee)({ method: 'GET', url: `/api/staffing/region-reports/${r.id}` });
      expect(res.statusCode).toBe(200);
    }
    const own = (await t.as(steering)({ method: 'GET', url: '/api/staffing/region-reports' })).json();
    expect(own.canGenerate).toBe(true);
  });

  it('writes an audit event for the request (ids only)', async () => {
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'staffing_region_report.request'), eq(auditEvent.entityId, String(report.id))));
    expect(events).toHaveLength(1);
    const [steeringUser] = await t.db.select().from(user).where(eq(user.email, 'styrgrupp.falkoping@demo.example'));
    expect(events[0]?.actorUserId).toBe(steeringUser?.id);
  });
});

describe('a report of large municipalities without small counts (demo off)', () => {
  let t: TestApp;
  let admin: string;
  let periodId = '';
  let emptyPeriod = '';
  let municipalities: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ config: testConfig({ DEMO: 'off' }) });
    expect(t.config.demo).toBe(false);
    const adminUser = await buildUser(t.db, { role: 'regional_admin' });
    admin = await t.signIn(adminUser, '10.7.1.1');
    const as = t.as(admin);
    periodId = (
      await as({
        method: 'POST',
        url: '/api/staffing/periods',
        payload: { label: 'Stor 2026', referenceDate: '2026-11-01', deadline: '2026-12-15' },
      })
    ).json().id;
    emptyPeriod = (
      await as({
        method: 'POST',
        url: '/api/staffing/periods',
        payload: { label: 'Tom 2026', referenceDate: '2026-10-01', deadline: '2026-12-15' },
      })
    ).json().id;
    for (const [i, name] of ['Storstad', 'Mellanstad', 'Västerby'].entries()) {
      const m = await buildMunicipality(t.db, { name });
      municipalities.push(name);
      const facts = generateFacts(
        defaultStaffingConfig(),
        { inhabitants: 180_000 + i * 20_000, specialistLevel: 0.35, seed: 11 + i },
        0,
      );
      const url = `/api/staffing/periods/${periodId}/reports/${m.id}`;
      expect((await as({ method: 'PUT', url: `${url}/facts`, payload: { facts } })).statusCode).toBe(200);
      expect((await as({ method: 'POST', url: `${url}/submit` })).statusCode).toBe(200);
      expect((await as({ method: 'POST', url: `${url}/approve` })).statusCode).toBe(200);
    }
    municipalities = municipalities.sort((a, b) => a.localeCompare(b, 'sv'));
    // The report is built from the period's publication (decision 016).
    expect((await as({ method: 'POST', url: `/api/staffing/periods/${periodId}/publish` })).statusCode).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  const create = async (cookie: string, body: unknown = { periodId }) =>
    t.as(cookie)({ method: 'POST', url: '/api/staffing/region-reports', payload: body as Json });
  const follow = (cookie: string, id: string) =>
    pollDone(async () => (await t.as(cookie)({ method: 'GET', url: `/api/staffing/region-reports/${id}` })).json());

  it('has XLSX totals equal to the sums of their rows, and no DEMODATA in either file', async () => {
    const res = await create(admin);
    expect(res.statusCode, res.body).toBe(202);
    const done = await follow(admin, res.json().id);
    expect(done).toMatchObject({ status: 'done', demo: false });
    const xlsx = (await t.as(admin)({ method: 'GET', url: `/api/staffing/region-reports/${done.id}/xlsx` })).rawPayload;
    const workbook = await openXlsx(xlsx);
    const texts = allCellTexts(workbook);
    expect(texts.some((s) => s.includes('DEMODATA'))).toBe(false);
    let sheets = 0;
    let checked = 0;
    workbook.eachSheet((ws) => {
      const table = sheetTable(ws);
      if (!table || ws.name === 'Nyckeltal') return;
      sheets++;
      expect(table.rows.map((r) => r.name)).toEqual(municipalities);
      expect(table.figures.length, ws.name).toBeGreaterThan(0);
      // Three municipalities, each knowing its own figures: the publication hides some small counts even here, and
      // what it hides is "..". Every column shown in full sums to its total.
      table.figures.forEach((c) => {
        const total = table.total[c];
        if (total === '..' || table.rows.some((r) => r.values[c] === '..')) return;
        const sum = table.rows.reduce((s, r) => s + Number(r.values[c] ?? 0), 0);
        expect(typeof total, `${ws.name} column ${c + 2}`).toBe('number');
        expect(total as number, `${ws.name} column ${c + 2}`).toBeCloseTo(sum, 6);
        checked++;
      });
      // "Alla yrken" is the sum of the professions in each fully shown row too.
      if (ws.getRow(5).getCell(ws.getRow(5).cellCount).value === 'Alla yrken') {
        for (const r of [...table.rows, { name: 'total', values: table.total }]) {
          if (r.values.includes('..')) continue;
          const professions = r.values.slice(0, -1).reduce<number>((s, v) => s + Number(v ?? 0), 0);
          expect(r.values.at(-1) as number, `${ws.name} ${r.name}`).toBeCloseTo(professions, 6);
        }
      }
    });
    // Population, each measure, and the forecast per municipality.
    expect(sheets).toBe(1 + EXPECTED_MEASURE_LABELS.length + 1);
    expect(checked).toBeGreaterThan(EXPECTED_MEASURE_LABELS.length * 2);

    const pdf = (await t.as(admin)({ method: 'GET', url: `/api/staffing/region-reports/${done.id}/pdf` })).rawPayload;
    const pages = await pdfPages(pdf);
    expect(pages.join(' ')).not.toContain('DEMODATA');
    for (const name of municipalities) expect(pages.join(' ')).toContain(name);
  });

  it('refuses those who may not generate (403), unknown reports (404) and bad requests (400)', async () => {
    const employee = await t.signIn(await buildUser(t.db, { role: 'employee' }), '10.7.1.2');
    const reporter = await t.signIn(await buildUser(t.db, { role: 'reporter' }), '10.7.1.3');
    expect((await create(employee)).statusCode).toBe(403);
    expect((await create(reporter)).statusCode).toBe(403);
    const missing = randomUUID();
    for (const suffix of ['', '/pdf', '/xlsx']) {
      const res = await t.as(employee)({ method: 'GET', url: `/api/staffing/region-reports/${missing}${suffix}` });
      expect(res.statusCode, suffix).toBe(404);
      expect(res.json().error.message).toBe('Rapporten finns inte.');
    }
    expect((await create(admin, { periodId: randomUUID() })).statusCode).toBe(404);
    const notUuid = await create(admin, { periodId: 'förra året' });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.fields).toEqual([{ path: 'periodId', message: 'Välj en period.' }]);
    expect((await create(admin, { periodId, requestedBy: 'someone' })).statusCode).toBe(400);
    const empty = await create(admin, { periodId: emptyPeriod });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].message).toContain('inga godkända rapporter');
  });

  it('allows one report in the making per person (409), and downloads only when done (409)', async () => {
    const manager = await buildUser(t.db, { role: 'manager' });
    const cookie = await t.signIn(manager, '10.7.1.4');
    // A report of the manager's still running (written as a server mid-way would leave it).
    const [running] = await t.db
      .insert(staffingRegionReport)
      .values({
        periodId,
        status: 'running',
        progress: 40,
        step: 'Skapar PDF-filen',
        requestedBy: manager.id,
        demo: false,
      })
      .returning();
    const again = await create(cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Du har redan en regionrapport som skapas');
    const pdf = await t.as(cookie)({ method: 'GET', url: `/api/staffing/region-reports/${running?.id}/pdf` });
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().error.message).toBe('Rapporten är inte klar än.');
    const status = (await t.as(cookie)({ method: 'GET', url: `/api/staffing/region-reports/${running?.id}` })).json();
    expect(status).toMatchObject({ status: 'running', progress: 40, step: 'Skapar PDF-filen' });
    // Another person may still ask for one.
    const mas = await t.signIn(await buildUser(t.db, { role: 'mas' }), '10.7.1.5');
    const other = await create(mas);
    expect(other.statusCode).toBe(202);
    await follow(mas, other.json().id);
    await t.db.delete(staffingRegionReport).where(eq(staffingRegionReport.id, running?.id ?? ''));
  });

  it('marks a report left running by a stopped server as failed, and its requester may ask again', async () => {
    const steeringUser = await buildUser(t.db, { role: 'steering' });
    const cookie = await t.signIn(steeringUser, '10.7.1.6');
    const old = new Date(Date.now() - (REGION_REPORT_STALE_MINUTES + 1) * 60_000);
    const [stale] = await t.db
      .insert(staffingRegionReport)
      .values({
        periodId,
        status: 'running',
        progress: 55,
        step: 'Skapar PDF-filen',
        requestedBy: steeringUser.id,
        demo: false,
        createdAt: old,
        updatedAt: old,
      })
      .returning();
    const [fresh] = await t.db
      .insert(staffingRegionReport)
      .values({
        periodId,
        status: 'queued',
        progress: 0,
        step: 'I kö',
        requestedBy: (await buildUser(t.db)).id,
        demo: false,
      })
      .returning();
    const list = (await t.as(cookie)({ method: 'GET', url: '/api/staffing/region-reports' })).json();
    const shown = list.reports.find((r: Json) => r.id === stale?.id);
    expect(shown).toMatchObject({ status: 'failed', step: 'Misslyckades' });
    expect(shown.error).toContain('blev aldrig klar');
    // A recent one is left alone.
    expect(list.reports.find((r: Json) => r.id === fresh?.id)).toMatchObject({ status: 'queued' });
    const again = await create(cookie);
    expect(again.statusCode).toBe(202);
    await follow(cookie, again.json().id);
    await t.db.delete(staffingRegionReport).where(eq(staffingRegionReport.id, fresh?.id ?? ''));
  });

  it('is made by one server only when two start the same report (the claim)', async () => {
    const requester = await buildUser(t.db, { role: 'steering' });
    const [row] = await t.db
      .insert(staffingRegionReport)
      .values({ periodId, status: 'queued', progress: 0, step: 'I kö', requestedBy: requester.id, demo: false })
      .returning();
    let renders = 0;
    const render: Render = (task) => {
      renders++;
      return renderInThread(task);
    };
    const deps = { db: t.db, cache: new ReadCache(0), minCount: 3 };
    const one = createRegionReportRunner(deps, { demo: false, render });
    const two = createRegionReportRunner(deps, { demo: false, render });
    one.start(row?.id ?? '');
    two.start(row?.id ?? '');
    await Promise.all([one.idle(), two.idle()]);
    await Promise.all([one.close(), two.close()]);
    // One XLSX and one PDF: the second server found the row taken.
    expect(renders).toBe(2);
    const [after] = await t.db
      .select()
      .from(staffingRegionReport)
      .where(eq(staffingRegionReport.id, row?.id ?? ''));
    expect(after).toMatchObject({ status: 'done', progress: 100 });
    expect(after?.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it(`keeps the newest ${REGION_REPORT_KEEP} reports when one is done`, async () => {
    const someone = await buildUser(t.db, { role: 'steering' });
    const old = Date.now() - 86_400_000;
    await t.db.insert(staffingRegionReport).values(
      Array.from({ length: REGION_REPORT_KEEP + 5 }, (_, i) => ({
        periodId,
        status: 'done' as const,
        progress: 100,
        step: 'Klar',
        requestedBy: someone.id,
        demo: false,
        pdf: Buffer.from('%PDF-old'),
        xlsx: Buffer.from('PK-old'),
        createdAt: new Date(old + i * 1000),
        updatedAt: new Date(old + i * 1000),
      })),
    );
    const cookie = await t.signIn(someone, '10.7.1.7');
    const res = await create(cookie);
    expect(res.statusCode).toBe(202);
    await follow(cookie, res.json().id);
    const rows = await t.db.select({ id: staffingRegionReport.id }).from(staffingRegionReport);
    expect(rows).toHaveLength(REGION_REPORT_KEEP);
    expect(rows.map((r) => r.id)).toContain(res.json().id);
  });
  it('is carried by a backup: the restored files are byte for byte the same', async () => {
    const before = await t.db.select().from(staffingRegionReport);
    const done = before.filter((r) => r.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'kn-region-report-backup-'));
    try {
      await backupDatabase(t.database, path.join(dir, 'backup.jsonl'));
      await t.db.delete(staffingRegionReport);
      await restoreDatabase(t.database, path.join(dir, 'backup.jsonl'));
      const restored = await t.db.select().from(staffingRegionReport);
      expect(restored).toHaveLength(before.length);
      for (const row of done) {
        const back = restored.find((r) => r.id === row.id);
        expect(back?.pdf?.equals(row.pdf ?? Buffer.alloc(0)), row.id).toBe(true);
        expect(back?.xlsx?.equals(row.xlsx ?? Buffer.alloc(0)), row.id).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('without a forecast still has every table, says why on the cover, and never writes text as a formula', async () => {
    const deps = { db: t.db, cache: new ReadCache(0), minCount: 3 };
    const model = await loadReportModel(deps, periodId, { demo: false });
    expect(model.forecast).not.toBeNull();
    const first = model.measures[0]?.rows[0];
    if (first) first.name = '=HYPERLINK("https://example.org","klicka")';
    const without = { ...model, forecast: null, forecastError: 'Befolkningen saknas.' };
    const pdf = await renderInThread({ kind: 'pdf', model: without });
    const pages = await pdfPages(Buffer.from(pdf.bytes));
    expect(pdf.pageCount).toBe(pages.length);
    expect(pages[0]).toContain('Prognosen saknas: Befolkningen saknas.');
    const expected = SECTIONS.filter((x) => !FORECAST_SECTIONS.includes(x) && x !== 'Utveckling över tid');
    expect(tags(pdfinfo(Buffer.from(pdf.bytes), ['-struct']), 'H1')).toBe(expected.length + 1);
    const contents = pages[0] ?? '';
    for (const section of expected) expect(contents, section).toContain(section);
    for (const section of FORECAST_SECTIONS) expect(contents, section).not.toContain(section);
    expect(pages.join(' ')).toContain(EXPECTED_MEASURE_LABELS[0]);
    const workbook = await openXlsx(Buffer.from((await renderInThread({ kind: 'xlsx', model: without })).bytes));
    expect(workbook.getWorksheet('Prognos per kommun')).toBeUndefined();
    const cell = workbook.worksheets[2]?.getCell(6, 1);
    expect(cell?.value).toBe('=HYPERLINK("https://example.org","klicka")');
    expect(cell?.formula).toBeUndefined();
  });
});
