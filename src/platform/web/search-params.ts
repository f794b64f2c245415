// Readers for URL search parameters: anything a user can type in the address bar becomes a valid value or nothing.

export function searchText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** "true", "1" or true (TanStack Router parses JSON-like values). */
export function searchFlag(value: unknown): true | undefined {
  return value === true || value === 'true' || value === 1 || value === '1' ? true : undefined;
}

/** A page number above 1 (page 1 is the default and stays out of the URL). */
export function searchPage(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

/** A date as YYYY-MM-DD. */
export function searchDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
