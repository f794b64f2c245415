// The demo projects, seeded on the demo's fifteen municipalities and its steering group: "Vårdens medarbetare" with
// the final report's facts and the Favo-like career-path project, both marked as demo and read by the steering group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from '../../platform/server/demo.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { network, networkMember } from '../../platform/server/organisation.table.ts';
import type { ProjectDto } from './projects.contracts.ts';
import { DEMO_CAREER_PROJECT_NAME, DEMO_PROJECT_LEADER, DEMO_PROJECT_NAME, seedProjectsDemo } from './projects-demo.ts';

let t: TestApp;
let vm: ProjectDto;
let career: ProjectDto;
let steeringCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const region = await buildRegion(t.db, 'Demoregionen');
  const municipalities = new Map<string, { id: string; name: string; code: string | null }>();
  for (const [name, code] of DEMO_MUNICIPALITIES) {
    const m = await buildMunicipality(t.db, { name, code });
    municipalities.set(name, { id: m.id, name: m.name, code: m.code });
  }
  const [group] = await t.db
    .insert(network)
    .values({ name: 'Socialchefsgruppen', kind: 'steering_group' })
    .returning({ id: network.id });
  const steering = await buildUser(t.db, { role: 'steering', municipality: await buildMunicipality(t.db) });
  await t.db.insert(networkMember).values({ networkId: group?.id ?? '', userId: steering.id });
  await seedProjectsDemo(t.db, {
    regionId: region.id,
    municipalities,
    networks: new Map([['Socialchefsgruppen', group?.id ?? '']]),
    now: new Date(),
  });
  steeringCookie = await t.signIn(steering, '10.19.2.1');
  const list = (await t.as(steeringCookie)({ method: 'GET', url: '/api/projects' })).json().projects;
  const open = async (name: string) =>
    (
      await t.as(steeringCookie)({
        method: 'GET',
        url: `/api/projects/${list.find((p: { name: string }) => p.name === name).id}`,
      })
    ).json();
  vm = await open(DEMO_PROJECT_NAME);
  career = await open(DEMO_CAREER_PROJECT_NAME);
});
afterAll(() => t?.close());

describe('the demo projects', () => {
  it('rebuilds Vårdens medarbetare from the final report', () => {
    expect([vm.startDate, vm.endDate, vm.demo, vm.access]).toEqual(['2020-09-01', '2021-12-31', true, 'read']);
    expect(vm.participation).toHaveLength(15);
    const rejoined = vm.participation.filter((m) => m.intervals.length === 2);
    expect(rejoined.map((m) => m.intervals.map((i) => [i.from, i.to]))).toEqual([
      [
        ['2020-09-01', '2021-08-31'],
        ['2021-10-01', null],
      ],
      [
        ['2020-09-01', '2021-08-31'],
        ['2021-10-01', null],
      ],
    ]);
    expect(vm.activities.filter((a) => a.kind === 'phase').map((a) => a.name)).toEqual([
      'Uppstartsfas',
      'Förstudiefas',
      'Beslutsfas',
      'Genomförandefas',
      'Slutfas',
    ]);
    const chosen = vm.proposals.filter((p) => p.status === 'chosen').map((p) => p.number);
    expect(chosen).toEqual([1, 2, 5, 6]);
    expect(vm.subprojects.map((s) => [s.number, s.proposalNumber, s.prioritised])).toEqual([
      [1, 1, true],
      [2, 2, false],
      [3, 5, true],
      [4, 6, true],
    ]);
    expect(vm.decisions.find((d) => d.date === '2021-04-23')?.text).toContain('förlänger projektet året ut');
    expect(vm.goals.find((g) => g.number === 4)?.status).toBe('lifted_out');
    expect(vm.presentationCounts).toEqual([
      { forum: 'Styrgrupp (socialchefsmöten)', count: 11 },
      { forum: 'Övriga möten utanför kommunerna', count: 10 },
      { forum: 'MAS-nätverk', count: 7 },
      { forum: 'Övriga möten i kommunerna', count: 6 },
      { forum: 'Äldrenätverk', count: 4 },
    ]);
    // Plan against reality: a saved baseline, moved dates with reasons, and late activities.
    expect(vm.baselineSavedAt).not.toBeNull();
    expect(vm.dateChanges.every((c) => c.reason.length > 0 && c.changedByName === DEMO_PROJECT_LEADER.name)).toBe(true);
    expect(vm.activities.some((a) => a.late)).toBe(true);
    expect(vm.cofinancing.behindCount).toBeGreaterThan(0);
  });

  it('models the career-path project on Favo: seven municipalities, ESF funding and 700 participants', () => {
    expect([career.startDate, career.endDate, career.participantTarget, career.demo]).toEqual([
      '2023-09-01',
      '2025-08-31',
      700,
      true,
    ]);
    expect(career.participation).toHaveLength(7);
    expect(career.members.filter((m) => m.kind === 'local_leader')).toHaveLength(7);
    expect(career.cofinancing.budgetLines.find((b) => b.kind === 'grant')?.label).toContain('ESF');
  });

  it('lets the demo project leader sign in and change the project', async () => {
    const cookie = await t.signIn({ email: DEMO_PROJECT_LEADER.email, password: DEMO_PASSWORD }, '10.19.2.2');
    expect((await t.as(cookie)({ method: 'GET', url: `/api/projects/${vm.id}` })).json().access).toBe('change');
  });
});
