// The staff register's API calls for the web pages, with their cache keys, and the typed texts of its namespace.
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type {
  CreatePersonInput,
  CreateUnitInput,
  ExtractDto,
  ImportPreviewDto,
  ImportResultDto,
  PersonDto,
  PersonListQuery,
  PersonPageDto,
  RetentionDto,
  UnitDto,
  UnitTreeDto,
  UpdatePersonInput,
  UpdateUnitInput,
} from '../people.contracts.ts';
import type { peopleSv } from './people.sv.ts';

export const PEOPLE_NS = 'people';
export const usePeopleT = () => useNamespaceT<typeof peopleSv>(PEOPLE_NS);
export type PeopleT = ReturnType<typeof usePeopleT>;

const id = encodeURIComponent;

export type PersonSearch = Partial<PersonListQuery>;

export const unitTreeQuery = (municipalityId?: string) =>
  queryOptions({
    queryKey: ['people', 'units', municipalityId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<UnitTreeDto>(`/api/people/units${toQueryString({ municipalityId })}`, { signal }),
  });

export const personsQuery = (search: PersonSearch) =>
  queryOptions({
    queryKey: ['people', 'persons', search],
    queryFn: ({ signal }) =>
      apiRequest<PersonPageDto>(
        `/api/people/persons${toQueryString({
          municipalityId: search.municipalityId,
          unitId: search.unitId,
          q: search.q,
          profession: search.profession,
          form: search.form,
          status: search.status,
          sort: search.sort,
          dir: search.dir,
          page: search.page,
          pageSize: search.pageSize,
        })}`,
        { signal },
      ),
  });

export const personQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'person', personId],
    queryFn: ({ signal }) => apiRequest<PersonDto>(`/api/people/persons/${id(personId)}`, { signal }),
  });

export const extractQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'extract', personId],
    queryFn: ({ signal }) => apiRequest<ExtractDto>(`/api/people/persons/${id(personId)}/extract`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const myRecordQuery = () =>
  queryOptions({
    queryKey: ['people', 'mine'],
    queryFn: ({ signal }) => apiRequest<{ persons: PersonDto[] }>('/api/people/mine', { signal }),
  });

export const retentionQuery = () =>
  queryOptions({
    queryKey: ['people', 'retention'],
    queryFn: ({ signal }) => apiRequest<RetentionDto>('/api/people/retention', { signal }),
  });

export const managerCandidatesQuery = (municipalityId: string) =>
  queryOptions({
    queryKey: ['people', 'candidates', municipalityId],
    queryFn: ({ signal }) =>
      apiRequest<{ candidates: UnitDto['managers'] }>(
        `/api/people/manager-candidates${toQueryString({ municipalityId })}`,
        {
          signal,
        },
      ),
  });

export const templateUrl = (file: 'xlsx' | 'csv', municipalityId?: string) =>
  `/api/people/import/template${toQueryString({ file, municipalityId })}`;
export const extractFileUrl = (personId: string, format: 'xlsx' | 'json') =>
  `/api/people/persons/${id(personId)}/extract/file${toQueryString({ format })}`;

/** Uploads an HR file for a preview; a proxy's 413 (no JSON) is explained too. */
async function upload(file: File, municipalityId?: string): Promise<ImportPreviewDto> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    return await apiRequest<ImportPreviewDto>(`/api/people/imports${toQueryString({ municipalityId })}`, {
      method: 'POST',
      body,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 413 && error.code === 'http_413') {
      throw new ApiError(413, 'payload_too_large', error.message);
    }
    throw error;
  }
}

export const peopleApi = {
  createUnit: (body: Partial<CreateUnitInput>) => apiRequest<UnitDto>('/api/people/units', { method: 'POST', body }),
  updateUnit: (unitId: string, body: Partial<UpdateUnitInput>) =>
    apiRequest<UnitDto>(`/api/people/units/${id(unitId)}`, { method: 'PATCH', body }),
  setManagers: (unitId: string, userIds: string[]) =>
    apiRequest<UnitDto>(`/api/people/units/${id(unitId)}/managers`, { method: 'PUT', body: { userIds } }),
  createPerson: (body: Partial<CreatePersonInput>) =>
    apiRequest<PersonDto>('/api/people/persons', { method: 'POST', body }),
  updatePerson: (personId: string, body: Partial<UpdatePersonInput>) =>
    apiRequest<PersonDto>(`/api/people/persons/${id(personId)}`, { method: 'PATCH', body }),
  previewImport: upload,
  confirmImport: (importId: string, endMissing: boolean) =>
    apiRequest<ImportResultDto>(`/api/people/imports/${id(importId)}/confirm`, {
      method: 'POST',
      body: { endMissing },
    }),
  setRetention: (key: string, months: number) =>
    apiRequest<RetentionDto>(`/api/people/retention/${id(key)}`, { method: 'PUT', body: { months } }),
};
