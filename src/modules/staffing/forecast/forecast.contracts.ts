// Contracts of the staffing forecast (issue 4, decision 009): the region's stored assumptions, the scenario levers a
// viewer sets, and the answer (base case, scenarios, comparisons), shared by the server and the web.
import { z } from 'zod';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { specialistSupplySchema } from './specialist-supply.contracts.ts';

export const FORECAST_LIMITS = {
  retirementAge: { min: 55, max: 75 },
  retirementDelayYears: { min: 0, max: 5 },
  /** Yearly turnover in percent. */
  turnoverPercent: { min: 0, max: 50 },
  fullTimeHoursPerWeek: { min: 30, max: 45 },
  horizonYears: { min: 5, max: 30 },
  extraHoursPerWeek: { min: 0, max: 20 },
  /** Changed staffing ratio in percent (−5 = 5 % fewer staff per inhabitant). */
  staffingRatioChangePercent: { min: -50, max: 50 },
  /** Share of today's absence that comes back as work, in percent. */
  absenceReductionPercent: { min: 0, max: 100 },
  /** How much lower the yearly turnover is, in percent of the assumed turnover. */
  turnoverReductionPercent: { min: 0, max: 100 },
  weight: { min: 0, max: 10 },
} as const;

const num = (what: string, min: number, max: number, integer = false) => {
  const base = z.number({ error: `Ange ${what} som ett tal.` });
  return (integer ? base.int({ error: `Ange ${what} som ett heltal.` }) : base)
    .min(min, { error: `${capitalise(what)} ska vara minst ${min.toString().replace('.', ',')}.` })
    .max(max, { error: `${capitalise(what)} får vara högst ${max.toString().replace('.', ',')}.` });
};
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What demand follows: inhabitants 80+ only, or a weighting of 65–79 and 80+. */
export const demandBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('80+') }),
  z.strictObject({
    kind: z.literal('weighted'),
    weight65_79: num('vikten för 65–79 år', FORECAST_LIMITS.weight.min, FORECAST_LIMITS.weight.max),
    weight80plus: num('vikten för 80+', FORECAST_LIMITS.weight.min, FORECAST_LIMITS.weight.max),
  }),
]);
export type DemandBasisDto = z.infer<typeof demandBasisSchema>;

/** The scenario levers: a viewer's choice, defaulting to the region's stored levers. */
export const forecastLeversSchema = z.strictObject({
  extraHoursPerWeek: num(
    'antalet extra timmar i veckan',
    FORECAST_LIMITS.extraHoursPerWeek.min,
    FORECAST_LIMITS.extraHoursPerWeek.max,
  ),
  retirementDelayYears: num(
    'antalet år senare pension',
    FORECAST_LIMITS.retirementDelayYears.min,
    FORECAST_LIMITS.retirementDelayYears.max,
    true,
  ),
  staffingRatioChangePercent: num(
    'förändringen av personaltätheten',
    FORECAST_LIMITS.staffingRatioChangePercent.min,
    FORECAST_LIMITS.staffingRatioChangePercent.max,
  ),
  // Issue 20: SKR's strategies the data supports (absence is reported per kind; turnover is an assumption). A stored
  // document or a form of an older version without them takes the defaults.
  absenceReductionPercent: num(
    'minskningen av frånvaron',
    FORECAST_LIMITS.absenceReductionPercent.min,
    FORECAST_LIMITS.absenceReductionPercent.max,
  ).default(20),
  turnoverReductionPercent: num(
    'minskningen av personalomsättningen',
    FORECAST_LIMITS.turnoverReductionPercent.min,
    FORECAST_LIMITS.turnoverReductionPercent.max,
  ).default(20),
});
export type ForecastLeversDto = z.infer<typeof forecastLeversSchema>;

