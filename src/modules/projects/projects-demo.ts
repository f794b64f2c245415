// The demo's projects, both marked as demo: "Vårdens medarbetare" rebuilt from its final report's facts (September
// 2020 – December 2021: the phases of chapter 3 with the original plan as baseline, the revised plan and reality; the
// four sub-projects from proposals 1, 2, 5 and 6; goals; the extension decision of 23 April 2021; two municipalities
// that left on 31 August and came back; the presentation counts of chapter 7), and a career-path project modelled on
// Favo (2023-09 – 2025-08, seven municipalities, ESF funding, a target of 700 participants). Names of people are
// invented; the project leader is a demo account of the region's office.

import { eq } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { DEMO_PASSWORD } from '../../platform/server/demo.ts';
import { buildRegion, buildUser } from '../../platform/server/factories.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import {
  project,
  projectBudgetLine,
  projectContribution,
  projectDecision,
  projectEffectGoal,
  projectGoal,
  projectIndicatorValue,
  projectMember,
  projectParticipation,
  projectPledge,
  projectPresentation,
  projectProposal,
  projectReportText,
  projectSubproject,
} from './projects.table.ts';
import { seedCareerProject } from './projects-demo-career.ts';
import {
  CHOSEN,
  DEMO_CAREER_PROJECT_NAME,
  DEMO_PROJECT_LEADER,
  insertPlan,
  VM_GOALS,
  VM_PHASES,
  VM_PRESENTATIONS,
  VM_PROPOSALS,
  VM_SUBPROJECTS,
} from './projects-demo-data.ts';

export { DEMO_PROJECT_LEADER };
export const DEMO_PROJECT_NAME = 'Vårdens medarbetare (demo)';
export { DEMO_CAREER_PROJECT_NAME };

function spread(from: string, to: string, n: number): string[] {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Array.from({ length: n }, (_, i) => new Date(a + ((b - a) * (i + 0.5)) / n).toISOString().slice(0, 10));
}

async function demoLeader(tx: Db): Promise<string> {
  const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_PROJECT_LEADER.email));
  if (existing) return existing.id;
  const built = await buildUser(tx, {
    role: 'employee',
    organisation: await buildRegion(tx),
    name: DEMO_PROJECT_LEADER.name,
    email: DEMO_PROJECT_LEADER.email,
    password: DEMO_PASSWORD,
  });
  return built.id;
}

