// Dates and numbers in the interface language (sv-SE / en-GB); names always sort the Swedish way (å, ä, ö last).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// One Swedish order for the server and the web (decision 020).
export { compareSwedish } from '../../shared/swedish-order.ts';

function localeOf(language: string | undefined): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}

export type Formatters = {
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  number: (value: number) => string;
};

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage);
  return useMemo(() => {
    // One format in every table: date and time to the minute, no seconds.
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      date: (iso) => date.format(new Date(iso)),
      number: (value) => number.format(value),
    };
  }, [locale]);
}
