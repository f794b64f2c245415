// Further education's API calls and cache keys.
import { queryOptions } from '@tanstack/react-query';
import type { StoredFileDto } from '../../../platform/shared/files.ts';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  AdoptionDto,
  AdoptionOverviewDto,
  ModelsDto,
  OptionsDto,
  PostsDto,
  SteeringOverviewDto,
} from '../further-education.contracts.ts';

const api = '/api/further-education';
const id = encodeURIComponent;

export const modelsQuery = () =>
  queryOptions({
    queryKey: ['further-education', 'models'],
    queryFn: ({ signal }) => apiRequest<ModelsDto>(`${api}/models`, { signal }),
  });
export const optionsQuery = () =>
  queryOptions({
    queryKey: ['further-education', 'options'],
    queryFn: ({ signal }) => apiRequest<OptionsDto>(`${api}/options`, { signal }),
  });
export const adoptionsQuery = (modelId?: string) =>
  queryOptions({
    queryKey: ['further-education', 'adoptions', modelId ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<AdoptionOverviewDto>(`${api}/adoptions${toQueryString({ modelId })}`, { signal }),
  });
export const adoptionQuery = (adoptionId: string) =>
  queryOptions({
    queryKey: ['further-education', 'adoption', adoptionId],
    queryFn: ({ signal }) => apiRequest<AdoptionDto>(`${api}/adoptions/${id(adoptionId)}`, { signal }),
  });
export const overviewQuery = () =>
  queryOptions({
    queryKey: ['further-education', 'overview'],
    queryFn: ({ signal }) => apiRequest<SteeringOverviewDto>(`${api}/overview`, { signal }),
  });
export const postsQuery = () =>
  queryOptions({
    queryKey: ['further-education', 'posts'],
    queryFn: ({ signal }) => apiRequest<PostsDto>(`${api}/posts`, { signal }),
  });

export const documentUrl = (fileId: string) => `${api}/documents/${id(fileId)}`;

export function uploadDocument(adoptionId: string, file: File): Promise<StoredFileDto> {
  const body = new FormData();
  body.append('file', file);
  return apiRequest<StoredFileDto>(`${api}/adoptions/${id(adoptionId)}/documents`, { method: 'POST', body });
}

export function send<T>(path: string, method: 'POST' | 'PUT' | 'PATCH', body: unknown): Promise<T> {
  return apiRequest<T>(`${api}${path}`, { method, body });
}
