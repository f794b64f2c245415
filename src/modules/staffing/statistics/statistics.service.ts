// The comparison of municipalities, a municipality's profile against the region, trends, and the open statistics.
// Figures come from submitted and approved reports (approved only for the public), suppressed per viewer.
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize } from '../../../platform/server/actor.ts';
import { activeMunicipalities } from '../../../platform/server/directory.ts';
import { NotFoundError, ValidationError } from '../../../platform/server/errors.ts';
import { type ExportColumn, toCsv, toXlsx } from '../../../platform/server/export.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { type Actor, can } from '../../../platform/server/policy.ts';
import { compareSwedish } from '../../../platform/shared/swedish-order.ts';
import { staffingPublication } from '../publication.table.ts';
import { findPeriod } from '../reporting/periods.service.ts';
import type {
  Cell,
  ComparisonDto,
  ProfileDto,
  PublicationMetaDto,
  ReportStatus,
  StaffingConfigDto,
} from '../staffing.contracts.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import { type Fact, RATIO_DEFS, RATIOS, type RatioKey } from '../staffing-measures.ts';
import { cachedPeriodFacts, type PeriodFacts } from './period-facts.ts';
import {
  ALL,
  type FigureNeed,
  type Publication,
  publicationShape,
  publicationView,
  REGION,
  rawFigures,
  type Shape,
  shapeFingerprint,
  type ViewInput,
} from './publication.ts';
import { latestReadyPublication } from './publications.service.ts';

type Audience = { kind: 'public' } | { kind: 'user'; actor: Actor };

/** Whose figures the viewer sees raw: all for regional admins, their own municipality for its report readers. */
function unsuppressedFor(audience: Audience): 'all' | string | null {
  if (audience.kind === 'public') return null;
  const { actor } = audience;
  if (
    actor.organisationKind === 'region' &&
    can(actor, 'staffing:read_report', { organisationId: 'any-municipality' })
  ) {
    return 'all';
  }
  if (can(actor, 'staffing:read_report', { organisationId: actor.organisationId, organisationKind: 'municipality' })) {
    return actor.organisationId;
  }
  return null;
}

/**
 * What a cached view of a period depends on: the period, the kind of viewer, the revisions (the staffing revision,
 * moved by configuration and period changes, and the period's own, moved by its reports' values and statuses), the
 * period's publications and the organisations' last change (names, deactivation). `scope: 'all'` is for answers
 * that span every period (the profile's trend): every period's revision and publication counts.
 * `configuration: 'figures'` leaves the staffing revision out: for a period's figures, which depend on the
 * configuration only through its shape (figureShapeKey, added to their key by the caller), not on its names.
 */
export async function viewKey(
  deps: StaffingDeps,
  periodId: string,
  audience: Audience,
  scope: 'period' | 'all' = 'period',
  configuration: 'revision' | 'figures' = 'revision',
): Promise<string> {
  const periods =
    scope === 'all'
      ? sql`(select coalesce(sum(revision), 0) from staffing_period)`
      : sql`(select revision from staffing_period where id = ${periodId})`;
  const published =
    scope === 'all'
      ? sql`(select count(*) from staffing_publication)`
      : sql`(select count(*) from staffing_publication where period_id = ${periodId})`;
  const [state] = (
    (await deps.db.execute(
      sql`select (select revision from staffing_revision where id = 1) as revision, ${periods} as periods,
        ${published} as published, (select max(updated_at)::text from organisation) as organisations`,
    )) as unknown as {
      rows: {
        revision: number;
        periods: number | string | null;
        published: number | string;
        organisations: string | null;
      }[];
    }
  ).rows;
  const viewer = unsuppressedFor(audience);
  const configurationPart = configuration === 'revision' ? `${state?.revision ?? 0}` : 'f';
  const revisions = `${configurationPart}.${scope}${state?.periods ?? 0}.p${state?.published ?? 0}`;
  return `${periodId}:${audience.kind}:${viewer ?? '-'}:${revisions}:${state?.organisations ?? ''}`;
}

/** A finished answer as JSON, computed once per view key (statistics are read far more often than changed). */
function cachedJson(deps: StaffingDeps, key: string, build: () => Promise<unknown>): Promise<string> {
  const cache = deps.publications ?? deps.cache;
  return cache.remember(`staffing:json:${key}`, async () => JSON.stringify(await build()));
}

