// The web trainings' API calls for the web pages, with their cache keys.
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import { i18n } from '../../../platform/web/i18n/i18n.ts';
import type { UsageDto } from '../catalogue-usage.contracts.ts';
import type {
  AdminTopicDto,
  AdminTopicListDto,
  CatalogueFacetsDto,
  CataloguePageDto,
  CreateTopicInput,
  ImportPreviewDto,
  ImportResultDto,
  MyReviewDto,
  OpenRoundInput,
  ReviewPageDto,
  ReviewTrainingDto,
  RoundDto,
  RoundListDto,
  RoundReviewerDto,
  SuggestedTrainingDto,
  SuggestTrainingInput,
  TopicDto,
  TrainingFileType,
  TrainingFormat,
  TrainingLanguage,
  TrainingLength,
  TrainingStatus,
  UpdateTopicInput,
} from '../trainings.contracts.ts';

export type CatalogueSearch = {
  profession?: string;
  q?: string;
  topic?: string;
  length?: TrainingLength;
  language?: TrainingLanguage;
  format?: TrainingFormat;
  page?: number;
};

export type ReviewFilter = 'open' | 'links' | TrainingStatus;

export const facetsQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'facets'],
    queryFn: ({ signal }) => apiRequest<CatalogueFacetsDto>('/api/public/trainings/facets', { signal }),
    staleTime: 60_000,
  });

export const catalogueQuery = (search: CatalogueSearch) =>
  queryOptions({
    queryKey: ['trainings', 'catalogue', search],
    queryFn: ({ signal }) => apiRequest<CataloguePageDto>(`/api/public/trainings${toQueryString(search)}`, { signal }),
  });

/**
 * Counts that a training's link was opened (decision 029): a beacon the browser sends even as the new tab opens; it
 * carries nothing but the item. A failure is of no concern to the visitor.
 */
export function countOpen(itemId: string) {
  const url = `/api/public/trainings/${encodeURIComponent(itemId)}/opened`;
  try {
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
    void fetch(url, { method: 'POST', keepalive: true, credentials: 'omit' }).catch(() => {});
  } catch {
    // Counting never stands in the way of the link.
  }
}

export const usageQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['trainings', 'usage', from, to],
    queryFn: ({ signal }) => apiRequest<UsageDto>(`/api/trainings/usage${toQueryString({ from, to })}`, { signal }),
  });

export const usageExportUrl = (from: string, to: string, lang: 'sv' | 'en') =>
  `/api/trainings/usage/export${toQueryString({ from, to, lang })}`;

export const reviewQuery = (status: ReviewFilter, page: number) =>
  queryOptions({
    queryKey: ['trainings', 'review', status, page],
    queryFn: ({ signal }) =>
      apiRequest<ReviewPageDto>(`/api/trainings/review${toQueryString({ status, page })}`, { signal }),
  });

export const roundsQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'rounds'],
    queryFn: ({ signal }) => apiRequest<RoundListDto>('/api/trainings/rounds', { signal }),
  });

export const roundReviewersQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'rounds', 'reviewers'],
    queryFn: ({ signal }) =>
      apiRequest<{ reviewers: RoundReviewerDto[] }>('/api/trainings/rounds/reviewers', { signal }),
  });

export const myReviewQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'rounds', 'mine'],
    queryFn: ({ signal }) => apiRequest<MyReviewDto>('/api/trainings/rounds/mine', { signal }),
  });

/** Every topic, inactive ones too, with how many items have each (the regional admin's topics page). */
export const topicsQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'topics'],
    queryFn: ({ signal }) => apiRequest<AdminTopicListDto>('/api/trainings/topics', { signal }),
  });

export const topicsApi = {
  create: (body: CreateTopicInput) => apiRequest<TopicDto>('/api/trainings/topics', { method: 'POST', body }),
  update: (id: string, body: UpdateTopicInput) =>
    apiRequest<AdminTopicDto>(`/api/trainings/topics/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};

export const trainingsApi = {
  openRound: (body: OpenRoundInput) => apiRequest<RoundDto>('/api/trainings/rounds', { method: 'POST', body }),
  closeRound: (id: string) =>
    apiRequest<RoundDto>(`/api/trainings/rounds/${encodeURIComponent(id)}/close`, { method: 'POST' }),
  decide: (
    roundId: string,
    itemId: string,
    body: { status: 'approved' | 'needs_change' | 'removed'; comment?: string },
  ) =>
    apiRequest<MyReviewDto['items'][number]>(
      `/api/trainings/rounds/${encodeURIComponent(roundId)}/items/${encodeURIComponent(itemId)}/decision`,
      { method: 'POST', body },
    ),
  suggest: (body: SuggestTrainingInput) =>
    apiRequest<SuggestedTrainingDto>('/api/trainings/items', { method: 'POST', body }),
  update: (id: string, body: SuggestTrainingInput) =>
    apiRequest<ReviewTrainingDto>(`/api/trainings/items/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  transition: (id: string, body: { status: 'approved' | 'needs_change' | 'removed'; comment?: string }) =>
    apiRequest<ReviewTrainingDto>(`/api/trainings/items/${encodeURIComponent(id)}/transitions`, {
      method: 'POST',
      body,
    }),
  checkLink: (id: string) =>
    apiRequest<ReviewTrainingDto>(`/api/trainings/items/${encodeURIComponent(id)}/check-link`, { method: 'POST' }),
};

// ---- downloads and the import ----

/** The public catalogue's download as the page is filtered (no page number: the file holds every match). */
export function catalogueExportUrl(search: CatalogueSearch, file: TrainingFileType): string {
  const { page: _page, ...filters } = search;
  return `/api/public/trainings/export${toQueryString({ ...filters, file })}`;
}

export const reviewExportUrl = (file: TrainingFileType, status?: TrainingStatus) =>
  `/api/trainings/export${toQueryString({ file, status })}`;

export const importTemplateUrl = (file: TrainingFileType) => `/api/trainings/import/template${toQueryString({ file })}`;

/** Uploads the list for a preview, or again with the preview's token to import it; a proxy's 413 is explained too. */
async function uploadList<T>(url: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    return await apiRequest<T>(url, { method: 'POST', body });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'http_413') {
      // The trainings texts are a namespace of their own, outside the app-wide typed keys (trainings-t.ts).
      const message = (i18n.t as unknown as (key: string, options: object) => string)('import.tooLarge', {
        ns: 'trainings',
      });
      throw new ApiError(413, error.code, message, [], null, error.sessionEnded);
    }
    throw error;
  }
}

export const importApi = {
  preview: (file: File) => uploadList<ImportPreviewDto>('/api/trainings/import/preview', file),
  confirm: (file: File, token: string, status: 'suggested' | 'approved') =>
    uploadList<ImportResultDto>(`/api/trainings/import/confirm${toQueryString({ token, status })}`, file),
};
