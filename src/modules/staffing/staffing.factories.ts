// Factories for staffing's records in tests: a reporting period, and a municipality's report in a given state.
// Missing parents are made through the platform's factories, so every test can set up its own without depending
// on another test having run first.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/server/db.ts';
import { buildMunicipality, type Organisation } from '../../platform/server/factories.ts';
import { staffingPeriod, staffingReport, staffingReportTransition } from './staffing.table.ts';

export type Period = typeof staffingPeriod.$inferSelect;
export type Report = typeof staffingReport.$inferSelect;
export type ReportState = Report['status'];

export type PeriodOverrides = Partial<Pick<Period, 'label' | 'kind' | 'referenceDate' | 'deadline' | 'closed'>>;

/** A reporting period (open, annual, a unique label) with the given fields. */
export async function buildPeriod(db: Db, overrides: PeriodOverrides = {}): Promise<Period> {
  const [row] = await db
    .insert(staffingPeriod)
    .values({
      label: overrides.label ?? `Testperiod ${randomUUID().slice(0, 8)}`,
      kind: overrides.kind ?? 'annual',
      referenceDate: overrides.referenceDate ?? '2026-11-01',
      deadline: overrides.deadline ?? '2026-12-15',
      closed: overrides.closed ?? false,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type ReportOverrides = { period?: Period; municipality?: Organisation; status?: ReportState };

/**
 * A municipality's report in a state (a draft unless told), with the transitions that led there; the period and
 * the municipality are made when not given.
 */
export async function buildReport(db: Db, overrides: ReportOverrides = {}) {
  const period = overrides.period ?? (await buildPeriod(db));
  const municipality = overrides.municipality ?? (await buildMunicipality(db));
  const status = overrides.status ?? 'draft';
  const [report] = await db
    .insert(staffingReport)
    .values({ periodId: period.id, municipalityId: municipality.id, status })
    .returning();
  if (!report) throw new Error('insert returned no row');
  const path: Record<ReportState, string[]> = {
    draft: ['not_started', 'draft'],
    submitted: ['not_started', 'draft', 'submitted'],
    approved: ['not_started', 'draft', 'submitted', 'approved'],
    returned: ['not_started', 'draft', 'submitted', 'returned'],
  };
  const steps = path[status];
  const transitions = steps.slice(1).map((toStatus, i) => ({
    reportId: report.id,
    fromStatus: steps[i] ?? 'not_started',
    toStatus,
  }));
  await db.insert(staffingReportTransition).values(transitions);
  return { period, municipality, report };
}
