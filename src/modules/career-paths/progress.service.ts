// What the region sees of every municipality (issue 18 points 3, 4 and 6): the regional progress view (checklist
// steps per municipality, and development plans per target role as counts) and staff by role over time from the
// staffing statistics. Counts another municipality's user could single a person out by go through the platform's
// suppression (publishCounts): small counts show as "..", with secondary suppression against the row totals; the
// viewer's own municipality's figures are known to them and shown as they are.
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import type { SuppressionCell, SuppressionGroup } from '../../platform/server/suppression/model.ts';
import { publishCounts } from '../../platform/server/suppression/publish-counts.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { compareSwedish } from '../../platform/shared/swedish-order.ts';
import { headcountByProfession } from '../staffing/headcount-lookup.service.ts';
import type { CountCell, ProgressDto, ProgressRowDto, StaffByRoleDto, Step } from './career-paths.contracts.ts';
import { STEPS } from './career-paths.contracts.ts';
import { careerChecklistItem, careerImplementation, careerPlan } from './career-paths.table.ts';
import { type CareerDeps, municipalityOf, requireCurrentModel } from './career-paths-scope.ts';

/** The municipality whose figures the viewer knows anyway (their own), if any. */
const ownMunicipality = (ctx: SignedInContext) =>
  ctx.actor.organisationKind === 'municipality' ? ctx.actor.organisationId : null;

export async function regionalProgress(deps: CareerDeps, ctx: SignedInContext): Promise<ProgressDto> {
  authorize(ctx.actor, 'career:read_progress');
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
  const roles = model.roles.map((r) => ({ key: r.key, name: ctx.actor.locale === 'en' ? r.nameEn : r.name }));
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
  const known = new Set<string>();
  const own = ownMunicipality(ctx);
  for (const m of municipalities) {
    const parts = roles.map((r) => `${m.id}|${r.key}`);
    for (const id of parts) cells.push({ id, value: planCount.get(id) ?? 0 });
    const total = parts.reduce((s, id) => s + (planCount.get(id) ?? 0), 0);
    cells.push({ id: `${m.id}|*`, value: total });
    groups.push({ total: `${m.id}|*`, parts });
    if (m.id === own) for (const id of [...parts, `${m.id}|*`]) known.add(id);
  }
  const { values } = publishCounts({ cells, groups }, { minCount: deps.minCount, known });
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
  return { roles, rows, minCount: deps.minCount };
}

/**
 * Headcount per role (the roles counted in the staffing statistics, one role per profession) per period, for one
 * municipality or every one, with each municipality's target mix. Others' counts are suppressed.
 */
export async function staffByRole(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId?: string,
): Promise<StaffByRoleDto> {
  authorize(ctx.actor, 'career:read_progress');
  const { model } = await requireCurrentModel(deps);
  const seen = new Set<string>();
  const roles = model.roles.flatMap((r) => {
    if (!r.professionKey || seen.has(r.professionKey)) return [];
    seen.add(r.professionKey);
    return [{ key: r.key, name: ctx.actor.locale === 'en' ? r.nameEn : r.name, professionKey: r.professionKey }];
  });
  let municipalities = await activeMunicipalities(deps.db);
  if (municipalityId) {
    const one = await municipalityOf(deps, ctx.actor, municipalityId);
    municipalities = municipalities.filter((m) => m.id === one.id);
  }
  const ids = municipalities.map((m) => m.id);
  const [{ periods, facts }, targets] = await Promise.all([
    headcountByProfession(deps.db, {
      professions: roles.map((r) => r.professionKey),
      ...(municipalityId ? { municipalityIds: ids } : {}),
    }),
    deps.db
      .select({
        organisationId: careerImplementation.organisationId,
        targetMix: careerImplementation.targetMix,
        targetYear: careerImplementation.targetYear,
      })
      .from(careerImplementation)
      .where(municipalityId ? eq(careerImplementation.organisationId, ids[0] ?? '') : undefined),
  ]);
  const value = new Map(facts.map((f) => [`${f.municipalityId}|${f.profession}|${f.periodId}`, f.value]));
  const own = ownMunicipality(ctx);
  const regionalAdmin = isRegionalAdmin(ctx.actor);
  const cells: SuppressionCell[] = [];
  const known = new Set<string>();
  for (const m of municipalities) {
    for (const r of roles) {
      for (const p of periods) {
        const id = `${m.id}|${r.professionKey}|${p.id}`;
        cells.push({ id, value: value.get(id) ?? null });
        if (m.id === own) known.add(id);
      }
    }
  }
  // Headcounts are staff counts the municipality reported: a regional admin reads every report anyway.
  const values = regionalAdmin
    ? new Map(cells.map((c) => [c.id, c.value as CountCell]))
    : publishCounts({ cells }, { minCount: deps.minCount, known }).values;
  const target = new Map(targets.map((t) => [t.organisationId, t]));
  return {
    periods,
    roles,
    rows: municipalities
      .map((m) => ({
        municipalityId: m.id,
        name: m.name,
        values: Object.fromEntries(
          roles.map((r) => [r.key, periods.map((p) => values.get(`${m.id}|${r.professionKey}|${p.id}`) ?? null)]),
        ),
        targetMix: (target.get(m.id)?.targetMix ?? {}) as Record<string, number>,
        targetYear: target.get(m.id)?.targetYear ?? null,
      }))
      .sort((a, b) => compareSwedish(a.name, b.name)),
    minCount: deps.minCount,
  };
}
