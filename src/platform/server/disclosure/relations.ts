// Helpers that write the usual rules of a statistics table as relations (decision 014).
import type { Relation } from './types.ts';

/** `parts sum to total`: Σ parts − total = 0. */
export function sumRelation(total: string, parts: readonly string[], name?: string): Relation {
  return { terms: [...parts.map((id): [string, number] => [id, 1]), [total, -1]], name: name ?? `sum to ${total}` };
}

/** `part ≤ whole`, such as FTE ≤ head count or absence FTE ≤ absent persons. */
export function atMostRelation(part: string, whole: string, name?: string): Relation {
  return {
    terms: [
      [part, 1],
      [whole, -1],
    ],
    op: '<=',
    name: name ?? `${part} ≤ ${whole}`,
  };
}

export type TableTotals = {
  /** Label of the total row (the column sums). Omit when the table has none. */
  row?: string;
  /** Label of the total column (the row sums). Omit when the table has none. */
  col?: string;
  /** The id of the cell in a row and a column; default `${row}|${col}`. */
  id?: (row: string, col: string) => string;
};

/**
 * The relations of a two-way table with margins: each row's cells sum to its total-column cell, each column's cells
 * sum to its total-row cell, and both margins sum to the grand total. Tables with more dimensions are several
 * calls (one per slice) or sumRelation directly; one publication passes all its tables' relations together.
 */
export function tableRelations(rows: readonly string[], cols: readonly string[], totals: TableTotals = {}): Relation[] {
  const id = totals.id ?? ((row: string, col: string) => `${row}|${col}`);
  const relations: Relation[] = [];
  if (totals.col !== undefined) {
    const totalCol = totals.col;
    for (const row of rows)
      relations.push(
        sumRelation(
          id(row, totalCol),
          cols.map((col) => id(row, col)),
        ),
      );
  }
  if (totals.row !== undefined) {
    const totalRow = totals.row;
    for (const col of cols)
      relations.push(
        sumRelation(
          id(totalRow, col),
          rows.map((row) => id(row, col)),
        ),
      );
  }
  if (totals.row !== undefined && totals.col !== undefined) {
    const grand = id(totals.row, totals.col);
    relations.push(
      sumRelation(
        grand,
        rows.map((row) => id(row, totals.col as string)),
      ),
    );
    relations.push(
      sumRelation(
        grand,
        cols.map((col) => id(totals.row as string, col)),
      ),
    );
  }
  return relations;
}
