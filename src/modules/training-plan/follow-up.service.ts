// The annual follow-up for the steering group (decision 022): per network's cycle and per municipality, what was
// needed → decided → ordered → delivered → attended → evaluated → cost; as JSON for the page, XLSX and an accessible
// PDF (laid out in a worker thread through the platform's document pipeline). Attendance per municipality is a count of
// persons shown to every reader: it goes through the shared suppression, with the totals it sums to.
import { and, eq, inArray } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { ForbiddenError } from '../../platform/server/errors.ts';
import { type ExportSheet, toCsv, toXlsx } from '../../platform/server/export.ts';
import { publishCounts, SUPPRESSED_TOKEN } from '../../platform/server/suppression/publish-counts.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import { likertCounts } from '../activities/activities-lookup.service.ts';
import type { FollowUpTask } from './follow-up.worker.ts';
import { followUpChartSvg } from './follow-up-chart.ts';
import { orderFigures, seesAll } from './order-view.ts';
import { visibleOrder } from './orders.service.ts';
import type { FollowUpDto, FollowUpQuery } from './training-plan.contracts.ts';
import {
  trainingPlanContribution,
  trainingPlanCycle,
  trainingPlanDecisionNeed,
  trainingPlanNeed,
  trainingPlanOrder,
} from './training-plan.table.ts';
import { cycleTitle, names, type TrainingPlanDeps } from './training-plan-scope.ts';

