// What the staffing statistics hold about a person, for the register extract (GDPR art. 15; decision 015): what they
// did with their municipality's reports (saved, submitted, approved, returned — with their comment), the periods,
// publications, imports, population projections and forecast settings they made or changed, and the region reports
// they asked for — all found by their user account. The statistics themselves are about municipalities, not persons.
// When the staff register anonymises the person, every report, figure and publication stays exactly as it is (the
// statistics must not change) and only the link to the person's account is removed; a region report names who asked
// for it by design (a required column) and is kept only among the latest 20. The anonymisation is audited.
import { asc, desc, eq, max, count as sqlCount } from 'drizzle-orm';
import { audit } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { PersonDataProvider, PersonDataSection } from '../../platform/server/person-data.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { staffingForecastSettings } from './forecast.table.ts';
import { populationProjection } from './population.table.ts';
import { staffingPublication } from './publication.table.ts';
import { staffingRegionReport } from './region-report.table.ts';
import { staffingImport, staffingPeriod, staffingReport, staffingReportTransition } from './staffing.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

async function collect(db: Db, userId: string): Promise<PersonDataSection[]> {
  const actions = await db
    .select({
      period: staffingPeriod.label,
      municipality: organisation.name,
      from: staffingReportTransition.fromStatus,
      to: staffingReportTransition.toStatus,
      comment: staffingReportTransition.comment,
      at: staffingReportTransition.at,
    })
    .from(staffingReportTransition)
    .innerJoin(staffingReport, eq(staffingReport.id, staffingReportTransition.reportId))
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingReport.periodId))
    .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
    .where(eq(staffingReportTransition.actorUserId, userId))
    .orderBy(asc(staffingReportTransition.at), asc(staffingReportTransition.id));
  const periods = await db
    .select({ label: staffingPeriod.label, at: staffingPeriod.createdAt })
    .from(staffingPeriod)
    .where(eq(staffingPeriod.createdBy, userId))
    .orderBy(asc(staffingPeriod.createdAt));
  const publications = await db
    .select({ period: staffingPeriod.label, version: staffingPublication.version, at: staffingPublication.publishedAt })
    .from(staffingPublication)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingPublication.periodId))
    .where(eq(staffingPublication.publishedBy, userId))
    .orderBy(asc(staffingPublication.publishedAt));
  const imports = await db
    .select({
      period: staffingPeriod.label,
      fileName: staffingImport.fileName,
      status: staffingImport.status,
      at: staffingImport.createdAt,
    })
    .from(staffingImport)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingImport.periodId))
    .where(eq(staffingImport.uploadedBy, userId))
    .orderBy(asc(staffingImport.createdAt));
  const population = await db
    .select({
      municipality: organisation.name,
      figures: sqlCount(),
      latest: max(populationProjection.updatedAt),
    })
    .from(populationProjection)
    .innerJoin(organisation, eq(organisation.id, populationProjection.municipalityId))
    .where(eq(populationProjection.updatedBy, userId))
    .groupBy(organisation.name)
    .orderBy(asc(organisation.name));
  const forecast = await db
    .select({ at: staffingForecastSettings.updatedAt })
    .from(staffingForecastSettings)
    .where(eq(staffingForecastSettings.updatedBy, userId));
  const reports = await db
    .select({ period: staffingPeriod.label, status: staffingRegionReport.status, at: staffingRegionReport.createdAt })
    .from(staffingRegionReport)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingRegionReport.periodId))
    .where(eq(staffingRegionReport.requestedBy, userId))
    .orderBy(desc(staffingRegionReport.createdAt));

  const sections: PersonDataSection[] = [];
  if (actions.length) {
    sections.push({
      key: 'staffing.report_actions',
      title: w('Bemanningsrapporter', 'Staffing reports'),
      description: w(
        'Vad personen gjorde med kommunens rapporter till bemanningsstatistiken (sparade, lämnade in, godkände, skickade tillbaka), med kommentar.',
        "What the person did with municipalities' reports to the staffing statistics (saved, submitted, approved, returned), with their comment.",
      ),
      columns: [
        { key: 'period', label: w('Period', 'Period') },
        { key: 'municipality', label: w('Kommun', 'Municipality') },
        { key: 'from', label: w('Från status', 'From status') },
        { key: 'to', label: w('Till status', 'To status') },
        { key: 'comment', label: w('Kommentar', 'Comment') },
        { key: 'at', label: w('Tidpunkt', 'Time') },
      ],
      rows: actions.map((a) => ({
        period: a.period,
        municipality: a.municipality,
        from: a.from,
        to: a.to,
        comment: a.comment,
        at: a.at.toISOString(),
      })),
    });
  }
  const made: { what: string; detail: string | null; at: string }[] = [
    ...periods.map((p) => ({ what: 'period', detail: p.label, at: p.at.toISOString() })),
    ...publications.map((p) => ({
      what: 'publication',
      detail: `${p.period} (version ${p.version})`,
      at: p.at.toISOString(),
    })),
    ...imports.map((i) => ({
      what: 'import',
      detail: `${i.fileName}, ${i.period} (${i.status})`,
      at: i.at.toISOString(),
    })),
    ...population.map((p) => ({
      what: 'population_projection',
      detail: `${p.municipality}: ${p.figures}`,
      at: p.latest ? new Date(p.latest).toISOString() : '',
    })),
    ...forecast.map((f) => ({ what: 'forecast_settings', detail: null, at: f.at.toISOString() })),
    ...reports.map((r) => ({ what: 'region_report', detail: `${r.period} (${r.status})`, at: r.at.toISOString() })),
  ];
  if (made.length) {
    sections.push({
      key: 'staffing.changes',
      title: w('Ändringar i bemanningsstatistiken', 'Changes to the staffing statistics'),
      description: w(
        'Perioder, publiceringar, importer, befolkningsprognoser (antal uppgifter), prognosens antaganden och regionrapporter som personen gjorde eller ändrade senast.',
        'Periods, publications, imports, population projections (number of figures), forecast assumptions and region reports the person made or last changed.',
      ),
      columns: [
        { key: 'what', label: w('Vad', 'What') },
        { key: 'detail', label: w('Uppgift', 'Detail') },
        { key: 'at', label: w('Tidpunkt', 'Time') },
      ],
      rows: made,
    });
  }
  return sections;
}

