// How the statistics' cells read: Swedish (or English) numbers, ratios as "12,5 %", ".." for a suppressed value and
// "–" for one that was not reported. Also the labels of measures and ratios in the interface language.
import { useMemo } from 'react';
import { type Cell, SUPPRESSED } from '../../staffing.contracts.ts';
import type { Lang } from '../../staffing-labels.ts';
import { MEASURE_BY_KEY, type MeasureKind, RATIO_BY_KEY, type RatioKey } from '../../staffing-measures.ts';
import { useLang } from '../../web/reporting-format.ts';

/** Shown for a value that was not reported (null). */
export const NOT_REPORTED = '–';

export type CellFormat = {
  /** A key ratio: a percentage for unit 'percent' (fractions 0..1), else a number with one decimal. */
  ratio: (key: RatioKey, cell: Cell | undefined) => string;
  /** A measure's value: whole persons, FTE with up to one decimal. */
  measure: (kind: MeasureKind, cell: Cell | undefined) => string;
  /** A share 0..1 as a percentage with one decimal. */
  percent: (value: number) => string;
  number: (value: number, decimals?: number) => string;
};

export function useCellFormat(): CellFormat {
  const language = useLang();
  return useMemo(() => {
    const locale = language === 'en' ? 'en-GB' : 'sv-SE';
    const percent = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const upToOneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const text = (cell: Cell | undefined, format: (value: number) => string) => {
      if (cell === SUPPRESSED) return SUPPRESSED;
      if (cell === null || cell === undefined) return NOT_REPORTED;
      return format(cell);
    };
    return {
      ratio: (key, cell) =>
        text(cell, (v) => (RATIO_BY_KEY.get(key)?.unit === 'percent' ? percent.format(v) : oneDecimal.format(v))),
      measure: (kind, cell) =>
        text(cell, (v) => (kind === 'fte' || kind === 'positions' ? upToOneDecimal : whole).format(v)),
      percent: (value) => percent.format(value),
      number: (value, decimals = 1) =>
        (decimals === 0 ? whole : decimals === 1 ? oneDecimal : new Intl.NumberFormat(locale)).format(value),
    };
  }, [language]);
}

export function ratioLabel(key: RatioKey, language: Lang): string {
  return RATIO_BY_KEY.get(key)?.label[language] ?? key;
}

export function measureLabel(key: string, language: Lang): string {
  return MEASURE_BY_KEY.get(key)?.label[language] ?? key;
}

/** The number in a cell, or null when it is suppressed or missing (left out of charts and sorted last). */
export function cellNumber(cell: Cell | undefined): number | null {
  return typeof cell === 'number' ? cell : null;
}
