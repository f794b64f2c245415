// How the audit log names the staffing module's events (the web manifest's `auditLabels`).
import type { AuditLabels } from '../../../platform/web/module.ts';

export const staffingAuditLabels: AuditLabels = {
  actions: {
    'staffing_report.read': { sv: 'Bemanningsrapport läst', en: 'Staffing report read' },
    'staffing_report.save': { sv: 'Bemanningsrapport sparad', en: 'Staffing report saved' },
    'staffing_report.submit': { sv: 'Bemanningsrapport inskickad', en: 'Staffing report submitted' },
    'staffing_report.approve': { sv: 'Bemanningsrapport godkänd', en: 'Staffing report approved' },
    'staffing_report.return': { sv: 'Bemanningsrapport återförd', en: 'Staffing report returned' },
    'staffing_import.upload': { sv: 'Excelfil för bemanning uppladdad', en: 'Staffing workbook uploaded' },
    'staffing_import.apply': { sv: 'Excelimport av bemanning genomförd', en: 'Staffing workbook imported' },
    'staffing_period.create': { sv: 'Rapporteringsperiod skapad', en: 'Reporting period created' },
    'staffing_period.update': { sv: 'Rapporteringsperiod ändrad', en: 'Reporting period changed' },
    'staffing_period.close': { sv: 'Rapporteringsperiod stängd', en: 'Reporting period closed' },
    'staffing_period.reopen': { sv: 'Rapporteringsperiod öppnad igen', en: 'Reporting period reopened' },
    'staffing_profession.create': { sv: 'Yrke tillagt', en: 'Profession added' },
    'staffing_profession.update': { sv: 'Yrke ändrat', en: 'Profession changed' },
    'staffing_item.create': { sv: 'Listval tillagt (bemanning)', en: 'List item added (staffing)' },
    'staffing_item.update': { sv: 'Listval ändrat (bemanning)', en: 'List item changed (staffing)' },
    'staffing_publication.create': { sv: 'Statistik publicerad', en: 'Statistics published' },
    'staffing_region_report.request': { sv: 'Regionrapport beställd', en: 'Region report requested' },
    'staffing_forecast_settings.update': { sv: 'Prognosens antaganden ändrade', en: 'Forecast assumptions changed' },
    'population_projection.save': { sv: 'Befolkningsprognos sparad', en: 'Population projection saved' },
    'population_projection.import': { sv: 'Befolkningsprognos importerad', en: 'Population projection imported' },
    'staffing.person_anonymise': {
      sv: 'Personuppgifter avidentifierade (bemanning)',
      en: 'Personal data anonymised (staffing)',
    },
  },
  entityTypes: {
    staffing_report: { sv: 'Bemanningsrapport', en: 'Staffing report' },
    staffing_period: { sv: 'Rapporteringsperiod', en: 'Reporting period' },
    staffing_profession: { sv: 'Yrke', en: 'Profession' },
    staffing_item: { sv: 'Listval', en: 'List item' },
    staffing_region_report: { sv: 'Regionrapport', en: 'Region report' },
    staffing_forecast_settings: { sv: 'Prognosens antaganden', en: 'Forecast assumptions' },
    population_projection: { sv: 'Befolkningsprognos', en: 'Population projection' },
  },
};
