// The region report end to end on the embedded database: a steering member of the demo region asks for the report of
// a period with 15 approved reports, follows it to done and downloads both files; the PDF names every municipality
// and measure on the pages the structure predicts, "DEMODATA" on each; the audit event. The report of large
// municipalities without small counts, the refusals, the claim, stale rows and retention: region-report-demo-off.test.ts.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { user } from '../../../platform/server/auth.table.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from '../../../platform/server/demo.ts';
import { staffingPeriod } from '../staffing.table.ts';
import { CONTEXT_MEASURES, RATIO_DEFS } from '../staffing-measures.ts';
import {
  allCellTexts,
  EXPECTED_MEASURE_LABELS,
  type Json,
  openXlsx,
  pdfinfo,
  pdfPages,
  pollDone,
  SECTIONS,
  sheetTable,
  tags,
} from './region-report.test-support.ts';

describe('the demo region’s report (15 municipalities, demo on)', () => {
  let t: TestApp;
  let steering: string;
  let period2025 = '';
  let report: Json;
  let pdf: Buffer;
  let xlsx: Buffer;
  let elapsedMs = 0;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    expect(t.config.demo).toBe(true);
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
