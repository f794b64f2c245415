// The columns a comparison can show: the measures the server sends and the key ratios, and the default choice.
import type { ComparisonDto } from '../../staffing.contracts.ts';
import type { Lang } from '../../staffing-labels.ts';
import { type MeasureKind, RATIO_DEFS, RATIOS, type RatioKey } from '../../staffing-measures.ts';

export type ComparisonColumn =
  | { type: 'measure'; key: string; label: string; kind: MeasureKind }
  | { type: 'ratio'; key: RatioKey; label: string };

/** The headcount and every key ratio. */
export const DEFAULT_COLUMNS: readonly string[] = ['headcount', ...RATIOS];

const RATIO_SET: ReadonlySet<string> = new Set(RATIOS);

export function isRatioKey(key: string): key is RatioKey {
  return RATIO_SET.has(key);
}

/** In the address bar: no columns chosen (an absent parameter means the default set). */
const NO_COLUMNS = 'none';

/** A column key as the server forms them: a measure, or a measure and a list item ("age_headcount.age_60_64"). */
const COLUMN_KEY = /^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39})?$/;

/**
 * The columns parameter from the address bar: column keys, each once, or "none"; else undefined. Keys the
 * comparison does not have are dropped later (chosenColumns), since the columns depend on the profession.
 */
export function searchColumns(value: unknown): string | undefined {
  if (value === NO_COLUMNS) return NO_COLUMNS;
  if (typeof value !== 'string') return undefined;
  const keys = [...new Set(value.split(',').map((k) => k.trim()))].filter((k) => COLUMN_KEY.test(k)).slice(0, 200);
  return keys.length > 0 ? keys.join(',') : undefined;
}

export function columnsFromSearch(value: string | undefined): string[] {
  if (value === undefined) return [...DEFAULT_COLUMNS];
  return value === NO_COLUMNS ? [] : value.split(',');
}

export function columnsToSearch(keys: readonly string[]): string | undefined {
  if (keys.length === 0) return NO_COLUMNS;
  const same = keys.length === DEFAULT_COLUMNS.length && DEFAULT_COLUMNS.every((k) => keys.includes(k));
  return same ? undefined : keys.join(',');
}

/** Every column the comparison offers: its measures first, then the key ratios. */
export function availableColumns(dto: Pick<ComparisonDto, 'columns'>, language: Lang): ComparisonColumn[] {
  return [
    ...dto.columns.map(
      (c): ComparisonColumn => ({ type: 'measure', key: c.key, label: c.label[language], kind: c.kind }),
    ),
    ...RATIO_DEFS.map((d): ComparisonColumn => ({ type: 'ratio', key: d.key, label: d.label[language] })),
  ];
}

/** The chosen columns in the order they are offered; keys the comparison does not have are left out. */
export function chosenColumns(available: readonly ComparisonColumn[], keys: readonly string[]): ComparisonColumn[] {
  const chosen = new Set(keys);
  return available.filter((c) => chosen.has(c.key));
}
