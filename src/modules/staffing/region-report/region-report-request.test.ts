// Asking for a region report writes the report row and its audit event in one transaction: when the audit event
// cannot be written, no report is left queued either (and none is started); when it can, both exist.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { user } from '../../../platform/server/auth.table.ts';
import { DEMO_PASSWORD } from '../../../platform/server/demo.ts';
import { staffingRegionReport } from '../region-report.table.ts';
import { staffingPeriod } from '../staffing.table.ts';

let t: TestApp;
let steering = '';
let steeringId = '';
let periodId = '';
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  steering = await t.signIn({ email: 'styrgrupp.falkoping@demo.example', password: DEMO_PASSWORD }, '10.7.9.1');
  const [me] = await t.db.select().from(user).where(eq(user.email, 'styrgrupp.falkoping@demo.example'));
  steeringId = me?.id ?? '';
  const [p] = await t.db.select().from(staffingPeriod).where(eq(staffingPeriod.label, '2025'));
  periodId = p?.id ?? '';
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
afterAll(() => t.close());

const request = () => t.as(steering)({ method: 'POST', url: '/api/staffing/region-reports', payload: { periodId } });
const reportsOfSteering = () =>
  t.db.select().from(staffingRegionReport).where(eq(staffingRegionReport.requestedBy, steeringId));
const requestEvents = () =>
  t.db.select().from(auditEvent).where(eq(auditEvent.action, 'staffing_region_report.request'));

describe('requesting a region report', () => {
  it('leaves no report when its audit event fails, and writes both when it does not', async () => {
    await t.db.execute(sql`CREATE FUNCTION kn_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$`);
    await t.db.execute(sql`CREATE TRIGGER kn_test_refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW
      WHEN (NEW.action = 'staffing_region_report.request') EXECUTE FUNCTION kn_test_refuse_audit()`);
    const refused = await request();
    expect(refused.statusCode).toBe(500);
    expect(await reportsOfSteering()).toHaveLength(0);
    expect(await requestEvents()).toHaveLength(0);

    await t.db.execute(sql`DROP TRIGGER kn_test_refuse_audit ON audit_event`);
    const res = await request();
    expect(res.statusCode, res.body).toBe(202);
    const reports = await reportsOfSteering();
    expect(reports.map((r) => r.id)).toEqual([res.json().id]);
    const events = await requestEvents();
    expect(events.map((e) => e.entityId)).toEqual([res.json().id]);
  });

  it('answers an English user in English, a Swedish one in Swedish', async () => {
    const missing = `/api/staffing/region-reports/${'00000000-0000-4000-8000-000000000000'}`;
    const sv = await t.as(steering)({ method: 'GET', url: missing });
    expect(sv.statusCode).toBe(404);
    expect(sv.json().error.message).toBe('Rapporten finns inte.');
    const set = await t.as(steering)({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } });
    expect(set.statusCode, set.body).toBe(200);
    const en = await t.as(steering)({ method: 'GET', url: missing });
    expect(en.json().error.message).toBe('The report does not exist.');
  });
});
