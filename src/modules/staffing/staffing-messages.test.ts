// Staffing's errors in the user's language: Swedish by default, English once the user chose English, for the
// services' errors, their field errors and the contracts' own messages. Each test builds what it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { buildPeriod, buildReport } from './staffing.factories.ts';

let t: TestApp;
let ip = 1;
beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
});
afterAll(() => t.close());

async function signedIn(role: 'regional_admin' | 'reporter', locale: 'sv' | 'en') {
  const municipality = role === 'reporter' ? await buildMunicipality(t.db) : undefined;
  const user = await buildUser(t.db, { role, ...(municipality ? { organisation: municipality } : {}) });
  const as = t.as(await t.signIn(user, `10.31.0.${ip++}`));
  if (locale === 'en') {
    const set = await as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
    expect(set.statusCode, set.body).toBe(200);
  }
  return { as, municipality };
}

describe('staffing errors in the user’s language', () => {
  it('a missing period', async () => {
    const url = '/api/staffing/periods/00000000-0000-4000-8000-000000000000';
    const sv = await (await signedIn('regional_admin', 'sv')).as({ method: 'GET', url });
    expect(sv.statusCode).toBe(404);
    expect(sv.json().error.message).toBe('Perioden finns inte.');
    const en = await (await signedIn('regional_admin', 'en')).as({ method: 'GET', url });
    expect(en.statusCode).toBe(404);
    expect(en.json().error.message).toBe('The period does not exist.');
    expect(en.json().error.messageCode).toBe('staffing.periodNotFound');
  });

  it('a taken period label, as the error and as the field', async () => {
    const period = await buildPeriod(t.db);
    const payload = { label: period.label, referenceDate: '2027-11-01', deadline: '2027-12-15' };
    const { as } = await signedIn('regional_admin', 'en');
    const res = await as({ method: 'POST', url: '/api/staffing/periods', payload });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('There is already a period with that label.');
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ path: 'label', message: 'There is already a period with that label.' }),
    ]);
  });

  it('a contract’s own message (an empty return comment)', async () => {
    const { period, municipality } = await buildReport(t.db, { status: 'submitted' });
    const url = `/api/staffing/periods/${period.id}/reports/${municipality.id}/return`;
    const sv = await (await signedIn('regional_admin', 'sv')).as({ method: 'POST', url, payload: { comment: ' ' } });
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.fields[0].message).toBe('Skriv varför rapporten återförs.');
    const en = await (await signedIn('regional_admin', 'en')).as({ method: 'POST', url, payload: { comment: ' ' } });
    expect(en.json().error.fields[0].message).toBe('Write why the report is returned.');
  });

  it('a report that cannot move (approving a draft)', async () => {
    const { period, municipality } = await buildReport(t.db, { status: 'draft' });
    const url = `/api/staffing/periods/${period.id}/reports/${municipality.id}/approve`;
    const res = await (await signedIn('regional_admin', 'en')).as({ method: 'POST', url });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Only a submitted report can be approved.');
  });
});
