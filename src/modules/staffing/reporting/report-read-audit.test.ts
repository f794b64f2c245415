// Reading a report shows who saved, submitted, approved or returned it: every read is audited (ids only).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser } from '../../../platform/server/factories.ts';
import { buildPeriod, buildReport } from '../staffing.factories.ts';

describe('reading a staffing report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('writes an audit event naming the report and the reader, and the history export does too', async () => {
    const municipality = await buildMunicipality(t.db);
    const period = await buildPeriod(t.db);
    await buildReport(t.db, { period, municipality, status: 'submitted' });
    const reader = await buildUser(t.db, { role: 'municipal_admin', organisation: municipality });
    const cookie = await t.signIn(reader);
    const path = `/api/staffing/periods/${period.id}/reports/${municipality.id}`;
    const reads = () =>
      t.db
        .select({ actor: auditEvent.actorUserId, org: auditEvent.organisationId })
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.action, 'staffing_report.read'),
            eq(auditEvent.entityId, `${period.id}/${municipality.id}`),
          ),
        );
    expect(await reads()).toEqual([]);
    const res = await t.as(cookie)({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.json().history.length).toBeGreaterThan(0);
    expect(await reads()).toEqual([{ actor: reader.id, org: municipality.id }]);
    const exported = await t.as(cookie)({ method: 'GET', url: `${path}/history/export?format=csv` });
    expect(exported.statusCode).toBe(200);
    expect(await reads()).toHaveLength(2);
  });
});
