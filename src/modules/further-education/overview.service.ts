// The steering group's overview (decision 026): for each model how many municipalities are at each step, and the
// expected new specialists per year and profession over the whole region — counts with small ones hidden by the
// platform's suppression (a year's total is the sum of its professions), never a name.
import { asc, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { publishCounts, SUPPRESSED_TOKEN } from '../../platform/server/suppression/publish-counts.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import type { SteeringOverviewDto } from './further-education.contracts.ts';
import { furtherEducationAdoption, furtherEducationModel } from './further-education.table.ts';
import { expectedSpecialists } from './further-education-lookup.service.ts';
import type { FurtherEducationDeps } from './models.service.ts';

export const OVERVIEW_YEARS = 5;

export async function steeringOverview(
  deps: FurtherEducationDeps & { minCount: number },
  ctx: SignedInContext,
): Promise<SteeringOverviewDto> {
  authorize(ctx.actor, 'further_education:read');
  const municipalities = await activeMunicipalities(deps.db);
  const active = new Set(municipalities.map((m) => m.id));
  const models = await deps.db
    .select({ id: furtherEducationModel.id, name: furtherEducationModel.name })
    .from(furtherEducationModel)
    .where(eq(furtherEducationModel.active, true))
    .orderBy(asc(furtherEducationModel.sort));
  const adoptions = await deps.db
    .select({
      modelId: furtherEducationAdoption.modelId,
      municipalityId: furtherEducationAdoption.municipalityId,
      status: furtherEducationAdoption.status,
    })
    .from(furtherEducationAdoption);
  const year = Number(swedishDate(new Date()).slice(0, 4));
  const years = Array.from({ length: OVERVIEW_YEARS }, (_, i) => year + i);
  const rows = await expectedSpecialists(deps.db, {
    municipalityIds: [...active],
    fromYear: years[0] ?? year,
    toYear: years.at(-1) ?? year,
  });
  const professions = [...new Set(rows.map((r) => r.professionKey))].sort();
  const cell = (p: string, y: number) => `${p}|${y}`;
  const value = (p: string, y: number) =>
    rows.filter((r) => r.professionKey === p && r.year === y).reduce((s, r) => s + r.count, 0);
  const cells = [
    ...professions.flatMap((p) => years.map((y) => ({ id: cell(p, y), value: value(p, y) }))),
    ...years.map((y) => ({ id: cell('all', y), value: professions.reduce((s, p) => s + value(p, y), 0) })),
  ];
  const groups = years.map((y) => ({ total: cell('all', y), parts: professions.map((p) => cell(p, y)) }));
  const { values } = publishCounts({ cells, groups }, { minCount: deps.minCount });
  const shown = (id: string) => {
    const v = values.get(id);
    return v === SUPPRESSED_TOKEN ? SUPPRESSED_TOKEN : (v ?? 0);
  };
  return {
    models: models.map((m) => {
      const counts: Record<string, number> = {};
      for (const a of adoptions) {
        if (a.modelId !== m.id || !active.has(a.municipalityId)) continue;
        counts[a.status] = (counts[a.status] ?? 0) + 1;
      }
      const started = Object.values(counts).reduce((s, n) => s + n, 0);
      return { id: m.id, name: m.name, counts, notStarted: active.size - started };
    }),
    specialists: {
      years,
      professions: [...professions, 'all'].map((p) => ({ key: p, perYear: years.map((y) => shown(cell(p, y))) })),
    },
  };
}
