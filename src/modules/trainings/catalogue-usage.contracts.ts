// How the public catalogue is used (issue 20 point 11; decision 029): the usage page's query and answer, shared by
// the server and the web page. Aggregate counts only — nothing in here says who viewed or searched.
import { z } from 'zod';
import { TRAINING_STATUSES } from './trainings.contracts.ts';
import { trainingsMessages as tm } from './trainings.messages.ts';

/** The longest period the page sums over (the counters are kept 25 months by default). */
export const USAGE_PERIOD_MAX_DAYS = 25 * 31;
/** Rows of the most and least used lists, and of the searches that found nothing. */
export const USAGE_LIST_ROWS = { items: 10, gaps: 50 } as const;
/** The periods the page offers (the MAS network follows the catalogue up twice a year). */
export const USAGE_PERIODS = ['30d', '6m', '12m', 'year', 'custom'] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

const day = z.iso.date({ error: tm.usageDateRequired.code });
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const usageQuerySchema = z
  .strictObject({ from: day, to: day, lang: z.enum(['sv', 'en']).default('sv') })
  .refine((q) => q.from <= q.to, { message: tm.usagePeriodOrder.code, path: ['from'] })
  .refine((q) => daysBetween(q.from, q.to) <= USAGE_PERIOD_MAX_DAYS, {
    message: tm.usagePeriodTooLong.code,
    path: ['from'],
  });
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const usageItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  status: z.enum(TRAINING_STATUSES),
  /** The day the item was added to the catalogue (an item added late in the period has had less time). */
  addedOn: z.string(),
  views: z.number().int(),
  opens: z.number().int(),
});
export type UsageItemDto = z.infer<typeof usageItemSchema>;

export const usageSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The server runs the demo: the counters before it was seeded are invented. */
  demo: z.boolean(),
  totals: z.object({
    itemViews: z.number().int(),
    tabViews: z.number().int(),
    searches: z.number().int(),
    searchesWithoutResult: z.number().int(),
    opens: z.number().int(),
  }),
  /** Approved items now in the catalogue, and how many of them were not shown once in the period. */
  approvedItems: z.number().int(),
  approvedWithoutViews: z.number().int(),
  /** The most viewed items in the period (any status now), most first. */
  mostUsed: z.array(usageItemSchema),
  /** The least viewed of the approved items, items with no view first. */
  leastUsed: z.array(usageItemSchema),
  /** Views per profession tab; key '' is "Alla yrken". Every active profession, zero or not. */
  tabs: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string(), views: z.number().int() })),
  /** The searches that found nothing, by normalised text, most asked first. */
  gaps: z.array(z.object({ text: z.string(), count: z.number().int() })),
  /** Searches without result whose text was not kept (it looked like personal data, or the day's list was full). */
  gapsWithoutText: z.number().int(),
});
export type UsageDto = z.infer<typeof usageSchema>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A period's first and last day (YYYY-MM-DD, both included), ending `today` (a Swedish day, YYYY-MM-DD). */
export function usagePeriodDays(period: Exclude<UsagePeriod, 'custom'>, today: string): { from: string; to: string } {
  const end = new Date(`${today}T00:00:00Z`);
  const start = new Date(end);
  if (period === '30d') start.setUTCDate(start.getUTCDate() - 29);
  else if (period === 'year') start.setUTCMonth(0, 1);
  else {
    start.setUTCMonth(start.getUTCMonth() - (period === '6m' ? 6 : 12));
    start.setUTCDate(start.getUTCDate() + 1);
  }
  return { from: isoDay(start), to: today };
}
