// The published statistics of one period (issue 13, decision 016). Two halves:
// - the figures: every municipality's measures per profession and for all professions, the derived sums the key
//   ratios need, and the region's totals, as cells `municipality|profession|column` (`rawFigures`);
// - the disclosure model of those cells for the platform's engine (`disclosureModel`): the report's own rules as
//   linear relations (permanent + fixed-term = headcount, age bands sum to headcount, filled + vacant = budgeted,
//   absence FTE ≤ absent persons ≤ headcount, parts ≤ headcount), the sums over professions and municipalities, and
//   which cells are never published to other municipalities (their breakdowns): one pattern for all tables at once.
// A `Publication` is what a viewer reads: the stored pattern over the published figures, with the viewer's own
// municipality's live figures laid over it. Pure: no database.

import type { DisclosureCell, Relation } from '../../../platform/server/disclosure/types.ts';
import { safeMedian } from '../../../platform/server/suppression/suppress.ts';
import type { Cell } from '../staffing.contracts.ts';
import { CONTEXT, type Fact, RATIOS, type RatioKey } from '../staffing-measures.ts';
import { type FactNames, type PackedFacts, packFacts } from './period-facts.ts';

import {
  ALL,
  type Column,
  cellId,
  columnKind,
  columnLabel,
  columnScope,
  DERIVED,
  type FigureNeed,
  needed,
  OUTSIDER_COLUMNS,
  type Publication,
  publicationShape,
  RATIO_INPUTS,
  REGION,
  type Shape,
  shapeFingerprint,
} from './publication-columns.ts';

/**
 * Every figure of the given municipalities that the need asks for: their facts, the derived sums, the
 * all-professions view and the region's totals over exactly these municipalities. The same sums in the same order
 * whatever the need, so a figure is the same number in a narrow answer and in a full one.
 */
