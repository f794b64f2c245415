// The columns of the published statistics (issue 13, decisions 016 and 036): which figures a configuration has per
// profession and for the context, the derived sums the key ratios need, each column's kind and label, the shape's
// fingerprint that figures are cached by, and which columns other municipalities see. Pure: no database.

import type { Cell, StaffingConfigDto } from '../staffing.contracts.ts';
import { CONTEXT, MEASURES, type MeasureKind, type RatioKey } from '../staffing-measures.ts';

export const ALL = 'all';
export const REGION = 'region';

export type Column = { key: string; label: { sv: string; en: string }; kind: MeasureKind };

export type Publication = {
  professions: string[];
  columns(profession: string): Column[];
  value(municipality: string, profession: string, column: string): Cell;
  ratios(municipality: string, profession: string): Record<RatioKey, Cell>;
  median(profession: string): Record<RatioKey, Cell>;
};

export const cellId = (m: string, p: string, c: string) => `${m}|${p}|${c}`;

/** Columns that are sums the ratios need (not measures of their own). */
export const DERIVED = {
  absence_headcount: 'absence_headcount',
  absence_fte: 'absence_fte',
  age_60_plus: 'age_60_plus',
  licensed_headcount: 'licensed_headcount',
} as const;

/** Which columns each ratio is computed from (numerator, denominator, factor). */
export const RATIO_INPUTS: Record<RatioKey, { num: string; den: string; contextDen?: boolean; factor: number }> = {
  specialist_share: { num: 'specialist_headcount', den: 'headcount', factor: 1 },
  licensed_per_1000_80_plus: {
    num: DERIVED.licensed_headcount,
    den: 'inhabitants_80_plus',
    contextDen: true,
    factor: 1000,
  },
  staff_per_100_enrolled: { num: 'headcount', den: 'enrolled_patients', contextDen: true, factor: 100 },
  employment_rate: { num: 'worked_fte', den: 'headcount', factor: 1 },
  fulltime_share: { num: 'fulltime_headcount', den: 'headcount', factor: 1 },
  vacancy_rate: { num: 'positions_vacant', den: 'positions_budgeted', factor: 1 },
  share_aged_60_plus: { num: DERIVED.age_60_plus, den: 'headcount', factor: 1 },
  absence_rate: { num: DERIVED.absence_fte, den: 'contracted_fte', factor: 1 },
};

/** The columns of a configuration: which figures exist per profession and for the context. */
export type Shape = ReturnType<typeof publicationShape>;

export function publicationShape(config: StaffingConfigDto) {
  const professions = config.professions.filter((p) => p.active).map((p) => p.key);
  const licensed = new Set(config.professions.filter((p) => p.licensed && p.active).map((p) => p.key));
  const items = (kind: string, professionId?: string) =>
    config.items.filter(
      (i) => i.kind === kind && i.active && (professionId === undefined || i.professionId === professionId),
    );
  const ageBands = items('age_band').map((b) => b.key);
  const oldBands = items('age_band')
    .filter((b) => (b.minAge ?? 0) >= 60)
    .map((b) => b.key);
  const absenceKinds = items('absence_kind').map((i) => i.key);
  const competences = items('competence').map((i) => i.key);
  const specialtiesOf = new Map(
    config.professions.map((p) => [p.key, items('specialty', p.id).map((i) => i.key)] as const),
  );
  const professionColumns: string[] = [];
  for (const d of MEASURES.filter((x) => x.scope === 'profession')) {
    if (d.breakdown === 'specialty') continue;
    if (d.breakdown === 'age_band')
      professionColumns.push(...ageBands.map((b) => `${d.key}.${b}`), DERIVED.age_60_plus);
    else if (d.breakdown === 'competence') professionColumns.push(...competences.map((k) => `${d.key}.${k}`));
    else if (d.breakdown === 'absence_kind') professionColumns.push(d.key, ...absenceKinds.map((k) => `${d.key}.${k}`));
    else professionColumns.push(d.key);
  }
  professionColumns.push(DERIVED.licensed_headcount);
  const contextColumns = MEASURES.filter((d) => d.scope === 'context').map((d) => d.key);
  const specialtyColumns = (p: string) => (specialtiesOf.get(p) ?? []).map((k) => `specialty_headcount.${k}`);
  return {
    config,
    professions,
    licensed,
    ageBands,
    oldBands,
    absenceKinds,
    competences,
    professionColumns,
    contextColumns,
    specialtyColumns,
  };
}

/**
 * Which figures a request needs: one profession's (or all professions', `ALL`) with the context, either every column
 * or only what the key ratios are computed from (a trend). `null`: every figure of every profession.
 */
export type FigureNeed = { profession: string; ratiosOnly: boolean } | null;

/** The columns the key ratios read, and the reported columns those derive from. */
const RATIO_COLUMNS = new Set(Object.values(RATIO_INPUTS).flatMap((d) => [d.num, d.den]));

