// The small interface any module calls to publish its own table of counts (survey results, participant counts,
// staffing figures): each cell's value, or ".." where it is a small count or would let one be worked out.
import type { SuppressionCell, SuppressionGroup } from './model.ts';
import { DEFAULT_MIN_COUNT, suppress } from './suppress.ts';

/** What a hidden cell is shown as, in tables, files and API answers. */
export const SUPPRESSED_TOKEN = '..' as const;
export type PublishedCount = number | null | typeof SUPPRESSED_TOKEN;

export type CountTable = {
  /** Every count of the table, margins included (null: not reported). */
  cells: SuppressionCell[];
  /** The sums the reader sees: each total and its parts (all cells of the table). */
  groups?: SuppressionGroup[];
};

export type PublishOptions = {
  /** The smallest count shown (k); 1..k−1 are hidden. Default 3. */
  minCount?: number;
  /** Cells the viewer knows anyway (their own figures): shown, and never relied on to protect another. */
  known?: ReadonlySet<string>;
  /** Cells to hide whatever their value (e.g. a sum whose count of persons is hidden). */
  forced?: ReadonlySet<string>;
};

/**
 * Primary suppression (counts below k) and secondary suppression (further cells, until no hidden count can be
 * derived from the groups' sums and what is shown). Returns the hidden ids and each cell's published value.
 */
export function publishCounts(
  table: CountTable,
  options: PublishOptions = {},
): { hidden: Set<string>; values: Map<string, PublishedCount> } {
  const hidden = suppress(table.cells, table.groups ?? [], {
    minCount: options.minCount ?? DEFAULT_MIN_COUNT,
    ...(options.known ? { known: options.known } : {}),
    ...(options.forced ? { forced: options.forced } : {}),
  });
  const values = new Map<string, PublishedCount>();
  for (const cell of table.cells) values.set(cell.id, hidden.has(cell.id) ? SUPPRESSED_TOKEN : cell.value);
  return { hidden, values };
}