export function rawFigures(
  shape: Shape,
  municipalities: readonly { id: string; facts: readonly Fact[] | PackedFacts }[],
  need: FigureNeed = null,
) {
  const { licensed, absenceKinds, oldBands } = shape;
  const want = needed(shape, need);
  const professions = want.professions;
  const raw = new Map<string, number>();
  // Each municipality's figures are also kept in a numeric grid while they are computed (a row per profession, then
  // the context; a slot per column the row computes or reads), so the sums read numbers, not string-keyed cells.
  const rowNames = [...professions, CONTEXT];
  const slotMaps = rowNames.map((p) => {
    const slots = new Map<string, number>();
    for (const c of [...(p === CONTEXT ? want.context : (want.columns.get(p) ?? [])), ...(want.reads.get(p) ?? [])]) {
      if (!slots.has(c)) slots.set(c, slots.size);
    }
    return slots;
  });
  const offsets: number[] = [];
  let width = 0;
  for (const slots of slotMaps) {
    offsets.push(width);
    width += slots.size;
  }
  const rowOf = new Map(rowNames.map((p, r) => [p, r] as const));
  const slot = (r: number, c: string) => {
    const at = slotMaps[r]?.get(c);
    return at === undefined ? -1 : (offsets[r] ?? 0) + at;
  };
  // Per profession: where the derived sums' inputs are, and whether the need computes each derived column.
  const derivedOf = professions.map((p, r) => {
    const wanted = new Set(want.columns.get(p) ?? []);
    return {
      p,
      absenceHeadcount: wanted.has(DERIVED.absence_headcount) ? slot(r, DERIVED.absence_headcount) : -1,
      absenceHeadcountParts: absenceKinds.map((k) => slot(r, `absence_headcount.${k}`)),
      absenceFte: wanted.has(DERIVED.absence_fte) ? slot(r, DERIVED.absence_fte) : -1,
      absenceFteParts: absenceKinds.map((k) => slot(r, `absence_fte.${k}`)),
      age60: wanted.has(DERIVED.age_60_plus) ? slot(r, DERIVED.age_60_plus) : -1,
      age60Parts: oldBands.map((k) => slot(r, `age_headcount.${k}`)),
      licensedHeadcount:
        licensed.has(p) && wanted.has(DERIVED.licensed_headcount) ? slot(r, DERIVED.licensed_headcount) : -1,
      headcount: slot(r, 'headcount'),
    };
  });
  const grids: Float64Array[] = [];
  // Per list of fact names (one per period): whether each name is read (0 no, 1 yes, 2 into the grid only), and its
  // slot in the grid.
  const masks = new Map<FactNames, { mask: Uint8Array; slotAt: Int32Array }>();
  for (const m of municipalities) {
    const packed = 'index' in m.facts ? m.facts : packFacts(m.facts);
    const { names, index, values } = packed;
    let seen = masks.get(names);
    if (!seen) {
      const mask = new Uint8Array(names.professions.length);
      const slotAt = new Int32Array(names.professions.length).fill(-1);
      for (let i = 0; i < mask.length; i++) {
        const p = names.professions[i] ?? '';
        const c = names.columns[i] ?? '';
        // Every fact when every figure is asked for (a publication stores them all, as it always has). A trend's
        // (ratios only) reads the sums' parts into the grid alone: it answers only for the ratios' columns.
        const read = need === null || want.reads.get(p)?.has(c);
        const answered = !need?.ratiosOnly || (p === CONTEXT ? want.context : want.columns.get(p))?.includes(c);
        mask[i] = read ? (answered ? 1 : 2) : 0;
        const r = rowOf.get(p);
        if (r !== undefined) slotAt[i] = slot(r, c);
      }
      seen = { mask, slotAt };
      masks.set(names, seen);
    }
    const { mask, slotAt } = seen;
    const grid = new Float64Array(width).fill(Number.NaN);
    grids.push(grid);
    const prefix = `${m.id}|`;
    for (let i = 0; i < index.length; i++) {
      const at = index[i] ?? 0;
      const read = mask[at];
      if (read === 0) continue;
      const value = values[i] ?? 0;
      if (read === 1) raw.set(`${prefix}${names.professions[at]}|${names.columns[at]}`, value);
      const s = slotAt[at] ?? -1;
      if (s >= 0) grid[s] = value;
    }
    for (const d of derivedOf) {
      const put = (at: number, c: string, v: number | undefined) => {
        if (at < 0 || v === undefined) return;
        grid[at] = v;
        raw.set(cellId(m.id, d.p, c), v);
      };
      if (d.absenceHeadcount >= 0) {
        put(d.absenceHeadcount, DERIVED.absence_headcount, sumAt(grid, d.absenceHeadcountParts));
      }
      if (d.absenceFte >= 0) put(d.absenceFte, DERIVED.absence_fte, sumAt(grid, d.absenceFteParts));
      if (d.age60 >= 0) put(d.age60, DERIVED.age_60_plus, sumAt(grid, d.age60Parts));
      if (d.licensedHeadcount >= 0) {
        put(d.licensedHeadcount, DERIVED.licensed_headcount, d.headcount >= 0 ? valueAt(grid, d.headcount) : undefined);
      }
    }
  }
  const ids = municipalities.map((m) => m.id);
  // The all-professions view: the columns every profession has (not the specialties, which are each profession's own).
  const firstColumns = new Set(want.columns.get(professions[0] ?? '') ?? []);
  const allColumns = want.wantsAll ? shape.professionColumns.filter((c) => firstColumns.has(c)) : [];
  const allSlots = allColumns.map((c) => professions.map((_, r) => slot(r, c)));
  const allGrids = grids.map((grid, i) => {
    const all = new Float64Array(allColumns.length).fill(Number.NaN);
    allColumns.forEach((c, ci) => {
      const v = sumAt(grid, allSlots[ci] ?? []);
      if (v === undefined) return;
      all[ci] = v;
      raw.set(cellId(ids[i] ?? '', ALL, c), v);
    });
    return all;
  });
  // The region's totals over exactly these municipalities, in the order the municipalities are given.
  const regionSum = (from: Float64Array[], at: number) => {
    if (at < 0) return undefined;
    let total = 0;
    let any = false;
    for (const g of from) {
      const v = g[at] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      total += v;
      any = true;
    }
    return any ? Math.round(total * 100) / 100 : undefined;
  };
  const putRegion = (p: string, c: string, v: number | undefined) => {
    if (v !== undefined) raw.set(cellId(REGION, p, c), v);
  };
  professions.forEach((p, r) => {
    for (const c of want.columns.get(p) ?? []) putRegion(p, c, regionSum(grids, slot(r, c)));
  });
  allColumns.forEach((c, ci) => {
    putRegion(ALL, c, regionSum(allGrids, ci));
  });
  const contextRow = rowNames.length - 1;
  for (const c of want.context) putRegion(CONTEXT, c, regionSum(grids, slot(contextRow, c)));
  return raw;
}