/**
 * What figures computed for a need depend on of the configuration (decision 036): its shape — which professions, list
 * items and age limits there are and which professions are licensed — never its names (they only label columns).
 * The key ratios read only the professions, the licensed ones, the absence kinds, the old-age bands and the ratios'
 * columns: a new competence or specialty leaves every trend's figures as they were.
 */
export function shapeFingerprint(shape: Shape, ratiosOnly: boolean): string {
  const ratios = (cs: string[]) => cs.filter((c) => RATIO_COLUMNS.has(c));
  const common = [shape.professions, [...shape.licensed].sort(), shape.oldBands, shape.absenceKinds];
  if (ratiosOnly) return JSON.stringify([...common, ratios(shape.professionColumns), ratios(shape.contextColumns)]);
  return JSON.stringify([
    ...common,
    shape.ageBands,
    shape.competences,
    shape.professionColumns,
    shape.contextColumns,
    shape.professions.map((p) => shape.specialtyColumns(p)),
  ]);
}

/** The facts (as `profession` and `column`) a need reads, and the columns it computes per profession. */
export function needed(shape: Shape, need: FigureNeed) {
  const professions =
    need === null || need.profession === ALL
      ? shape.professions
      : shape.professions.filter((p) => p === need.profession);
  const wantsAll = need === null || need.profession === ALL;
  const columnsOfProfession = (p: string) =>
    need?.ratiosOnly
      ? shape.professionColumns.filter((c) => RATIO_COLUMNS.has(c))
      : [...shape.professionColumns, ...(need === null || need.profession === p ? shape.specialtyColumns(p) : [])];
  const context = need?.ratiosOnly ? shape.contextColumns.filter((c) => RATIO_COLUMNS.has(c)) : shape.contextColumns;
  const columns = new Map(professions.map((p) => [p, columnsOfProfession(p)] as const));
  // A computed column's inputs: the derived sums read breakdowns, the licensed headcount the headcount.
  const inputsOf = (c: string): string[] => {
    if (c === DERIVED.absence_headcount) return [c, ...shape.absenceKinds.map((k) => `absence_headcount.${k}`)];
    if (c === DERIVED.absence_fte) return [c, ...shape.absenceKinds.map((k) => `absence_fte.${k}`)];
    if (c === DERIVED.age_60_plus) return shape.oldBands.map((k) => `age_headcount.${k}`);
    if (c === DERIVED.licensed_headcount) return ['headcount'];
    return [c];
  };
  const reads = new Map<string, Set<string>>(
    [...columns].map(([p, cs]) => [p, new Set(cs.flatMap(inputsOf))] as const),
  );
  reads.set(CONTEXT, new Set(context));
  return { professions, wantsAll, columns, context, reads };
}

export function columnScope(c: string): 'context' | 'profession' {
  return MEASURES.find((d) => d.key === c)?.scope ?? 'profession';
}

export function columnKind(c: string): MeasureKind {
  const base = c.split('.')[0] ?? c;
  if (base === DERIVED.age_60_plus || base === DERIVED.licensed_headcount) return 'persons';
  return MEASURES.find((d) => d.key === base)?.kind ?? 'persons';
}

export function columnLabel(
  c: string,
  item: (kind: string, key: string) => { name: string; nameEn: string } | undefined,
): { sv: string; en: string } {
  if (c === DERIVED.age_60_plus) return { sv: 'Antal 60 år och äldre', en: 'Headcount aged 60+' };
  if (c === DERIVED.licensed_headcount)
    return { sv: 'Antal i legitimationsyrken', en: 'Headcount in licensed professions' };
  const [base = c, breakdown] = c.split('.');
  const def = MEASURES.find((d) => d.key === base);
  if (!def) return { sv: c, en: c };
  if (!breakdown) {
    if (def.breakdown === 'absence_kind') {
      return { sv: `${def.label.sv}, alla orsaker`, en: `${def.label.en}, all kinds` };
    }
    return def.label;
  }
  const it = def.breakdown ? item(def.breakdown, breakdown) : undefined;
  return { sv: `${def.label.sv}: ${it?.name ?? breakdown}`, en: `${def.label.en}: ${it?.nameEn ?? breakdown}` };
}

/** What other municipalities see of each other: the top-level measures (and the derived ones the ratios use). */
export const OUTSIDER_COLUMNS = new Set<string>([
  'inhabitants',
  'inhabitants_65_79',
  'inhabitants_80_plus',
  'enrolled_patients',
  'enrolled_home_care',
  'enrolled_special_housing',
  'headcount',
  'headcount_permanent',
  'specialist_headcount',
  'fulltime_headcount',
  'contracted_fte',
  'worked_fte',
  'positions_budgeted',
  'positions_filled',
  'positions_vacant',
  DERIVED.age_60_plus,
  DERIVED.absence_headcount,
  DERIVED.absence_fte,
  // The sum of the licensed professions' headcounts (the ratio per 1,000 inhabitants 80+ is built on it).
  DERIVED.licensed_headcount,
]);
