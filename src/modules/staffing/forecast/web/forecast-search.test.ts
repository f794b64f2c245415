import { describe, expect, it } from 'vitest';
import {
  forecastParams,
  hasLevers,
  parseForecastSearch,
  searchLever,
  validLever,
  withoutLevers,
} from './forecast-search.ts';

describe('the forecast page’s address', () => {
  it('reads the levers as numbers, with a decimal comma or point', () => {
    const search = parseForecastSearch({
      extraHoursPerWeek: '2,5',
      retirementDelayYears: 2,
      staffingRatioChangePercent: '-7.5',
    });
    expect(search.extraHoursPerWeek).toBe(2.5);
    expect(search.retirementDelayYears).toBe(2);
    expect(search.staffingRatioChangePercent).toBe(-7.5);
  });

  it('drops levers outside their range, not whole years, or not numbers', () => {
    expect(searchLever('extraHoursPerWeek', '21')).toBeUndefined();
    expect(searchLever('extraHoursPerWeek', '-1')).toBeUndefined();
    expect(searchLever('retirementDelayYears', '1.5')).toBeUndefined();
    expect(searchLever('retirementDelayYears', '6')).toBeUndefined();
    expect(searchLever('staffingRatioChangePercent', '-51')).toBeUndefined();
    expect(searchLever('staffingRatioChangePercent', 'mycket')).toBeUndefined();
    expect(searchLever('staffingRatioChangePercent', '')).toBeUndefined();
    expect(searchLever('extraHoursPerWeek', null)).toBeUndefined();
    expect(searchLever('extraHoursPerWeek', '20')).toBe(20);
    expect(searchLever('staffingRatioChangePercent', '-50')).toBe(-50);
  });

  it('keeps a known scenario and the chosen texts, and drops the rest', () => {
    expect(parseForecastSearch({ scenario: 'retire_later', profession: ' nurse ', periodId: '' })).toEqual({
      scenario: 'retire_later',
      profession: 'nurse',
      periodId: undefined,
      municipalityId: undefined,
      extraHoursPerWeek: undefined,
      retirementDelayYears: undefined,
      staffingRatioChangePercent: undefined,
    });
    expect(parseForecastSearch({ scenario: 'magic' }).scenario).toBeUndefined();
  });

  it('validates levers as the API does', () => {
    expect(validLever('retirementDelayYears', 5)).toBe(true);
    expect(validLever('retirementDelayYears', 0.5)).toBe(false);
    expect(validLever('extraHoursPerWeek', 0.5)).toBe(true);
    expect(validLever('extraHoursPerWeek', Number.NaN)).toBe(false);
  });

  it('gives the API the period, the municipality and the levers, but not the page’s own choices', () => {
    const params = forecastParams({
      periodId: 'p',
      municipalityId: 'm',
      profession: 'nurse',
      scenario: 'part_time',
      extraHoursPerWeek: 4,
    });
    expect(params).toEqual({
      periodId: 'p',
      municipalityId: 'm',
      extraHoursPerWeek: 4,
      retirementDelayYears: undefined,
      staffingRatioChangePercent: undefined,
    });
  });

  it('resets the levers to the region’s defaults and keeps the rest', () => {
    const search = { periodId: 'p', profession: 'nurse', retirementDelayYears: 2 };
    expect(hasLevers(search)).toBe(true);
    const reset = withoutLevers(search);
    expect(reset).toEqual({ periodId: 'p', profession: 'nurse' });
    expect(hasLevers(reset)).toBe(false);
  });
});
