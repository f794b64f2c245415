// What the move toward the model costs a municipality (issue 18 point 5): the inputs it enters (salaries per role,
// on-cost, its own planned moves), the moves and education of its development plans (as figures, no names), and the
// explained calculation of career-budget.ts, on the page and as XLSX.
import { eq, inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { ValidationError } from '../../platform/server/errors.ts';
import { toXlsx } from '../../platform/server/export.ts';
import { can } from '../../platform/server/policy.ts';
import type { DownloadFile } from '../../platform/server/send-file.ts';
import { calculateBudget, type PlanMove } from './career-budget.ts';
import { type BudgetDto, type BudgetInputs, budgetInputsSchema } from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerImplementation, careerPlan, careerPlanEducation } from './career-paths.table.ts';
import { type CareerDeps, municipalityOf, requireCurrentModel, today } from './career-paths-scope.ts';
import { keptFile } from './kept-files.ts';

const resourceOf = (id: string) => ({ organisationId: id, organisationKind: 'municipality' as const });

/** The inputs a municipality starts from: next year and two more, no salaries yet, 40 % on-cost. */
export function defaultInputs(deps: CareerDeps): BudgetInputs {
  const year = Number(today(deps).slice(0, 4)) + 1;
  return { startYear: year, years: 3, monthlySalary: {}, onCostPercent: 40, extraMoves: [] };
}

export async function getBudget(deps: CareerDeps, ctx: SignedInContext, municipalityId: string): Promise<BudgetDto> {
  const municipality = await municipalityOf(deps, ctx.actor, municipalityId);
  authorizeObject(ctx.actor, 'career:read_implementation', resourceOf(municipality.id));
  const { model } = await requireCurrentModel(deps);
  const [row] = await deps.db
    .select({ budget: careerImplementation.budget })
    .from(careerImplementation)
    .where(eq(careerImplementation.organisationId, municipality.id));
  const parsed = budgetInputsSchema.safeParse(row?.budget);
  const inputs = parsed.success ? parsed.data : defaultInputs(deps);
  const plans = await deps.db
    .select({
      id: careerPlan.id,
      fromRole: careerPlan.currentRoleKey,
      toRole: careerPlan.targetRoleKey,
      year: careerPlan.targetYear,
    })
    .from(careerPlan)
    .where(eq(careerPlan.organisationId, municipality.id));
  const educations = plans.length
    ? await deps.db
        .select({
          planId: careerPlanEducation.planId,
          year: careerPlanEducation.year,
          cost: careerPlanEducation.cost,
          funded: careerPlanEducation.funded,
        })
        .from(careerPlanEducation)
        .where(
          inArray(
            careerPlanEducation.planId,
            plans.map((p) => p.id),
          ),
        )
    : [];
  const moves: PlanMove[] = plans.map((p) => ({
    ...p,
    educations: educations.filter((e) => e.planId === p.id),
  }));
  const result = calculateBudget(inputs, moves);
  return {
    municipality,
    inputs,
    roles: model.roles.map((r) => ({ key: r.key, name: ctx.actor.locale === 'en' ? r.nameEn : r.name })),
    ...result,
    canManage: can(ctx.actor, 'career:manage_implementation', resourceOf(municipality.id)),
  };
}

export async function saveBudget(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
  inputs: BudgetInputs,
): Promise<BudgetDto> {
  const municipality = await municipalityOf(deps, ctx.actor, municipalityId);
  authorizeObject(ctx.actor, 'career:manage_implementation', resourceOf(municipality.id));
  const { model } = await requireCurrentModel(deps);
  const roles = new Set(model.roles.map((r) => r.key));
  const unknown = [
    ...Object.keys(inputs.monthlySalary).map((k) => ({ path: `monthlySalary.${k}`, key: k })),
    ...inputs.extraMoves.flatMap((m, i) => [
      { path: `extraMoves.${i}.fromRole`, key: m.fromRole },
      { path: `extraMoves.${i}.toRole`, key: m.toRole },
    ]),
  ].filter((x) => !roles.has(x.key));
  if (unknown.length)
    throw new ValidationError(unknown.map((u) => ({ path: u.path, message: cm.unknownRole({ key: u.key }) })));
  for (const [i, m] of inputs.extraMoves.entries()) {
    if (m.funded > m.educationCost) {
      throw new ValidationError([{ path: `extraMoves.${i}.funded`, message: cm.fundedOverCost() }]);
    }
  }
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insert(careerImplementation)
      .values({ organisationId: municipality.id, budget: inputs, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: careerImplementation.organisationId,
        set: { budget: inputs, updatedBy: ctx.actor.userId, updatedAt: new Date() },
      });
    await audit(tx, ctx, {
      action: 'career_budget.update',
      entityType: 'career_implementation',
      entityId: municipality.id,
      organisationId: municipality.id,
    });
  });
  return getBudget(deps, ctx, municipality.id);
}

