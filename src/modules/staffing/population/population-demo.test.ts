// The demo's population projections: ten years for each of the 15 demo municipalities from this year, starting
// near the staffing demo's inhabitants, with 80+ growing 2–4 % a year; and the demo's file imports cleanly again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { SERVER_MODULES } from '../../../app/server-modules.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../platform/server/demo.ts';
import { populationYearRange } from './population.contracts.ts';

let t: TestApp;
let admin = '';
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.db, SERVER_MODULES)).toBe(true);
  admin = await t.signIn({ email: 'regionadmin@demo.example', password: DEMO_PASSWORD }, '10.8.0.1');
});
afterAll(() => t.close());

type Row = { year: number; ageGroup: string; inhabitants: number };
type Municipality = { municipalityName: string; rows: Row[] };

describe('demo population projections', () => {
  it('has ten years for each of the 15 demo municipalities, 80+ growing 2–4 % a year', async () => {
    const res = await t.as(admin)({ method: 'GET', url: '/api/staffing/population' });
    expect(res.statusCode).toBe(200);
    const municipalities = res.json().municipalities as Municipality[];
    expect(municipalities).toHaveLength(15);
    const { min } = populationYearRange();
    const years = Array.from({ length: 10 }, (_, i) => min + i);
    for (const m of municipalities) {
      expect(m.rows, m.municipalityName).toHaveLength(30);
      expect([...new Set(m.rows.map((r) => r.year))]).toEqual(years);
      const old = m.rows.filter((r) => r.ageGroup === '80+').map((r) => r.inhabitants);
      for (let i = 1; i < old.length; i++) {
        const growth = (old[i] as number) / (old[i - 1] as number) - 1;
        expect(growth, `${m.municipalityName} ${years[i]}`).toBeGreaterThan(0.015);
        expect(growth, `${m.municipalityName} ${years[i]}`).toBeLessThan(0.045);
      }
    }
  });

  it('starts from the staffing demo’s inhabitants', async () => {
    const municipalities = (await t.as(admin)({ method: 'GET', url: '/api/staffing/population' })).json()
      .municipalities as Municipality[];
    const firstTotal = (name: string) => {
      const m = municipalities.find((x) => x.municipalityName === name) as Municipality;
      const first = m.rows[0]?.year;
      return m.rows.filter((r) => r.year === first).reduce((sum, r) => sum + r.inhabitants, 0);
    };
    expect(Math.abs(firstTotal('Skövde') - 57_000)).toBeLessThanOrEqual(2);
    expect(Math.abs(firstTotal('Essunga') - 5_700)).toBeLessThanOrEqual(2);
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
    expect(res.json().counts).toEqual({ rows: 450, new: 0, changed: 0, unchanged: 450 });
  });
});
