// Where a value lies against the region's median, in five steps, for the heat map's colours and words.

/** -2 far below, -1 below, 0 near, 1 above, 2 far above the median. */
export type HeatStep = -2 | -1 | 0 | 1 | 2;

export const HEAT_STEPS: readonly HeatStep[] = [2, 1, 0, -1, -2];

/** Within 5 % of the median counts as near it; more than 20 % away as far from it. */
export const NEAR = 0.05;
export const FAR = 0.2;

export function heatStep(value: number, median: number): HeatStep {
  if (median === 0) return value === 0 ? 0 : value > 0 ? 2 : -2;
  const relative = (value - median) / Math.abs(median);
  if (Math.abs(relative) <= NEAR) return 0;
  const far = Math.abs(relative) > FAR;
  if (relative > 0) return far ? 2 : 1;
  return far ? -2 : -1;
}

/**
 * Background colours, blue above and orange below the median (told apart with red–green colour blindness too).
 * All are light enough for dark text to keep a contrast of at least 4.5:1 (the lowest, on #74c0fc, is about 9:1).
 */
export const HEAT_COLOURS: Record<HeatStep, string> = {
  2: '#74c0fc',
  1: '#d0ebff',
  0: '#f1f3f5',
  [-1]: '#ffe8cc',
  [-2]: '#ffc078',
};

/** Symbols printed beside the value, so the step is never told by colour alone. */
export const HEAT_SYMBOLS: Record<HeatStep, string> = {
  2: '▲▲',
  1: '▲',
  0: '≈',
  [-1]: '▼',
  [-2]: '▼▼',
};

export const HEAT_TEXT_COLOUR = '#1a1b1e';
