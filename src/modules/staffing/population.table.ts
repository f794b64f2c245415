// Population projections (befolkningsprognos) per municipality, year and age group: entered in a form or imported
// as CSV, and read by the staffing forecast (demand follows the inhabitants 80+).
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { POPULATION_AGE_GROUPS } from './population/population.contracts.ts';

export const populationProjection = pgTable(
  'population_projection',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    year: integer().notNull(),
    ageGroup: text({ enum: POPULATION_AGE_GROUPS }).notNull(),
    inhabitants: integer().notNull(),
    updatedBy: text().references(() => user.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('population_projection_municipality_year_age').on(t.municipalityId, t.year, t.ageGroup),
    check('population_projection_inhabitants_not_negative', sql`${t.inhabitants} >= 0`),
    check('population_projection_age_group', sql`${t.ageGroup} IN ('0-64', '65-79', '80+', '20-64')`),
  ],
);
