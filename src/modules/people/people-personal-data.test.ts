// The register extract and retention (decision 015): an extract holds a record from every module that holds data
// about the person (the platform's account, the staff register, introductions, trainings, staffing) and is audited; the nightly rule,
// run with a clock, anonymises persons whose employment ended longer ago than the period — not those a module holds,
// nor those ended recently — asks each module to anonymise its part, blanks the history's personal values and
// audits each one; the audit log's own rule deletes only events older than its period.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { personDataProviders } from '../../platform/server/person-data.ts';
import { purgeAuditLog } from '../../platform/server/retention.ts';
import { buildIntroductionList } from '../introductions/introductions.factories.ts';
import { introAssignment } from '../introductions/introductions.table.ts';
import { buildReport } from '../staffing/staffing.factories.ts';
import { staffingReport, staffingReportTransition } from '../staffing/staffing.table.ts';
import { buildTrainingItem } from '../trainings/trainings.factories.ts';
import { trainingItem, trainingItemTransition } from '../trainings/trainings.table.ts';
import { buildPerson } from './people.factories.ts';
import { peoplePerson, peoplePersonEvent } from './people.table.ts';
import { runRetention } from './retention.service.ts';

let t: TestApp;
let a: Organisation;
let admin: ReturnType<TestApp['as']>;
let regional: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun Utdrag' });
  admin = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin', municipality: a }), '10.33.0.1'));
  regional = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.33.0.2'));
});
afterAll(() => t.close());

/**
 * A person linked to a user account, with an introduction given to their address, a web training they suggested
 * and their municipality's staffing report they submitted.
 */
async function personWithEverything(name: string, employmentEnd: string | null) {
  const account = await buildUser(t.db, {
    role: 'employee',
    municipality: a,
    email: `${name.toLowerCase()}@kommun.example`,
  });
  const { person } = await buildPerson(t.db, {
    municipality: a,
    firstName: name,
    lastName: 'Utdragsson',
    email: account.email,
    userId: account.id,
    birthYear: 1970,
    employmentStart: '2015-01-01',
    employmentEnd,
  });
  const { list } = await buildIntroductionList(t.db, { municipality: a });
  const res = await admin({
    method: 'POST',
    url: `/api/introductions/lists/${list.id}/assignments`,
    payload: { email: account.email, name },
  });
  expect(res.statusCode, res.body).toBe(201);
  const training = await buildTrainingItem(t.db, {
    status: 'suggested',
    title: `Förflyttningsteknik för ${name}`,
    addedBy: { id: account.id, organisation: a },
  });
  const { report } = await buildReport(t.db, { municipality: a, status: 'draft' });
  await t.db.insert(staffingReportTransition).values({
    reportId: report.id,
    fromStatus: 'draft',
    toStatus: 'submitted',
    comment: `Inlämnad av ${name}`,
    actorUserId: account.id,
  });
  return { person, account, training, report };
}

