// The staffing pages' texts live in the module's own i18next namespaces "staffingReporting" (reporting.sv.ts,
// reporting.en.ts) and "staffingStatistics" (statistics.sv.ts, statistics.en.ts), typed here against the Swedish
// texts. Shared words (common.*, roles.*) stay in the platform's namespace and its `t`.
import { i18n } from '../../../platform/web/i18n/i18n.ts';
import { type NamespaceKey, useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type { reportingSv } from './reporting.sv.ts';
import type { statisticsSv } from './statistics.sv.ts';

export const REPORTING_NS = 'staffingReporting';
export const STATISTICS_NS = 'staffingStatistics';

export type ReportingKey = NamespaceKey<typeof reportingSv>;
export type StatisticsKey = NamespaceKey<typeof statisticsSv>;
export type ReportingT = (key: ReportingKey, options?: Record<string, unknown>) => string;
export type StatisticsT = (key: StatisticsKey, options?: Record<string, unknown>) => string;

/** `const rt = useReportingT()`; then `rt('periods.title')`. Re-renders on a change of language. */
export function useReportingT(): ReportingT {
  return useNamespaceT<typeof reportingSv>(REPORTING_NS);
}

/** `const st = useStatisticsT()`; then `st('heatMap.intro')`. Re-renders on a change of language. */
export function useStatisticsT(): StatisticsT {
  return useNamespaceT<typeof statisticsSv>(STATISTICS_NS);
}

const translate = i18n.t as unknown as (key: string, options: object) => string;

/** The reporting texts outside React (API errors), in the current language. */
export const reportingT: ReportingT = (key, options = {}) => translate(key, { ns: REPORTING_NS, ...options });

/** The statistics texts outside React, in the current language. */
export const statisticsT: StatisticsT = (key, options = {}) => translate(key, { ns: STATISTICS_NS, ...options });
