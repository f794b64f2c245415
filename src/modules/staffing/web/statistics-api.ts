// The staffing statistics' API calls for the web pages: comparison and profile (signed in) and the open statistics
// (no sign-in), with their cache keys and the addresses of the export files. Configuration and periods are shared
// with the reporting pages (reporting-api.ts).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  ComparisonDto,
  ProfileDto,
  ProfileTable,
  PublicProfessionDto,
  publicPeriodSchema,
} from '../staffing.contracts.ts';

export type PublicPeriod = z.infer<typeof publicPeriodSchema>;
export type ExportFormat = 'xlsx' | 'csv';

/** Whose statistics a page shows: the signed-in API, or the open statistics (approved reports only). */
export type StatisticsSource = 'signed-in' | 'public';

export type ComparisonParams = { periodId: string; profession: string };

export const publicProfessionsQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'public', 'professions'],
    queryFn: ({ signal }) => apiRequest<PublicProfessionDto[]>('/api/public/staffing/professions', { signal }),
  });

export const publicPeriodsQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'public', 'periods'],
    queryFn: ({ signal }) => apiRequest<PublicPeriod[]>('/api/public/staffing/periods', { signal }),
  });

const comparisonBase = (source: StatisticsSource) =>
  source === 'public' ? '/api/public/staffing/comparison' : '/api/staffing/comparison';

export const comparisonQuery = (source: StatisticsSource, params: ComparisonParams) =>
  queryOptions({
    queryKey: ['staffing', source, 'comparison', params],
    queryFn: ({ signal }) => apiRequest<ComparisonDto>(`${comparisonBase(source)}${toQueryString(params)}`, { signal }),
  });

export const profileQuery = (municipalityId: string, params: ComparisonParams) =>
  queryOptions({
    queryKey: ['staffing', 'profile', municipalityId, params],
    queryFn: ({ signal }) =>
      apiRequest<ProfileDto>(`/api/staffing/profile/${encodeURIComponent(municipalityId)}${toQueryString(params)}`, {
        signal,
      }),
  });

/** The address of the comparison as a file, with the same columns as on the screen. */
export function comparisonExportUrl(
  source: StatisticsSource,
  params: ComparisonParams,
  format: ExportFormat,
  columns: readonly string[],
): string {
  return `${comparisonBase(source)}/export${toQueryString({ ...params, format, columns: columns.join(',') })}`;
}

/** The address of one of a municipality profile's tables as a file, for the profile's period and profession. */
export function profileExportUrl(profile: ProfileDto, table: ProfileTable, format: ExportFormat): string {
  const params = { periodId: profile.period.id, profession: profile.profession, table, format };
  return `/api/staffing/profile/${encodeURIComponent(profile.municipality.id)}/export${toQueryString(params)}`;
}