/** One municipality's line in a view: published (its approval then), or the viewer's own live report. */
export type ViewRow = { id: string; name: string; status: ReportStatus };

/** What one viewer reads of a period: the figures, the municipalities shown, and the publication behind them. */
export type PeriodView = { pub: Publication; rows: ViewRow[]; published: PublicationMetaDto | null };

/**
 * A period as one viewer reads it (decision 016). The region's staff see every submitted and approved report live
 * and raw. Everyone else reads the latest stored publication — the same for the public and for every signed-in
 * user, so combining views reveals nothing — with their own municipality's live report laid over it in full.
 *
 * `need` narrows the live figures computed to what the request reads (one profession's, or only the ratios' inputs
 * for a trend); a narrow view answers only for what it was asked. The figures come from the period's packed facts,
 * kept per period revision (period-facts.ts), and the stored publication, kept per publication (it never changes).
 */
export async function viewFor(
  deps: StaffingDeps,
  periodId: string,
  audience: Audience,
  need: FigureNeed = null,
): Promise<PeriodView> {
  const viewer = unsuppressedFor(audience);
  // The configuration as read now (its names label the columns); the figures are kept per its shape.
  const { shape, key, ratiosKey } = shapeOf(await loadConfig(deps));
  const shapeKey = need?.ratiosOnly ? ratiosKey : key;
  const cacheKey = await viewKey(deps, periodId, audience, 'period', 'figures');
  const cache = deps.publications ?? deps.cache;
  const needKey = need ? `${need.profession}:${need.ratiosOnly ? 'ratios' : 'columns'}` : 'every';
  const figures = await cache.remember(`staffing:figures:${cacheKey}:${shapeKey}:${needKey}`, () =>
    periodFigures(deps, periodId, viewer, shape, need),
  );
  const pub = publicationView({ shape, ...figures.input });
  // A period's medians read every municipality's ratios: once per kept figures and profession.
  const median = (profession: string) => {
    const kept = figures.medians.get(profession);
    if (kept) return kept;
    const computed = pub.median(profession);
    figures.medians.set(profession, computed);
    return computed;
  };
  return { pub: { ...pub, median }, rows: figures.rows, published: figures.published };
}

/** A period's figures as one kind of viewer reads them, for one shape of the configuration (what viewFor keeps). */
type PeriodFigures = {
  input: Omit<ViewInput, 'shape'>;
  rows: ViewRow[];
  published: PublicationMetaDto | null;
  medians: Map<string, Record<RatioKey, Cell>>;
};

async function periodFigures(
  deps: StaffingDeps,
  periodId: string,
  viewer: 'all' | string | null,
  shape: Shape,
  need: FigureNeed,
): Promise<PeriodFigures> {
  const medians = new Map<string, Record<RatioKey, Cell>>();
  const stored = await latestReadyPublication(deps.db, periodId);
  const published = stored
    ? {
        version: stored.version,
        publishedAt: stored.publishedAt.toISOString(),
        municipalities: stored.municipalities.length,
      }
    : null;
  const reports = await deps.db
    .select({
      id: staffingReport.municipalityId,
      status: staffingReport.status,
      name: organisation.name,
    })
    .from(staffingReport)
    .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
    .where(and(eq(staffingReport.periodId, periodId), eq(organisation.active, true)));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
  const factsOf = (facts: PeriodFacts, id: string) => ({ id, facts: facts.get(id) ?? NO_FACTS });
  if (viewer === 'all') {
    const live = reports.filter((r) => r.status === 'submitted' || r.status === 'approved').sort(byName);
    const facts = live.length ? await cachedPeriodFacts(deps.db, periodId) : new Map();
    const raw = rawFigures(
      shape,
      live.map((r) => factsOf(facts, r.id)),
      need,
    );
    return { input: { ids: live.map((r) => r.id), raw, hidden: null }, rows: live, published, medians };
  }
  const ids = stored?.municipalities.map((m) => m.id) ?? [];
  const raw = stored?.cellValues ?? new Map<string, number>();
  const hidden = stored?.hidden ?? new Set<string>();
  const ownReport = viewer ? reports.find((r) => r.id === viewer) : undefined;
  let own: { id: string; raw: Map<string, number> } | null = null;
  if (ownReport) {
    const facts = await cachedPeriodFacts(deps.db, periodId);
    own = { id: ownReport.id, raw: rawFigures(shape, [factsOf(facts, ownReport.id)], need) };
  }
  const rows: ViewRow[] = (stored?.municipalities ?? []).map((m) => ({
    id: m.id,
    name: m.name,
    status: m.id === ownReport?.id ? ownReport.status : 'approved',
  }));
  if (ownReport && !ids.includes(ownReport.id)) rows.push(ownReport);
  rows.sort(byName);
  return { input: { ids, raw, hidden, own }, rows, published, medians };
}

