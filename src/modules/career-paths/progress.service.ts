// What the region sees of every municipality (issue 18 points 3, 4 and 6): the regional progress view (checklist
// steps per municipality, and development plans per target role as counts) and staff by role over time from the
// staffing statistics. Counts another municipality's user could single a person out by go through the platform's
// suppression (publishCounts): small counts show as "..", with secondary suppression against the row totals; the
// viewer's own municipality's figures are known to them and shown as they are.
//
// Both answers are computed once per revision of the data they come from and kept per server (the reads are far more
// frequent than the changes; bench/career-paths.ts): the protected table is the same for every viewer, and a viewer's
// own municipality is laid over it raw. That equals passing the own cells as `known` to publishCounts, because every
// equation (a row's total and its parts) lies within one municipality: no other row's suppression depends on them.
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import type { SuppressionCell, SuppressionGroup } from '../../platform/server/suppression/model.ts';
import { publishCounts } from '../../platform/server/suppression/publish-counts.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { compareSwedish } from '../../platform/shared/swedish-order.ts';
import { headcountByProfession, headcountRevision } from '../staffing/headcount-lookup.service.ts';
import type { CountCell, ProgressDto, ProgressRowDto, StaffByRoleDto, Step } from './career-paths.contracts.ts';
import { STEPS } from './career-paths.contracts.ts';
import { careerChecklistItem, careerImplementation, careerPlan } from './career-paths.table.ts';
import { type CareerDeps, municipalityOf, requireCurrentModel } from './career-paths-scope.ts';

/** The municipality whose figures the viewer knows anyway (their own), if any. */
const ownMunicipality = (ctx: SignedInContext) =>
  ctx.actor.organisationKind === 'municipality' ? ctx.actor.organisationId : null;

// ---- the per-server store of computed answers, keyed by the data's revision ----
const computed = new Map<string, Promise<unknown>>();
const KEPT = 24;
function remember<T>(key: string, build: () => Promise<T>): Promise<T> {
  const hit = computed.get(key);
  if (hit) return hit as Promise<T>;
  if (computed.size >= KEPT) computed.delete(computed.keys().next().value as string);
  const value = build();
  computed.set(key, value);
  value.catch(() => computed.delete(key));
  return value;
}

/**
 * The revisions the answers are kept by, read through the app's read cache: the app clears it before answering any
 * change, so a revision is never older than this server's last change (another server's: at most the cache's few
 * seconds, as for all reference data; decision 002).
 */
const revisions = (deps: CareerDeps) =>
  deps.cache.remember('career:revisions', async () => {
    const [staffing, career] = await Promise.all([headcountRevision(deps.db), careerRevision(deps.db)]);
    return { staffing, career };
  });

/** Moves with every change of the module's rows the views read, the current model, and the organisations. */
async function careerRevision(db: Db): Promise<string> {
  const res = (await db.execute(sql`select
      (select count(*) || '.' || coalesce(max(updated_at)::text, '') from career_checklist_item) as items,
      (select count(*) || '.' || coalesce(max(updated_at)::text, '') from career_plan) as plans,
      (select count(*) || '.' || coalesce(max(updated_at)::text, '') from career_implementation) as impl,
      (select coalesce(max(version), 0)::text from career_model_version where status = 'published') as model,
      (select count(*) || '.' || coalesce(max(updated_at)::text, '') from organisation) as orgs`)) as unknown as {
    rows: Record<string, string>[];
  };
  const r = res.rows[0] ?? {};
  return [r.items, r.plans, r.impl, r.model, r.orgs].join('|');
}

/** A DTO with rows as JSON in pieces, so one row can be swapped without serialising the rest again. */
type Pieces = { pre: string; rows: string[]; post: string; at: Map<string, number> };
function pieces<R extends { municipalityId: string }>(dto: { rows: R[] }): Pieces {
  const [pre = '', post = ''] = JSON.stringify({ ...dto, rows: '\u0000ROWS' }).split('"\\u0000ROWS"');
  return {
    pre,
    rows: dto.rows.map((r) => JSON.stringify(r)),
    post,
    at: new Map(dto.rows.map((r, i) => [r.municipalityId, i])),
  };
}
function joined(p: Pieces, swap?: { municipalityId: string; row: unknown }): string {
  const i = swap ? p.at.get(swap.municipalityId) : undefined;
  const rows = i === undefined ? p.rows : p.rows.map((r, j) => (j === i ? JSON.stringify(swap?.row) : r));
  return `${p.pre}[${rows.join(',')}]${p.post}`;
}

type ProgressBase = {
  dto: ProgressDto;
  /** Each municipality's own plan counts, raw (laid over for its own users). */
  raw: Map<string, { byTarget: Record<string, number>; total: number }>;
  json: Pieces;
};