describe('the register extract', () => {
  it('holds a record from each module that holds data about the person, as JSON and XLSX, and is audited', async () => {
    await personWithEverything('Per', null);
    const { person, account } = await personWithEverything('Greta', null);
    const res = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract` });
    expect(res.statusCode, res.body).toBe(200);
    const extract = res.json();
    const byKey = new Map(extract.sections.map((s: { key: string; rows: unknown[] }) => [s.key, s]));
    // Every module whose manifest has a provider and that holds something about Greta.
    const modules = new Set(extract.sections.map((s: { module: string }) => s.module));
    expect(modules).toEqual(new Set(['platform', 'people', 'introductions', 'trainings', 'staffing']));
    expect((byKey.get('platform.user_account') as { rows: { email: string }[] }).rows[0]?.email).toBe(account.email);
    expect((byKey.get('people.person') as { rows: { firstName: string }[] }).rows[0]?.firstName).toBe('Greta');
    expect((byKey.get('introductions.assignments') as { rows: { email: string }[] }).rows).toHaveLength(1);
    expect((byKey.get('trainings.suggestions') as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual([
      'Förflyttningsteknik för Greta',
    ]);
    expect((byKey.get('trainings.decisions') as { rows: { to: string }[] }).rows.map((r) => r.to)).toEqual([
      'suggested',
    ]);
    expect((byKey.get('staffing.report_actions') as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({ municipality: 'Kommun Utdrag', to: 'submitted', comment: 'Inlämnad av Greta' }),
    ]);
    // Nothing of another person's: Per's suggestion and report are not Greta's.
    expect(JSON.stringify(extract)).not.toContain('för Per');
    expect(JSON.stringify(extract)).not.toContain('av Per');
    // The providers the app registers are the platform's first, then every module's with a `personData`.
    const registered = personDataProviders(t.app.deps.modules).map((p) => p.module);
    expect(registered[0]).toBe('platform');
    expect(registered).toEqual(expect.arrayContaining(['staffing', 'trainings', 'introductions', 'people']));

    const json = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=json` });
    expect(json.statusCode).toBe(200);
    expect(new Set(JSON.parse(json.body).sections.map((s: { module: string }) => s.module))).toEqual(modules);
    const file = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=xlsx` });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Bemanningsrapporter')?.getRow(2).values).toContain('Inlämnad av Greta');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Registerutdrag',
      'Användarkonto',
      'Personens egna händelser i gran',
      'Bemanningsrapporter',
      'Föreslagna webbutbildningar',
      'Beslut om webbutbildningar',
      'Introduktioner',
      'Personalregistret',
      'Personalregistrets historik',
    ]);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.extract'));
    expect(events.filter((e) => e.entityId === person.id)).toHaveLength(3);
    // A manager may not make one (403), another municipality's admin does not find the person (404).
    const other = t.as(await t.signIn(await buildUser(t.db, { role: 'municipal_admin' }), '10.33.0.3'));
    expect((await other({ method: 'GET', url: `/api/people/persons/${person.id}/extract` })).statusCode).toBe(404);
  });

  it('writes text a spreadsheet could take for a formula as text, never as a formula', async () => {
    const { person } = await buildPerson(t.db, { municipality: a, firstName: '=1+1', lastName: '@SUM(A1)' });
    const file = await admin({ method: 'GET', url: `/api/people/persons/${person.id}/extract/file?format=xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.getWorksheet('Personalregistret')?.getRow(2).values as unknown[];
    expect(cells).toContain('=1+1');
    expect(file.rawPayload.includes(Buffer.from('<f>'))).toBe(false);
  });
});