const valueAt = (grid: Float64Array, at: number) => {
  const v = grid[at] ?? Number.NaN;
  return Number.isNaN(v) ? undefined : v;
};

/** `sum` over slots of a grid: the given values added in order, rounded to hundredths; undefined when none is. */
function sumAt(grid: Float64Array, slots: readonly number[]): number | undefined {
  let total = 0;
  let any = false;
  for (const at of slots) {
    if (at < 0) continue;
    const v = grid[at] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    total += v;
    any = true;
  }
  return any ? Math.round(total * 100) / 100 : undefined;
}

function columnsOf(shape: Shape, p: string): string[] {
  if (p === CONTEXT) return shape.contextColumns;
  return [...shape.professionColumns, ...(p === ALL ? [] : shape.specialtyColumns(p))];
}

export type ModelOptions = {
  /** Leave out the report's rules with these names (for the attacker test that proves each rule matters). */
  omitRules?: ReadonlySet<StaffingRuleName>;
};

export type StaffingRuleName =
  | 'permanent_plus_fixed_term'
  | 'age_bands'
  | 'positions'
  | 'absence'
  | 'at_most_headcount'
  | 'specialties'
  | 'enrolled'
  | 'sums';

/**
 * The publication as the disclosure engine sees it: one cell per figure (owner = its municipality, whose users know
 * it), the report's rules and every sum as relations, and the cells never published to others as `forced`.
 */