async function progressBase(deps: CareerDeps, locale: 'sv' | 'en'): Promise<ProgressBase> {
  const [{ model }, municipalities, steps, implementations, plans] = await Promise.all([
    requireCurrentModel(deps),
    activeMunicipalities(deps.db),
    deps.db
      .select({
        organisationId: careerChecklistItem.organisationId,
        step: careerChecklistItem.step,
        total: count(),
        done: sql<number>`count(*) filter (where ${careerChecklistItem.status} = 'done')`.mapWith(Number),
      })
      .from(careerChecklistItem)
      .groupBy(careerChecklistItem.organisationId, careerChecklistItem.step),
    deps.db
      .select({
        organisationId: careerImplementation.organisationId,
        adopted: isNotNull(careerImplementation.adoptedVersion).mapWith(Boolean),
        hasOwner: sql<boolean>`${careerImplementation.ownerTitle} <> ''`.mapWith(Boolean),
      })
      .from(careerImplementation),
    deps.db
      .select({ organisationId: careerPlan.organisationId, role: careerPlan.targetRoleKey, n: count() })
      .from(careerPlan)
      .groupBy(careerPlan.organisationId, careerPlan.targetRoleKey),
  ]);
  const roles = model.roles.map((r) => ({ key: r.key, name: locale === 'en' ? r.nameEn : r.name }));
  const stepsOf = new Map<string, Map<Step, { done: number; total: number }>>();
  for (const s of steps) {
    const m = stepsOf.get(s.organisationId) ?? new Map();
    m.set(s.step, { done: s.done, total: s.total });
    stepsOf.set(s.organisationId, m);
  }
  const impl = new Map(implementations.map((i) => [i.organisationId, i]));
  const planCount = new Map(plans.map((p) => [`${p.organisationId}|${p.role}`, p.n]));

  // The plan counts as one table: per municipality a cell per target role and the row total.
  const cells: SuppressionCell[] = [];
  const groups: SuppressionGroup[] = [];
  const raw = new Map<string, { byTarget: Record<string, number>; total: number }>();
  for (const m of municipalities) {
    const parts = roles.map((r) => `${m.id}|${r.key}`);
    for (const id of parts) cells.push({ id, value: planCount.get(id) ?? 0 });
    const total = parts.reduce((s, id) => s + (planCount.get(id) ?? 0), 0);
    cells.push({ id: `${m.id}|*`, value: total });
    groups.push({ total: `${m.id}|*`, parts });
    raw.set(m.id, {
      byTarget: Object.fromEntries(roles.map((r) => [r.key, planCount.get(`${m.id}|${r.key}`) ?? 0])),
      total,
    });
  }
  const { values } = publishCounts({ cells, groups }, { minCount: deps.minCount });
  const cell = (id: string): CountCell => values.get(id) ?? null;

  const rows: ProgressRowDto[] = municipalities.map((m) => {
    const st = stepsOf.get(m.id);
    const stepRows = STEPS.map((step) => ({ step, done: st?.get(step)?.done ?? 0, total: st?.get(step)?.total ?? 0 }));
    const open = stepRows.find((s) => s.total > 0 && s.done < s.total);
    const anyItems = stepRows.some((s) => s.total > 0);
    return {
      municipalityId: m.id,
      name: m.name,
      code: m.code,
      adopted: impl.get(m.id)?.adopted ?? false,
      hasOwner: impl.get(m.id)?.hasOwner ?? false,
      steps: stepRows,
      currentStep: !anyItems ? null : open ? open.step : 'done',
      plansByTarget: Object.fromEntries(roles.map((r) => [r.key, cell(`${m.id}|${r.key}`)])),
      plansTotal: cell(`${m.id}|*`),
    };
  });
  rows.sort((a, b) => compareSwedish(a.name, b.name));
  const dto = { roles, rows, minCount: deps.minCount };
  return { dto, raw, json: pieces(dto) };
}

/** The regional progress view as JSON: the protected table, the viewer's own municipality raw. */
export async function regionalProgressJson(deps: CareerDeps, ctx: SignedInContext): Promise<string> {
  authorize(ctx.actor, 'career:read_progress');
  const locale = ctx.actor.locale;
  const base = await remember(`progress:${locale}:${deps.minCount}:${(await revisions(deps)).career}`, () =>
    progressBase(deps, locale),
  );
  const own = ownMunicipality(ctx);
  const mine = own ? base.raw.get(own) : undefined;
  const row = own ? base.dto.rows.find((r) => r.municipalityId === own) : undefined;
  if (!own || !mine || !row) return joined(base.json);
  return joined(base.json, {
    municipalityId: own,
    row: { ...row, plansByTarget: mine.byTarget, plansTotal: mine.total },
  });
}

export async function regionalProgress(deps: CareerDeps, ctx: SignedInContext): Promise<ProgressDto> {
  return JSON.parse(await regionalProgressJson(deps, ctx)) as ProgressDto;
}

