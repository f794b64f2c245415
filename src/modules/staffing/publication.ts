// The published statistics of one period: every municipality's measures and key ratios per profession view,
// the region's total and median, with small counts suppressed for whoever may not see them. Pure: no database.
import type { Cell, StaffingConfigDto } from './staffing.contracts.ts';
import { CONTEXT, type Fact, MEASURES, type MeasureKind, RATIOS, type RatioKey } from './staffing-measures.ts';
import { ratioSuppressed, type SuppressionCell, type SuppressionGroup, safeMedian, suppress } from './suppression.ts';

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

  // 2. Suppression: persons first, then FTE sums that belong to suppressed groups of persons.
  const suppressed = new Set<string>();
  if (input.unsuppressedFor !== 'all') {
    const known = new Set<string>();
    if (input.unsuppressedFor) {
      for (const k of raw.keys()) if (k.startsWith(`${input.unsuppressedFor}|`)) known.add(k);
    }
    const kindOf = (c: string) => columnKind(c);
    const persons = buildSuppressionTable(
      raw,
      ids,
      professions,
      kindOf,
      'persons',
      licensed,
      ageBands,
      oldBands,
      absenceKinds,
    );
    for (const id of suppress(persons.cells, persons.groups, { minCount: input.minCount, known })) suppressed.add(id);
    const fte = buildSuppressionTable(raw, ids, professions, kindOf, 'fte', licensed, ageBands, oldBands, absenceKinds);
    const forced = new Set<string>();
    for (const cell of fte.cells) {
      const [m = '', p = '', c = ''] = cell.id.split('|');
      const base =
        c === 'contracted_fte' || c === 'worked_fte' ? 'headcount' : c.replace(/^absence_fte/, 'absence_headcount');
      if (suppressed.has(key(m, p, base))) forced.add(cell.id);
    }
    const scaled = fte.cells.map((c) => ({ id: c.id, value: c.value === null ? null : Math.round(c.value * 100) }));
    for (const id of suppress(scaled, fte.groups, { minCount: 1, known, forced })) suppressed.add(id);
  }

  const cell = (m: string, p: string, c: string): Cell => {
    const k = key(m, columnScope(c) === 'context' ? CONTEXT : p, c);
    if (suppressed.has(k)) return '..';
    return raw.get(k) ?? null;
  };

  const ratiosOf = (m: string, p: string): Record<RatioKey, Cell> => {
    const out = {} as Record<RatioKey, Cell>;
    for (const r of RATIOS) {
      const def = RATIO_INPUTS[r];
      const numKey = key(m, p, def.num);
      const denKey = key(m, def.contextDen ? CONTEXT : p, def.den);
      if (ratioSuppressed([numKey, denKey], suppressed)) {
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

/**
 * The cells and published equations of one kind (persons or FTE) across every view a viewer can open:
 * each profession, all professions, and the region's totals — so no combination of views reveals a small count.
 */
function buildSuppressionTable(
  raw: Map<string, number>,
  ids: string[],
  professions: string[],
  kindOf: (c: string) => MeasureKind,
  kind: 'persons' | 'fte',
  licensed: Set<string>,
  ageBands: { key: string }[],
  oldBands: string[],
  absenceKinds: string[],
): { cells: SuppressionCell[]; groups: SuppressionGroup[] } {
  const cells: SuppressionCell[] = [];
  for (const [k, value] of raw) {
    const c = k.split('|')[2] ?? '';
    if (kindOf(c) === kind) cells.push({ id: k, value });
  }
  const has = new Set(cells.map((c) => c.id));
  const groups: SuppressionGroup[] = [];
  const group = (total: string, parts: string[]) => {
    const present = parts.filter((p) => has.has(p));
    if (!has.has(total) || present.length === 0) return;
    // Only equations that hold are published equations (a partial breakdown is not one).
    const partsSum = present.reduce((s, p) => s + (raw.get(p) ?? 0), 0);
    if (Math.abs(partsSum - (raw.get(total) ?? 0)) > 0.001) return;
    groups.push({ total, parts: present });
  };
  const columnsByView = new Map<string, Set<string>>();
  for (const c of cells) {
    const [, p = '', col = ''] = c.id.split('|');
    const set = columnsByView.get(p) ?? new Set<string>();
    columnsByView.set(p, set);
    set.add(col);
  }
  // Region totals: each column of each view.
  for (const [p, cols] of columnsByView) {
    for (const col of cols)
      group(
        key(REGION, p, col),
        ids.map((m) => key(m, p, col)),
      );
  }
  // All professions = the sum of the professions, for every municipality and the region.
  const allCols = columnsByView.get(ALL) ?? new Set<string>();
  for (const m of [...ids, REGION]) {
    for (const col of allCols)
      group(
        key(m, ALL, col),
        professions.map((p) => key(m, p, col)),
      );
  }
  // Within a municipality's view: the breakdowns that add up.
  for (const m of [...ids, REGION]) {
    for (const p of [...professions, ALL]) {
      const k = (c: string) => key(m, p, c);
      if (kind === 'persons') {
        group(k('headcount'), [k('headcount_permanent'), k('headcount_fixed_term')]);
        group(
          k('headcount'),
          ageBands.map((b) => k(`age_headcount.${b.key}`)),
        );
        group(
          k(DERIVED.absence_headcount),
          absenceKinds.map((a) => k(`absence_headcount.${a}`)),
        );
        group(
          k(DERIVED.age_60_plus),
          oldBands.map((b) => k(`age_headcount.${b}`)),
        );
      } else {
        group(
          k(DERIVED.absence_fte),
          absenceKinds.map((a) => k(`absence_fte.${a}`)),
        );
      }
    }
    if (kind === 'persons') {
      group(
        key(m, ALL, DERIVED.licensed_headcount),
        [...licensed].map((p) => key(m, p, 'headcount')),
      );
    }
  }
  return { cells, groups };
}
