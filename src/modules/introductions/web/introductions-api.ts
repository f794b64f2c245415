// The introduction lists' API calls for the web pages, with their cache keys.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  AddEntryInput,
  AssignInput,
  AssignmentDto,
  CatalogueChoiceDto,
  createListSchema,
  IntroductionDto,
  ListDto,
  ListSummaryDto,
  MyIntroductionsDto,
  updateListSchema,
} from '../introductions.contracts.ts';

const id = encodeURIComponent;

export const listsQuery = (scope: 'own' | 'library') =>
  queryOptions({
    queryKey: ['introductions', 'lists', scope],
    queryFn: ({ signal }) =>
      apiRequest<{ lists: ListSummaryDto[] }>(`/api/introductions/lists${toQueryString({ scope })}`, { signal }),
  });

export const listQuery = (listId: string) =>
  queryOptions({
    queryKey: ['introductions', 'list', listId],
    queryFn: ({ signal }) => apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}`, { signal }),
  });

export const assignmentsQuery = (listId: string) =>
  queryOptions({
    queryKey: ['introductions', 'list', listId, 'assignments'],
    queryFn: ({ signal }) =>
      apiRequest<{ assignments: AssignmentDto[] }>(`/api/introductions/lists/${id(listId)}/assignments`, { signal }),
  });

export const catalogueChoicesQuery = (q: string) =>
  queryOptions({
    queryKey: ['introductions', 'catalogue', q],
    queryFn: ({ signal }) =>
      apiRequest<{ items: CatalogueChoiceDto[] }>(`/api/introductions/catalogue${toQueryString({ q })}`, { signal }),
  });

export const myIntroductionsQuery = () =>
  queryOptions({
    queryKey: ['introductions', 'mine'],
    queryFn: ({ signal }) => apiRequest<MyIntroductionsDto>('/api/introductions/mine', { signal }),
  });

export const personalIntroductionQuery = (token: string) =>
  queryOptions({
    queryKey: ['introductions', 'personal', token],
    queryFn: ({ signal }) =>
      apiRequest<IntroductionDto>(`/api/public/introductions/introduction${toQueryString({ token })}`, { signal }),
    retry: false,
  });

export const introductionsApi = {
  createList: (body: z.input<typeof createListSchema>) =>
    apiRequest<ListDto>('/api/introductions/lists', { method: 'POST', body }),
  updateList: (listId: string, body: z.input<typeof updateListSchema>) =>
    apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}`, { method: 'PATCH', body }),
  deleteList: (listId: string) =>
    apiRequest<{ ok: true }>(`/api/introductions/lists/${id(listId)}`, { method: 'DELETE' }),
  copyList: (listId: string, municipalityId?: string) =>
    apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}/copy`, {
      method: 'POST',
      body: municipalityId ? { municipalityId } : {},
    }),
  addEntry: (listId: string, body: AddEntryInput) =>
    apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}/entries`, { method: 'POST', body }),
  removeEntry: (listId: string, entryId: string) =>
    apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}/entries/${id(entryId)}`, { method: 'DELETE' }),
  moveEntry: (listId: string, entryId: string, direction: 'up' | 'down') =>
    apiRequest<ListDto>(`/api/introductions/lists/${id(listId)}/entries/${id(entryId)}/move`, {
      method: 'POST',
      body: { direction },
    }),
  assign: (listId: string, body: AssignInput) =>
    apiRequest<AssignmentDto>(`/api/introductions/lists/${id(listId)}/assignments`, { method: 'POST', body }),
  resend: (assignmentId: string) =>
    apiRequest<AssignmentDto>(`/api/introductions/assignments/${id(assignmentId)}/resend`, { method: 'POST' }),
  end: (assignmentId: string) =>
    apiRequest<AssignmentDto>(`/api/introductions/assignments/${id(assignmentId)}/end`, { method: 'POST' }),
  removeAssignment: (assignmentId: string) =>
    apiRequest<{ ok: true }>(`/api/introductions/assignments/${id(assignmentId)}`, { method: 'DELETE' }),
  tickMine: (assignmentId: string, entryId: string, done: boolean) =>
    apiRequest<IntroductionDto>(`/api/introductions/mine/${id(assignmentId)}/entries/${id(entryId)}`, {
      method: 'PUT',
      body: { done },
    }),
  tickPersonal: (token: string, entryId: string, done: boolean) =>
    apiRequest<IntroductionDto>(`/api/public/introductions/introduction/entries/${id(entryId)}`, {
      method: 'PUT',
      body: { token, done },
    }),
};

export type ProfessionOption = { key: string; name: string; nameEn: string };

/** The catalogue's professions (the staffing configuration's), for the list's "for which profession". */
export const professionsQuery = () =>
  queryOptions({
    queryKey: ['introductions', 'professions'],
    queryFn: ({ signal }) =>
      apiRequest<{ professions: ProfessionOption[] }>('/api/public/trainings/facets', { signal }),
    staleTime: 60_000,
  });

export function professionName(options: ProfessionOption[] | undefined, key: string, lang: string | undefined) {
  const p = options?.find((o) => o.key === key);
  return p ? (lang === 'en' ? p.nameEn : p.name) : key;
}
