// A municipality's participation over time: join and leave events (append-only) become intervals. A municipality
// leaves only while it takes part and not before it joined; it joins again at the earliest the day after it left.
import type { Message } from '../../platform/shared/messages.ts';
import type { ParticipationInterval } from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';

export type ParticipationEvent = { event: 'join' | 'leave'; date: string; reason: string };

/** The intervals of one municipality's events (in the order they were recorded, which is date order). */
export function intervalsOf(events: readonly ParticipationEvent[]): ParticipationInterval[] {
  const out: ParticipationInterval[] = [];
  for (const e of events) {
    const open = out.at(-1);
    if (e.event === 'join') out.push({ from: e.date, to: null, joinReason: e.reason, leaveReason: null });
    else if (open && open.to === null) {
      open.to = e.date;
      open.leaveReason = e.reason;
    }
  }
  return out;
}

/** Why the next event cannot be recorded after these, or null when it can. */
export function refuseEvent(events: readonly ParticipationEvent[], next: ParticipationEvent): Message | null {
  const open = intervalsOf(events).at(-1);
  const inside = open !== undefined && open.to === null;
  if (next.event === 'join') {
    if (inside) return pm.alreadyParticipating();
    if (open?.to && next.date <= open.to) return pm.rejoinTooEarly({ left: open.to });
    return null;
  }
  if (!inside) return pm.notParticipating();
  if (next.date < open.from) return pm.leaveBeforeJoin({ joined: open.from });
  return null;
}

/** Whether a municipality takes part on a date. */
export const participatesOn = (intervals: readonly ParticipationInterval[], date: string) =>
  intervals.some((i) => i.from <= date && (i.to === null || date <= i.to));