/**
 * The shape of a configuration and its keys: what a period's figures depend on of it (`shapeFingerprint`), for every
 * figure and for the key ratios only. A change of a name keeps every period's figures; one that changes the shape
 * computes them again. Kept per configuration object (loadConfig's, cached per server until it is read again).
 */
const shapes = new WeakMap<StaffingConfigDto, { shape: Shape; key: string; ratiosKey: string }>();
export function shapeOf(config: StaffingConfigDto): { shape: Shape; key: string; ratiosKey: string } {
  const kept = shapes.get(config);
  if (kept) return kept;
  const shape = publicationShape(config);
  const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
  const made = {
    shape,
    key: hash(shapeFingerprint(shape, false)),
    ratiosKey: hash(shapeFingerprint(shape, true)),
  };
  shapes.set(config, made);
  return made;
}

const NO_FACTS: readonly Fact[] = [];

/** The publication of one period for one kind of viewer (the region report reads the public one, every figure). */
export async function publicationFor(deps: StaffingDeps, periodId: string, audience: Audience): Promise<Publication> {
  return (await viewFor(deps, periodId, audience)).pub;
}

async function assertProfession(deps: StaffingDeps, profession: string) {
  if (profession === ALL) return;
  const config = await loadConfig(deps);
  if (!config.professions.some((p) => p.key === profession && p.active)) {
    throw new ValidationError([{ path: 'profession', message: sm.unknownProfession() }]);
  }
}

async function comparison(
  deps: StaffingDeps,
  audience: Audience,
  periodId: string,
  profession: string,
): Promise<ComparisonDto> {
  const period = await findPeriod(deps.db, periodId);
  await assertProfession(deps, profession);
  const { pub, rows, published } = await viewFor(deps, periodId, audience, { profession, ratiosOnly: false });
  const columns = pub.columns(profession);
  const valuesOf = (m: string) => Object.fromEntries(columns.map((c) => [c.key, pub.value(m, profession, c.key)]));
  // "X av 15 kommuner har godkända rapporter", naming the others: what the figures cover, said plainly.
  const approved = new Set(rows.filter((r) => r.status === 'approved').map((r) => r.id));
  const municipalities = await activeMunicipalities(deps.db);
  const codeOf = new Map(municipalities.map((m) => [m.id, m.code]));
  const coverage = {
    approved: municipalities.filter((m) => approved.has(m.id)).length,
    total: municipalities.length,
    missing: municipalities
      .filter((m) => !approved.has(m.id))
      .map((m) => m.name)
      .sort(compareSwedish),
  };
  return {
    period: { id: period.id, label: period.label, referenceDate: period.referenceDate },
    profession,
    columns,
    rows: rows.map((r) => ({
      municipalityId: r.id,
      code: codeOf.get(r.id) ?? null,
      name: r.name,
      status: r.status,
      values: valuesOf(r.id),
      ratios: pub.ratios(r.id, profession),
    })),
    total: { values: valuesOf(REGION), ratios: pub.ratios(REGION, profession) },
    median: { ratios: pub.median(profession) },
    minCount: deps.minCount,
    unsuppressedFor: unsuppressedFor(audience),
    publication: published,
    coverage,
  };
}

export async function getComparison(deps: StaffingDeps, ctx: SignedInContext, periodId: string, profession: string) {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  return comparison(deps, { kind: 'user', actor }, periodId, profession);
}

/** The comparison as the JSON the route sends (cached per view key). */
export async function getComparisonJson(
  deps: StaffingDeps,
  ctx: SignedInContext | null,
  periodId: string,
  profession: string,
): Promise<string> {
  if (!ctx) {
    const key = await viewKey(deps, periodId, { kind: 'public' });
    return cachedJson(deps, `comparison:${key}:${profession}`, () => getPublicComparison(deps, periodId, profession));
  }
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const key = await viewKey(deps, periodId, { kind: 'user', actor });
  return cachedJson(deps, `comparison:${key}:${profession}`, () =>
    comparison(deps, { kind: 'user', actor }, periodId, profession),
  );
}

