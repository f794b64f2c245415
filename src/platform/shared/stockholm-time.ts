// Wall-clock time in Sweden (Europe/Stockholm) and instants, both ways, correct over the daylight-saving changes.
// Forms send and show local times ("2027-03-28T09:00"); the database keeps instants. Shared by server and web.
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Minutes Swedish time is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(instant: Date): number {
  const p = parts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Swedish wall-clock time of an instant, as a form shows it: "2027-03-28T09:00". */
export function toStockholmLocal(instant: Date): string {
  const p = parts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a Swedish wall-clock time ("2027-03-28T09:00"), or null when it is not a valid time — including the
 * hour skipped when the clocks go forward (02:00–02:59 on the last Sunday of March). In the hour repeated in
 * October the first of the two is taken.
 */
export function fromStockholmLocal(local: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // The offset an hour before and after: the earlier one gives the first of a repeated hour.
  for (const probe of [naive - 3 * 3_600_000, naive + 3 * 3_600_000]) {
    const candidate = new Date(naive - stockholmOffsetMinutes(new Date(probe)) * 60_000);
    if (toStockholmLocal(candidate) === local) return candidate;
  }
  return null;
}
