// The published statistics of one period: every municipality's measures and key ratios per profession view,
// the region's total and median, with small counts suppressed for whoever may not see them. Pure: no database.

import {
  ratioSuppressed,
  type SuppressionCell,
  type SuppressionGroup,
  safeMedian,
  suppress,
} from '../../../platform/server/suppression/suppress.ts';
import type { Cell, StaffingConfigDto } from '../staffing.contracts.ts';
import { CONTEXT, type Fact, MEASURES, type MeasureKind, RATIOS, type RatioKey } from '../staffing-measures.ts';

export const ALL = 'all';
export const REGION = 'region';

export type PublicationInput = {
  config: StaffingConfigDto;
  /** The reports that are published (submitted/approved, or approved only for the public). */
  municipalities: { id: string; name: string; status: string; facts: Fact[] }[];
  minCount: number;
  /** Who sees raw figures: 'all' (regional admins), one municipality (its own users), or nobody. */
  unsuppressedFor: 'all' | string | null;
};

export type Column = { key: string; label: { sv: string; en: string }; kind: MeasureKind };

export type Publication = {
  professions: string[];
  columns(profession: string): Column[];
  value(municipality: string, profession: string, column: string): Cell;
  ratios(municipality: string, profession: string): Record<RatioKey, Cell>;
  median(profession: string): Record<RatioKey, Cell>;
};

const key = (m: string, p: string, c: string) => `${m}|${p}|${c}`;
const sum = (values: (number | undefined)[]) => {
  const given = values.filter((v): v is number => v !== undefined);
  return given.length === 0 ? undefined : Math.round(given.reduce((a, b) => a + b, 0) * 100) / 100;
};

/** Columns that are sums the ratios need (not measures of their own). */
const DERIVED = {
  absence_headcount: 'absence_headcount',
  absence_fte: 'absence_fte',
  age_60_plus: 'age_60_plus',
  licensed_headcount: 'licensed_headcount',
} as const;

