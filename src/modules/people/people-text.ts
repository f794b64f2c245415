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