export function disclosureModel(
  shape: Shape,
  raw: ReadonlyMap<string, number>,
  ids: readonly string[],
  options: ModelOptions = {},
): { cells: DisclosureCell[]; relations: Relation[]; forced: Set<string> } {
  const omit = options.omitRules ?? new Set<StaffingRuleName>();
  const cells: DisclosureCell[] = [];
  const forced = new Set<string>();
  for (const [id, value] of raw) {
    const [m = '', , c = ''] = id.split('|');
    const kind = columnKind(c);
    cells.push({
      id,
      value,
      count: kind === 'persons',
      // Population figures are Statistics Sweden's, public for every municipality.
      known: kind === 'population',
      ...(m === REGION ? {} : { owner: m }),
    });
    if (m !== REGION && !OUTSIDER_COLUMNS.has(c)) forced.add(id);
  }
  const relations: Relation[] = [];
  const has = (id: string) => raw.has(id);
  const val = (id: string) => raw.get(id) ?? 0;
  const add = (rule: StaffingRuleName, relation: Relation) => {
    if (omit.has(rule)) return;
    if (relation.terms.some(([id]) => !has(id))) return;
    // Only rules that hold are rules (a report approved under older rules may break one): the engine checks too.
    const lhs = relation.terms.reduce((s, [id, coef]) => s + coef * val(id), 0);
    const rhs = relation.constant ?? 0;
    const op = relation.op ?? '=';
    const eps = 1e-6 * Math.max(1, ...relation.terms.map(([id]) => val(id)));
    if (op === '=' ? Math.abs(lhs - rhs) > eps : op === '<=' ? lhs > rhs + eps : lhs < rhs - eps) return;
    relations.push(relation);
  };
  const sumOf = (rule: StaffingRuleName, total: string, parts: string[]) => {
    const present = parts.filter(has);
    if (present.length === 0 || !has(total)) return;
    add(rule, { terms: [...present.map((p): [string, number] => [p, 1]), [total, -1]], name: `${total} = Σ` });
  };
  const atMost = (rule: StaffingRuleName, part: string, whole: string) =>
    add(rule, {
      terms: [
        [part, 1],
        [whole, -1],
      ],
      op: '<=',
      name: `${part} ≤ ${whole}`,
    });

  for (const m of ids) {
    for (const p of shape.professions) {
      const c = (column: string) => cellId(m, p, column);
      const headcount = c('headcount');
      // permanent + fixed-term = headcount (when both are given), else each ≤ headcount.
      if (has(c('headcount_permanent')) && has(c('headcount_fixed_term'))) {
        sumOf('permanent_plus_fixed_term', headcount, [c('headcount_permanent'), c('headcount_fixed_term')]);
      } else {
        atMost('at_most_headcount', c('headcount_permanent'), headcount);
        atMost('at_most_headcount', c('headcount_fixed_term'), headcount);
      }
      for (const part of ['specialist_headcount', 'fulltime_headcount', 'contracted_fte', 'worked_fte']) {
        atMost('at_most_headcount', c(part), headcount);
      }
      for (const k of shape.competences) atMost('at_most_headcount', c(`competence_headcount.${k}`), headcount);
      for (const s of shape.specialtyColumns(p)) atMost('specialties', c(s), c('specialist_headcount'));
      // Age bands sum to the headcount; the 60+ column is the old bands' sum.
      sumOf(
        'age_bands',
        headcount,
        shape.ageBands.map((b) => c(`age_headcount.${b}`)),
      );
      sumOf(
        'sums',
        c(DERIVED.age_60_plus),
        shape.oldBands.map((b) => c(`age_headcount.${b}`)),
      );
      // Filled + vacant = budgeted.
      sumOf('positions', c('positions_budgeted'), [c('positions_filled'), c('positions_vacant')]);
      // Absence: FTE ≤ persons ≤ headcount, per kind; the totals are the kinds' sums.
      for (const k of shape.absenceKinds) {
        atMost('absence', c(`absence_fte.${k}`), c(`absence_headcount.${k}`));
        atMost('absence', c(`absence_headcount.${k}`), headcount);
      }
      atMost('absence', c(DERIVED.absence_fte), c(DERIVED.absence_headcount));
      sumOf(
        'sums',
        c(DERIVED.absence_headcount),
        shape.absenceKinds.map((k) => c(`absence_headcount.${k}`)),
      );
      sumOf(
        'sums',
        c(DERIVED.absence_fte),
        shape.absenceKinds.map((k) => c(`absence_fte.${k}`)),
      );
      if (shape.licensed.has(p)) sumOf('sums', c(DERIVED.licensed_headcount), [headcount]);
    }
    // The all-professions view is the professions' sum, column by column.
    for (const column of shape.professionColumns) {
      if (column === DERIVED.licensed_headcount) {
        sumOf(
          'sums',
          cellId(m, ALL, column),
          [...shape.licensed].map((p) => cellId(m, p, 'headcount')),
        );
        continue;
      }
      sumOf(
        'sums',
        cellId(m, ALL, column),
        shape.professions.map((p) => cellId(m, p, column)),
      );
    }
    const ctx = (column: string) => cellId(m, CONTEXT, column);
    atMost('enrolled', ctx('enrolled_home_care'), ctx('enrolled_patients'));
    atMost('enrolled', ctx('enrolled_special_housing'), ctx('enrolled_patients'));
  }
  // The region's totals are the municipalities' sums.
  for (const p of [...shape.professions, ALL, CONTEXT]) {
    for (const column of columnsOf(shape, p)) {
      sumOf(
        'sums',
        cellId(REGION, p, column),
        ids.map((m) => cellId(m, p, column)),
      );
    }
  }
  return { cells, relations, forced };
}