/** Which columns each ratio is computed from (numerator, denominator, factor). */
const RATIO_INPUTS: Record<RatioKey, { num: string; den: string; contextDen?: boolean; factor: number }> = {
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

export function buildPublication(input: PublicationInput): Publication {
  const { config } = input;
  const professions = config.professions.filter((p) => p.active).map((p) => p.key);
  const licensed = new Set(config.professions.filter((p) => p.licensed).map((p) => p.key));
  const items = (kind: string, professionId?: string) =>
    config.items.filter(
      (i) => i.kind === kind && i.active && (professionId === undefined || i.professionId === professionId),
    );
  const ageBands = items('age_band');
  const oldBands = ageBands.filter((b) => (b.minAge ?? 0) >= 60).map((b) => b.key);
  const absenceKinds = items('absence_kind').map((i) => i.key);
  const competences = items('competence').map((i) => i.key);
  const specialtiesOf = new Map(
    config.professions.map((p) => [p.key, items('specialty', p.id).map((i) => i.key)] as const),
  );
  const ids = input.municipalities.map((m) => m.id);
  const raw = new Map<string, number>();

  // 1. Raw values per municipality × profession × column, with the derived sums and the 'all' view.
  for (const m of input.municipalities) {
    for (const f of m.facts) {
      const column = f.breakdown ? `${f.measure}.${f.breakdown}` : f.measure;
      raw.set(key(m.id, f.profession, column), f.value);
    }
    for (const p of professions) {
      const get = (c: string) => raw.get(key(m.id, p, c));
      const put = (c: string, v: number | undefined) => v !== undefined && raw.set(key(m.id, p, c), v);
      put(DERIVED.absence_headcount, sum(absenceKinds.map((k) => get(`absence_headcount.${k}`))));
      put(DERIVED.absence_fte, sum(absenceKinds.map((k) => get(`absence_fte.${k}`))));
      put(DERIVED.age_60_plus, sum(oldBands.map((k) => get(`age_headcount.${k}`))));
      if (licensed.has(p)) put(DERIVED.licensed_headcount, get('headcount'));
    }
  }
  const professionColumns = columnKeys();
  for (const m of ids) {
    for (const c of professionColumns) {
      const v = sum(professions.map((p) => raw.get(key(m, p, c))));
      if (v !== undefined) raw.set(key(m, ALL, c), v);
    }
  }
  for (const p of [...professions, ALL, CONTEXT]) {
    const cols = p === CONTEXT ? contextColumns() : [...professionColumns, ...(p === ALL ? [] : specialtyColumns(p))];
    for (const c of cols) {
      const v = sum(ids.map((m) => raw.get(key(m, p, c))));
      if (v !== undefined) raw.set(key(REGION, p, c), v);
    }
  }

  // 2. Suppression. Other municipalities' figures are published only as top-level tables (municipality ×
  // profession with the region's totals and the all-professions sums as margins), so every hidden cell sits in at
  // most two published equations; their breakdowns (age bands, specialties, competences, absence kinds) are not
  // published per municipality at all, only as region totals of enough municipalities (decision 004).
  const suppressed = new Set<string>();
  const unpublished = new Set<string>();
  const open = input.unsuppressedFor !== 'all';
  const knownMunicipality = input.unsuppressedFor === 'all' ? null : input.unsuppressedFor;
  if (open) {
    const known = new Set<string>();
    if (knownMunicipality) {
      for (const k of raw.keys()) if (k.startsWith(`${knownMunicipality}|`)) known.add(k);
    }
    for (const k of raw.keys()) {
      const [m = '', , c = ''] = k.split('|');
      if (m !== knownMunicipality && !OUTSIDER_COLUMNS.has(c)) unpublished.add(k);
    }
    const others = ids.filter((m) => m !== knownMunicipality);
    for (const k of raw.keys()) {
      const [m = '', p = '', c = ''] = k.split('|');
      if (m !== REGION || OUTSIDER_COLUMNS.has(c) || columnKind(c) === 'positions' || columnKind(c) === 'population') {
        continue;
      }
      // A region total of unpublished figures must not single out one other municipality (or a small sum).
      const contributions = others.map((o) => raw.get(key(o, p, c)) ?? 0).filter((v) => v > 0);
      const rest = contributions.reduce((a, b) => a + b, 0);
      if (contributions.length === 1 || (rest > 0 && rest < input.minCount)) suppressed.add(k);
    }
    const persons = outsiderTable(raw, ids, professions, 'persons');
    for (const id of suppress(persons.cells, persons.groups, { minCount: input.minCount, known })) suppressed.add(id);
    const fte = outsiderTable(raw, ids, professions, 'fte');
    const forced = new Set<string>();
    for (const cell of fte.cells) {
      const [m = '', p = '', c = ''] = cell.id.split('|');
      const base = c === 'absence_fte' ? 'absence_headcount' : 'headcount';
      if (suppressed.has(key(m, p, base))) forced.add(cell.id);
    }
    const scaled = fte.cells.map((c) => ({ id: c.id, value: c.value === null ? null : Math.round(c.value * 100) }));
    for (const id of suppress(scaled, fte.groups, { minCount: 1, known, forced })) suppressed.add(id);
  }

  const cell = (m: string, p: string, c: string): Cell => {
    const k = key(m, columnScope(c) === 'context' ? CONTEXT : p, c);
    const value = raw.get(k);
    if (value === undefined) return null;
    if (suppressed.has(k) || (unpublished.has(k) && value !== 0)) return '..';
    return value;
  };
  /** The cells a ratio is computed from; hidden or unpublished inputs hide the ratio. */
  const hiddenInput = (k: string) => suppressed.has(k) || (unpublished.has(k) && (raw.get(k) ?? 0) !== 0);
  const ratioInputs = (m: string, p: string, r: RatioKey): string[] => {
    const def = RATIO_INPUTS[r];
    const den = key(m, def.contextDen ? CONTEXT : p, def.den);
    if (def.num !== DERIVED.licensed_headcount) return [key(m, p, def.num), den];
    // The licensed sum is not a published cell: it is safe exactly when each licensed headcount in it is shown.
    const parts = p === ALL ? [...licensed] : licensed.has(p) ? [p] : [];
    return [...parts.map((x) => key(m, x, 'headcount')), den];
  };

  const ratiosOf = (m: string, p: string): Record<RatioKey, Cell> => {
    const out = {} as Record<RatioKey, Cell>;
    for (const r of RATIOS) {
      const def = RATIO_INPUTS[r];
      const numKey = key(m, p, def.num);
      const denKey = key(m, def.contextDen ? CONTEXT : p, def.den);
      if (m !== REGION && ratioInputs(m, p, r).some(hiddenInput)) {
        out[r] = '..';
        continue;
      }
      if (m === REGION && ratioSuppressed([numKey, denKey], suppressed)) {
        out[r] = '..';
        continue;
      }
      const num = raw.get(numKey);
      const den = raw.get(denKey);
      out[r] = num === undefined || den === undefined || den === 0 ? null : (num / den) * def.factor;
    }
    return out;
  };

  return {
    professions,
    columns(p) {
      const names = new Map<string, { name: string; nameEn: string }>(
        config.items.map((i) => [`${i.kind}:${i.professionId ?? ''}:${i.key}`, i] as const),
      );
      const profession = config.professions.find((x) => x.key === p);
      const label = (c: string) =>
        columnLabel(c, (kind, k) => names.get(`${kind}:${kind === 'specialty' ? (profession?.id ?? '') : ''}:${k}`));
      const cols = [...contextColumns(), ...professionColumns, ...(p === ALL ? [] : specialtyColumns(p))];
      return cols
        .filter((c) => p !== ALL || c !== DERIVED.licensed_headcount || licensed.size > 0)
        .filter((c) => p === ALL || c !== DERIVED.licensed_headcount || licensed.has(p))
        .map((c) => ({ key: c, label: label(c), kind: columnKind(c) }));
    },
    value: cell,
    ratios: ratiosOf,
    median(p) {
      const out = {} as Record<RatioKey, Cell>;
      const rows = ids.map((m) => ratiosOf(m, p));
      for (const r of RATIOS) {
        const entries = rows
          .map((row) => row[r])
          .filter((v) => v !== null)
          .map((v) => (v === '..' ? { value: null, suppressed: true } : { value: v as number, suppressed: false }));
        if (entries.length === 0) {
          out[r] = null;
          continue;
        }
        const median = safeMedian(entries);
        out[r] = median === null ? '..' : median;
      }
      return out;
    },
  };

  function contextColumns(): string[] {
    return MEASURES.filter((d) => d.scope === 'context').map((d) => d.key);
  }
  function columnKeys(): string[] {
    const cols: string[] = [];
    for (const d of MEASURES.filter((x) => x.scope === 'profession')) {
      if (d.breakdown === 'specialty') continue;
      if (d.breakdown === 'age_band') cols.push(...ageBands.map((b) => `${d.key}.${b.key}`), DERIVED.age_60_plus);
      else if (d.breakdown === 'competence') cols.push(...competences.map((k) => `${d.key}.${k}`));
      else if (d.breakdown === 'absence_kind') cols.push(d.key, ...absenceKinds.map((k) => `${d.key}.${k}`));
      else cols.push(d.key);
    }
    cols.push(DERIVED.licensed_headcount);
    return cols;
  }
  function specialtyColumns(p: string): string[] {
    return (specialtiesOf.get(p) ?? []).map((k) => `specialty_headcount.${k}`);
  }
}

function columnScope(c: string): 'context' | 'profession' {
  return MEASURES.find((d) => d.key === c)?.scope ?? 'profession';
}

export function columnKind(c: string): MeasureKind {
  const base = c.split('.')[0] ?? c;
  if (base === DERIVED.age_60_plus || base === DERIVED.licensed_headcount) return 'persons';
  return MEASURES.find((d) => d.key === base)?.kind ?? 'persons';
}

function columnLabel(
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
const OUTSIDER_COLUMNS = new Set<string>([
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
]);

/**
 * The published cells of one kind (persons or FTE) and their equations: for each top-level column, a table of
 * municipalities × professions whose margins are the region's totals and the all-professions sums. A cell is in at
 * most two equations, which keeps the protection exact and fast.
 */
function outsiderTable(
  raw: Map<string, number>,
  ids: string[],
  professions: string[],
  kind: 'persons' | 'fte',
): { cells: SuppressionCell[]; groups: SuppressionGroup[] } {
  const cells: SuppressionCell[] = [];
  for (const [k, value] of raw) {
    const c = k.split('|')[2] ?? '';
    if (OUTSIDER_COLUMNS.has(c) && columnKind(c) === kind) cells.push({ id: k, value });
  }
  const has = new Set(cells.map((c) => c.id));
  const groups: SuppressionGroup[] = [];
  const group = (total: string, parts: string[]) => {
    const present = parts.filter((p) => has.has(p));
    if (!has.has(total) || present.length === 0) return;
    // Only equations that hold are published equations.
    const partsSum = present.reduce((s, p) => s + (raw.get(p) ?? 0), 0);
    if (Math.abs(partsSum - (raw.get(total) ?? 0)) > 0.001) return;
    groups.push({ total, parts: present });
  };
  const columns = [...OUTSIDER_COLUMNS].filter((c) => columnKind(c) === kind);
  for (const c of columns) {
    const views = columnScope(c) === 'context' ? [CONTEXT] : [...professions, ALL];
    for (const p of views)
      group(
        key(REGION, p, c),
        ids.map((m) => key(m, p, c)),
      );
    if (columnScope(c) === 'context') continue;
    for (const m of [...ids, REGION])
      group(
        key(m, ALL, c),
        professions.map((p) => key(m, p, c)),
      );
  }
  return { cells, groups };
}
