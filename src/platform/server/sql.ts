// Small SQL helpers shared by services.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Swedish alphabetical order (å, ä, ö last) without relying on the server's collations:
 * the three letters are mapped to the three characters after "z" and compared byte-wise.
 */
export function swedishOrder(column: AnyPgColumn | SQL): SQL {
  return sql`translate(lower(${column}), 'åäöæøéü', '{|}|}eu') COLLATE "C"`;
}

/** Escapes % and _ so user input is matched literally by ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