/** The profile as the JSON the route sends (cached per view key; its trend covers every period). */
export async function getProfileJson(
  deps: StaffingDeps,
  ctx: SignedInContext,
  municipalityId: string,
  periodId: string,
  profession: string,
): Promise<string> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const key = await viewKey(deps, periodId, { kind: 'user', actor }, 'all');
  return cachedJson(deps, `profile:${key}:${municipalityId}:${profession}`, () =>
    getProfile(deps, ctx, municipalityId, periodId, profession),
  );
}

export async function getPublicComparison(deps: StaffingDeps, periodId: string, profession: string) {
  const period = await findPeriod(deps.db, periodId);
  if ((await viewFor(deps, period.id, { kind: 'public' }, { profession, ratiosOnly: false })).published === null) {
    throw new NotFoundError(sm.noPublishedStatistics());
  }
  return comparison(deps, { kind: 'public' }, periodId, profession);
}

/** Periods with a publication: what the open statistics can show. */
export async function listPublicPeriods(deps: StaffingDeps) {
  const rows = await deps.db
    .selectDistinct({
      id: staffingPeriod.id,
      label: staffingPeriod.label,
      referenceDate: staffingPeriod.referenceDate,
      closed: staffingPeriod.closed,
    })
    .from(staffingPeriod)
    .innerJoin(staffingPublication, eq(staffingPublication.periodId, staffingPeriod.id))
    .orderBy(asc(staffingPeriod.referenceDate));
  return rows.reverse();
}

export async function getProfile(
  deps: StaffingDeps,
  ctx: SignedInContext,
  municipalityId: string,
  periodId: string,
  profession: string,
): Promise<ProfileDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const audience: Audience = { kind: 'user', actor };
  const period = await findPeriod(deps.db, periodId);
  await assertProfession(deps, profession);
  const [municipality] = await deps.db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, municipalityId), eq(organisation.kind, 'municipality')));
  if (!municipality) throw new NotFoundError(sm.municipalityNotFound());
  const { pub, rows } = await viewFor(deps, periodId, audience, { profession, ratiosOnly: false });
  const row = rows.find((r) => r.id === municipalityId);
  // The report's own status (a draft is a draft), whether or not its figures are in the view.
  const [report] = await deps.db
    .select({ status: staffingReport.status })
    .from(staffingReport)
    .where(and(eq(staffingReport.periodId, periodId), eq(staffingReport.municipalityId, municipalityId)));
  const columns = pub.columns(profession);
  const values = Object.fromEntries(columns.map((c) => [c.key, pub.value(municipalityId, profession, c.key)]));
  const regionTotalValues = Object.fromEntries(columns.map((c) => [c.key, pub.value(REGION, profession, c.key)]));
  const config = await loadConfig(deps);
  const series = (measure: string, keys: string[]) => ({
    measure,
    items: keys.map((k) => ({
      key: k,
      municipality: pub.value(municipalityId, profession, `${measure}.${k}`),
      regionTotal: pub.value(REGION, profession, `${measure}.${k}`),
    })),
  });
  const activeKeys = (kind: string, professionKey?: string) => {
    const professionId = config.professions.find((p) => p.key === professionKey)?.id;
    return config.items
      .filter((i) => i.kind === kind && i.active && (kind !== 'specialty' || i.professionId === professionId))
      .map((i) => i.key);
  };
  const breakdowns = [
    series('age_headcount', activeKeys('age_band')),
    series('absence_headcount', activeKeys('absence_kind')),
    series('competence_headcount', activeKeys('competence')),
    ...(profession === ALL ? [] : [series('specialty_headcount', activeKeys('specialty', profession))]),
  ];
  const trend = await trendOf(deps, audience, municipalityId, profession);
  return {
    period: { id: period.id, label: period.label, referenceDate: period.referenceDate },
    municipality: { id: municipality.id, name: municipality.name, status: report?.status ?? 'not_started' },
    profession,
    values: row ? values : Object.fromEntries(columns.map((c) => [c.key, null])),
    regionTotalValues,
    ratios: row ? pub.ratios(municipalityId, profession) : emptyRatios(),
    regionTotal: pub.ratios(REGION, profession),
    regionMedian: pub.median(profession),
    breakdowns,
    trend,
  };
}

