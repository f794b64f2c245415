// The Gantt chart's words in Swedish and English (shared by the page and the report).
import type { GanttTexts } from './gantt-scene.ts';

const MONTHS = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function ganttTexts(locale: 'sv' | 'en'): GanttTexts {
  const sv = locale === 'sv';
  return {
    today: sv ? 'Idag' : 'Today',
    plan: sv ? 'Plan' : 'Plan',
    actual: sv ? 'Verklighet' : 'Actual',
    baseline: sv ? 'Baslinje' : 'Baseline',
    title: sv ? 'Aktivitet' : 'Activity',
    status: sv
      ? { done: 'Klar', ongoing: 'Pågår', not_started: 'Ej startad', late: 'Försenad', cancelled: 'Struken' }
      : { done: 'Done', ongoing: 'Ongoing', not_started: 'Not started', late: 'Late', cancelled: 'Cancelled' },
    deviation: (days) =>
      days > 0 ? (sv ? `${days} d sen` : `${days} d late`) : sv ? `${-days} d tidig` : `${-days} d early`,
    month: (d) => `${MONTHS[locale][Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`,
    quarter: (d) => `${sv ? 'K' : 'Q'}${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1} ${d.slice(0, 4)}`,
  };
}

/** "1 sep 2020" / "1 Sep 2020" */
export function formatDate(iso: string | null, locale: 'sv' | 'en'): string {
  if (!iso) return '–';
  return `${Number(iso.slice(8, 10))} ${MONTHS[locale][Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
