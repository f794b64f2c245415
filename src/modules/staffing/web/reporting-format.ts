// The interface language for names kept in both languages, and calendar dates (YYYY-MM-DD) in that language.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../platform/web/i18n/format.ts';
import type { Lang } from '../staffing-labels.ts';

/** 'en' or 'sv': which of a name's two languages (name, nameEn; label.sv, label.en) to show. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
}

/** Formats a calendar date ("2026-12-15") as a local day, so no time zone moves it to the day before. */
export function useDay(): (isoDate: string) => string {
  const format = useFormat();
  return (isoDate) => format.date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
}
