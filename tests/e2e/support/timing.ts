// E2E_TIMING=1: where a journey file's time goes. Each step (starting the server and Chromium, signing in, page
// loads, axe checks, the reflow check) adds its wall time to a per-file tally that afterAll prints, e.g.
//   E2E_TIMING=1 npx vitest run --config vitest.e2e.config.ts tests/e2e/platform.e2e.ts
// Without the variable nothing is measured or printed.
const enabled = process.env.E2E_TIMING === '1';
const tally = new Map<string, { count: number; ms: number; max: number }>();

/** Runs `step`, adding its wall time to `label`'s tally when E2E_TIMING=1. */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!enabled) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    const ms = performance.now() - started;
    const entry = tally.get(label) ?? { count: 0, ms: 0, max: 0 };
    entry.count += 1;
    entry.ms += ms;
    entry.max = Math.max(entry.max, ms);
    tally.set(label, entry);
  }
}

/** The tally so far as lines (label, count, total and slowest), or nothing when E2E_TIMING is not set. */
export function timingReport(file: string): string {
  if (!enabled || tally.size === 0) return '';
  const rows = [...tally.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([label, t]) =>
        `  ${label.padEnd(28)} ${String(t.count).padStart(4)}× ${(t.ms / 1000).toFixed(1).padStart(7)} s (max ${(t.max / 1000).toFixed(1)} s)`,
    );
  return `e2e timing of ${file}:\n${rows.join('\n')}`;
}
