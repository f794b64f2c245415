// Projects through the API on one database: participation intervals, the baseline and the history of moved dates,
// goals one to one, bad input refused with nothing changed, co-financing sums, the steering group reading through its
// network, and the final report's model and XLSX appendix holding every chapter and the Gantt figure.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { network, networkMember } from '../../platform/server/organisation.table.ts';
import { ACTIVITY_KINDS } from '../activities/activities.contracts.ts';
import { activity, activityOccasion, activityRegistration } from '../activities/activities.table.ts';
import { REPORT_CHAPTERS } from './projects.contracts.ts';
import { CHAPTER_TITLES } from './report-model.ts';

/** The PDF's text as poppler's pdftotext reads it (line breaks joined, as a reader's copy would be). */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

let t: TestApp;
let admin: ReturnType<TestApp['as']>;
let leader: ReturnType<TestApp['as']>;
let steeringMember: ReturnType<TestApp['as']>;
let outsider: ReturnType<TestApp['as']>;
let a: Organisation;
let b: Organisation;
let projectId: string;
let leaderName: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Ahult' });
  b = await buildMunicipality(t.db, { name: 'Bstad' });
  const c = await buildMunicipality(t.db, { name: 'Cby' });
  const adminUser = await buildUser(t.db, { role: 'regional_admin' });
  const leaderUser = await buildUser(t.db, { role: 'employee', municipality: c, name: 'Lea Ledare' });
  leaderName = 'Lea Ledare';
  const steeringUser = await buildUser(t.db, { role: 'steering', municipality: c });
  const outsiderUser = await buildUser(t.db, { role: 'steering', municipality: c });
  const [group] = await t.db
    .insert(network)
    .values({ name: 'Styrgruppen (test)', kind: 'steering_group' })
    .returning({ id: network.id });
  await t.db.insert(networkMember).values({ networkId: group?.id ?? '', userId: steeringUser.id });
  admin = t.as(await t.signIn(adminUser, '10.19.1.1'));
  leader = t.as(await t.signIn(leaderUser, '10.19.1.2'));
  steeringMember = t.as(await t.signIn(steeringUser, '10.19.1.3'));
  outsider = t.as(await t.signIn(outsiderUser, '10.19.1.4'));
  const res = await admin({
    method: 'POST',
    url: '/api/projects',
    payload: {
      name: 'Vårdens medarbetare (test)',
      purpose: 'Samverkan kring kompetensförsörjning.',
      startDate: '2020-09-01',
      endDate: '2021-12-31',
      leaderUserId: leaderUser.id,
      steeringNetworkId: group?.id,
      hourlyRate: 400,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  projectId = res.json().id;
});
afterAll(() => t?.close());

const url = (path = '') => `/api/projects/${projectId}${path}`;
const project = async () => (await leader({ method: 'GET', url: url() })).json();

describe('who reads and who changes', () => {
  it('lets the steering group read through its network and hides the project from others (404)', async () => {
    expect((await steeringMember({ method: 'GET', url: url() })).json().access).toBe('read');
    expect((await steeringMember({ method: 'PATCH', url: url(), payload: { purpose: 'x' } })).statusCode).toBe(403);
    expect((await outsider({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await leader({ method: 'GET', url: url() })).json().access).toBe('change');
    // Only the region's admin hands the project to another leader.
    const res = await leader({ method: 'PATCH', url: url(), payload: { leaderUserId: null } });
    expect(res.statusCode).toBe(403);
  });
});

describe('participation over time', () => {
  it('refuses leaving before joining and keeps the intervals of a municipality that left and came back', async () => {
    const join = (municipalityId: string, date: string, event = 'join', reason = '') =>
      leader({ method: 'POST', url: url('/participation'), payload: { municipalityId, event, date, reason } });
    expect((await join(a.id, '2020-10-15')).statusCode).toBe(201);
    expect((await join(b.id, '2020-10-15')).statusCode).toBe(201);
    const early = await join(a.id, '2020-10-01', 'leave');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('Kommunen kan inte lämna före den anslöt (2020-10-15).');
    expect((await join(a.id, '2019-01-01')).json().error.fields[0].message).toContain('utanför projektets period');
    expect((await project()).participationEvents).toHaveLength(2);
    expect((await join(a.id, '2021-08-31', 'leave', 'Nöjda med förstudien')).statusCode).toBe(201);
    expect((await join(a.id, '2021-08-31', 'leave')).statusCode).toBe(400);
    expect((await join(a.id, '2021-08-31')).statusCode).toBe(400);
    expect((await join(a.id, '2021-10-01', 'join', 'Resultaten gynnar oss också')).statusCode).toBe(201);
    const ahult = (await project()).participation.find((m: { name: string }) => m.name === 'Ahult');
    expect(ahult.intervals).toEqual([
      { from: '2020-10-15', to: '2021-08-31', joinReason: '', leaveReason: 'Nöjda med förstudien' },
      { from: '2021-10-01', to: null, joinReason: 'Resultaten gynnar oss också', leaveReason: null },
    ]);
  });
});

describe('plan against reality', () => {
  it('keeps the baseline and every moved date with who, when and why', async () => {
    const created = await leader({
      method: 'POST',
      url: url('/activities'),
      payload: { kind: 'activity', name: 'Förstudie', plannedStart: '2020-11-01', plannedEnd: '2021-01-31' },
    });
    const activityId = created.json().activities.at(-1).id as string;
    const patch = (payload: object) => leader({ method: 'PATCH', url: url(`/activities/${activityId}`), payload });
    // Before the baseline a date moves freely (still kept in the history).
    expect((await patch({ plannedEnd: '2021-02-15' })).statusCode).toBe(200);
    expect((await leader({ method: 'POST', url: url('/baseline'), payload: {} })).statusCode).toBe(200);
    // After it, a reason is required; refused, nothing changes.
    const refused = await patch({ plannedEnd: '2021-02-28' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Ange varför datumen flyttas');
    expect((await project()).activities.find((x: { id: string }) => x.id === activityId).plannedEnd).toBe('2021-02-15');
    // An actual end before the actual start is refused.
    const reversed = await patch({ actualStart: '2020-11-05', actualEnd: '2020-11-01', reason: 'Fel' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toBe('Verkligt slut kan inte vara före verklig start.');
    const moved = await patch({ plannedEnd: '2021-02-28', reason: 'Webbintervjuerna tog längre tid' });
    expect(moved.statusCode).toBe(200);
    const done = await patch({ actualStart: '2020-11-05', actualEnd: '2021-03-14', reason: 'Förankring i kommunerna' });
    const p = done.json();
    const activity = p.activities.find((x: { id: string }) => x.id === activityId);
    expect(activity).toMatchObject({
      baselineStart: '2020-11-01',
      baselineEnd: '2021-02-15',
      plannedEnd: '2021-02-28',
      actualEnd: '2021-03-14',
      status: 'done',
      deviationDays: 27,
      late: true,
      changeCount: 3,
    });
    const history = p.dateChanges.filter((c: { activityId: string }) => c.activityId === activityId);
    expect(
      history.map((c: Record<string, unknown>) => [
        c.which,
        c.fromEnd,
        c.toEnd,
        c.afterBaseline,
        c.reason,
        c.changedByName,
      ]),
    ).toEqual([
      ['planned', '2021-01-31', '2021-02-15', false, '', leaderName],
      ['planned', '2021-02-15', '2021-02-28', true, 'Webbintervjuerna tog längre tid', leaderName],
      ['actual', null, '2021-03-14', true, 'Förankring i kommunerna', leaderName],
    ]);
    expect(history.every((c: { changedAt: string }) => !Number.isNaN(Date.parse(c.changedAt)))).toBe(true);
    // A second baseline needs a reason.
    expect((await leader({ method: 'POST', url: url('/baseline'), payload: {} })).statusCode).toBe(400);
  });
});

describe('goals and the logs', () => {
  it('ties each project goal to exactly one effect goal and refuses bad input with nothing changed', async () => {
    await leader({ method: 'POST', url: url('/effect-goals'), payload: { text: 'Samsyn om kompetensutveckling' } });
    const withTwo = await leader({ method: 'POST', url: url('/effect-goals'), payload: { text: 'Stärkt nära vård' } });
    const [e1, e2] = withTwo.json().effectGoals.map((e: { id: string }) => e.id);
    expect(
      (await leader({ method: 'POST', url: url('/goals'), payload: { text: 'Ta fram förslag', effectGoalId: e1 } }))
        .statusCode,
    ).toBe(201);
    const taken = await leader({ method: 'POST', url: url('/goals'), payload: { text: 'Dubblett', effectGoalId: e1 } });
    expect(taken.statusCode).toBe(409);
    const two = await leader({ method: 'POST', url: url('/goals'), payload: { text: 'Två', effectGoalId: [e1, e2] } });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.fields[0].message).toBe('Ett projektmål knyts till exakt ett effektmål.');
    const goalId = (await project()).goals[0].id;
    const lifted = await leader({ method: 'PATCH', url: url(`/goals/${goalId}`), payload: { status: 'lifted_out' } });
    expect(lifted.statusCode).toBe(400);
    expect((await project()).goals.map((g: { status: string }) => g.status)).toEqual(['not_started']);

    const outside = await leader({
      method: 'POST',
      url: url('/decisions'),
      payload: { date: '2022-01-10', forum: 'Styrgrupp', text: 'För sent' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].message).toBe(
      'Datumet ligger utanför projektets period (2020-09-01 – 2021-12-31).',
    );
    const decided = await leader({
      method: 'POST',
      url: url('/decisions'),
      payload: { date: '2021-04-23', forum: 'Styrgrupp', text: 'Projektet förlängs året ut', goalId },
    });
    expect(decided.statusCode).toBe(201);
    for (const forum of ['Styrgrupp', 'Styrgrupp', 'MAS-nätverk']) {
      await leader({ method: 'POST', url: url('/presentations'), payload: { date: '2021-02-01', forum } });
    }
    expect((await project()).presentationCounts).toEqual([
      { forum: 'Styrgrupp', count: 2 },
      { forum: 'MAS-nätverk', count: 1 },
    ]);
  });

  it('refuses negative hours and hours beyond a working year, and sums what was given per municipality', async () => {
    const give = (hours: number, municipalityId = a.id) =>
      leader({ method: 'POST', url: url('/contributions'), payload: { municipalityId, date: '2021-03-01', hours } });
    expect((await give(-5)).json().error.fields[0].message).toBe('Timmarna kan inte vara negativa.');
    expect((await give(2081)).json().error.fields[0].message).toContain('Högst 2 080 timmar per post');
    expect((await project()).cofinancing.contributions).toHaveLength(0);
    await leader({ method: 'PUT', url: url(`/pledges/${a.id}`), payload: { plannedHours: 300 } });
    await leader({ method: 'PUT', url: url(`/pledges/${b.id}`), payload: { plannedHours: 100 } });
    await give(120);
    await give(80.5);
    await give(100, b.id);
    // Attendance in a shared activity of this project: 6.5 hours present counts, an absence does not.
    const [act] = await t.db
      .insert(activity)
      .values({
        title: 'Dialogmöte',
        kind: ACTIVITY_KINDS[0],
        organiserId: a.id,
        sourceModule: 'projects',
        sourceRecordId: projectId,
      })
      .returning({ id: activity.id });
    const startsAt = new Date('2021-06-16T08:00:00Z');
    const [occasion] = await t.db
      .insert(activityOccasion)
      .values({
        activityId: act?.id ?? '',
        startsAt,
        endsAt: new Date('2021-06-16T15:00:00Z'),
        capacity: 10,
        registrationDeadline: startsAt,
      })
      .returning({ id: activityOccasion.id });
    await t.db.insert(activityRegistration).values(
      (['present', 'absent'] as const).map((attendance) => ({
        occasionId: occasion?.id ?? '',
        personId: randomUUID(),
        organisationId: a.id,
        state: 'registered' as const,
        attendance,
        hours: attendance === 'present' ? 6.5 : 3,
      })),
    );
    // The project is over: everything pledged is due. Ahult 200.5 + 6.5 of 300 (< 240: behind); Bstad 100 of 100.
    const { cofinancing } = await project();
    expect(
      cofinancing.rows.map((r: Record<string, unknown>) => [
        r.name,
        r.dueHours,
        r.actualHours,
        r.attendanceHours,
        r.actualHoursValue,
        r.behind,
      ]),
    ).toEqual([
      ['Ahult', 300, 207, 6.5, 82_800, true],
      ['Bstad', 100, 100, 0, 40_000, false],
    ]);
    expect(cofinancing.totals).toMatchObject({ plannedHours: 400, actualHours: 307, actualHoursValue: 122_800 });
    expect(cofinancing.behindCount).toBe(1);
  });
});

describe('the final report', () => {
  it('holds every chapter, the edited texts and the Gantt figure, in the model and the XLSX appendix', async () => {
    await leader({
      method: 'PUT',
      url: url('/report/texts/lessons'),
      payload: { text: 'Börja alla projekt med en förstudie.' },
    });
    const model = (await steeringMember({ method: 'GET', url: url('/report') })).json();
    expect(model.chapters.map((c: { title: string }) => c.title)).toEqual(
      REPORT_CHAPTERS.map((k) => CHAPTER_TITLES[k].sv),
    );
    expect(model.chapters.at(-1).text).toBe('Börja alla projekt med en förstudie.');
    const plan = model.chapters.find((c: { key: string }) => c.key === 'plan');
    expect(plan.figure.svg).toMatch(/^<svg[^>]+role="img"/);
    expect(plan.figure.svg).toContain('Förstudie');
    expect(plan.figure.svg).toContain('url(#gantt-solid-done)');
    expect(plan.figure.svg).toContain('Klar · 27 d sen');
    const presentations = model.chapters.find((c: { key: string }) => c.key === 'presentations');
    expect(presentations.tables[0].rows).toContainEqual(['Styrgrupp', '2']);

    const res = await steeringMember({ method: 'GET', url: url('/report.xlsx') });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => texts.push(row.values?.toString() ?? ''));
    const all = texts.join('\n');
    for (const k of REPORT_CHAPTERS) expect(all).toContain(CHAPTER_TITLES[k].sv);
    expect(all).toContain('Ganttschema: plan och verklighet');
    expect(all).toContain('Webbintervjuerna tog längre tid');
    const pdf = await steeringMember({ method: 'GET', url: url('/report.pdf') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const k of REPORT_CHAPTERS) expect(text).toContain(CHAPTER_TITLES[k].sv);
    expect(text).toContain('Ganttschema: plan och verklighet');
    expect(text).toContain('Börja alla projekt med en förstudie.');
    const svg = await steeringMember({ method: 'GET', url: url('/gantt.svg') });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('Förstudie');
  });
});
