// Swedish number and date formats of the region report's PDF (the XLSX keeps numbers as numbers), and the texts both
// files share.
import type { MeasureKind } from '../staffing-measures.ts';

const integer = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A cell with no value: the municipality did not report it, or a ratio has no denominator. */
export const NO_VALUE = '–';
export const SUPPRESSED = '..';

type Value = number | '..' | null | undefined;

export function formatCell(value: Value, kind: MeasureKind | 'percent' | 'number'): string {
  if (value === '..') return SUPPRESSED;
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (kind) {
    case 'population':
    case 'persons':
      return integer.format(value);
    case 'percent':
      return `${oneDecimal.format(value * 100)} %`;
    default:
      return oneDecimal.format(value);
  }
}

/** Persons in the forecast: whole persons (the engine does not round). */
export function formatPersons(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : integer.format(value);
}

export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso));
}

export function suppressionFootnote(minCount: number): string {
  return `".." = färre än ${minCount} personer, eller dolt för att en summa inte ska avslöja ett litet tal. "${NO_VALUE}" = uppgift saknas.`;
}

/** The columns of the forecast per year, in the PDF and the XLSX ("Slutar" only when someone leaves but by pension). */
export function forecastYearColumns(turnover: boolean): string[] {
  return [
    'År',
    'Efterfrågan',
    'Kvar av dagens personal',
    'Pensioneringar',
    ...(turnover ? ['Slutar'] : []),
    'Rekryteringsbehov',
    'Ackumulerat behov',
  ];
}
