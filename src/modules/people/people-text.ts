// Small text helpers of the staff register: Swedish order (å, ä, ö last) and the folding the import matches column
// headers, units, professions and forms by (case, accents, spaces and punctuation ignored).
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export const compareSwedishText = (a: string, b: string) => collator.compare(a, b);

/** "Anställd från" → "anstalldfran"; "Sjuksköterska" → "sjukskoterska". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * `fold` for the few distinct texts an import repeats in every row (units, professions, forms): remembered, so a
 * 20,000-row file folds each of them once. Bounded: a file of distinct texts folds them all without growing it.
 */
export function foldMemo(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let folded = known.get(text);
    if (folded === undefined) {
      folded = fold(text);
      if (known.size < 1_000) known.set(text, folded);
    }
    return folded;
  };
}

/** What the list's search matches words in (people_person.search_text): lower case as JavaScript folds it. */
export function personSearchText(p: {
  firstName: string;
  lastName: string;
  employeeNumber?: string | null;
  email?: string | null;
}): string {
  return [p.firstName, p.lastName, p.employeeNumber ?? '', p.email ?? ''].join(' ').toLowerCase();
}
