// The staffing reporting pages' API calls: queries (with their cache keys) and changes, including the Excel upload.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  ConfigItemDto,
  createItemSchema,
  createPeriodSchema,
  createProfessionSchema,
  ImportPreviewDto,
  PeriodDto,
  ProfessionDto,
  periodDetailSchema,
  ReportDto,
  StaffingConfigDto,
  updateItemSchema,
  updatePeriodSchema,
  updateProfessionSchema,
} from '../staffing.contracts.ts';
import type { Fact } from '../staffing-measures.ts';
import { reportingT } from './staffing-t.ts';

export type PeriodDetail = z.infer<typeof periodDetailSchema>;
export type PeriodReportRow = PeriodDetail['reports'][number];

const path = (...parts: string[]) => `/api/staffing/${parts.map(encodeURIComponent).join('/')}`;

export const staffingConfigQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'config'],
    queryFn: ({ signal }) => apiRequest<StaffingConfigDto>('/api/staffing/config', { signal }),
    staleTime: 5 * 60_000,
  });

export const periodsQuery = () =>
  queryOptions({
    queryKey: ['staffing', 'periods'],
    queryFn: ({ signal }) => apiRequest<PeriodDto[]>('/api/staffing/periods', { signal }),
  });

export const periodQuery = (periodId: string) =>
  queryOptions({
    queryKey: ['staffing', 'periods', periodId],
    queryFn: ({ signal }) => apiRequest<PeriodDetail>(path('periods', periodId), { signal }),
  });

export const reportQuery = (periodId: string, municipalityId: string) =>
  queryOptions({
    queryKey: ['staffing', 'reports', periodId, municipalityId],
    queryFn: ({ signal }) => apiRequest<ReportDto>(path('periods', periodId, 'reports', municipalityId), { signal }),
  });

export const importQuery = (importId: string) =>
  queryOptions({
    queryKey: ['staffing', 'imports', importId],
    queryFn: ({ signal }) => apiRequest<ImportPreviewDto>(path('imports', importId), { signal }),
  });

/** Addresses of the files the server makes; plain links, so the browser downloads them with the session cookie. */
export const staffingFiles = {
  export: (periodId: string, format: 'xlsx' | 'csv') => `${path('periods', periodId, 'export')}?format=${format}`,
  template: (periodId: string, municipalityId?: string) =>
    `${path('periods', periodId, 'template')}${toQueryString({ municipalityId })}`,
  periods: (format: 'xlsx' | 'csv') => `${path('periods', 'export')}?format=${format}`,
  history: (periodId: string, municipalityId: string, format: 'xlsx' | 'csv') =>
    `${path('periods', periodId, 'reports', municipalityId, 'history', 'export')}?format=${format}`,
  importChanges: (importId: string, format: 'xlsx' | 'csv') =>
    `${path('imports', importId, 'export')}?format=${format}`,
};

const reportPath = (periodId: string, municipalityId: string, ...rest: string[]) =>
  path('periods', periodId, 'reports', municipalityId, ...rest);

export const staffingApi = {
  createPeriod: (body: z.input<typeof createPeriodSchema>) =>
    apiRequest<PeriodDto>('/api/staffing/periods', { method: 'POST', body }),
  updatePeriod: (id: string, body: z.input<typeof updatePeriodSchema>) =>
    apiRequest<PeriodDto>(path('periods', id), { method: 'PATCH', body }),

  saveFacts: (periodId: string, municipalityId: string, facts: Fact[]) =>
    apiRequest<ReportDto>(reportPath(periodId, municipalityId, 'facts'), { method: 'PUT', body: { facts } }),
  submit: (periodId: string, municipalityId: string) =>
    apiRequest<ReportDto>(reportPath(periodId, municipalityId, 'submit'), { method: 'POST' }),
  approve: (periodId: string, municipalityId: string) =>
    apiRequest<ReportDto>(reportPath(periodId, municipalityId, 'approve'), { method: 'POST' }),
  returnReport: (periodId: string, municipalityId: string, comment: string) =>
    apiRequest<ReportDto>(reportPath(periodId, municipalityId, 'return'), { method: 'POST', body: { comment } }),

  confirmImport: (id: string) => apiRequest<ImportPreviewDto>(path('imports', id, 'confirm'), { method: 'POST' }),
  discardImport: (id: string) => apiRequest<ImportPreviewDto>(path('imports', id, 'discard'), { method: 'POST' }),

  createProfession: (body: z.input<typeof createProfessionSchema>) =>
    apiRequest<ProfessionDto>('/api/staffing/config/professions', { method: 'POST', body }),
  updateProfession: (id: string, body: z.input<typeof updateProfessionSchema>) =>
    apiRequest<ProfessionDto>(path('config', 'professions', id), { method: 'PATCH', body }),
  createItem: (body: z.input<typeof createItemSchema>) =>
    apiRequest<ConfigItemDto>('/api/staffing/config/items', { method: 'POST', body }),
  updateItem: (id: string, body: z.input<typeof updateItemSchema>) =>
    apiRequest<ConfigItemDto>(path('config', 'items', id), { method: 'PATCH', body }),
};

/**
 * Uploads an Excel file for a preview. A 422 carries the rejected cells as fields ("Blad!C7"); a 413 that our API did
 * not word itself (a proxy's limit) is explained here.
 */
export async function uploadImport(periodId: string, file: File): Promise<ImportPreviewDto> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    return await apiRequest<ImportPreviewDto>(path('periods', periodId, 'imports'), { method: 'POST', body });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'http_413') {
      throw new ApiError(413, error.code, reportingT('import.tooLarge'), [], null, error.sessionEnded);
    }
    throw error;
  }
}
