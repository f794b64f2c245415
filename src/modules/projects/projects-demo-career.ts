// The demo's career-path project, modelled on Favo (2023-09 – 2025-08, seven municipalities, ESF funding, a target of
// 700 participants), seeded by projects-demo.ts after "Vårdens medarbetare". Names of people are invented.
import { eq } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import {
  project,
  projectBudgetLine,
  projectContribution,
  projectEffectGoal,
  projectGoal,
  projectIndicatorValue,
  projectMember,
  projectParticipation,
  projectPledge,
} from './projects.table.ts';
import { DEMO_CAREER_PROJECT_NAME, insertPlan, type Phase } from './projects-demo-data.ts';

export async function seedCareerProject(tx: Db, demo: DemoContext, leaderId: string): Promise<void> {
  const m = (name: string) => demo.municipalities.get(name)?.id;
  const steering = demo.networks.get('Socialchefsgruppen') ?? null;
  // ---- The career-path project, modelled on Favo ----
  const seven = ['Falköping', 'Hjo', 'Lidköping', 'Mariestad', 'Skara', 'Skövde', 'Tidaholm'];
  const [cp] = await tx
    .insert(project)
    .values({
      name: DEMO_CAREER_PROJECT_NAME,
      purpose:
        'Att stödja kommunerna i att införa en gemensam karriärvägsmodell i äldreomsorgen (nya titlar, gemensamma utbildningskrav, differentierade arbetsuppgifter) och en gemensam mentorskapsmodell, för att attrahera, rekrytera, utveckla och behålla medarbetare. (demo)',
      orderer: 'Socialcheferna i regionen',
      owner: 'Branschråd äldreomsorg',
      leaderUserId: leaderId,
      steeringNetworkId: steering,
      startDate: '2023-09-01',
      endDate: '2025-08-31',
      participantTarget: 700,
      hourlyRate: 420,
      baselineSavedAt: new Date('2023-10-15T12:00:00Z'),
      baselineSavedBy: leaderId,
      demo: true,
      createdBy: leaderId,
    })
    .returning({ id: project.id });
  if (!cp) throw new Error('insert returned no row');
  const cpId = cp.id;
  const sevenIds = seven.flatMap((n) => (m(n) ? [[n, m(n) as string] as const] : []));
  const chef = await tx
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(eq(user.email, 'chef.skovde@demo.example'));
  await tx.insert(projectMember).values(
    sevenIds.flatMap(([name, id]) => [
      {
        projectId: cpId,
        kind: 'local_leader' as const,
        municipalityId: id,
        userId: name === 'Skövde' ? (chef[0]?.id ?? null) : null,
        name: name === 'Skövde' && chef[0] ? chef[0].name : `Lokal projektledare ${name} (demo)`,
        createdBy: leaderId,
      },
      {
        projectId: cpId,
        kind: 'local_group' as const,
        municipalityId: id,
        name: `Lokal projektgrupp ${name} (demo)`,
        note: 'Enhetschefer, undersköterskor och HR',
        createdBy: leaderId,
      },
    ]),
  );
  await tx.insert(projectParticipation).values(
    sevenIds.map(([name, id]) => ({
      projectId: cpId,
      municipalityId: id,
      event: 'join' as const,
      date: name === 'Hjo' || name === 'Skövde' ? '2023-09-01' : '2023-09-20',
      reason:
        name === 'Hjo' || name === 'Skövde' ? 'Pilotkommun, hade redan startat.' : 'Startkonferensen 20 september.',
      createdBy: leaderId,
    })),
  );
  const effects = [
    ['En gemensam karriärvägsmodell är införd i kommunerna', 'Fler anställda stannar och utvecklas inom äldreomsorgen'],
    ['En mentorskapsmodell är framtagen, testad och införd', 'Nya medarbetare stannar kvar i yrket'],
    ['Omkring 700 deltagare har fått kompetensutveckling', 'Rätt kompetens till rätt arbetsuppgifter'],
  ] as const;
  for (const [i, [goalText, effectText]] of effects.entries()) {
    const [effect] = await tx
      .insert(projectEffectGoal)
      .values({ projectId: cpId, number: i + 1, text: effectText, createdBy: leaderId })
      .returning({ id: projectEffectGoal.id });
    if (!effect) continue;
    const [goal] = await tx
      .insert(projectGoal)
      .values({
        projectId: cpId,
        number: i + 1,
        text: goalText,
        effectGoalId: effect.id,
        status: i === 2 ? 'ongoing' : 'achieved',
        indicatorName: i === 2 ? 'Deltagare i kompetensutveckling' : null,
        indicatorUnit: i === 2 ? 'deltagare' : null,
        indicatorTarget: i === 2 ? 700 : null,
        createdBy: leaderId,
      })
      .returning({ id: projectGoal.id });
    if (goal && i === 2) {
      await tx.insert(projectIndicatorValue).values(
        [
          ['2024-03-31', 120],
          ['2024-09-30', 310],
          ['2025-03-31', 520],
          ['2025-08-31', 655],
        ].map(([date, value]) => ({ goalId: goal.id, date: String(date), value: Number(value), createdBy: leaderId })),
      );
    }
  }
  const cpPhases: Phase[] = [
    {
      name: 'Start och förankring',
      baseline: ['2023-09-01', '2023-12-31'],
      actual: ['2023-09-01', '2023-12-20'],
      rows: [
        {
          name: 'Startkonferens',
          kind: 'milestone',
          baseline: ['2023-09-20', '2023-09-20'],
          actual: ['2023-09-20', '2023-09-20'],
        },
        {
          name: 'Lokala projektgrupper bildas',
          baseline: ['2023-09-20', '2023-11-30'],
          actual: ['2023-09-25', '2023-12-15'],
        },
      ],
    },
    {
      name: 'Karriärvägsmodellen införs',
      baseline: ['2023-10-01', '2025-03-31'],
      actual: ['2023-10-01', '2025-05-31'],
      rows: [
        {
          name: 'Två nya titlar: biträde och specialistundersköterska',
          baseline: ['2023-10-01', '2024-06-30'],
          actual: ['2023-10-15', '2024-09-30'],
        },
        {
          name: 'Gemensamma utbildningskrav',
          baseline: ['2024-01-01', '2024-12-31'],
          actual: ['2024-02-01', '2025-02-28'],
        },
        {
          name: 'Differentierade arbetsuppgifter',
          baseline: ['2024-04-01', '2025-03-31'],
          actual: ['2024-05-01', '2025-05-31'],
        },
      ],
    },
    {
      name: 'Mentorskapsmodellen',
      baseline: ['2023-11-01', '2025-06-30'],
      actual: ['2023-11-01', '2025-08-15'],
      rows: [
        {
          name: 'Struktur och uppdragsbeskrivning',
          baseline: ['2023-11-01', '2024-01-31'],
          actual: ['2023-11-01', '2024-02-29'],
        },
        {
          name: 'Mentorer rekryteras och utbildas',
          baseline: ['2024-02-01', '2024-04-30'],
          actual: ['2024-03-01', '2024-05-31'],
        },
        {
          name: 'Test med adepter (12–14 månader)',
          baseline: ['2024-05-01', '2025-06-30'],
          actual: ['2024-06-01', '2025-07-31'],
        },
        {
          name: 'Utvärdering och revidering',
          baseline: ['2025-05-01', '2025-06-30'],
          actual: ['2025-06-01', '2025-08-15'],
        },
      ],
    },
    {
      name: 'Avslut och ESF-rapportering',
      baseline: ['2025-06-01', '2025-08-31'],
      actual: ['2025-06-01', '2025-08-31'],
      rows: [
        {
          name: 'Slutrapport till ESF',
          kind: 'milestone',
          baseline: ['2025-08-29', '2025-08-29'],
          actual: ['2025-08-29', '2025-08-29'],
        },
      ],
    },
  ];
  await insertPlan(tx, cpId, cpPhases, new Map(), leaderId, new Date('2024-06-01T09:00:00Z'));
  await tx
    .insert(projectPledge)
    .values(sevenIds.map(([, id]) => ({ projectId: cpId, municipalityId: id, plannedHours: 400 })));
  await tx.insert(projectContribution).values(
    sevenIds.flatMap(([name, id]) =>
      ['2024-06-30', '2024-12-31', '2025-06-30'].map((date, k) => ({
        projectId: cpId,
        municipalityId: id,
        date,
        hours: name === 'Tidaholm' ? 70 : 120 + k * 5,
        note: 'Deltagande i kompetensutveckling och mentorskap (demo)',
        createdBy: leaderId,
      })),
    ),
  );
  await tx.insert(projectBudgetLine).values([
    {
      projectId: cpId,
      kind: 'grant',
      label: 'Europeiska socialfonden (ESF) (demo)',
      funder: 'ESF-rådet',
      planned: 9_800_000,
      actual: 9_250_000,
      createdBy: leaderId,
    },
    {
      projectId: cpId,
      kind: 'cost',
      label: 'Projekt- och processledning (demo)',
      planned: 3_100_000,
      actual: 3_050_000,
      createdBy: leaderId,
    },
    {
      projectId: cpId,
      kind: 'cost',
      label: 'Kompetensutveckling för deltagare (demo)',
      planned: 6_700_000,
      actual: 6_200_000,
      createdBy: leaderId,
    },
  ]);
}