/** The region's stored assumptions of the base case and its default levers; the regional admin changes them. */
export const forecastSettingsSchema = z.strictObject({
  retirementAge: num('pensionsåldern', FORECAST_LIMITS.retirementAge.min, FORECAST_LIMITS.retirementAge.max, true),
  turnoverPercent: num(
    'personalomsättningen',
    FORECAST_LIMITS.turnoverPercent.min,
    FORECAST_LIMITS.turnoverPercent.max,
  ),
  demandBasis: demandBasisSchema,
  fullTimeHoursPerWeek: num(
    'heltidens timmar i veckan',
    FORECAST_LIMITS.fullTimeHoursPerWeek.min,
    FORECAST_LIMITS.fullTimeHoursPerWeek.max,
  ),
  horizonYears: num('prognosens antal år', FORECAST_LIMITS.horizonYears.min, FORECAST_LIMITS.horizonYears.max, true),
  levers: forecastLeversSchema,
});
export type ForecastSettingsInput = z.infer<typeof forecastSettingsSchema>;

export const forecastSettingsDtoSchema = forecastSettingsSchema.extend({
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ForecastSettingsDto = z.infer<typeof forecastSettingsDtoSchema>;

export const DEFAULT_FORECAST_SETTINGS: ForecastSettingsInput = {
  retirementAge: 66,
  turnoverPercent: 0,
  demandBasis: { kind: '80+' },
  fullTimeHoursPerWeek: 40,
  horizonYears: 10,
  levers: {
    extraHoursPerWeek: 2,
    retirementDelayYears: 1,
    staffingRatioChangePercent: -5,
    absenceReductionPercent: 20,
    turnoverReductionPercent: 20,
  },
};

/** Query strings arrive as text: numbers are coerced, and a lever left out takes the region's stored value. */
const queryNumber = z.coerce.number({ error: 'Ange ett tal.' });
export const forecastQuerySchema = z.strictObject({
  periodId: z.uuid({ error: sm.unknownPeriod.code }).optional(),
  municipalityId: z.uuid({ error: sm.unknownMunicipality.code }).optional(),
  extraHoursPerWeek: queryNumber
    .min(FORECAST_LIMITS.extraHoursPerWeek.min, { error: 'Extra timmar kan inte vara negativt.' })
    .max(FORECAST_LIMITS.extraHoursPerWeek.max, {
      error: `Extra timmar får vara högst ${FORECAST_LIMITS.extraHoursPerWeek.max}.`,
    })
    .optional(),
  retirementDelayYears: z.coerce
    .number({ error: 'Ange ett heltal.' })
    .int({ error: 'Ange ett heltal.' })
    .min(FORECAST_LIMITS.retirementDelayYears.min, { error: 'Antalet år kan inte vara negativt.' })
    .max(FORECAST_LIMITS.retirementDelayYears.max, {
      error: `Pensionen kan skjutas upp högst ${FORECAST_LIMITS.retirementDelayYears.max} år.`,
    })
    .optional(),
  staffingRatioChangePercent: queryNumber
    .min(FORECAST_LIMITS.staffingRatioChangePercent.min, {
      error: `Förändringen ska vara minst ${FORECAST_LIMITS.staffingRatioChangePercent.min} %.`,
    })
    .max(FORECAST_LIMITS.staffingRatioChangePercent.max, {
      error: `Förändringen får vara högst ${FORECAST_LIMITS.staffingRatioChangePercent.max} %.`,
    })
    .optional(),
  absenceReductionPercent: queryNumber
    .min(0, { error: 'Minskningen kan inte vara negativ.' })
    .max(FORECAST_LIMITS.absenceReductionPercent.max, { error: 'Frånvaron kan minska med högst 100 %.' })
    .optional(),
  turnoverReductionPercent: queryNumber
    .min(0, { error: 'Minskningen kan inte vara negativ.' })
    .max(FORECAST_LIMITS.turnoverReductionPercent.max, { error: 'Personalomsättningen kan minska med högst 100 %.' })
    .optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

export const forecastExportQuerySchema = forecastQuerySchema.extend({
  format: z.enum(['xlsx', 'csv'], { error: sm.chooseFormat.code }).default('xlsx'),
});

// ---- the answer ------------------------------------------------------------------------------------------------

const yearSchema = z.object({
  year: z.number(),
  demand: z.number(),
  staffRemaining: z.number(),
  retirements: z.number(),
  turnoverLeavers: z.number(),
  need: z.number(),
  cumulativeNeed: z.number(),
});

const professionForecastSchema = z.object({
  key: z.string(),
  baseHeadcount: z.number(),
  years: z.array(yearSchema),
  cumulativeNeed5: z.number().nullable(),
  cumulativeNeed10: z.number().nullable(),
  notesSv: z.array(z.string()),
});

/** An assumption shown next to the result: Swedish label and value, and the English ones. */
const assumptionSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  en: z.object({ label: z.string(), value: z.string() }),
});

/** One forecast (persons, unrounded): per profession and year, the total over professions, the assumptions. */
export const forecastResultSchema = z.object({
  baseYear: z.number(),
  horizonYears: z.number(),
  professions: z.array(professionForecastSchema),
  total: professionForecastSchema,
  assumptions: z.array(assumptionSchema),
});
export type ForecastResultDto = z.infer<typeof forecastResultSchema>;

const comparisonSchema = z.object({
  needBase: z.number(),
  needScenario: z.number(),
  reduction: z.number(),
  reductionPercent: z.number().nullable(),
  textSv: z.string(),
});

export const SCENARIO_KEYS = [
  'part_time',
  'retire_later',
  'staffing_ratio',
  'combined',
  'lower_absence',
  'lower_turnover',
] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

export const scenarioSchema = z.object({
  key: z.enum(SCENARIO_KEYS),
  label: z.object({ sv: z.string(), en: z.string() }),
  result: forecastResultSchema,
  /** The cumulated need over 5 and 10 years (all professions) against the base case; null beyond the horizon. */
  comparison5: comparisonSchema.nullable(),
  comparison10: comparisonSchema.nullable(),
  /** The same per profession over the whole horizon. */
  byProfession: z.array(z.object({ key: z.string(), comparison: comparisonSchema })),
});
export type ScenarioDto = z.infer<typeof scenarioSchema>;

/** A municipality in the forecast: whether it fed the region's figures, and where its population came from. */
export const forecastMunicipalitySchema = z.object({
  municipalityId: z.uuid(),
  name: z.string(),
  /** False when it has no approved report in the period: the region's figures leave it out. */
  included: z.boolean(),
  /** The base year's population: the projection's own base year, or the report's context figures. */
  populationSource: z.enum(['projection', 'report', 'none']),
  /** Forecast years the projection covers (later years repeat its last year). */
  projectionYears: z.number(),
  /** Whether the viewer may open this municipality's own forecast (its figures unsuppressed). */
  canOpen: z.boolean(),
  /** Cumulated need of all professions over 5 and 10 years (base case); only for municipalities the viewer may open. */
  need5: z.number().nullable(),
  need10: z.number().nullable(),
});

export const forecastSchema = z.object({
  period: z.object({ id: z.uuid(), label: z.string(), referenceDate: z.string() }).nullable(),
  scope: z.object({
    kind: z.enum(['region', 'municipality']),
    municipalityId: z.uuid().nullable(),
    name: z.string(),
  }),
  settings: forecastSettingsSchema,
  levers: forecastLeversSchema,
  professions: z.array(z.object({ key: z.string(), label: z.object({ sv: z.string(), en: z.string() }) })),
  municipalities: z.array(forecastMunicipalitySchema),
  base: forecastResultSchema,
  scenarios: z.array(scenarioSchema),
  /** Notes on the data in Swedish (municipalities left out, missing projections). */
  notesSv: z.array(z.string()),
  /**
   * The supply side's context (issue 20): inhabitants aged 20–64 in the scope from the base year through the horizon
   * (the projection's years; later years repeat the last), empty when no projection has the age group.
   */
  workingAge: z.array(z.object({ year: z.number(), value: z.number() })),
  /** Expected new specialists from training posts and the projected specialist share (decision 026); null without a source. */
  specialistSupply: specialistSupplySchema.nullable(),
});
export type ForecastDto = z.infer<typeof forecastSchema>;