export type ViewInput = {
  shape: Shape;
  /** The published municipalities, in display order. */
  ids: readonly string[];
  /** The figures: the stored publication's, or the live ones for a viewer who sees everything. */
  raw: ReadonlyMap<string, number>;
  /** The stored pattern; null shows everything (the region's own staff). */
  hidden: ReadonlySet<string> | null;
  /** The viewer's own municipality and its live figures, laid over the publication. */
  own?: { id: string; raw: ReadonlyMap<string, number> } | null;
};

/** What one viewer reads of a period: the published pattern, their own live figures over it. */
export function publicationView(input: ViewInput): Publication {
  const { shape, ids, raw, hidden } = input;
  const own = input.own ?? null;
  const source = (m: string) => (own && m === own.id ? own.raw : raw);
  const isHidden = (m: string, k: string) => hidden !== null && !(own && m === own.id) && hidden.has(k);

  const cell = (m: string, p: string, c: string): Cell => {
    const k = cellId(m, columnScope(c) === 'context' ? CONTEXT : p, c);
    const value = source(m).get(k);
    if (value === undefined) return null;
    if (isHidden(m, k)) return '..';
    return value;
  };
  const ratioInputs = (m: string, p: string, r: RatioKey): string[] => {
    const def = RATIO_INPUTS[r];
    return [cellId(m, p, def.num), cellId(m, def.contextDen ? CONTEXT : p, def.den)];
  };
  const ratiosOf = (m: string, p: string): Record<RatioKey, Cell> => {
    const out = {} as Record<RatioKey, Cell>;
    for (const r of RATIOS) {
      const def = RATIO_INPUTS[r];
      const [numKey = '', denKey = ''] = ratioInputs(m, p, r);
      // A ratio is shown only when both its inputs are: it is a relation between them.
      if (isHidden(m, numKey) || isHidden(m, denKey)) {
        out[r] = '..';
        continue;
      }
      const num = source(m).get(numKey);
      const den = source(m).get(denKey);
      out[r] = num === undefined || den === undefined || den === 0 ? null : (num / den) * def.factor;
    }
    return out;
  };
  return {
    professions: shape.professions,
    columns(p) {
      const { config } = shape;
      const names = new Map<string, { name: string; nameEn: string }>(
        config.items.map((i) => [`${i.kind}:${i.professionId ?? ''}:${i.key}`, i] as const),
      );
      const profession = config.professions.find((x) => x.key === p);
      const label = (c: string) =>
        columnLabel(c, (kind, k) => names.get(`${kind}:${kind === 'specialty' ? (profession?.id ?? '') : ''}:${k}`));
      const cols = [...shape.contextColumns, ...columnsOf(shape, p)];
      return cols
        .filter((c) => p !== ALL || c !== DERIVED.licensed_headcount || shape.licensed.size > 0)
        .filter((c) => p === ALL || c !== DERIVED.licensed_headcount || shape.licensed.has(p))
        .map((c) => ({ key: c, label: label(c), kind: columnKind(c) }));
    },
    value: cell,
    ratios: ratiosOf,
    median(p) {
      const out = {} as Record<RatioKey, Cell>;
      // Each municipality's ratios once, as published (never a viewer's live figures; hidden where the publication
      // hides them) and true (to rank by), then every ratio's median from them.
      const shown = publicationView({ ...input, own: null });
      const truth = hidden === null ? shown : publicationView({ shape, ids, raw, hidden: null, own: null });
      const shownRows = ids.map((m) => shown.ratios(m, p));
      const truthRows = truth === shown ? shownRows : ids.map((m) => truth.ratios(m, p));
      for (const r of RATIOS) {
        if (!shownRows.some((row) => row[r] !== null)) {
          out[r] = null;
          continue;
        }
        // The median is shown only when no hidden ratio could be it (ranked by the true values).
        const ranked = truthRows.flatMap((row, i) => {
          const t = row[r];
          return t === null || t === '..' ? [] : [{ value: t, suppressed: shownRows[i]?.[r] === '..' }];
        });
        const median = safeMedian(ranked);
        out[r] = median === null ? '..' : median;
      }
      return out;
    },
  };
}

export type { Column, FigureNeed, Publication, Shape };
export { ALL, cellId, columnKind, publicationShape, REGION, shapeFingerprint };