export async function seedProjectsDemo(tx: Db, demo: DemoContext): Promise<void> {
  const leaderId = await demoLeader(tx);
  const steering = demo.networks.get('Socialchefsgruppen') ?? null;
  const _m = (name: string) => demo.municipalities.get(name)?.id;
  const all = [...demo.municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  // ---- Vårdens medarbetare ----
  const [vm] = await tx
    .insert(project)
    .values({
      name: DEMO_PROJECT_NAME,
      purpose:
        'Att tillsammans med kommunerna ta fram förslag till gemensamma satsningar inom kompetensområdet, riktade till legitimerad personal (sjuksköterskor, arbetsterapeuter och fysioterapeuter), och särskilt stärka kommunerna i omställningen till nära vård. (demo)',
      orderer: 'Område Välfärd, Skaraborgs kommunalförbund',
      owner: 'Samordnare Nära vård (från september 2021 samordnare för område Välfärd)',
      leaderUserId: leaderId,
      steeringNetworkId: steering,
      startDate: '2020-09-01',
      endDate: '2021-12-31',
      hourlyRate: 450,
      baselineSavedAt: new Date('2020-10-30T12:00:00Z'),
      baselineSavedBy: leaderId,
      demo: true,
      createdBy: leaderId,
    })
    .returning({ id: project.id });
  if (!vm) throw new Error('insert returned no row');
  const vmId = vm.id;

  await tx.insert(projectMember).values([
    { projectId: vmId, kind: 'reference_group', name: 'MAS-nätverket', createdBy: leaderId },
    { projectId: vmId, kind: 'reference_group', name: 'Äldrenätverket', createdBy: leaderId },
    ...all.map((mu) => ({
      projectId: vmId,
      kind: 'contact' as const,
      municipalityId: mu.id,
      name: `Kontaktperson ${mu.name} (demo)`,
      note: 'Utsedd av socialchefen',
      createdBy: leaderId,
    })),
  ]);

  // All fifteen from the start; two did not extend in April and left on 31 August, then came back in the autumn.
  const leavers = ['Essunga', 'Grästorp'];
  await tx.insert(projectParticipation).values(
    all.flatMap((mu) => [
      {
        projectId: vmId,
        municipalityId: mu.id,
        event: 'join' as const,
        date: '2020-09-01',
        reason: 'Socialcheferna beställde projektet gemensamt.',
        createdBy: leaderId,
      },
      ...(leavers.includes(mu.name)
        ? [
            {
              projectId: vmId,
              municipalityId: mu.id,
              event: 'leave' as const,
              date: '2021-08-31',
              reason: 'Förlängde inte; nöjda med förstudiens innehåll och slutsatser (den ursprungliga planen).',
              createdBy: leaderId,
            },
            {
              projectId: vmId,
              municipalityId: mu.id,
              event: 'join' as const,
              date: '2021-10-01',
              reason: 'Upptäckte under hösten att resultaten gynnar även dem.',
              createdBy: leaderId,
            },
          ]
        : []),
    ]),
  );

  const subprojectIds = new Map<number, string>();
  for (const [i, s] of VM_SUBPROJECTS.entries()) {
    const [row] = await tx
      .insert(projectSubproject)
      .values({ projectId: vmId, number: i + 1, lead: 'Projektledaren', ...s, createdBy: leaderId })
      .returning({ id: projectSubproject.id });
    if (row) subprojectIds.set(i + 1, row.id);
  }

  const decisions = [
    [
      '2020-09-30',
      'Uppdraget avgränsas till legitimerad personal och omställningen till nära vård; projekt- och effektmål fastställs.',
    ],
    ['2021-02-19', 'Förstudien tas emot; innehåll och slutsatser förankras i varje kommun. Projektmål 4 lyfts ut.'],
    [
      '2021-04-23',
      'Tretton kommuner förlänger projektet året ut. Förslag 1, 2, 5 och 6 blir delprojekt; förslag 2 prioriteras inte.',
    ],
    ['2021-05-21', 'Inga formella arbetsgrupper utses; projektledaren frågar kommunerna efter frivilliga deltagare.'],
    ['2021-09-17', 'Planen för gemensamma utbildningar (delprojekt 3) antas. Webbsidan i delprojekt 4 noteras.'],
    [
      '2021-10-22',
      'Lokala kollektivavtal om utbildningsanställningar för sjuksköterskor och för arbets- och fysioterapeuter (delprojekt 1).',
    ],
    ['2021-12-17', 'Muntlig slutrapport tas emot.'],
  ] as const;
  const decisionIds = new Map<string, string>();
  for (const [date, text] of decisions) {
    const [row] = await tx
      .insert(projectDecision)
      .values({
        projectId: vmId,
        date,
        forum: 'Styrgrupp (socialchefsmöten)',
        text,
        subprojectId:
          date === '2021-09-17'
            ? (subprojectIds.get(3) ?? null)
            : date === '2021-10-22'
              ? (subprojectIds.get(1) ?? null)
              : null,
        documents: date === '2021-04-23' ? [{ title: 'Protokoll socialchefsmöte 23 april 2021 (demo)' }] : [],
        createdBy: leaderId,
      })
      .returning({ id: projectDecision.id });
    if (row) decisionIds.set(date, row.id);
  }

  for (const [i, title] of VM_PROPOSALS.entries()) {
    const number = i + 1;
    const sub = CHOSEN[number];
    await tx.insert(projectProposal).values({
      projectId: vmId,
      number,
      title,
      status: sub ? 'chosen' : 'not_chosen',
      decisionId: decisionIds.get('2021-04-23') ?? null,
      subprojectId: sub ? (subprojectIds.get(sub) ?? null) : null,
      note: sub
        ? `Blev delprojekt ${sub}${number === 2 ? ' (ej prioriterat)' : ''}.`
        : 'Hanteras utanför projektet, av befintliga samverkansgrupperingar eller nätverken.',
      createdBy: leaderId,
    });
  }

  for (const [i, g] of VM_GOALS.entries()) {
    const [effect] = await tx
      .insert(projectEffectGoal)
      .values({ projectId: vmId, number: i + 1, text: g.effect, createdBy: leaderId })
      .returning({ id: projectEffectGoal.id });
    if (!effect) continue;
    const [goal] = await tx
      .insert(projectGoal)
      .values({
        projectId: vmId,
        number: i + 1,
        text: g.project,
        effectGoalId: effect.id,
        subprojectId: i === 2 ? (subprojectIds.get(1) ?? null) : null,
        status: g.status,
        statusReason: g.reason ?? '',
        statusDecisionId: g.status === 'lifted_out' ? (decisionIds.get('2021-02-19') ?? null) : null,
        indicatorName: i === 2 ? 'Specialistsjuksköterskor i Skaraborgs kommuner (demo)' : null,
        indicatorUnit: i === 2 ? 'personer' : null,
        indicatorTarget: i === 2 ? 130 : null,
        createdBy: leaderId,
      })
      .returning({ id: projectGoal.id });
    if (goal && i === 2) {
      await tx.insert(projectIndicatorValue).values([
        { goalId: goal.id, date: '2020-12-31', value: 112, createdBy: leaderId },
        { goalId: goal.id, date: '2021-06-30', value: 115, createdBy: leaderId },
        { goalId: goal.id, date: '2021-12-31', value: 121, createdBy: leaderId },
      ]);
    }
  }

  await insertPlan(tx, vmId, VM_PHASES, subprojectIds, leaderId, new Date('2021-04-26T09:00:00Z'));

  await tx.insert(projectPresentation).values(
    VM_PRESENTATIONS.flatMap(([forum, count, audience]) =>
      spread('2020-09-15', '2021-12-17', count).map((date, i) => ({
        projectId: vmId,
        date,
        forum,
        audience,
        presenter: DEMO_PROJECT_LEADER.name,
        topic: i === count - 1 ? 'Slutrapport' : i === 0 ? 'Projektets intentioner' : 'Lägesrapport',
        createdBy: leaderId,
      })),
    ),
  );

  // Co-financing in hours: 60 hours pledged per municipality (demo); four fell behind — the report's main lesson.
  const behind = ['Gullspång', 'Karlsborg', 'Vara', 'Tibro'];
  await tx
    .insert(projectPledge)
    .values(all.map((mu) => ({ projectId: vmId, municipalityId: mu.id, plannedHours: 60 })));
  await tx.insert(projectContribution).values(
    all.flatMap((mu, i) =>
      (behind.includes(mu.name) ? [12, 10] : [20 + (i % 3) * 2, 18, 14 + (i % 4)]).map((hours, k) => ({
        projectId: vmId,
        municipalityId: mu.id,
        date: ['2020-12-15', '2021-06-30', '2021-11-30'][k] ?? '2021-11-30',
        hours,
        note:
          ['Förstudien: statistik och webbintervju', 'Arbetsgrupper och dialogmöten', 'Förankring och slutfas'][k] ??
          '',
        createdBy: leaderId,
      })),
    ),
  );
  await tx.insert(projectBudgetLine).values([
    {
      projectId: vmId,
      kind: 'grant',
      label: 'Stimulansmedel för god och nära vård, del placerad centralt (demo)',
      funder: 'Staten via kommunerna',
      planned: 1_150_000,
      actual: 1_090_000,
      createdBy: leaderId,
    },
    {
      projectId: vmId,
      kind: 'cost',
      label: 'Projektledare 100 % (demo)',
      planned: 980_000,
      actual: 1_010_000,
      createdBy: leaderId,
    },
    {
      projectId: vmId,
      kind: 'cost',
      label: 'Webbsida och material (demo)',
      planned: 60_000,
      actual: 45_000,
      createdBy: leaderId,
    },
  ]);
  await tx.insert(projectReportText).values([
    {
      projectId: vmId,
      chapter: 'background',
      text: 'Skaraborgs femton kommuner fick stimulansmedel för att förbättra förutsättningarna för vårdens medarbetare i omställningen till en god och nära vård. Socialcheferna placerade en del centralt i ett gemensamt projekt: att göra tillsammans i stället för på egen hand. (demo)',
      updatedBy: leaderId,
    },
    {
      projectId: vmId,
      chapter: 'lessons',
      text: 'Börja alla projekt med en förstudie – skapa samsyn. Var inte rädd för att driva projekt digitalt. Fundera alltid noga kring möjligheten till medfinansiering i form av arbetstimmar innan beslut om projekt fattas. (demo)',
      updatedBy: leaderId,
    },
  ]);

  await seedCareerProject(tx, demo, leaderId);
}
