// The heat map's steps against the median, and that its colours keep dark text readable (WCAG 1.4.3).
import { describe, expect, it } from 'vitest';
import {
  HEAT_COLOURS,
  HEAT_STEPS,
  HEAT_SYMBOLS,
  HEAT_TEXT_COLOUR,
  HEAT_TONES,
  heatStep,
  heatTone,
} from './heat-map-scale.ts';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('heatStep', () => {
  it('places values in five steps around the median', () => {
    expect(heatStep(0.5, 0.5)).toBe(0);
    expect(heatStep(0.52, 0.5)).toBe(0);
    expect(heatStep(0.55, 0.5)).toBe(1);
    expect(heatStep(0.7, 0.5)).toBe(2);
    expect(heatStep(0.45, 0.5)).toBe(-1);
    expect(heatStep(0.3, 0.5)).toBe(-2);
  });

  it('handles a median of zero', () => {
    expect(heatStep(0, 0)).toBe(0);
    expect(heatStep(0.1, 0)).toBe(2);
  });
});

describe('heatTone: the colour follows the direction where it is known', () => {
  it('calls a value above the median better when higher is better, worse when lower is better', () => {
    expect(heatTone(2, 'higher_better')).toBe('better_far');
    expect(heatTone(1, 'higher_better')).toBe('better');
    expect(heatTone(-1, 'higher_better')).toBe('worse');
    expect(heatTone(-2, 'higher_better')).toBe('worse_far');
    // Vacancy rate: lower is better, so far below the median is much better.
    expect(heatTone(-2, 'lower_better')).toBe('better_far');
    expect(heatTone(-1, 'lower_better')).toBe('better');
    expect(heatTone(1, 'lower_better')).toBe('worse');
    expect(heatTone(2, 'lower_better')).toBe('worse_far');
  });

  it('judges nothing where the direction is not known, and near the median is near either way', () => {
    for (const step of [2, 1, -1, -2] as const) expect(heatTone(step, 'neutral')).toBe('unjudged');
    expect(heatTone(0, 'higher_better')).toBe('near');
    expect(heatTone(0, 'lower_better')).toBe('near');
    expect(heatTone(0, 'neutral')).toBe('near');
  });
});

describe('heat map colours', () => {
  it('keep a contrast of at least 4.5:1 with the text, and every tone and step has its own colour and symbol', () => {
    for (const tone of HEAT_TONES) expect(contrast(HEAT_COLOURS[tone], HEAT_TEXT_COLOUR)).toBeGreaterThanOrEqual(4.5);
    expect(new Set(HEAT_TONES.map((t) => HEAT_COLOURS[t])).size).toBe(HEAT_TONES.length);
    expect(new Set(HEAT_STEPS.map((s) => HEAT_SYMBOLS[s])).size).toBe(HEAT_STEPS.length);
  });
});
