// Swedish alphabetical order (å, ä, ö after z; é with e) for lists sorted in JavaScript, on the server and in the web
// alike (decision 020). Lists sorted by the database use `swedishOrder` (platform/server/sql.ts) instead, which gives
// the same order on PGlite and on any PostgreSQL server whatever its collation.

const collator = new Intl.Collator('sv');

/** Compares two strings in Swedish order, for names of municipalities, people, networks, trainings. */
export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A comparator on a text of each item, in Swedish order: `rows.sort(bySwedish((r) => r.name))`. */
export function bySwedish<T>(text: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => collator.compare(text(a), text(b));
}
