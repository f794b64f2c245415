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

/** Which way a key ratio is better, where that is known (vacancy rate: lower is better). */
export type HeatDirection = 'higher_better' | 'lower_better' | 'neutral';

/** What a cell's colour says: better or worse than the median (far or not), near it, or no judgement. */
export type HeatTone = 'better_far' | 'better' | 'near' | 'worse' | 'worse_far' | 'unjudged';

export const HEAT_TONES: readonly HeatTone[] = ['better_far', 'better', 'near', 'worse', 'worse_far', 'unjudged'];

/**
 * The colour's meaning for a step of a ratio: where the direction is known, above the median is better for
 * "higher is better" and worse for "lower is better"; a ratio without a known direction is never judged (only its
 * position is told, by the symbol).
 */
export function heatTone(step: HeatStep, direction: HeatDirection): HeatTone {
  if (step === 0) return 'near';
  if (direction === 'neutral') return 'unjudged';
  const better = direction === 'higher_better' ? step > 0 : step < 0;
  const far = Math.abs(step) === 2;
  if (better) return far ? 'better_far' : 'better';
  return far ? 'worse_far' : 'worse';
}

/**
 * Background colours: blue for better and orange for worse than the median (told apart with red–green colour
 * blindness too), grey where nothing is judged. All are light enough for dark text to keep a contrast of at least
 * 4.5:1 (the lowest, on #74c0fc, is about 9:1).
 */
export const HEAT_COLOURS: Record<HeatTone, string> = {
  better_far: '#74c0fc',
  better: '#d0ebff',
  near: '#f8f9fa',
  worse: '#ffe8cc',
  worse_far: '#ffc078',
  unjudged: '#e9ecef',
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