export async function followUp(deps: TrainingPlanDeps, ctx: SignedInContext, q: FollowUpQuery): Promise<FollowUpDto> {
  authorize(ctx.actor, 'training_plan:read');
  const cycles = await deps.db
    .select()
    .from(trainingPlanCycle)
    .where(
      and(eq(trainingPlanCycle.year, q.year), q.networkId ? eq(trainingPlanCycle.networkId, q.networkId) : undefined),
    );
  const cycleIds = cycles.map((c) => c.id);
  const [needs, decided, orders] = cycleIds.length
    ? await Promise.all([
        deps.db
          .select({ id: trainingPlanNeed.id, cycleId: trainingPlanNeed.cycleId })
          .from(trainingPlanNeed)
          .where(and(inArray(trainingPlanNeed.cycleId, cycleIds), eq(trainingPlanNeed.status, 'open'))),
        deps.db
          .select({ needId: trainingPlanDecisionNeed.needId })
          .from(trainingPlanDecisionNeed)
          .innerJoin(trainingPlanNeed, eq(trainingPlanNeed.id, trainingPlanDecisionNeed.needId))
          .where(inArray(trainingPlanNeed.cycleId, cycleIds)),
        deps.db.select().from(trainingPlanOrder).where(inArray(trainingPlanOrder.cycleId, cycleIds)),
      ])
    : [[], [], []];
  const needIds = needs.map((n) => n.id);
  const contributions = needIds.length
    ? await deps.db
        .select({
          needId: trainingPlanContribution.needId,
          organisationId: trainingPlanContribution.organisationId,
          n: trainingPlanContribution.expectedParticipants,
        })
        .from(trainingPlanContribution)
        .where(inArray(trainingPlanContribution.needId, needIds))
    : [];
  const decidedSet = new Set(decided.map((d) => d.needId));
  const figures = new Map<string, Awaited<ReturnType<typeof orderFigures>>>();
  for (const o of orders) figures.set(o.id, await orderFigures(deps, o));
  const n = await names(deps.db, {
    networks: cycles.map((c) => c.networkId),
    organisations: [
      ...contributions.map((c) => c.organisationId),
      ...[...figures.values()].flatMap((f) => f.participants.map((p) => p.organisationId)),
    ],
  });
  type Row = { needed: number; ordered: number; seats: number; attended: number; cost: number };
  const perMunicipality = new Map<string, Row>();
  const row = (id: string) => {
    let r = perMunicipality.get(id);
    if (!r) {
      r = { needed: 0, ordered: 0, seats: 0, attended: 0, cost: 0 };
      perMunicipality.set(id, r);
    }
    return r;
  };
  for (const c of contributions) row(c.organisationId).needed += c.n;
  const perCycle = new Map<
    string,
    { attended: number; cost: number; occasions: number; answered: number; ratings: number[] }
  >();
  for (const c of cycles)
    perCycle.set(c.id, { attended: 0, cost: 0, occasions: 0, answered: 0, ratings: [0, 0, 0, 0, 0] });
  for (const o of orders) {
    const f = figures.get(o.id);
    const cyc = perCycle.get(o.cycleId);
    if (!f || !cyc) continue;
    for (const p of f.participants) row(p.organisationId).ordered += p.participants;
    for (const [id, m] of f.perMunicipality) {
      const r = row(id);
      r.seats += m.seats;
      r.attended += m.attended;
      r.cost += m.cost;
      cyc.attended += m.attended;
    }
    cyc.cost += f.totalCost;
    const held = f.occasions.filter((x) => x.status === 'held');
    cyc.occasions += held.length;
    cyc.answered += held.reduce((s, x) => s + x.answered, 0);
    const likert = await likertCounts(
      deps.db,
      held.map((x) => x.id),
    );
    for (const counts of likert.counts.values())
      counts.forEach((v, i) => {
        cyc.ratings[i] = (cyc.ratings[i] ?? 0) + v;
      });
  }
  const municipalities = [...perMunicipality.entries()]
    .map(([id, r]) => ({ id, name: n.organisation.get(id)?.name ?? '', ...r }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const cycleRows = cycles
    .map((c) => ({ c, name: n.network.get(c.networkId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const totalAttended = municipalities.reduce((s, m) => s + m.attended, 0);
  const seeAll = ctx.actor.organisationKind === 'region';
  const published = publishCounts(
    {
      cells: [
        ...municipalities.map((m) => ({ id: `m:${m.id}`, value: m.attended })),
        ...cycleRows.map(({ c }) => ({ id: `c:${c.id}`, value: perCycle.get(c.id)?.attended ?? 0 })),
        { id: 'total', value: totalAttended },
      ],
      groups: [
        { total: 'total', parts: municipalities.map((m) => `m:${m.id}`) },
        { total: 'total', parts: cycleRows.map(({ c }) => `c:${c.id}`) },
      ],
    },
    {
      minCount: deps.minCount,
      known: new Set(seeAll ? [] : [`m:${ctx.actor.organisationId}`]),
    },
  );
  await audit(deps.db, ctx, { action: 'training_plan.follow_up', entityType: 'training_plan_cycle', entityId: null });
  return {
    year: q.year,
    minCount: deps.minCount,
    cycles: cycleRows.map(({ c, name }) => {
      const cyc = perCycle.get(c.id);
      const own = orders.filter((o) => o.cycleId === c.id);
      const ratings = cyc?.ratings ?? [];
      const answers = ratings.reduce((s, x) => s + x, 0);
      return {
        id: c.id,
        title: cycleTitle(c.year, name),
        network: name,
        phase: c.phase,
        needs: needs.filter((x) => x.cycleId === c.id).length,
        decided: needs.filter((x) => x.cycleId === c.id && decidedSet.has(x.id)).length,
        ordered: own.length,
        delivered: own.filter((o) => o.status === 'delivered').length,
        occasions: cyc?.occasions ?? 0,
        attended: published.values.get(`c:${c.id}`) ?? null,
        answered: cyc?.answered ?? 0,
        meanRating:
          (cyc?.answered ?? 0) >= deps.minCount && answers > 0
            ? Math.round((ratings.reduce((s, x, i) => s + x * (i + 1), 0) / answers) * 10) / 10
            : null,
        cost: cyc?.cost ?? 0,
      };
    }),
    municipalities: municipalities.map((m) => {
      const attended = published.values.get(`m:${m.id}`) ?? null;
      return {
        organisation: { id: m.id, name: m.name },
        needed: m.needed,
        ordered: m.ordered,
        seats: m.seats,
        attended,
        cost: attended === SUPPRESSED_TOKEN ? SUPPRESSED_TOKEN : m.cost,
      };
    }),
    totals: {
      needs: needs.length,
      decided: needs.filter((x) => decidedSet.has(x.id)).length,
      ordered: orders.length,
      delivered: orders.filter((o) => o.status === 'delivered').length,
      attended: totalAttended,
      cost: cycleRows.reduce((s, { c }) => s + (perCycle.get(c.id)?.cost ?? 0), 0),
    },
  };
}

const show = (v: number | string | null) => (v === null ? '' : typeof v === 'number' ? v : v);

function sheets(model: FollowUpDto, sv: boolean): ExportSheet[] {
  return [
    {
      name: sv ? 'Nätverk' : 'Networks',
      columns: [
        { key: 'title', header: sv ? 'Utbildningsplan' : 'Training plan' },
        { key: 'needs', header: sv ? 'Behov' : 'Needs', kind: 'number' },
        { key: 'decided', header: sv ? 'Beslutade' : 'Decided', kind: 'number' },
        { key: 'ordered', header: sv ? 'Beställda' : 'Ordered', kind: 'number' },
        { key: 'delivered', header: sv ? 'Levererade' : 'Delivered', kind: 'number' },
        { key: 'occasions', header: sv ? 'Genomförda tillfällen' : 'Occasions held', kind: 'number' },
        { key: 'attended', header: sv ? 'Deltog' : 'Attended', kind: 'number' },
        { key: 'answered', header: sv ? 'Utvärderingssvar' : 'Evaluation answers', kind: 'number' },
        { key: 'mean', header: sv ? 'Medelbetyg (1–5)' : 'Mean rating (1–5)', kind: 'number' },
        { key: 'cost', header: sv ? 'Kostnad (kr)' : 'Cost (SEK)', kind: 'number' },
      ],
      rows: model.cycles.map((c) => ({
        title: c.title,
        needs: c.needs,
        decided: c.decided,
        ordered: c.ordered,
        delivered: c.delivered,
        occasions: c.occasions,
        attended: show(c.attended),
        answered: c.answered,
        mean: c.meanRating,
        cost: c.cost,
      })),
      note: sv
        ? `".." = färre än ${model.minCount} eller dolt så att ett litet antal inte kan räknas fram.`
        : `".." = fewer than ${model.minCount} or hidden so that a small count cannot be worked out.`,
    },
    {
      name: sv ? 'Kommuner' : 'Municipalities',
      columns: municipalityColumns(sv),
      rows: municipalityRows(model),
    },
  ];
}

const municipalityColumns = (sv: boolean) => [
  { key: 'name', header: sv ? 'Kommun' : 'Municipality' },
  { key: 'needed', header: sv ? 'Behov (deltagare)' : 'Needed (participants)', kind: 'number' as const },
  { key: 'ordered', header: sv ? 'Beställt (deltagare)' : 'Ordered (participants)', kind: 'number' as const },
  { key: 'seats', header: sv ? 'Platser' : 'Seats', kind: 'number' as const },
  { key: 'attended', header: sv ? 'Deltog' : 'Attended', kind: 'number' as const },
  { key: 'cost', header: sv ? 'Kostnad (kr)' : 'Cost (SEK)', kind: 'number' as const },
];
const municipalityRows = (model: FollowUpDto) =>
  model.municipalities.map((m) => ({
    name: m.organisation.name,
    needed: m.needed,
    ordered: m.ordered,
    seats: m.seats,
    attended: show(m.attended),
    cost: show(m.cost),
  }));

const stem = (model: FollowUpDto, sv: boolean) =>
  `${sv ? 'Uppföljning gemensamma utbildningar' : 'Joint trainings follow-up'} ${model.year}`;

export async function followUpXlsx(deps: TrainingPlanDeps, ctx: SignedInContext, q: FollowUpQuery) {
  const model = await followUp(deps, ctx, q);
  const sv = ctx.actor.locale === 'sv';
  return {
    fileName: `${stem(model, sv)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(sheets(model, sv)),
  };
}

let pool: WorkerPool<FollowUpTask, Uint8Array> | null = null;
const pdfPool = () => {
  pool ??= createWorkerPool<FollowUpTask, Uint8Array>(new URL('./follow-up.worker.ts', import.meta.url), {
    maxThreads: 1,
  });
  return pool;
};
export async function closeFollowUpPool() {
  const running = pool;
  pool = null;
  await running?.close();
}

export async function followUpPdf(deps: TrainingPlanDeps, ctx: SignedInContext, q: FollowUpQuery) {
  const model = await followUp(deps, ctx, q);
  const locale = ctx.actor.locale;
  const chart = followUpChartSvg(model, locale);
  return {
    fileName: `${stem(model, locale === 'sv')}.pdf`,
    contentType: 'application/pdf',
    body: Buffer.from(await pdfPool().run({ model, locale, chart })),
  };
}

/** The invoice basis of an order: each municipality's share in whole kronor (the coordinator and the broker). */
export async function invoiceBasis(deps: TrainingPlanDeps, ctx: SignedInContext, id: string, format: 'xlsx' | 'csv') {
  const { order, cycle } = await visibleOrder(deps, ctx.actor, id);
  if (!seesAll(ctx.actor, order, cycle)) throw new ForbiddenError();
  const f = await orderFigures(deps, order);
  const n = await names(deps.db, { organisations: f.participants.map((p) => p.organisationId) });
  const sv = ctx.actor.locale === 'sv';
  const columns = [
    { key: 'name', header: sv ? 'Kommun' : 'Municipality' },
    { key: 'code', header: sv ? 'Kommunkod' : 'Municipality code' },
    { key: 'seats', header: sv ? 'Platser' : 'Seats', kind: 'number' as const },
    { key: 'attended', header: sv ? 'Deltog' : 'Attended', kind: 'number' as const },
    {
      key: 'amount',
      header: sv
        ? `Belopp (kr, ${order.withVat ? 'inkl.' : 'exkl.'} moms)`
        : `Amount (SEK, ${order.withVat ? 'incl.' : 'excl.'} VAT)`,
      kind: 'number' as const,
    },
  ];
  const rows = f.participants.map((p) => {
    const m = f.perMunicipality.get(p.organisationId);
    return {
      name: p.name,
      code: n.organisation.get(p.organisationId)?.code ?? '',
      seats: m?.seats ?? 0,
      attended: m?.attended ?? 0,
      amount: m?.cost ?? 0,
    };
  });
  rows.push({
    name: sv ? 'Totalt' : 'Total',
    code: '',
    seats: rows.reduce((s, r) => s + r.seats, 0),
    attended: rows.reduce((s, r) => s + r.attended, 0),
    amount: f.totalCost,
  });
  await audit(deps.db, ctx, { action: 'training_plan_order.invoice', entityType: 'training_plan_order', entityId: id });
  const base = `${sv ? 'Fakturaunderlag' : 'Invoice basis'} – ${order.title}`
    .replace(/[^\p{L}\p{N} ()–-]+/gu, '')
    .slice(0, 90);
  return format === 'xlsx'
    ? {
        fileName: `${base}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await toXlsx([{ name: sv ? 'Fakturaunderlag' : 'Invoice basis', columns, rows }]),
      }
    : { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, rows) };
}
