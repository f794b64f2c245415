// One project as the pages and the report see it: everything in one answer (a project has at most a few thousand
// rows of plan), with participation intervals, deviations and co-financing computed here.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { network, networkMember, organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { hoursPerMunicipality } from '../activities/activities-lookup.service.ts';
import { cofinancingRows, cofinancingTotals } from './cofinancing.ts';
import { intervalsOf, participatesOn } from './participation.ts';
import { addDays, daysBetween } from './project-dates.ts';
import type { ActivityDto, GoalDto, ProjectAccess, ProjectDto } from './projects.contracts.ts';
import {
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
import type { ProjectRow } from './projects-scope.ts';

type ActivityRow = typeof projectActivity.$inferSelect;

/** Deviation of an activity's end from the baseline's (or, without a baseline, the plan's) end, and lateness. */
export function deviation(
  a: Pick<ActivityRow, 'plannedEnd' | 'baselineEnd' | 'actualStart' | 'actualEnd' | 'status'>,
  today: string,
) {
  const reference = a.baselineEnd ?? a.plannedEnd;
  if (a.status === 'cancelled') return { deviationDays: null, late: false };
  if (a.status === 'done' && !a.actualEnd) return { deviationDays: null, late: false };
  if (a.actualEnd) {
    const d = daysBetween(reference, a.actualEnd);
    return { deviationDays: d, late: d > 0 };
  }
  // Not finished: late once today is past the end it should have had.
  if (today > reference) return { deviationDays: daysBetween(reference, today), late: true };
  return { deviationDays: a.actualStart ? 0 : null, late: false };
}

export function toActivityDto(a: ActivityRow, today: string, changeCount: number): ActivityDto {
  return {
    id: a.id,
    kind: a.kind,
    phaseId: a.phaseId,
    subprojectId: a.subprojectId,
    position: a.position,
    name: a.name,
    responsible: a.responsible,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    baselineStart: a.baselineStart,
    baselineEnd: a.baselineEnd,
    actualStart: a.actualStart,
    actualEnd: a.actualEnd,
    status: a.status,
    ...deviation(a, today),
    changeCount,
  };
}

/** The trend of an indicator's last two values. */
function trendOf(values: { value: number }[]): 'up' | 'down' | 'flat' | null {
  if (values.length < 2) return null;
  const [a, b] = [values.at(-2)?.value ?? 0, values.at(-1)?.value ?? 0];
  return b > a ? 'up' : b < a ? 'down' : 'flat';
}

export async function projectDto(
  db: Db,
  actor: Actor,
  p: ProjectRow,
  access: ProjectAccess,
  today: string,
): Promise<ProjectDto> {
  const id = p.id;
  const [
    members,
    events,
    effectGoals,
    goals,
    subprojects,
    proposals,
    activities,
    changes,
    decisions,
    presentations,
    pledges,
    contributions,
    budgetLines,
    texts,
  ] = await Promise.all([
    db.select().from(projectMember).where(eq(projectMember.projectId, id)).orderBy(asc(projectMember.createdAt)),
    db
      .select()
      .from(projectParticipation)
      .where(eq(projectParticipation.projectId, id))
      .orderBy(asc(projectParticipation.date), asc(projectParticipation.createdAt)),
    db
      .select()
      .from(projectEffectGoal)
      .where(eq(projectEffectGoal.projectId, id))
      .orderBy(asc(projectEffectGoal.number)),
    db.select().from(projectGoal).where(eq(projectGoal.projectId, id)).orderBy(asc(projectGoal.number)),
    db
      .select()
      .from(projectSubproject)
      .where(eq(projectSubproject.projectId, id))
      .orderBy(asc(projectSubproject.number)),
    db.select().from(projectProposal).where(eq(projectProposal.projectId, id)).orderBy(asc(projectProposal.number)),
    db
      .select()
      .from(projectActivity)
      .where(eq(projectActivity.projectId, id))
      .orderBy(asc(projectActivity.position), asc(projectActivity.createdAt)),
    db
      .select()
      .from(projectDateChange)
      .where(eq(projectDateChange.projectId, id))
      .orderBy(asc(projectDateChange.changedAt)),
    db.select().from(projectDecision).where(eq(projectDecision.projectId, id)).orderBy(asc(projectDecision.date)),
    db
      .select()
      .from(projectPresentation)
      .where(eq(projectPresentation.projectId, id))
      .orderBy(asc(projectPresentation.date)),
    db.select().from(projectPledge).where(eq(projectPledge.projectId, id)),
    db
      .select()
      .from(projectContribution)
      .where(eq(projectContribution.projectId, id))
      .orderBy(asc(projectContribution.date)),
    db
      .select()
      .from(projectBudgetLine)
      .where(eq(projectBudgetLine.projectId, id))
      .orderBy(asc(projectBudgetLine.createdAt)),
    db.select().from(projectReportText).where(eq(projectReportText.projectId, id)),
  ]);
  // Attended hours in the shared activities that belong to this project, within its period.
  const attended = await hoursPerMunicipality(db, {
    sourceModule: 'projects',
    sourceRecordIds: [id],
    from: new Date(`${p.startDate}T00:00:00Z`),
    to: new Date(`${addDays(p.endDate, 2)}T00:00:00Z`),
  });
  const goalIds = goals.map((g) => g.id);
  const indicatorValues = goalIds.length
    ? await db
        .select()
        .from(projectIndicatorValue)
        .where(inArray(projectIndicatorValue.goalId, goalIds))
        .orderBy(asc(projectIndicatorValue.date))
    : [];
  const municipalityIds = [
    ...new Set([
      ...members.flatMap((m) => (m.municipalityId ? [m.municipalityId] : [])),
      ...events.map((e) => e.municipalityId),
      ...pledges.map((x) => x.municipalityId),
      ...contributions.map((c) => c.municipalityId),
      ...attended.keys(),
    ]),
  ];
  const names = new Map(
    (municipalityIds.length
      ? await db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, municipalityIds))
      : []
    ).map((o) => [o.id, o.name]),
  );
  const [leader] = p.leaderUserId
    ? await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, p.leaderUserId))
    : [];
  const [steering] = p.steeringNetworkId
    ? await db
        .select({
          id: network.id,
          name: network.name,
          memberCount: sql<number>`(select count(*)::int from ${networkMember} where ${networkMember.networkId} = ${network.id})`,
        })
        .from(network)
        .where(eq(network.id, p.steeringNetworkId))
    : [];

  // Participation: intervals per municipality, in Swedish name order.
  const byMunicipality = new Map<string, typeof events>();
  for (const e of events) byMunicipality.set(e.municipalityId, [...(byMunicipality.get(e.municipalityId) ?? []), e]);
  const participation = [...byMunicipality]
    .map(([municipalityId, es]) => {
      const intervals = intervalsOf(es);
      return {
        municipalityId,
        name: names.get(municipalityId) ?? '',
        intervals,
        participatingNow: participatesOn(intervals, today),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const changeCounts = new Map<string, number>();
  for (const c of changes) changeCounts.set(c.activityId, (changeCounts.get(c.activityId) ?? 0) + 1);

  const valuesByGoal = new Map<string, { date: string; value: number }[]>();
  for (const v of indicatorValues)
    valuesByGoal.set(v.goalId, [...(valuesByGoal.get(v.goalId) ?? []), { date: v.date, value: v.value }]);
  const goalDtos: GoalDto[] = goals.map((g) => {
    const values = valuesByGoal.get(g.id) ?? [];
    return {
      id: g.id,
      number: g.number,
      text: g.text,
      effectGoalId: g.effectGoalId,
      subprojectId: g.subprojectId,
      status: g.status,
      statusReason: g.statusReason,
      statusDecisionId: g.statusDecisionId,
      indicator: g.indicatorName
        ? {
            name: g.indicatorName,
            unit: g.indicatorUnit ?? '',
            target: g.indicatorTarget,
            values,
            trend: trendOf(values),
            source: 'entered' as const,
          }
        : null,
    };
  });

  // Co-financing: every municipality that takes part, has pledged or has given hours.
  const pledgeOf = new Map(pledges.map((x) => [x.municipalityId, x]));
  const contributionsOf = new Map<string, typeof contributions>();
  for (const c of contributions)
    contributionsOf.set(c.municipalityId, [...(contributionsOf.get(c.municipalityId) ?? []), c]);
  const financed = [
    ...new Set([...byMunicipality.keys(), ...pledgeOf.keys(), ...contributionsOf.keys(), ...attended.keys()]),
  ];
  const rows = cofinancingRows({
    startDate: p.startDate,
    endDate: p.endDate,
    today,
    hourlyRate: p.hourlyRate,
    municipalities: financed.map((m) => ({
      municipalityId: m,
      name: names.get(m) ?? '',
      intervals: intervalsOf(byMunicipality.get(m) ?? []),
      plannedHours: pledgeOf.get(m)?.plannedHours ?? 0,
      plannedMoney: pledgeOf.get(m)?.plannedMoney ?? 0,
      contributions: contributionsOf.get(m) ?? [],
      attendanceHours: attended.get(m)?.hours ?? 0,
    })),
  }).sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const counts = new Map<string, number>();
  for (const x of presentations) counts.set(x.forum, (counts.get(x.forum) ?? 0) + 1);
  const proposalOfSubproject = new Map(
    proposals.flatMap((x) => (x.subprojectId ? [[x.subprojectId, x.number] as const] : [])),
  );

  return {
    id,
    name: p.name,
    purpose: p.purpose,
    orderer: p.orderer,
    owner: p.owner,
    leader: leader ? { userId: leader.id, name: leader.name } : null,
    steeringNetwork: steering ?? null,
    startDate: p.startDate,
    endDate: p.endDate,
    today,
    participantTarget: p.participantTarget,
    hourlyRate: p.hourlyRate,
    demo: p.demo,
    baselineSavedAt: p.baselineSavedAt?.toISOString() ?? null,
    access,
    canChangeLeader: isRegionalAdmin(actor),
    members: members.map((m) => ({
      id: m.id,
      kind: m.kind,
      municipalityId: m.municipalityId,
      municipalityName: m.municipalityId ? (names.get(m.municipalityId) ?? null) : null,
      userId: m.userId,
      name: m.name,
      note: m.note,
    })),
    participation,
    participationEvents: events.map((e) => ({
      id: e.id,
      municipalityId: e.municipalityId,
      event: e.event,
      date: e.date,
      reason: e.reason,
    })),
    effectGoals: effectGoals.map((e) => ({ id: e.id, number: e.number, text: e.text })),
    goals: goalDtos,
    subprojects: subprojects.map((s) => ({
      id: s.id,
      number: s.number,
      name: s.name,
      lead: s.lead,
      goal: s.goal,
      prioritised: s.prioritised,
      result: s.result,
      proposalNumber: proposalOfSubproject.get(s.id) ?? null,
    })),
    proposals: proposals.map((x) => ({
      id: x.id,
      number: x.number,
      title: x.title,
      status: x.status,
      decisionId: x.decisionId,
      subprojectId: x.subprojectId,
      note: x.note,
    })),
    activities: activities.map((a) => toActivityDto(a, today, changeCounts.get(a.id) ?? 0)),
    dateChanges: changes.map((c) => ({
      id: c.id,
      activityId: c.activityId,
      which: c.which,
      fromStart: c.fromStart,
      fromEnd: c.fromEnd,
      toStart: c.toStart,
      toEnd: c.toEnd,
      reason: c.reason,
      afterBaseline: c.afterBaseline,
      changedByName: c.changedByName,
      changedAt: c.changedAt.toISOString(),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      date: d.date,
      forum: d.forum,
      text: d.text,
      goalId: d.goalId,
      subprojectId: d.subprojectId,
      activityId: d.activityId,
      documents: d.documents,
    })),
    presentations: presentations.map((x) => ({
      id: x.id,
      date: x.date,
      forum: x.forum,
      audience: x.audience,
      presenter: x.presenter,
      topic: x.topic,
    })),
    presentationCounts: [...counts]
      .map(([forum, count]) => ({ forum, count }))
      .sort((a, b) => b.count - a.count || a.forum.localeCompare(b.forum, 'sv')),
    cofinancing: {
      rows,
      totals: cofinancingTotals(rows),
      behindCount: rows.filter((r) => r.behind).length,
      contributions: contributions.map((c) => ({
        id: c.id,
        municipalityId: c.municipalityId,
        date: c.date,
        hours: c.hours,
        money: c.money,
        note: c.note,
      })),
      budgetLines: budgetLines.map((b) => ({
        id: b.id,
        kind: b.kind,
        label: b.label,
        funder: b.funder,
        planned: b.planned,
        actual: b.actual,
      })),
    },
    reportTexts: Object.fromEntries(texts.map((t) => [t.chapter, t.text])),
  };
}
