// The generated region reports (issue 4, decision 010): one row per request, its progress while a server builds it
// in the background, and the finished PDF and XLSX, kept for later download (the latest 20).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { REGION_REPORT_STATUSES } from './region-report/region-report.contracts.ts';
import { staffingPeriod } from './staffing.table.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, pg a Buffer: the service always gets a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const staffingRegionReport = pgTable(
  'staffing_region_report',
  {
    id: uuid().primaryKey().defaultRandom(),
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    status: text({ enum: REGION_REPORT_STATUSES }).notNull().default('queued'),
    /** 0–100, and the step being worked on in Swedish (shown beside the progress bar). */
    progress: integer().notNull().default(0),
    step: text().notNull(),
    /** Who asked for it: kept for the audit trail only, never shown (the report is one shared document). */
    requestedBy: text()
      .notNull()
      .references(() => user.id),
    /** Whether the server ran as a demo when it was made ("DEMODATA" on every page). */
    demo: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Moved by every progress write: a queued or running row not touched for a while was left by a stopped server. */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    error: text(),
    pdf: bytea(),
    xlsx: bytea(),
    pageCount: integer(),
    pdfBytes: integer(),
    xlsxBytes: integer(),
  },
  (t) => [
    index('staffing_region_report_created').on(t.createdAt),
    // At most one report in the making per person, on every server at once: a second insert fails.
    uniqueIndex('staffing_region_report_one_active').on(t.requestedBy).where(sql`${t.status} IN ('queued', 'running')`),
    check('staffing_region_report_progress', sql`${t.progress} BETWEEN 0 AND 100`),
    check('staffing_region_report_status', sql`${t.status} IN ('queued', 'running', 'done', 'failed')`),
  ],
);