export const staffingPersonData: PersonDataProvider = {
  async collect(db, subject) {
    return subject.userId ? collect(db, subject.userId) : [];
  },

  async anonymise(tx, subject) {
    const userId = subject.userId;
    if (!userId) return;
    const changed = [
      await tx
        .update(staffingReportTransition)
        .set({ actorUserId: null })
        .where(eq(staffingReportTransition.actorUserId, userId))
        .returning({ id: staffingReportTransition.id }),
      await tx
        .update(staffingPeriod)
        .set({ createdBy: null })
        .where(eq(staffingPeriod.createdBy, userId))
        .returning({ id: staffingPeriod.id }),
      await tx
        .update(staffingPublication)
        .set({ publishedBy: null })
        .where(eq(staffingPublication.publishedBy, userId))
        .returning({ id: staffingPublication.id }),
      await tx
        .update(staffingImport)
        .set({ uploadedBy: null })
        .where(eq(staffingImport.uploadedBy, userId))
        .returning({ id: staffingImport.id }),
      await tx
        .update(populationProjection)
        .set({ updatedBy: null })
        .where(eq(populationProjection.updatedBy, userId))
        .returning({ id: populationProjection.id }),
      await tx
        .update(staffingForecastSettings)
        .set({ updatedBy: null })
        .where(eq(staffingForecastSettings.updatedBy, userId))
        .returning({ id: staffingForecastSettings.id }),
    ].reduce((n, rows) => n + rows.length, 0);
    if (changed === 0) return;
    await audit(
      tx,
      { actor: null, requestId: 'job:people-retention', ip: '' },
      {
        action: 'staffing.person_anonymise',
        entityType: 'person',
        entityId: subject.personId,
        organisationId: subject.organisationId,
      },
    );
  },
};
