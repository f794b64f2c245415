// The final report as data: the chapters of "Vårdens medarbetare"'s final report, each with the project leader's
// editable text beside the parts generated from the project (tables, the Gantt figure as SVG). The PDF, the XLSX
// appendix and the page all render this one model.
import { displayStatus, ganttScene, ganttSvg } from './gantt-scene.ts';
import { formatDate, ganttTexts } from './gantt-texts.ts';
import type { ProjectDto, ReportChapter, ReportModel } from './projects.contracts.ts';
import { REPORT_CHAPTERS } from './projects.contracts.ts';

export const CHAPTER_TITLES: Record<ReportChapter, { sv: string; en: string }> = {
  background: { sv: 'Bakgrund och uppdrag', en: 'Background and assignment' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  method: { sv: 'Metod och faser', en: 'Method and phases' },
  subprojects: { sv: 'Delprojekt och resultat', en: 'Sub-projects and results' },
  goals: { sv: 'Mål och måluppfyllelse', en: 'Goals and their status' },
  plan: { sv: 'Planering och verklighet', en: 'Plan against reality' },
  decisions: { sv: 'Beslut', en: 'Decisions' },
  presentations: { sv: 'Föredragningar', en: 'Presentations' },
  cofinancing: { sv: 'Medfinansiering', en: 'Co-financing' },
  lessons: { sv: 'Lärdomar', en: 'Lessons' },
};

const GOAL_STATUS = {
  sv: { not_started: 'Ej påbörjat', ongoing: 'Pågår', achieved: 'Uppnått', lifted_out: 'Utlyft' },
  en: { not_started: 'Not started', ongoing: 'Ongoing', achieved: 'Achieved', lifted_out: 'Lifted out' },
};
const MEMBER_KIND = {
  sv: {
    steering: 'Styrgrupp',
    contact: 'Kontaktperson',
    local_leader: 'Lokal projektledare',
    local_group: 'Lokal projektgrupp',
    reference_group: 'Referensgrupp',
  },
  en: {
    steering: 'Steering group',
    contact: 'Contact person',
    local_leader: 'Local project leader',
    local_group: 'Local project group',
    reference_group: 'Reference group',
  },
};

const num = (n: number, locale: 'sv' | 'en') => n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');

export function reportModel(p: ProjectDto, locale: 'sv' | 'en' = 'sv'): ReportModel {
  const sv = locale === 'sv';
  const d = (iso: string | null) => formatDate(iso, locale);
  const texts = ganttTexts(locale);
  const subprojectName = new Map(p.subprojects.map((s) => [s.id, `${s.number}. ${s.name}`]));
  const goalName = new Map(p.goals.map((g) => [g.id, `${sv ? 'Projektmål' : 'Project goal'} ${g.number}`]));
  const activityName = new Map(p.activities.map((a) => [a.id, a.name]));

  const chapter = (key: ReportChapter): ReportModel['chapters'][number] => ({
    key,
    number: REPORT_CHAPTERS.indexOf(key) + 1,
    title: CHAPTER_TITLES[key][locale],
    text: p.reportTexts[key] ?? '',
    paragraphs: [],
    tables: [],
    figure: null,
  });
  const chapters = REPORT_CHAPTERS.map(chapter);
  const at = (key: ReportChapter) => chapters[REPORT_CHAPTERS.indexOf(key)] as ReportModel['chapters'][number];

  // 1 Background and assignment
  at('background').paragraphs.push(
    p.purpose,
    `${sv ? 'Projektperiod' : 'Project period'}: ${d(p.startDate)} – ${d(p.endDate)}.`,
    ...(p.participantTarget !== null
      ? [`${sv ? 'Mål för antal deltagare' : 'Participant target'}: ${num(p.participantTarget, locale)}.`]
      : []),
  );

  // 2 Organisation
  const org = at('organisation');
  org.paragraphs.push(
    `${sv ? 'Beställare' : 'Orderer'}: ${p.orderer || '–'}`,
    `${sv ? 'Projektägare' : 'Owner'}: ${p.owner || '–'}`,
    `${sv ? 'Styrgrupp' : 'Steering group'}: ${p.steeringNetwork?.name ?? '–'}`,
    `${sv ? 'Projektledare' : 'Project leader'}: ${p.leader?.name ?? '–'}`,
  );
  org.tables.push({
    caption: sv ? 'Projektorganisation' : 'Project organisation',
    columns: sv ? ['Roll', 'Kommun', 'Namn'] : ['Role', 'Municipality', 'Name'],
    rows: p.members.map((m) => [MEMBER_KIND[locale][m.kind], m.municipalityName ?? '', m.name]),
  });
  org.tables.push({
    caption: sv ? 'Kommunernas deltagande över tid' : "The municipalities' participation over time",
    columns: sv ? ['Kommun', 'Från', 'Till', 'Skäl'] : ['Municipality', 'From', 'To', 'Reason'],
    rows: p.participation.flatMap((m) =>
      m.intervals.map((i) => [
        m.name,
        d(i.from),
        i.to ? d(i.to) : sv ? 'pågår' : 'ongoing',
        [i.joinReason, i.leaveReason].filter(Boolean).join(' / '),
      ]),
    ),
  });

  // 3 Method and phases
  const phases = p.activities.filter((a) => a.kind === 'phase');
  at('method').tables.push({
    caption: sv ? 'Projektets faser' : "The project's phases",
    columns: sv
      ? ['Fas', 'Planerad start', 'Planerat slut', 'Verklig start', 'Verkligt slut']
      : ['Phase', 'Planned start', 'Planned end', 'Actual start', 'Actual end'],
    rows: phases.map((a) => [
      a.name,
      d(a.baselineStart ?? a.plannedStart),
      d(a.baselineEnd ?? a.plannedEnd),
      d(a.actualStart),
      d(a.actualEnd),
    ]),
  });

  // 4 Sub-projects and proposals
  const subs = at('subprojects');
  subs.tables.push({
    caption: sv ? 'Förslag och vad de blev' : 'Proposals and what became of them',
    columns: sv ? ['Förslag', 'Rubrik', 'Beslut'] : ['Proposal', 'Title', 'Decision'],
    rows: p.proposals.map((x) => [
      String(x.number),
      x.title,
      x.status === 'chosen'
        ? `${sv ? 'Valt som delprojekt' : 'Chosen as sub-project'} ${subprojectName.get(x.subprojectId ?? '') ?? ''}`
        : x.status === 'not_chosen'
          ? sv
            ? 'Ej valt'
            : 'Not chosen'
          : sv
            ? 'Öppet'
            : 'Open',
    ]),
  });
  subs.tables.push({
    caption: sv ? 'Delprojekt' : 'Sub-projects',
    columns: sv ? ['Delprojekt', 'Ansvarig', 'Mål', 'Resultat'] : ['Sub-project', 'Lead', 'Goal', 'Result'],
    rows: p.subprojects.map((s) => [
      `${s.number}. ${s.name}${s.prioritised ? '' : sv ? ' (ej prioriterat)' : ' (not prioritised)'}`,
      s.lead,
      s.goal,
      s.result,
    ]),
  });

  // 5 Goals
  const effect = new Map(p.effectGoals.map((e) => [e.id, e]));
  at('goals').tables.push({
    caption: sv ? 'Projektmål, effektmål och status' : 'Project goals, effect goals and status',
    columns: sv
      ? ['Projektmål', 'Effektmål', 'Status', 'Kommentar']
      : ['Project goal', 'Effect goal', 'Status', 'Comment'],
    rows: p.goals.map((g) => {
      const e = effect.get(g.effectGoalId);
      const indicator = g.indicator?.values.at(-1);
      return [
        `${g.number}. ${g.text}`,
        e ? `${e.number}. ${e.text}` : '',
        GOAL_STATUS[locale][g.status],
        [
          g.statusReason,
          indicator ? `${g.indicator?.name}: ${num(indicator.value, locale)} ${g.indicator?.unit ?? ''}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ];
    }),
  });

  // 6 Plan against reality, with the Gantt figure
  const plan = at('plan');
  const rows = p.activities;
  const scene = ganttScene(rows, {
    startDate: p.startDate,
    endDate: p.endDate,
    today: p.today,
    zoom: rows.length > 0 && p.startDate.slice(0, 4) !== p.endDate.slice(0, 4) ? 'quarter' : 'month',
    texts,
  });
  const late = rows.filter((a) => a.kind !== 'phase' && a.late);
  const moved = p.dateChanges.filter((c) => c.afterBaseline);
  plan.paragraphs.push(
    sv
      ? `Planen har ${rows.filter((a) => a.kind !== 'phase').length} aktiviteter och milstolpar i ${phases.length} faser. ${late.length} slutade eller ligger efter baslinjen; datum har flyttats ${moved.length} gånger efter att baslinjen sparades.`
      : `The plan has ${rows.filter((a) => a.kind !== 'phase').length} activities and milestones in ${phases.length} phases. ${late.length} ended or lie after the baseline; dates were moved ${moved.length} times after the baseline was saved.`,
  );
  plan.figure = {
    caption: sv ? 'Ganttschema: plan och verklighet' : 'Gantt chart: plan against reality',
    alt: sv
      ? `Ganttschema med två staplar per aktivitet, plan överst och verklighet under, ${late.length} försenade.`
      : `Gantt chart with two bars per activity, plan above and reality below, ${late.length} late.`,
    svg: ganttSvg(scene, {
      title: sv ? `Ganttschema – ${p.name}` : `Gantt chart – ${p.name}`,
      description: sv ? 'Plan och verklighet per aktivitet.' : 'Plan and reality per activity.',
    }),
  };
  plan.tables.push({
    caption: sv ? 'Flyttade datum efter baslinjen' : 'Dates moved after the baseline',
    columns: sv
      ? ['Aktivitet', 'Från', 'Till', 'Vem', 'När', 'Varför']
      : ['Activity', 'From', 'To', 'Who', 'When', 'Why'],
    rows: moved.map((c) => [
      activityName.get(c.activityId) ?? '',
      `${d(c.fromStart)} – ${d(c.fromEnd)}`,
      `${d(c.toStart)} – ${d(c.toEnd)}`,
      c.changedByName,
      c.changedAt.slice(0, 10),
      c.reason,
    ]),
  });
  plan.tables.push({
    caption: sv ? 'Aktiviteter, plan och verklighet' : 'Activities, plan and reality',
    columns: sv
      ? ['Aktivitet', 'Baslinje', 'Plan', 'Verklighet', 'Status']
      : ['Activity', 'Baseline', 'Plan', 'Actual', 'Status'],
    rows: rows
      .filter((a) => a.kind !== 'phase')
      .slice(0, 200)
      .map((a) => [
        a.name,
        a.baselineStart ? `${d(a.baselineStart)} – ${d(a.baselineEnd)}` : '–',
        `${d(a.plannedStart)} – ${d(a.plannedEnd)}`,
        a.actualStart ? `${d(a.actualStart)} – ${d(a.actualEnd)}` : '–',
        texts.status[displayStatus(a)] + (a.deviationDays ? ` (${texts.deviation(a.deviationDays)})` : ''),
      ]),
  });

  // 7 Decisions
  at('decisions').tables.push({
    caption: sv ? 'Beslutslogg' : 'Decision log',
    columns: sv ? ['Datum', 'Forum', 'Beslut', 'Gäller'] : ['Date', 'Forum', 'Decision', 'Concerns'],
    rows: p.decisions.map((x) => [
      d(x.date),
      x.forum,
      x.text,
      [goalName.get(x.goalId ?? ''), subprojectName.get(x.subprojectId ?? ''), activityName.get(x.activityId ?? '')]
        .filter(Boolean)
        .join(', '),
    ]),
  });

  // 8 Presentations: the count per forum, as the final report's table
  const pres = at('presentations');
  pres.tables.push({
    caption: sv ? 'Antal föredragningar per forum' : 'Presentations per forum',
    columns: sv ? ['Forum', 'Antal föredragningar'] : ['Forum', 'Presentations'],
    rows: [
      ...p.presentationCounts.map((c) => [c.forum, String(c.count)]),
      [sv ? 'Totalt' : 'Total', String(p.presentations.length)],
    ],
  });

  // 9 Co-financing
  const cof = at('cofinancing');
  const behind = p.cofinancing.rows.filter((r) => r.behind);
  cof.paragraphs.push(
    behind.length
      ? sv
        ? `${behind.length} kommuner ligger efter med medfinansieringen i timmar: ${behind.map((r) => r.name).join(', ')}.`
        : `${behind.length} municipalities are behind with their co-financing in hours: ${behind.map((r) => r.name).join(', ')}.`
      : sv
        ? 'Ingen kommun ligger efter med medfinansieringen i timmar.'
        : 'No municipality is behind with its co-financing in hours.',
  );
  cof.tables.push({
    caption: sv
      ? 'Medfinansiering per kommun, plan mot utfall'
      : 'Co-financing per municipality, planned against actual',
    columns: sv
      ? [
          'Kommun',
          'Planerade timmar',
          'Förfallna timmar',
          'Givna timmar',
          'Timmarnas värde (kr)',
          'Pengar plan (kr)',
          'Pengar utfall (kr)',
          'Efter?',
        ]
      : [
          'Municipality',
          'Planned hours',
          'Hours due',
          'Hours given',
          "Hours' value (SEK)",
          'Money planned (SEK)',
          'Money actual (SEK)',
          'Behind?',
        ],
    rows: [
      ...p.cofinancing.rows.map((r) => [
        r.name,
        num(r.plannedHours, locale),
        num(r.dueHours, locale),
        num(r.actualHours, locale),
        num(r.actualHoursValue, locale),
        num(r.plannedMoney, locale),
        num(r.actualMoney, locale),
        r.behind ? (sv ? 'Ja, efter' : 'Yes, behind') : sv ? 'Nej' : 'No',
      ]),
      [
        sv ? 'Totalt' : 'Total',
        num(p.cofinancing.totals.plannedHours, locale),
        num(p.cofinancing.totals.dueHours, locale),
        num(p.cofinancing.totals.actualHours, locale),
        num(p.cofinancing.totals.actualHoursValue, locale),
        num(p.cofinancing.totals.plannedMoney, locale),
        num(p.cofinancing.totals.actualMoney, locale),
        '',
      ],
    ],
  });
  cof.tables.push({
    caption: sv ? 'Budget och finansiering' : 'Budget and funding',
    columns: sv
      ? ['Typ', 'Post', 'Finansiär', 'Budget (kr)', 'Utfall (kr)']
      : ['Kind', 'Line', 'Funder', 'Budget (SEK)', 'Actual (SEK)'],
    rows: p.cofinancing.budgetLines.map((b) => [
      b.kind === 'grant' ? (sv ? 'Bidrag' : 'Grant') : sv ? 'Kostnad' : 'Cost',
      b.label,
      b.funder,
      num(b.planned, locale),
      num(b.actual, locale),
    ]),
  });

  return {
    title: p.name,
    subtitle: sv
      ? `Slutrapport ${d(p.startDate)} – ${d(p.endDate)}`
      : `Final report ${d(p.startDate)} – ${d(p.endDate)}`,
    generatedOn: p.today,
    demo: p.demo,
    chapters,
  };
}
