// Small shared helpers of the trainings pages: the interface language, profession and topic names in it, and days.
import { useTranslation } from 'react-i18next';
import type { CatalogueFacetsDto, TopicDto } from '../trainings.contracts.ts';

export function useTrainingsLang(): 'sv' | 'en' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
}

export const topicName = (topic: TopicDto, lang: 'sv' | 'en') => (lang === 'en' ? topic.nameEn : topic.name);

export function professionNames(facets: CatalogueFacetsDto | undefined, keys: string[], lang: 'sv' | 'en'): string[] {
  return keys.map((key) => {
    const p = facets?.professions.find((x) => x.key === key);
    return p ? (lang === 'en' ? p.nameEn : p.name) : key;
  });
}

/** A calendar date ("2026-05-01") as a local day; parsed at noon so no time zone moves it. */
export function formatDay(day: string, lang: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium' }).format(
    new Date(`${day.slice(0, 10)}T12:00:00`),
  );
}