/** The calculation as a workbook: the yearly effect, the moves, the inputs, and how it is calculated. */
export async function budgetXlsx(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
): Promise<DownloadFile> {
  const b = await getBudget(deps, ctx, municipalityId);
  const sv = ctx.actor.locale !== 'en';
  const { canManage: _viewer, ...figures } = b;
  const body = Buffer.from(await keptFile('budget-xlsx', { figures, sv }, () => budgetWorkbook(b, sv)));
  return {
    fileName: `${sv ? 'Karriärvägar – kostnadsberäkning' : 'Career paths – cost calculation'} ${b.municipality.name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

function budgetWorkbook(b: BudgetDto, sv: boolean): Promise<Buffer> {
  const roleName = new Map(b.roles.map((r) => [r.key, r.name]));
  const name = (k: string) => roleName.get(k) ?? k;
  return toXlsx([
    {
      name: sv ? 'Budgeteffekt' : 'Budget effect',
      note: sv
        ? 'Årlig budgeteffekt = löneeffekt + utbildningskostnad − finansiering. Löneeffekten för en förflyttning = (månadslön i ny roll − i gammal roll) × 12 × (1 + PO-pålägg), från förflyttningens år och alla följande år.'
        : 'Yearly budget effect = salary effect + education cost − funding. A move’s salary effect = (monthly salary of the new role − of the old) × 12 × (1 + on-cost), from the year of the move on.',
      columns: [
        { key: 'year', header: sv ? 'År' : 'Year' },
        { key: 'moves', header: sv ? 'Förflyttningar' : 'Moves' },
        { key: 'salaryEffect', header: sv ? 'Löneeffekt (kr)' : 'Salary effect (SEK)' },
        { key: 'educationCost', header: sv ? 'Utbildningskostnad (kr)' : 'Education cost (SEK)' },
        { key: 'funding', header: sv ? 'Finansiering (kr)' : 'Funding (SEK)' },
        { key: 'net', header: sv ? 'Budgeteffekt (kr)' : 'Budget effect (SEK)' },
      ],
      rows: [...b.years, { year: sv ? 'Summa' : 'Total', ...b.total }],
    },
    {
      name: sv ? 'Förflyttningar' : 'Moves',
      columns: [
        { key: 'source', header: sv ? 'Källa' : 'Source' },
        { key: 'from', header: sv ? 'Från roll' : 'From role' },
        { key: 'to', header: sv ? 'Till roll' : 'To role' },
        { key: 'year', header: sv ? 'År' : 'Year' },
        { key: 'count', header: sv ? 'Antal' : 'Count' },
        { key: 'effect', header: sv ? 'Löneeffekt per år (kr)' : 'Salary effect per year (SEK)' },
      ],
      rows: b.moves.map((m) => ({
        source:
          m.source === 'plan'
            ? sv
              ? 'Utvecklingsplan'
              : 'Development plan'
            : sv
              ? 'Planerad förflyttning'
              : 'Planned move',
        from: name(m.fromRole),
        to: name(m.toRole),
        year: m.year,
        count: m.count,
        effect: m.yearlySalaryEffect,
      })),
    },
    {
      name: sv ? 'Indata' : 'Inputs',
      columns: [
        { key: 'what', header: sv ? 'Indata' : 'Input' },
        { key: 'value', header: sv ? 'Värde' : 'Value' },
      ],
      rows: [
        { what: sv ? 'Första år' : 'First year', value: b.inputs.startYear },
        { what: sv ? 'Antal år' : 'Years', value: b.inputs.years },
        { what: sv ? 'PO-pålägg (%)' : 'On-cost (%)', value: b.inputs.onCostPercent },
        ...b.roles.map((r) => ({
          what: `${sv ? 'Månadslön' : 'Monthly salary'}: ${r.name}`,
          value: b.inputs.monthlySalary[r.key] ?? null,
        })),
      ],
    },
  ]);
}