const emptyRatios = () => Object.fromEntries(RATIOS.map((r) => [r, null])) as Record<RatioKey, Cell>;

async function trendOf(deps: StaffingDeps, audience: Audience, municipalityId: string, profession: string) {
  const periods = await deps.db.select().from(staffingPeriod).orderBy(asc(staffingPeriod.referenceDate));
  const out: ProfileDto['trend'] = [];
  for (const period of periods) {
    // Only the key ratios' inputs of the one profession: a trend reads nothing else of a period.
    const { pub, rows } = await viewFor(deps, period.id, audience, { profession, ratiosOnly: true });
    if (rows.length === 0) continue;
    out.push({
      periodId: period.id,
      label: period.label,
      ratios: rows.some((r) => r.id === municipalityId) ? pub.ratios(municipalityId, profession) : emptyRatios(),
      regionTotal: pub.ratios(REGION, profession),
      regionMedian: pub.median(profession),
    });
  }
  return out;
}

// ---- exports ---------------------------------------------------------------------------------------------------

export type ExportFile = { fileName: string; contentType: string; body: Buffer | string };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** What a file of statistics says about its ".." cells. */
export const suppressionNote = (minCount: number) =>
  `".." = färre än ${minCount} personer eller dolt för att en summa inte ska avslöja ett litet tal.`;

export async function exportComparison(
  deps: StaffingDeps,
  ctx: SignedInContext | null,
  query: { periodId: string; profession: string; format: 'xlsx' | 'csv'; columns?: string | undefined },
): Promise<ExportFile> {
  const dto = ctx
    ? await getComparison(deps, ctx, query.periodId, query.profession)
    : await getPublicComparison(deps, query.periodId, query.profession);
  const wanted = query.columns ? new Set(query.columns.split(',').map((c) => c.trim())) : null;
  const valueColumns = dto.columns.filter((c) => !wanted || wanted.has(c.key));
  const ratioColumns = RATIO_DEFS.filter((r) => !wanted || wanted.has(r.key));
  const columns: ExportColumn[] = [
    { key: 'name', header: 'Kommun', kind: 'text' },
    { key: 'status', header: 'Status', kind: 'text' },
    ...valueColumns.map((c) => ({ key: `v:${c.key}`, header: c.label.sv, kind: 'number' as const })),
    ...ratioColumns.map((r) => ({
      key: `r:${r.key}`,
      header: r.label.sv,
      kind: r.unit === 'percent' ? ('percent' as const) : ('number' as const),
    })),
  ];
  const toRow = (name: string, status: string, values: Record<string, Cell>, ratios: Record<string, Cell>) => ({
    name,
    status,
    ...Object.fromEntries(valueColumns.map((c) => [`v:${c.key}`, values[c.key] ?? null])),
    ...Object.fromEntries(ratioColumns.map((r) => [`r:${r.key}`, ratios[r.key] ?? null])),
  });
  const rows = [
    ...dto.rows.map((r) => toRow(r.name, STATUS_SV[r.status], r.values, r.ratios)),
    toRow('Regionen totalt', '', dto.total.values, dto.total.ratios),
    toRow('Median', '', {}, dto.median.ratios),
  ];
  const profession = dto.profession === ALL ? 'alla yrken' : dto.profession;
  const base = `bemanning-${dto.period.label}-${profession}`.replace(/[^\p{L}\p{N}-]+/gu, '-');
  const note = `Bemanning ${dto.period.label}, ${profession}. ${suppressionNote(dto.minCount)}`;
  if (query.format === 'csv') {
    return { fileName: `${base}.csv`, contentType: CSV_TYPE, body: toCsv(columns, rows) };
  }
  return {
    fileName: `${base}.xlsx`,
    contentType: XLSX_TYPE,
    body: await toXlsx([{ name: `Bemanning ${dto.period.label}`, columns, rows, note }]),
  };
}

export const STATUS_SV: Record<ReportStatus, string> = {
  not_started: 'Ej påbörjad',
  draft: 'Utkast',
  submitted: 'Inskickad',
  approved: 'Godkänd',
  returned: 'Återförd',
};
