// Plausibility warnings of the report form, as statistical offices' reporting forms have them: a value that changed
// more than a share (default 10 %) since the last period is flagged for the reporter to check — a warning, never an
// error, since real changes happen. The same comparison lists the changes in the confirmation before submitting.

/** One value that differs from the last period's. */
export type ValueChange = {
  path: string;
  /** Last period's value; null when it was not reported then. */
  previous: number | null;
  /** This period's value; null when it is left empty now. */
  current: number | null;
  /** |current − previous| / previous; null when there is no base to compare with (previous missing or 0, current empty). */
  share: number | null;
  /** Worth a second look: more than the share of change, or a value where last period had 0. */
  warn: boolean;
};

/** Whether `current` against `previous` is worth a warning at `warnShare` (0.1 = 10 %). */
export function plausibilityWarning(previous: number | null | undefined, current: number | null, warnShare: number) {
  if (previous === null || previous === undefined || current === null) return false;
  if (previous === 0) return current > 0;
  return Math.abs(current - previous) / previous > warnShare;
}

/**
 * Every value that differs between the last period and now, the warnings first (largest change first), then the
 * others in the form's order of keys. Values equal in both are left out.
 */
export function changesSince(
  previous: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  warnShare: number,
): ValueChange[] {
  const paths = [...new Set([...previous.keys(), ...current.keys()])];
  const changes: ValueChange[] = [];
  for (const path of paths) {
    const before = previous.get(path) ?? null;
    const now = current.get(path) ?? null;
    if (before === now) continue;
    const share = before !== null && before !== 0 && now !== null ? Math.abs(now - before) / before : null;
    changes.push({ path, previous: before, current: now, share, warn: plausibilityWarning(before, now, warnShare) });
  }
  const order = new Map(paths.map((p, i) => [p, i]));
  return changes.sort(
    (a, b) =>
      Number(b.warn) - Number(a.warn) ||
      (a.warn ? (b.share ?? Infinity) - (a.share ?? Infinity) : 0) ||
      (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0),
  );
}
