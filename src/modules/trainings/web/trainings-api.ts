// The web trainings' API calls for the web pages, with their cache keys.
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  CatalogueFacetsDto,
  CataloguePageDto,
  MyReviewDto,
  OpenRoundInput,
  ReviewPageDto,
  ReviewTrainingDto,
  RoundDto,
  RoundListDto,
  RoundReviewerDto,
  SuggestedTrainingDto,
  SuggestTrainingInput,
  TrainingFormat,
  TrainingLanguage,
  TrainingLength,
  TrainingStatus,
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
