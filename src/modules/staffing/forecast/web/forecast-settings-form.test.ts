import { describe, expect, it } from 'vitest';
import { DEFAULT_FORECAST_SETTINGS, forecastSettingsSchema } from '../forecast.contracts.ts';
import { settingsFieldErrors, settingsFormValues, settingsInput } from './forecast-settings-form.ts';

const stored = { ...DEFAULT_FORECAST_SETTINGS, updatedAt: null, canEdit: true };

describe('the assumptions form', () => {
  it('sends back what it was given, which the API’s schema accepts', () => {
    const input = settingsInput(settingsFormValues(stored));
    expect(input).toEqual(DEFAULT_FORECAST_SETTINGS);
    expect(forecastSettingsSchema.safeParse(input).success).toBe(true);
  });

  it('sends the weights only for a weighted basis', () => {
    const values = settingsFormValues(stored);
    expect(values.demandBasis.kind).toBe('80+');
    const weighted = settingsInput({ ...values, demandBasis: { kind: 'weighted', weight65_79: 0.3, weight80plus: 1 } });
    expect(weighted.demandBasis).toEqual({ kind: 'weighted', weight65_79: 0.3, weight80plus: 1 });
    const back = settingsFormValues({
      ...stored,
      demandBasis: { kind: 'weighted', weight65_79: 0.3, weight80plus: 2 },
    });
    expect(back.demandBasis).toEqual({ kind: 'weighted', weight65_79: 0.3, weight80plus: 2 });
  });

  it('sends an empty field as null, which the API refuses at that field', () => {
    const input = settingsInput({ ...settingsFormValues(stored), retirementAge: '' });
    expect(input.retirementAge).toBeNull();
    const parsed = forecastSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['retirementAge']);
  });

  it('puts the server’s errors on the fields by their paths', () => {
    const { byField, other } = settingsFieldErrors([
      { path: 'retirementAge', message: 'Pensionsåldern får vara högst 75.' },
      { path: 'retirementAge', message: 'second' },
      { path: 'levers.extraHoursPerWeek', message: 'För många timmar.' },
      { path: 'demandBasis', message: 'Välj vad efterfrågan följer.' },
      { path: 'somethingElse', message: 'Okänt fält.' },
    ]);
    expect(byField).toEqual({
      retirementAge: 'Pensionsåldern får vara högst 75.',
      'levers.extraHoursPerWeek': 'För många timmar.',
      'demandBasis.kind': 'Välj vad efterfrågan följer.',
    });
    expect(other).toEqual(['Okänt fält.']);
  });
});
