// The demo's population projections: the base year (the last closed period) as reported and ten more years for each
// of the 15 demo municipalities, 80+ growing 2–4 % a year, with the working-age 20–64; the file imports cleanly again.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_PASSWORD } from '../../../platform/server/demo.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { staffingFact, staffingPeriod } from '../staffing.table.ts';
import { demoPeriods } from '../staffing-demo.ts';

let t: TestApp;
let admin = '';
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.signIn({ email: 'regionadmin@demo.example', password: DEMO_PASSWORD }, '10.8.0.1');
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
afterAll(() => t.close());

type Row = { year: number; ageGroup: string; inhabitants: number };
type Municipality = { municipalityName: string; rows: Row[] };

describe('demo population projections', () => {
  // The base year: the last closed demo period's reference year (issue 20: projections start there).
  const baseYear = Number(demoPeriods()[1]?.label);

  it('has the base year and ten more for each of the 15 demo municipalities, 80+ growing 2–4 % a year', async () => {
    const res = await t.as(admin)({ method: 'GET', url: '/api/staffing/population' });
    expect(res.statusCode).toBe(200);
    const municipalities = res.json().municipalities as Municipality[];
    expect(municipalities).toHaveLength(15);
    const years = Array.from({ length: 11 }, (_, i) => baseYear + i);
    for (const m of municipalities) {
      // Four groups a year: 0–64, 65–79, 80+ and "varav 20–64".
      expect(m.rows, m.municipalityName).toHaveLength(44);
      expect([...new Set(m.rows.map((r) => r.year))]).toEqual(years);
      const old = m.rows.filter((r) => r.ageGroup === '80+').map((r) => r.inhabitants);
      for (let i = 1; i < old.length; i++) {
        const growth = (old[i] as number) / (old[i - 1] as number) - 1;
        expect(growth, `${m.municipalityName} ${years[i]}`).toBeGreaterThan(0.015);
        expect(growth, `${m.municipalityName} ${years[i]}`).toBeLessThan(0.045);
      }
      for (const year of years) {
        const at = (group: string) => m.rows.find((r) => r.year === year && r.ageGroup === group)?.inhabitants ?? 0;
        expect(at('20-64')).toBeGreaterThan(at('0-64') * 0.6);
        expect(at('20-64')).toBeLessThan(at('0-64'));
      }
    }
  });

  it('continues from the population each municipality reported for the base year', async () => {
    const municipalities = (await t.as(admin)({ method: 'GET', url: '/api/staffing/population' })).json()
      .municipalities as Municipality[];
    const [period] = await t.db
      .select()
      .from(staffingPeriod)
      .where(eq(staffingPeriod.label, String(baseYear)));
    for (const name of ['Skövde', 'Essunga']) {
      const [org] = await t.db.select().from(organisation).where(eq(organisation.name, name));
      const reported = async (measure: string) =>
        (
          await t.db
            .select({ value: staffingFact.value })
            .from(staffingFact)
            .where(
              and(
                eq(staffingFact.periodId, period?.id ?? ''),
                eq(staffingFact.municipalityId, org?.id ?? ''),
                eq(staffingFact.measure, measure),
              ),
            )
        )[0]?.value;
      const m = municipalities.find((x) => x.municipalityName === name) as Municipality;
      const at = (group: string) => m.rows.find((r) => r.year === baseYear && r.ageGroup === group)?.inhabitants;
      expect(at('80+'), name).toBe(Number(await reported('inhabitants_80_plus')));
      expect(at('65-79'), name).toBe(Number(await reported('inhabitants_65_79')));
      expect((at('0-64') ?? 0) + (at('65-79') ?? 0) + (at('80+') ?? 0), name).toBe(
        Number(await reported('inhabitants')),
      );
    }
  });

  it('exports a file that imports again without errors or changes', async () => {
    const file = await t.as(admin)({ method: 'GET', url: '/api/staffing/population/export' });
    expect(file.statusCode).toBe(200);
    const boundary = 'demoprognos';
    const res = await t.as(admin)({
      method: 'POST',
      url: '/api/staffing/population/import/preview',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        file.rawPayload,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([]);
    expect(res.json().counts).toEqual({ rows: 15 * 44, new: 0, changed: 0, unchanged: 15 * 44 });
  });
});
