// The "Ändra antaganden" form's values: the stored settings as the form holds them (an empty field is ''), back to
// what the API takes, and the server's field errors on the fields (their paths are the same as the API's).
import type { FieldError } from '../../../../platform/web/api/api-client.ts';
import type { ForecastSettingsDto, ForecastSettingsInput } from '../forecast.contracts.ts';

type Field = number | '';

export type SettingsFormValues = {
  retirementAge: Field;
  turnoverPercent: Field;
  demandBasis: { kind: '80+' | 'weighted'; weight65_79: Field; weight80plus: Field };
  fullTimeHoursPerWeek: Field;
  horizonYears: Field;
  levers: {
    extraHoursPerWeek: Field;
    retirementDelayYears: Field;
    staffingRatioChangePercent: Field;
    absenceReductionPercent: Field;
    turnoverReductionPercent: Field;
  };
};

/** The weights a weighted basis starts from when the stored basis is 80+ only. */
const DEFAULT_WEIGHTS = { weight65_79: 0.2, weight80plus: 1 };

export function settingsFormValues(settings: ForecastSettingsDto): SettingsFormValues {
  const basis = settings.demandBasis;
  return {
    retirementAge: settings.retirementAge,
    turnoverPercent: settings.turnoverPercent,
    demandBasis:
      basis.kind === 'weighted'
        ? { kind: 'weighted', weight65_79: basis.weight65_79, weight80plus: basis.weight80plus }
        : { kind: '80+', ...DEFAULT_WEIGHTS },
    fullTimeHoursPerWeek: settings.fullTimeHoursPerWeek,
    horizonYears: settings.horizonYears,
    levers: { ...settings.levers },
  };
}

/**
 * What the form sends. An empty field goes as null, so the server answers with its own message at that field
 * ("Ange pensionsåldern som ett tal."); the weights go only with a weighted basis.
 */
export function settingsInput(values: SettingsFormValues): ForecastSettingsInput {
  const n = (value: Field) => (value === '' ? null : value) as number;
  const basis = values.demandBasis;
  return {
    retirementAge: n(values.retirementAge),
    turnoverPercent: n(values.turnoverPercent),
    demandBasis:
      basis.kind === 'weighted'
        ? { kind: 'weighted', weight65_79: n(basis.weight65_79), weight80plus: n(basis.weight80plus) }
        : { kind: '80+' },
    fullTimeHoursPerWeek: n(values.fullTimeHoursPerWeek),
    horizonYears: n(values.horizonYears),
    levers: {
      extraHoursPerWeek: n(values.levers.extraHoursPerWeek),
      retirementDelayYears: n(values.levers.retirementDelayYears),
      staffingRatioChangePercent: n(values.levers.staffingRatioChangePercent),
      absenceReductionPercent: n(values.levers.absenceReductionPercent),
      turnoverReductionPercent: n(values.levers.turnoverReductionPercent),
    },
  };
}

/** Field paths of the form. */
export const SETTINGS_FIELDS = [
  'retirementAge',
  'turnoverPercent',
  'demandBasis.kind',
  'demandBasis.weight65_79',
  'demandBasis.weight80plus',
  'fullTimeHoursPerWeek',
  'horizonYears',
  'levers.extraHoursPerWeek',
  'levers.retirementDelayYears',
  'levers.staffingRatioChangePercent',
  'levers.absenceReductionPercent',
  'levers.turnoverReductionPercent',
] as const;

/**
 * The server's field errors by form field (the first message of each), and those that name no field of the form
 * (e.g. "demandBasis" as a whole goes to its kind; anything else is left for the form's own message).
 */
export function settingsFieldErrors(fields: readonly FieldError[]): {
  byField: Record<string, string>;
  other: string[];
} {
  const known = new Set<string>(SETTINGS_FIELDS);
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const field of fields) {
    const path = field.path === 'demandBasis' ? 'demandBasis.kind' : field.path;
    if (!known.has(path)) other.push(field.message);
    else if (!(path in byField)) byField[path] = field.message;
  }
  return { byField, other };
}