describe('retention', () => {
  const now = new Date('2030-06-15T01:30:00Z');

  it('anonymises persons ended longer ago than the rule, not recent ones nor those a module holds; audited', async () => {
    const old = await personWithEverything('Olle', '2028-01-31');
    const recent = await personWithEverything('Rut', '2029-01-31');
    const held = await buildPerson(t.db, {
      municipality: a,
      firstName: 'Hilda',
      employmentStart: '2010-01-01',
      employmentEnd: '2027-05-01',
    });
    const esf = {
      module: 'esf-test',
      provider: {
        collect: async () => [],
        holds: async (_db: unknown, ids: readonly string[]) =>
          new Map(ids.filter((id) => id === held.person.id).map((id) => [id, { sv: 'ESF', en: 'ESF' }])),
      },
    };
    const providers = [...personDataProviders(t.app.deps.modules), esf];
    const run = await runRetention(t.db, providers, now);
    expect(run.anonymised).toBeGreaterThanOrEqual(1);
    const [olle] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.id, old.person.id));
    expect(olle).toMatchObject({
      firstName: '',
      lastName: '',
      email: null,
      employeeNumber: null,
      birthYear: null,
      userId: null,
    });
    expect(olle?.anonymisedAt?.toISOString()).toBe(now.toISOString());
    // What statistics need stays.
    expect(olle).toMatchObject({
      employmentStart: '2015-01-01',
      employmentEnd: '2028-01-31',
      professionKey: 'underskoterska',
    });
    const history = await t.db.select().from(peoplePersonEvent).where(eq(peoplePersonEvent.personId, old.person.id));
    expect(JSON.stringify(history.map((h) => h.changes))).not.toContain('Olle');
    expect(history.map((h) => h.kind)).toContain('anonymised');
    // The introductions module anonymised its part: no address, no name, no account, the link dead.
    const intro = await t.db.select().from(introAssignment).where(eq(introAssignment.organisationId, a.id));
    const olles = intro.filter((i) => i.email === 'anonymiserad');
    expect(olles).toHaveLength(1);
    expect(olles[0]).toMatchObject({ name: null, userId: null });
    expect(intro.some((i) => i.email === recent.account.email)).toBe(true);
    // Trainings and staffing keep every record (the catalogue, the report and its history: the statistics) but lose
    // the link to Olle's account; Rut's stay linked.
    const [olleItem] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, old.training.id));
    expect(olleItem).toMatchObject({ addedBy: null, addedByOrganisationId: a.id, status: 'suggested' });
    const olleDecisions = await t.db
      .select()
      .from(trainingItemTransition)
      .where(eq(trainingItemTransition.itemId, old.training.id));
    expect(olleDecisions.map((d) => d.actorUserId)).toEqual([null]);
    const [olleReport] = await t.db.select().from(staffingReport).where(eq(staffingReport.id, old.report.id));
    expect(olleReport?.municipalityId).toBe(a.id);
    const olleSteps = await t.db
      .select()
      .from(staffingReportTransition)
      .where(eq(staffingReportTransition.reportId, old.report.id));
    expect(olleSteps.find((s) => s.toStatus === 'submitted')).toMatchObject({
      actorUserId: null,
      comment: 'Inlämnad av Olle',
    });
    const [rutItem] = await t.db.select().from(trainingItem).where(eq(trainingItem.id, recent.training.id));
    expect(rutItem?.addedBy).toBe(recent.account.id);
    const rutSteps = await t.db
      .select()
      .from(staffingReportTransition)
      .where(eq(staffingReportTransition.reportId, recent.report.id));
    expect(rutSteps.find((s) => s.toStatus === 'submitted')?.actorUserId).toBe(recent.account.id);
    for (const kept of [recent.person.id, held.person.id]) {
      const [row] = await t.db.select().from(peoplePerson).where(eq(peoplePerson.id, kept));
      expect(row?.anonymisedAt, kept).toBeNull();
    }
    const audited = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'person.anonymise'));
    expect(audited.map((e) => e.entityId)).toContain(old.person.id);
    for (const action of ['trainings.person_anonymise', 'staffing.person_anonymise']) {
      const moduleEvents = await t.db.select().from(auditEvent).where(eq(auditEvent.action, action));
      expect(
        moduleEvents.map((e) => e.entityId),
        action,
      ).toEqual([old.person.id]);
    }
    // An anonymised person is no longer found.
    expect((await admin({ method: 'GET', url: `/api/people/persons/${old.person.id}` })).statusCode).toBe(404);
    // Running again changes nothing.
    expect((await runRetention(t.db, providers, now)).anonymised).toBe(0);
  });

  it('follows the period the region chooses, within its bounds', async () => {
    const res = await regional({
      method: 'PUT',
      url: '/api/people/retention/people.ended_employment',
      payload: { months: 3 },
    });
    expect(res.statusCode).toBe(400);
    const set = await regional({
      method: 'PUT',
      url: '/api/people/retention/people.ended_employment',
      payload: { months: 12 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const rule = set.json().rules.find((r: { key: string }) => r.key === 'people.ended_employment');
    expect(rule).toMatchObject({ months: 12, defaultMonths: 24 });
    expect(rule.rule).toContain('12 månader');
    expect(set.json().rules.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(['platform.audit_log', 'introductions.assignments', 'people.history']),
    );
    const rut = (await t.db.select().from(peoplePerson).where(eq(peoplePerson.firstName, 'Rut')))[0];
    await runRetention(t.db, personDataProviders(t.app.deps.modules), now);
    const [after] = await t.db
      .select()
      .from(peoplePerson)
      .where(eq(peoplePerson.id, rut?.id as string));
    expect(after?.anonymisedAt).not.toBeNull();
  });

  it('deletes audit events older than the audit log’s rule, and only those', async () => {
    const id = randomUUID();
    await t.db.insert(auditEvent).values([
      { action: 'test.old', entityType: 'test', entityId: id, at: new Date('2026-01-01T00:00:00Z') },
      { action: 'test.new', entityType: 'test', entityId: id, at: new Date('2028-01-01T00:00:00Z') },
    ]);
    // The log stays append-only for everything else.
    await expect(t.db.execute(sql`DELETE FROM audit_event WHERE entity_id = ${id}`)).rejects.toThrow();
    const removed = await purgeAuditLog(t.db, new Date('2029-06-01T00:00:00Z'));
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(left.map((e) => e.action)).toEqual(['test.new']);
    const purge = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'audit.purge'));
    expect(purge.at(-1)?.entityId).toBe('2026-06-01');
  });
});
