// Contracts of the population projections (befolkningsprognos): the age groups, the form's grid, the CSV import's
// preview and the limits, shared by the server and the web.
import { z } from 'zod';

/**
 * The age groups of a projection: the three the forecast's demand follows (together every inhabitant), and the
 * working-age population 20–64 ("varav", part of 0–64; issue 20), the supply side's context. 20–64 is optional.
 */
export const POPULATION_AGE_GROUPS = ['0-64', '65-79', '80+', '20-64'] as const;
export type PopulationAgeGroup = (typeof POPULATION_AGE_GROUPS)[number];
/** The groups that add up to the whole population (20–64 is part of 0–64). */
export const POPULATION_TOTAL_GROUPS = ['0-64', '65-79', '80+'] as const satisfies readonly PopulationAgeGroup[];

export const POPULATION_LIMITS = {
  /** A projection reaches this many years past the current one. */
  yearsAhead: 30,
  /** The CSV: 15 municipalities × 31 years × 3 groups (1,395 rows) is well under both. */
  uploadBytes: 1024 * 1024,
  /** Data rows; the CSV reader (platform/server/imports/csv.ts) stops reading beyond twice as many. */
  rows: 5000,
} as const;

/**
 * The years a projection may hold: from two years back (the base year of the latest periods: a projection starts at
 * the period's reference year, issue 20) to 30 years ahead (checked when a request is parsed).
 */
export function populationYearRange(now = new Date()): { min: number; max: number } {
  const min = now.getUTCFullYear() - 2;
  return { min, max: min + 2 + POPULATION_LIMITS.yearsAhead };
}

/** The columns of the CSV layout, in order: one row per municipality, year and age group. */
export const POPULATION_CSV_COLUMNS = ['kommunkod', 'kommun', 'år', 'åldersgrupp', 'antal'] as const;

const wholeNumber = (what: string) =>
  z.number({ error: `Ange ${what} som ett heltal.` }).int({ error: `Ange ${what} som ett heltal.` });

export const populationRowSchema = z.strictObject({
  year: wholeNumber('året'),
  ageGroup: z.enum(POPULATION_AGE_GROUPS, { error: 'Välj åldersgrupp 0–64, 65–79, 80+ eller 20–64.' }),
  inhabitants: wholeNumber('antalet invånare')
    .min(0, { error: 'Antalet invånare kan inte vara negativt.' })
    .max(10_000_000, { error: 'Antalet invånare är orimligt stort.' }),
});
export type PopulationRowInput = z.infer<typeof populationRowSchema>;

/** A municipality's whole projection from the form: it replaces the one saved before. */
export const savePopulationSchema = z.strictObject({
  rows: z
    .array(populationRowSchema)
    .max(3 * (POPULATION_LIMITS.yearsAhead + 1), { error: 'För många rader.' })
    .superRefine((rows, ctx) => {
      const { min, max } = populationYearRange();
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (Number.isInteger(row.year) && (row.year < min || row.year > max)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'year'],
            message: `Året ska vara mellan ${min} och ${max}.`,
          });
        }
        const key = `${row.year}/${row.ageGroup}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'ageGroup'],
            message: `År ${row.year}, åldersgrupp ${row.ageGroup} finns redan på en tidigare rad.`,
          });
        }
        seen.add(key);
      });
    }),
});
export type SavePopulationInput = z.infer<typeof savePopulationSchema>;

export const populationMunicipalityParamsSchema = z.strictObject({ municipalityId: z.uuid() });

export const populationQuerySchema = z.strictObject({
  municipalityId: z.uuid().optional(),
});

export const populationValueSchema = z.object({
  year: z.number().int(),
  ageGroup: z.enum(POPULATION_AGE_GROUPS),
  inhabitants: z.number().int(),
});

export const populationMunicipalitySchema = z.object({
  municipalityId: z.string(),
  municipalityName: z.string(),
  code: z.string().nullable(),
  /** Whether the asker may change this municipality's projection. */
  canEdit: z.boolean(),
  updatedAt: z.string().nullable(),
  rows: z.array(populationValueSchema),
});
export type PopulationMunicipalityDto = z.infer<typeof populationMunicipalitySchema>;

export const populationOverviewSchema = z.object({
  /** The years a projection may hold now. */
  years: z.object({ min: z.number().int(), max: z.number().int() }),
  municipalities: z.array(populationMunicipalitySchema),
});
export type PopulationOverviewDto = z.infer<typeof populationOverviewSchema>;

export const populationCellErrorSchema = z.object({
  /** The row's number in the file (the header is row 1). */
  row: z.number().int(),
  /** The column's name in the layout ("antal"), or '' for the row or file as a whole. */
  column: z.string(),
  /** "Rad 7, kolumn antal: …" */
  message: z.string(),
});
export type PopulationCellErrorDto = z.infer<typeof populationCellErrorSchema>;

export const populationImportPreviewSchema = z.object({
  fileName: z.string(),
  separator: z.enum([';', ',']).nullable(),
  errors: z.array(populationCellErrorSchema),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
  /** Per municipality in the file: its years and how many values change. */
  municipalities: z.array(
    z.object({
      municipalityId: z.string(),
      municipalityName: z.string(),
      fromYear: z.number().int(),
      toYear: z.number().int(),
      rows: z.number().int(),
      changes: z.number().int(),
    }),
  ),
  /** Send with the same file to confirm; only when the file has no errors. */
  token: z.string().nullable(),
});
export type PopulationImportPreviewDto = z.infer<typeof populationImportPreviewSchema>;

export const populationImportConfirmQuerySchema = z.strictObject({
  token: z.string().regex(/^[0-9a-f]{64}$/, 'Förhandsgranska filen först.'),
});

export const populationImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type PopulationImportResultDto = z.infer<typeof populationImportResultSchema>;