type StaffBase = { raw: StaffByRoleDto; rawJson: string; suppressed: Pieces };

async function staffBase(deps: CareerDeps, locale: 'sv' | 'en', municipalityId: string | null): Promise<StaffBase> {
  const { model } = await requireCurrentModel(deps);
  const seen = new Set<string>();
  const roles = model.roles.flatMap((r) => {
    if (!r.professionKey || seen.has(r.professionKey)) return [];
    seen.add(r.professionKey);
    return [{ key: r.key, name: locale === 'en' ? r.nameEn : r.name, professionKey: r.professionKey }];
  });
  let municipalities = await activeMunicipalities(deps.db);
  if (municipalityId) municipalities = municipalities.filter((m) => m.id === municipalityId);
  const ids = municipalities.map((m) => m.id);
  const [{ periods, facts }, targets] = await Promise.all([
    headcountByProfession(deps.db, { professions: roles.map((r) => r.professionKey), municipalityIds: ids }),
    deps.db
      .select({
        organisationId: careerImplementation.organisationId,
        targetMix: careerImplementation.targetMix,
        targetYear: careerImplementation.targetYear,
      })
      .from(careerImplementation)
      .where(municipalityId ? eq(careerImplementation.organisationId, municipalityId) : undefined),
  ]);
  const value = new Map(facts.map((f) => [`${f.municipalityId}|${f.profession}|${f.periodId}`, f.value]));
  const cells: SuppressionCell[] = [];
  for (const m of municipalities) {
    for (const r of roles) {
      for (const p of periods) {
        const id = `${m.id}|${r.professionKey}|${p.id}`;
        cells.push({ id, value: value.get(id) ?? null });
      }
    }
  }
  const published = publishCounts({ cells }, { minCount: deps.minCount }).values;
  const target = new Map(targets.map((t) => [t.organisationId, t]));
  const build = (get: (id: string) => CountCell): StaffByRoleDto => ({
    periods,
    roles,
    rows: municipalities
      .map((m) => ({
        municipalityId: m.id,
        name: m.name,
        values: Object.fromEntries(
          roles.map((r) => [r.key, periods.map((p) => get(`${m.id}|${r.professionKey}|${p.id}`))]),
        ),
        targetMix: (target.get(m.id)?.targetMix ?? {}) as Record<string, number>,
        targetYear: target.get(m.id)?.targetYear ?? null,
      }))
      .sort((a, b) => compareSwedish(a.name, b.name)),
    minCount: deps.minCount,
  });
  const raw = build((id) => value.get(id) ?? null);
  const suppressed = build((id) => published.get(id) ?? null);
  return { raw, rawJson: JSON.stringify(raw), suppressed: pieces(suppressed) };
}

/**
 * Headcount per role (the roles counted in the staffing statistics, one role per profession) per period, for one
 * municipality or every one, with each municipality's target mix, as JSON. Others' counts are suppressed; the
 * regional admin, who reads every report in staffing anyway, sees them raw.
 */
export async function staffByRoleJson(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId?: string,
): Promise<string> {
  authorize(ctx.actor, 'career:read_progress');
  const one = municipalityId ? (await municipalityOf(deps, ctx.actor, municipalityId)).id : null;
  const locale = ctx.actor.locale;
  const { staffing, career } = await revisions(deps);
  const base = await remember(`staff:${locale}:${deps.minCount}:${one ?? '*'}:${staffing}:${career}`, () =>
    staffBase(deps, locale, one),
  );
  if (isRegionalAdmin(ctx.actor)) return base.rawJson;
  return answerFor(base, ownMunicipality(ctx));
}

/**
 * The answer for a viewer of a municipality (or of none): the protected table with their own row raw, joined once
 * per kept base and municipality and then sent as it is, as the regional admin's is (joining ~100 kB of rows for every
 * request was most of a municipal viewer's time). A few municipalities' answers are kept per base.
 */
const ANSWERS_PER_BASE = 32;
const answers = new WeakMap<StaffBase, Map<string, string>>();
function answerFor(base: StaffBase, own: string | null): string {
  let kept = answers.get(base);
  if (!kept) {
    kept = new Map();
    answers.set(base, kept);
  }
  const key = own ?? '';
  const hit = kept.get(key);
  if (hit !== undefined) return hit;
  const mine = own ? base.raw.rows.find((r) => r.municipalityId === own) : undefined;
  const json = mine
    ? joined(base.suppressed, { municipalityId: mine.municipalityId, row: mine })
    : joined(base.suppressed);
  if (kept.size >= ANSWERS_PER_BASE) kept.delete(kept.keys().next().value as string);
  kept.set(key, json);
  return json;
}

export async function staffByRole(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId?: string,
): Promise<StaffByRoleDto> {
  return JSON.parse(await staffByRoleJson(deps, ctx, municipalityId)) as StaffByRoleDto;
}
