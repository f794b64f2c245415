// The forecast page's API calls: the forecast of a view (region or municipality, with the levers), the region's
// stored assumptions and their change, and the address of the export files.
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../../../platform/web/api/api-client.ts';
import type { ExportFormat } from '../../web/statistics-api.ts';
import type { ForecastDto, ForecastQuery, ForecastSettingsDto, ForecastSettingsInput } from '../forecast.contracts.ts';

/** Every cached forecast: a change of the stored assumptions makes them all stale. */
export const FORECAST_KEY = ['staffing', 'forecast'] as const;

export const forecastQuery = (params: ForecastQuery) =>
  queryOptions({
    queryKey: [...FORECAST_KEY, 'view', params],
    queryFn: ({ signal }) => apiRequest<ForecastDto>(`/api/staffing/forecast${toQueryString(params)}`, { signal }),
  });

export const forecastSettingsQuery = () =>
  queryOptions({
    queryKey: [...FORECAST_KEY, 'settings'],
    queryFn: ({ signal }) => apiRequest<ForecastSettingsDto>('/api/staffing/forecast/settings', { signal }),
  });

export function saveForecastSettings(input: ForecastSettingsInput): Promise<ForecastSettingsDto> {
  return apiRequest<ForecastSettingsDto>('/api/staffing/forecast/settings', { method: 'PUT', body: input });
}

/** The address of the view as a file (plain link: the browser sends the session cookie). */
export function forecastExportUrl(params: ForecastQuery, format: ExportFormat): string {
  return `/api/staffing/forecast/export${toQueryString({ ...params, format })}`;
}
