// The forecast's specialist supply line (decision 026): expected new specialists per forecast year, profession and
// specialty from the provided source (training posts' expected ends), summed over the forecast's municipalities, and
// the projected specialist share. For the region's view the counts pass the platform's small-count suppression (a
// year's total is the sum of its specialties, so a hidden specialty cannot be worked out from the total); a hidden
// count leaves that year's share and every later one unknown, since the share is cumulative.
import { publishCounts, SUPPRESSED_TOKEN } from '../../../platform/server/suppression/publish-counts.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import type { ProfessionStaff } from './forecast-model.ts';
import type { SpecialistSupplyDto, SpecialistSupplySource } from './specialist-supply.contracts.ts';

export type SupplyLineInput = {
  chosen: { municipalityId: string; staff: readonly ProfessionStaff[] }[];
  baseYear: number;
  horizonYears: number;
  professions: { key: string; label: { sv: string; en: string } }[];
  suppressed: boolean;
};

type Count = number | typeof SUPPRESSED_TOKEN;

export async function specialistSupplyLine(
  deps: StaffingDeps,
  source: SpecialistSupplySource,
  input: SupplyLineInput,
): Promise<SpecialistSupplyDto> {
  const years = Array.from({ length: input.horizonYears }, (_, i) => input.baseYear + 1 + i);
  const rows = input.chosen.length
    ? await source.rows(deps.db, {
        municipalityIds: input.chosen.map((c) => c.municipalityId),
        fromYear: years[0] ?? input.baseYear + 1,
        toYear: years.at(-1) ?? input.baseYear + 1,
      })
    : [];
  const config = await loadConfig(deps);
  return specialistSupplyFrom(rows, years, input, config, deps.minCount);
}

/** The pure part: sums, suppression and shares (tested against a worked example in specialist-supply-line.test.ts). */
export function specialistSupplyFrom(
  rows: readonly { year: number; professionKey: string; specialtyKey: string | null; count: number }[],
  years: readonly number[],
  input: Pick<SupplyLineInput, 'chosen' | 'professions' | 'suppressed'>,
  config: {
    professions: { id: string; key: string }[];
    items: { kind: string; professionId: string | null; key: string; name: string }[];
  },
  minCount: number,
): SpecialistSupplyDto {
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const present = new Set(rows.map((r) => r.professionKey));
  const professions = input.professions.filter((p) => present.has(p.key));
  const specialtyName = (profession: string, key: string | null) => {
    if (key === null) return 'Ingen inriktning angiven';
    const professionId = config.professions.find((p) => p.key === profession)?.id ?? null;
    return (
      config.items.find((i) => i.kind === 'specialty' && i.professionId === professionId && i.key === key)?.name ?? key
    );
  };
  const out: SpecialistSupplyDto['professions'] = [];
  for (const profession of professions) {
    const specialties = [
      ...new Set(rows.filter((r) => r.professionKey === profession.key).map((r) => r.specialtyKey)),
    ].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
    const grid = specialties.map(() => years.map(() => 0));
    for (const r of rows) {
      const i = yearIndex.get(r.year);
      const s = specialties.indexOf(r.specialtyKey);
      if (r.professionKey !== profession.key || i === undefined || s < 0) continue;
      (grid[s] as number[])[i] = ((grid[s] as number[])[i] ?? 0) + r.count;
    }
    const totals = years.map((_, i) => grid.reduce((sum, line) => sum + (line[i] ?? 0), 0));
    let perYear: Count[] = totals;
    let bySpecialty: Count[][] = grid;
    if (input.suppressed) {
      const cell = (s: number | 'total', i: number) => `${s}|${i}`;
      const cells = [
        ...grid.flatMap((line, s) => line.map((value, i) => ({ id: cell(s, i), value }))),
        ...totals.map((value, i) => ({ id: cell('total', i), value })),
      ];
      const groups = years.map((_, i) => ({ total: cell('total', i), parts: grid.map((_, s) => cell(s, i)) }));
      const { values } = publishCounts({ cells, groups }, { minCount });
      const shown = (id: string): Count => {
        const v = values.get(id);
        return v === SUPPRESSED_TOKEN ? SUPPRESSED_TOKEN : (v ?? 0);
      };
      perYear = totals.map((_, i) => shown(cell('total', i)));
      bySpecialty = grid.map((line, s) => line.map((_, i) => shown(cell(s, i))));
    }
    const staff = input.chosen.flatMap((c) => c.staff.filter((p) => p.key === profession.key));
    const headcount = staff.length ? staff.reduce((sum, p) => sum + p.headcount, 0) : null;
    const known = staff.length > 0 && staff.every((p) => p.specialistHeadcount !== undefined);
    const specialists = known ? staff.reduce((sum, p) => sum + (p.specialistHeadcount ?? 0), 0) : null;
    const share: (number | null)[] = [];
    let cumulative: number | null = specialists;
    for (const value of perYear) {
      cumulative = cumulative === null || value === SUPPRESSED_TOKEN ? null : cumulative + value;
      share.push(cumulative === null || !headcount ? null : Math.min(1, cumulative / headcount));
    }
    out.push({
      key: profession.key,
      perYear,
      bySpecialty: specialties.map((key, s) => ({
        key,
        name: specialtyName(profession.key, key),
        perYear: bySpecialty[s] ?? [],
      })),
      specialists: specialists === null ? null : Math.round(specialists * 10) / 10,
      headcount: headcount === null ? null : Math.round(headcount * 10) / 10,
      share,
    });
  }
  return { years: [...years], professions: out, suppressed: input.suppressed };
}
