// The seat rule of an occasion (decision 019), pure so it can be checked on its own. Capacity C; optionally seats
// reserved per municipality (A_m, their sum at most C); the rest are open to everyone. Before the release time a
// person of municipality m takes a seat when m has one of its own left, or an open seat is left; after the release
// every free seat is open to the whole region. Registrations never exceed C, nor use more open seats than there are.
export type SeatState = {
  capacity: number;
  /** Reserved seats per municipality (only municipalities with a row). */
  allocations: ReadonlyMap<string, number>;
  /** Registered (holding a seat) per municipality. */
  registered: ReadonlyMap<string, number>;
  /** True once the release time has passed (or there are no reservations at all). */
  released: boolean;
};

const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Seats not reserved for any municipality. */
export function openSeatCount(s: SeatState): number {
  return Math.max(0, s.capacity - sum(s.allocations));
}

/** Open seats already taken: registrations beyond each municipality's own reservation. */
function openSeatsUsed(s: SeatState): number {
  let used = 0;
  for (const [org, n] of s.registered) used += Math.max(0, n - (s.allocations.get(org) ?? 0));
  return used;
}

/** How many more persons of municipality `org` can get a seat now. */
export function freeFor(s: SeatState, org: string): number {
  const total = sum(s.registered);
  const left = Math.max(0, s.capacity - total);
  if (s.released || s.allocations.size === 0) return left;
  const own = Math.max(0, (s.allocations.get(org) ?? 0) - (s.registered.get(org) ?? 0));
  const open = Math.max(0, openSeatCount(s) - openSeatsUsed(s));
  return Math.min(left, own + open);
}

/** The state after one more registration of `org` (the caller checked freeFor first). */
export function take(s: SeatState, org: string): SeatState {
  const registered = new Map(s.registered);
  registered.set(org, (registered.get(org) ?? 0) + 1);
  return { ...s, registered };
}

/** The state after a registration of `org` gave its seat back. */
export function release(s: SeatState, org: string): SeatState {
  const registered = new Map(s.registered);
  registered.set(org, Math.max(0, (registered.get(org) ?? 0) - 1));
  return { ...s, registered };
}

/**
 * Who moves up from the waiting list: in arrival order, each waitlisted person who can get a seat now (their own
 * municipality's while seats are reserved, then an open one; after the release, any) — the first of their
 * municipality, then region-wide.
 */
export function promotions<T extends { organisationId: string }>(s: SeatState, waitlist: readonly T[]): T[] {
  let state = s;
  const out: T[] = [];
  for (const w of waitlist) {
    if (sum(state.registered) >= state.capacity) break;
    if (freeFor(state, w.organisationId) > 0) {
      out.push(w);
      state = take(state, w.organisationId);
    }
  }
  return out;
}
