// Names for people, in Swedish or English, of fact keys and of the configurable lists' items: shared by the web
// pages (import preview, error summary, profile) and the server's table exports, so a file says what the screen says.
import type { ConfigItemDto, StaffingConfigDto } from './staffing.contracts.ts';
import { type BreakdownKind, CONTEXT, MEASURE_BY_KEY, parseFactKey } from './staffing-measures.ts';

export type Lang = 'sv' | 'en';

export function nameIn(named: { name: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' && named.nameEn ? named.nameEn : named.name;
}

/** A list item's name (a specialty only of the given profession), or its key when the list has no such item. */
export function itemName(
  items: readonly ConfigItemDto[],
  kind: BreakdownKind,
  key: string,
  professionId: string | null,
  lang: Lang,
): string {
  const item = items.find(
    (i) => i.kind === kind && i.key === key && (kind !== 'specialty' || i.professionId === professionId),
  );
  return item ? nameIn(item, lang) : key;
}

/** A fact key in words: "Sjuksköterska – Antal per åldersgrupp – 30–39 år". */
export function describeFactKey(config: StaffingConfigDto, key: string, lang: Lang): string {
  const parts = parseFactKey(key);
  const measure = parts ? MEASURE_BY_KEY.get(parts.measure) : undefined;
  if (!parts || !measure) return key;
  const profession = config.professions.find((p) => p.key === parts.profession);
  const words: string[] = [];
  if (parts.profession !== CONTEXT) words.push(profession ? nameIn(profession, lang) : parts.profession);
  words.push(measure.label[lang]);
  if (parts.breakdown) {
    words.push(
      measure.breakdown
        ? itemName(config.items, measure.breakdown, parts.breakdown, profession?.id ?? null, lang)
        : parts.breakdown,
    );
  }
  return words.join(' – ');
}
