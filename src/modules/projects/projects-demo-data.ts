// The facts of the demo's "Vårdens medarbetare" project, from its final report: the phases of chapter 3 with the
// original plan as baseline, the revised plan and reality, and the proposals and sub-projects (projects-demo.ts seeds
// them), and the plan's insert that both demo projects use.
import type { Db } from '../../platform/server/db.ts';
import type { ActivityStatus } from './projects.contracts.ts';
import { projectActivity, projectDateChange } from './projects.table.ts';

export const DEMO_CAREER_PROJECT_NAME = 'Karriärvägar i äldreomsorgen (demo)';

/** The demo's project leader, an account of the region's office (same password as every demo user). */
export const DEMO_PROJECT_LEADER = {
  email: 'projektledare@demo.example',
  name: 'Pia Projektledare (demo)',
};

export type Row = {
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
export type Phase = {
  name: string;
  baseline: [string, string];
  plan?: [string, string];
  actual: [string, string];
  rows: Row[];
};

export const EXTENSION = 'Projektet förlängdes året ut (styrgruppens beslut 23 april 2021).';

export const VM_PHASES: Phase[] = [
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

export const VM_PROPOSALS = [
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
export const CHOSEN: Record<number, number> = { 1: 1, 2: 2, 5: 3, 6: 4 };
export const VM_SUBPROJECTS = [
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
export const VM_GOALS: {
  project: string;
  effect: string;
  status: 'achieved' | 'ongoing' | 'lifted_out';
  reason?: string;
}[] = [
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
export const VM_PRESENTATIONS: [forum: string, count: number, audience: string][] = [
  ['Styrgrupp (socialchefsmöten)', 11, 'Socialcheferna'],
  ['MAS-nätverk', 7, 'MAS och MAR'],
  ['Äldrenätverk', 4, 'Äldrenätverket'],
  ['Övriga möten i kommunerna', 6, 'Chefer och medarbetare'],
  ['Övriga möten utanför kommunerna', 10, 'Andra kommunalförbund och regionen'],
];

/** Evenly spread dates within a period. */

/** Inserts a project's phases and their activities with baseline, plan, reality and the history of moved dates. */
export async function insertPlan(
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
