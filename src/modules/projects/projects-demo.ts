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
import type { ActivityStatus } from './projects.contracts.ts';
import {
  project,
  projectActivity,
  projectBudgetLine,
  projectContribution,
  projectDateChange,
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

export const DEMO_PROJECT_LEADER = {
  email: 'projektledare@demo.example',
  name: 'Pia Projektledare (demo)',
};
export const DEMO_PROJECT_NAME = 'Vårdens medarbetare (demo)';
export const DEMO_CAREER_PROJECT_NAME = 'Karriärvägar i äldreomsorgen (demo)';

type Row = {
  name: string;
  kind?: 'activity' | 'milestone';
  responsible?: string;
  /** Baseline (the original plan to August 2021), the revised plan, and reality. */
  baseline: [string, string];
  plan?: [string, string];
  actual?: [string | null, string | null];
  status?: ActivityStatus;
  subproject?: number;
  reason?: string;
};
type Phase = {
  name: string;
  baseline: [string, string];
  plan?: [string, string];
  actual: [string, string];
  rows: Row[];
};

const EXTENSION = 'Projektet förlängdes året ut (styrgruppens beslut 23 april 2021).';

const VM_PHASES: Phase[] = [
  {
    name: 'Uppstartsfas',
    baseline: ['2020-09-01', '2020-10-31'],
    actual: ['2020-09-01', '2020-10-31'],
    rows: [
      {
        name: 'Inläsning, avgränsning och förankring',
        baseline: ['2020-09-01', '2020-09-30'],
        actual: ['2020-09-01', '2020-10-15'],
      },
      {
        name: 'Kontaktperson utsedd i varje kommun',
        kind: 'milestone',
        baseline: ['2020-09-30', '2020-09-30'],
        actual: ['2020-10-15', '2020-10-15'],
      },
      {
        name: 'Första möte med varje kontaktperson',
        baseline: ['2020-10-01', '2020-10-31'],
        plan: ['2020-10-15', '2020-10-31'],
        actual: ['2020-10-16', '2020-10-30'],
        reason: 'Kontaktpersonerna utsågs först i mitten av oktober.',
      },
    ],
  },
  {
    name: 'Förstudiefas',
    baseline: ['2020-11-01', '2021-01-31'],
    plan: ['2020-11-01', '2021-02-28'],
    actual: ['2020-11-01', '2021-02-28'],
    rows: [
      {
        name: 'Personal- och bemanningsstatistik från kommunerna',
        baseline: ['2020-11-01', '2020-12-15'],
        plan: ['2020-11-01', '2021-01-15'],
        actual: ['2020-11-02', '2021-01-22'],
        reason: 'Få följde upp statistiken regelbundet: manuell handpåläggning hos varje kontaktperson.',
      },
      {
        name: 'Webbintervjuer (15 intervjuer, 45 deltagare)',
        baseline: ['2020-11-01', '2020-12-18'],
        actual: ['2020-11-09', '2020-12-17'],
      },
      {
        name: 'Förstudien med tio förslag sammanställs',
        baseline: ['2020-12-01', '2021-01-22'],
        plan: ['2020-12-01', '2021-02-12'],
        actual: ['2020-12-07', '2021-02-12'],
        reason: 'Statistiken kom in senare än planerat.',
      },
      {
        name: 'Styrgruppen tar emot förstudien',
        kind: 'milestone',
        baseline: ['2021-01-29', '2021-01-29'],
        plan: ['2021-02-19', '2021-02-19'],
        actual: ['2021-02-19', '2021-02-19'],
        reason: 'Nästa socialchefsmöte med plats på dagordningen.',
      },
    ],
  },
  {
    name: 'Beslutsfas',
    baseline: ['2021-02-01', '2021-02-28'],
    plan: ['2021-03-01', '2021-04-30'],
    actual: ['2021-03-01', '2021-04-30'],
    rows: [
      {
        name: 'Förstudien förankras i kommunerna',
        baseline: ['2021-02-01', '2021-02-26'],
        plan: ['2021-03-01', '2021-04-16'],
        actual: ['2021-03-01', '2021-04-20'],
        reason: 'Styrgruppen ville förankra innehåll och slutsatser i varje kommunorganisation.',
      },
      {
        name: 'Beslut om förlängning och fyra delprojekt',
        kind: 'milestone',
        baseline: ['2021-02-26', '2021-02-26'],
        plan: ['2021-04-23', '2021-04-23'],
        actual: ['2021-04-23', '2021-04-23'],
        reason: 'Dialogen mellan socialcheferna om de tio förslagen tog våren.',
      },
    ],
  },
  {
    name: 'Genomförandefas',
    baseline: ['2021-03-01', '2021-07-31'],
    plan: ['2021-05-01', '2021-10-31'],
    actual: ['2021-05-03', '2021-10-22'],
    rows: [
      {
        name: 'Delprojekt 1: utredning av villkor vid vidareutbildning',
        baseline: ['2021-03-01', '2021-05-31'],
        plan: ['2021-05-03', '2021-06-30'],
        actual: ['2021-05-10', '2021-06-18'],
        subproject: 1,
        reason: EXTENSION,
      },
      {
        name: 'Dialogmöte om delprojekt 1',
        kind: 'milestone',
        baseline: ['2021-06-01', '2021-06-01'],
        plan: ['2021-06-16', '2021-06-16'],
        actual: ['2021-06-16', '2021-06-16'],
        subproject: 1,
        reason: EXTENSION,
      },
      {
        name: 'Delprojekt 3: utredning av gemensamma utbildningar',
        baseline: ['2021-03-01', '2021-06-15'],
        plan: ['2021-05-03', '2021-08-13'],
        actual: ['2021-05-10', '2021-08-27'],
        subproject: 3,
        reason: 'Arbetsgruppen utökades med Campus Västra Skaraborg; utredningen pågick över sommaren.',
      },
      {
        name: 'Dialogmöte om delprojekt 3',
        kind: 'milestone',
        baseline: ['2021-06-15', '2021-06-15'],
        plan: ['2021-08-20', '2021-08-20'],
        actual: ['2021-09-01', '2021-09-01'],
        subproject: 3,
        reason: EXTENSION,
      },
      {
        name: 'Delprojekt 4: webbsida med kostnadsfria webbutbildningar',
        baseline: ['2021-04-01', '2021-06-30'],
        plan: ['2021-06-01', '2021-10-15'],
        actual: ['2021-06-07', '2021-10-15'],
        subproject: 4,
        reason: EXTENSION,
      },
      {
        name: 'Styrgruppen antar planen för gemensamma utbildningar',
        kind: 'milestone',
        baseline: ['2021-06-18', '2021-06-18'],
        plan: ['2021-09-17', '2021-09-17'],
        actual: ['2021-09-17', '2021-09-17'],
        subproject: 3,
        reason: EXTENSION,
      },
      {
        name: 'Beslut om lokala kollektivavtal (delprojekt 1)',
        kind: 'milestone',
        baseline: ['2021-06-18', '2021-06-18'],
        plan: ['2021-10-22', '2021-10-22'],
        actual: ['2021-10-22', '2021-10-22'],
        subproject: 1,
        reason: EXTENSION,
      },
    ],
  },
  {
    name: 'Slutfas',
    baseline: ['2021-08-01', '2021-08-31'],
    plan: ['2021-11-01', '2021-12-31'],
    actual: ['2021-11-01', '2021-12-31'],
    rows: [
      {
        name: 'Planen för gemensamma utbildningar i drift',
        baseline: ['2021-08-01', '2021-08-31'],
        plan: ['2021-11-01', '2021-12-17'],
        actual: ['2021-11-01', '2021-12-10'],
        subproject: 3,
        reason: EXTENSION,
      },
      {
        name: 'MAS-nätverket kvalitetssäkrar webbsidan',
        kind: 'milestone',
        baseline: ['2021-08-20', '2021-08-20'],
        plan: ['2021-12-03', '2021-12-03'],
        actual: ['2021-12-03', '2021-12-03'],
        subproject: 4,
        reason: EXTENSION,
      },
      {
        name: 'Villkor vid vidareutbildning i drift (delprojekt 1)',
        baseline: ['2021-08-01', '2021-08-31'],
        plan: ['2021-11-01', '2021-12-31'],
        actual: ['2021-11-01', null],
        status: 'ongoing',
        subproject: 1,
        reason: 'HR-chefer i sex kommuner vill inte teckna kollektivavtal; dialogen fortsätter.',
      },
      {
        name: 'Muntlig slutrapport i styrgruppen',
        kind: 'milestone',
        baseline: ['2021-08-27', '2021-08-27'],
        plan: ['2021-12-17', '2021-12-17'],
        actual: ['2021-12-17', '2021-12-17'],
        reason: EXTENSION,
      },
      {
        name: 'Skriftlig slutrapport överlämnas',
        kind: 'milestone',
        baseline: ['2021-08-31', '2021-08-31'],
        plan: ['2021-12-31', '2021-12-31'],
        actual: ['2021-12-31', '2021-12-31'],
        reason: EXTENSION,
      },
    ],
  },
];

const VM_PROPOSALS = [
  'Gemensamma villkor vid vidareutbildning',
  'Gemensam kompetensbank',
  'Utbytesprogram mellan kommun och region',
  'Bevakning av Göteborgsregionens lärplattform',
  'Gemensamma utbildningssatsningar i Skaraborg',
  'Systematiskt nyttjande av kostnadsfria alternativ',
  'Utveckla nanolearning för legitimerade medarbetare',
  'Dialogmöten nära vård',
  'Fördjupad samverkan med Högskolan i Skövde',
  'Fortsatt erfarenhetsutbyte utifrån vinster som uppstått i pandemin',
];
/** Proposal number → sub-project number (proposals 1, 2, 5 and 6 became sub-projects 1–4). */
const CHOSEN: Record<number, number> = { 1: 1, 2: 2, 5: 3, 6: 4 };
const VM_SUBPROJECTS = [
  {
    name: 'Gemensamma villkor vid vidareutbildning',
    goal: 'Förbättrade villkor vid vidareutbildning på avancerad nivå för sjuksköterskor, arbetsterapeuter och fysioterapeuter.',
    result:
      'Förslag till lokala kollektivavtal om utbildningsanställningar (AST-modellen); sju kommuner redo att teckna, dialog pågår med övriga sex.',
    prioritised: true,
  },
  {
    name: 'Gemensam kompetensbank',
    goal: 'Samarbete kring specialistkompetenser mellan kommunerna.',
    result: 'Ej prioriterat på styrgruppens uppmaning; förslag till fortsättning i nätverken för HSL-chefer.',
    prioritised: false,
  },
  {
    name: 'Gemensamma utbildningar',
    goal: 'En plan som förenklar för chefer vid löpande utbildningssatsningar.',
    result: 'Planen för gemensamma utbildningar antagen 17 september 2021 och i drift.',
    prioritised: true,
  },
  {
    name: 'Systematiskt nyttjande av kostnadsfria webbutbildningar',
    goal: 'En gemensam webbsida med kostnadsfria digitala utbildningar för legitimerad personal.',
    result: 'Webbsidan finns; kvalitetssäkrad av MAS-nätverket 3 december 2021.',
    prioritised: true,
  },
];
const VM_GOALS: { project: string; effect: string; status: 'achieved' | 'ongoing' | 'lifted_out'; reason?: string }[] =
  [
    {
      project: 'Ta fram förslag till gemensamma satsningar inom kompetensområdet för legitimerad personal',
      effect: 'Ökad samsyn och samverkan kring kompetensutveckling och kompetensförsörjning',
      status: 'achieved',
    },
    {
      project: 'Föra dialog med kommunerna om vad omställningen till nära vård innebär',
      effect: 'Kommunerna är stärkta i omställningen till en god och nära vård',
      status: 'achieved',
    },
    {
      project: 'Utforska möjligheter till vidareutbildning, främst i samarbete med Högskolan i Skövde',
      effect: 'Fler legitimerade medarbetare med specialistkompetens',
      status: 'ongoing',
      reason: 'Villkoren vid vidareutbildning fastställs mellan socialchefer och HR-chefer.',
    },
    {
      project: 'Samverka med e-hälsosamordnare för att utveckla digitala tjänster och verktyg',
      effect: 'Digitala tjänster och verktyg stödjer legitimerad personal i vardagen',
      status: 'lifted_out',
      reason:
        'Lyftes ut när förstudien antogs: förstudien gav inget fortsatt förslag inom området i projektets regi. Digitaliseringen bör ges utrymme i befintliga forum.',
    },
    {
      project: 'Inventera vad som vunnits under pandemin',
      effect: 'Vinster från pandemin tas tillvara i verksamheten',
      status: 'achieved',
    },
  ];
/** The final report's table of presentations (chapter 7:2). */
const VM_PRESENTATIONS: [forum: string, count: number, audience: string][] = [
  ['Styrgrupp (socialchefsmöten)', 11, 'Socialcheferna'],
  ['MAS-nätverk', 7, 'MAS och MAR'],
  ['Äldrenätverk', 4, 'Äldrenätverket'],
  ['Övriga möten i kommunerna', 6, 'Chefer och medarbetare'],
  ['Övriga möten utanför kommunerna', 10, 'Andra kommunalförbund och regionen'],
];

/** Evenly spread dates within a period. */
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

async function insertPlan(
  tx: Db,
  projectId: string,
  phases: Phase[],
  subprojectIds: Map<number, string>,
  leaderId: string,
  changedAt: Date,
) {
  let position = 0;
  const ids = new Map<string, string>();
  for (const phase of phases) {
    const plan = phase.plan ?? phase.baseline;
    const [ph] = await tx
      .insert(projectActivity)
      .values({
        projectId,
        kind: 'phase',
        position: ++position,
        name: phase.name,
        plannedStart: plan[0],
        plannedEnd: plan[1],
        baselineStart: phase.baseline[0],
        baselineEnd: phase.baseline[1],
        actualStart: phase.actual[0],
        actualEnd: phase.actual[1],
        status: 'done',
        createdBy: leaderId,
      })
      .returning({ id: projectActivity.id });
    if (!ph) throw new Error('insert returned no row');
    for (const r of phase.rows) {
      const plan = r.plan ?? r.baseline;
      const actual = r.actual ?? [null, null];
      const [row] = await tx
        .insert(projectActivity)
        .values({
          projectId,
          kind: r.kind ?? 'activity',
          phaseId: ph.id,
          subprojectId: r.subproject ? (subprojectIds.get(r.subproject) ?? null) : null,
          position: ++position,
          name: r.name,
          responsible: r.responsible ?? 'Projektledaren',
          plannedStart: plan[0],
          plannedEnd: plan[1],
          baselineStart: r.baseline[0],
          baselineEnd: r.baseline[1],
          actualStart: actual[0],
          actualEnd: actual[1],
          status: r.status ?? (actual[1] ? 'done' : actual[0] ? 'ongoing' : 'not_started'),
          createdBy: leaderId,
        })
        .returning({ id: projectActivity.id });
      if (!row) throw new Error('insert returned no row');
      ids.set(r.name, row.id);
      if (r.plan) {
        await tx.insert(projectDateChange).values({
          projectId,
          activityId: row.id,
          which: 'planned',
          fromStart: r.baseline[0],
          fromEnd: r.baseline[1],
          toStart: plan[0],
          toEnd: plan[1],
          reason: r.reason ?? EXTENSION,
          afterBaseline: true,
          changedBy: leaderId,
          changedByName: DEMO_PROJECT_LEADER.name,
          changedAt,
        });
      }
    }
  }
  return ids;
}

export async function seedProjectsDemo(tx: Db, demo: DemoContext): Promise<void> {
  const leaderId = await demoLeader(tx);
  const steering = demo.networks.get('Socialchefsgruppen') ?? null;
  const m = (name: string) => demo.municipalities.get(name)?.id;
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
