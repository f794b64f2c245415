// Calendar dates as ISO strings (YYYY-MM-DD), counted in whole days in UTC so that daylight saving never shifts them.
const DAY = 86_400_000;

export const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => fromDay(toDay(iso) + days);
/** Days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string) => toDay(b) - toDay(a);
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
