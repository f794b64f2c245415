// The region report on a server that is not a demo, for a period of large municipalities without small counts: XLSX
// totals equal to the sums of their rows and no "DEMODATA" in either file; the refusals (400, 403, 404, 409), the
// claim between two servers, stale rows, retention, a backup's restored files, and a report without a forecast.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../../tests/support/test-app.ts';
import { backupDatabase, restoreDatabase } from '../../../platform/server/backup.ts';
import { buildMunicipality, buildUser } from '../../../platform/server/factories.ts';
import { ReadCache } from '../../../platform/server/read-cache.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { staffingRegionReport } from '../region-report.table.ts';
import { generateFacts } from '../staffing-generator.ts';
import { REGION_REPORT_KEEP, REGION_REPORT_STALE_MINUTES } from './region-report.contracts.ts';
import { createRegionReportRunner, loadReportModel, type Render, renderInThread } from './region-report.service.ts';
import {
  allCellTexts,
  EXPECTED_MEASURE_LABELS,
  FORECAST_SECTIONS,
  type Json,
  openXlsx,
  pdfinfo,
  pdfPages,
  pollDone,
  SECTIONS,
  sheetTable,
  tags,
} from './region-report.test-support.ts';

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
