// The region's stored forecast assumptions (one row; none means the defaults of forecast.contracts.ts). The settings
// are one JSON document checked by forecastSettingsSchema when read and written: they change together, by one person.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';

export const staffingForecastSettings = pgTable(
  'staffing_forecast_settings',
  {
    id: integer().primaryKey().default(1),
    settings: jsonb().notNull(),
    updatedBy: text().references(() => user.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('staffing_forecast_settings_single_row', sql`${t.id} = 1`)],
);
