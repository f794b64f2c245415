// The activities pages' API calls, with their cache keys, and the typed texts of the namespace "activities".
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type {
  ActivitySummary,
  activityDetailSchema,
  Candidate,
  feedSchema,
  myOccasionsSchema,
  OccasionDetail,
  OccasionListQuery,
  occasionListSchema,
  optionsSchema,
  publicSurveySchema,
  registerResultSchema,
  SurveyQuestion,
  SurveyResults,
  templateSchema,
} from '../activities.contracts.ts';
import type { activitiesSv } from './activities.sv.ts';

export const ACTIVITIES_NS = 'activities';
export const useActivitiesT = () => useNamespaceT<typeof activitiesSv>(ACTIVITIES_NS);
export type ActivitiesT = ReturnType<typeof useActivitiesT>;

const id = encodeURIComponent;
export type OccasionSearch = Partial<
  Pick<OccasionListQuery, 'month' | 'kind' | 'networkId' | 'profession' | 'municipalityId' | 'page'>
>;

export const optionsQuery = () =>
  queryOptions({
    queryKey: ['activities', 'options'],
    queryFn: ({ signal }) => apiRequest<z.infer<typeof optionsSchema>>('/api/activities/options', { signal }),
    staleTime: 60_000,
  });

export const occasionsQuery = (search: OccasionSearch) =>
  queryOptions({
    queryKey: ['activities', 'occasions', search],
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof occasionListSchema>>(`/api/activities/occasions${toQueryString({ ...search })}`, {
        signal,
      }),
  });

export const activityQuery = (activityId: string) =>
  queryOptions({
    queryKey: ['activities', 'activity', activityId],
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof activityDetailSchema>>(`/api/activities/${id(activityId)}`, { signal }),
  });

export const occasionQuery = (occasionId: string) =>
  queryOptions({
    queryKey: ['activities', 'occasion', occasionId],
    queryFn: ({ signal }) => apiRequest<OccasionDetail>(`/api/activities/occasions/${id(occasionId)}`, { signal }),
  });

export const candidatesQuery = (occasionId: string, q: string) =>
  queryOptions({
    queryKey: ['activities', 'candidates', occasionId, q],
    queryFn: ({ signal }) =>
      apiRequest<Candidate[]>(
        `/api/activities/occasions/${id(occasionId)}/candidates${toQueryString({ q: q || undefined })}`,
        {
          signal,
        },
      ),
  });

export const mineQuery = () =>
  queryOptions({
    queryKey: ['activities', 'mine'],
    queryFn: ({ signal }) => apiRequest<z.infer<typeof myOccasionsSchema>>('/api/activities/mine', { signal }),
  });

export const feedQuery = () =>
  queryOptions({
    queryKey: ['activities', 'feed'],
    queryFn: ({ signal }) => apiRequest<z.infer<typeof feedSchema>>('/api/activities/calendar-feed', { signal }),
  });

export const templatesQuery = () =>
  queryOptions({
    queryKey: ['activities', 'templates'],
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof templateSchema>[]>('/api/activities/survey-templates', { signal }),
  });

export const resultsQuery = (occasionId: string) =>
  queryOptions({
    queryKey: ['activities', 'results', occasionId],
    queryFn: ({ signal }) =>
      apiRequest<SurveyResults>(`/api/activities/occasions/${id(occasionId)}/survey/results`, { signal }),
  });

export const publicSurveyQuery = (token: string) =>
  queryOptions({
    queryKey: ['activities', 'survey', token],
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof publicSurveySchema>>(`/api/public/activities/survey${toQueryString({ token })}`, {
        signal,
      }),
    retry: false,
  });

export type ActivityBody = {
  title: string;
  description: string;
  kind: string;
  organiserId?: string;
  networkId: string | null;
  targetProfessions: string[];
  selfRegistration: boolean;
  surveyTemplateId: string | null;
};
export type OccasionBody = {
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationDeadline: string;
  seatsReleaseAt: string | null;
  seats: { organisationId: string; seats: number }[];
  status: 'planned' | 'open';
};

export const activitiesApi = {
  createActivity: (body: ActivityBody) => apiRequest<ActivitySummary>('/api/activities', { method: 'POST', body }),
  updateActivity: (activityId: string, body: Partial<ActivityBody>) =>
    apiRequest<ActivitySummary>(`/api/activities/${id(activityId)}`, { method: 'PATCH', body }),
  createOccasion: (activityId: string, body: OccasionBody) =>
    apiRequest<OccasionDetail>(`/api/activities/${id(activityId)}/occasions`, { method: 'POST', body }),
  updateOccasion: (occasionId: string, body: OccasionBody) =>
    apiRequest<OccasionDetail>(`/api/activities/occasions/${id(occasionId)}`, { method: 'PUT', body }),
  setStatus: (occasionId: string, status: string, cancelReason?: string) =>
    apiRequest<OccasionDetail>(`/api/activities/occasions/${id(occasionId)}/status`, {
      method: 'POST',
      body: { status, ...(cancelReason !== undefined ? { cancelReason } : {}) },
    }),
  register: (occasionId: string, personIds: string[]) =>
    apiRequest<z.infer<typeof registerResultSchema>>(`/api/activities/occasions/${id(occasionId)}/registrations`, {
      method: 'POST',
      body: { personIds },
    }),
  registerSelf: (occasionId: string) =>
    apiRequest<z.infer<typeof registerResultSchema>>(`/api/activities/occasions/${id(occasionId)}/registrations/self`, {
      method: 'POST',
    }),
  cancel: (registrationId: string) =>
    apiRequest<{ promoted: number }>(`/api/activities/registrations/${id(registrationId)}/cancel`, { method: 'POST' }),
  attendance: (occasionId: string, entries: { registrationId: string; attendance: string; hours: number | null }[]) =>
    apiRequest<OccasionDetail>(`/api/activities/occasions/${id(occasionId)}/attendance`, {
      method: 'PUT',
      body: { entries },
    }),
  sendSurvey: (occasionId: string) =>
    apiRequest<{ invited: number }>(`/api/activities/occasions/${id(occasionId)}/survey`, { method: 'POST' }),
  createTemplate: (body: { name: string; questions: SurveyQuestion[] }) =>
    apiRequest<z.infer<typeof templateSchema>>('/api/activities/survey-templates', { method: 'POST', body }),
  renewFeed: () => apiRequest<z.infer<typeof feedSchema>>('/api/activities/calendar-feed', { method: 'POST' }),
  answer: (token: string, answers: Record<string, string | number | boolean>) =>
    apiRequest<null>('/api/public/activities/survey', { method: 'POST', body: { token, answers } }),
};

/** "tis 12 jan. 2027 09:00–12:00" in Swedish time (the browser may be elsewhere). */
export function formatWhen(startsAt: string, endsAt: string, locale: string): string {
  const tz = 'Europe/Stockholm';
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, hour: '2-digit', minute: '2-digit' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)} ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/** A date in Swedish time as YYYY-MM-DD HH:MM. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export const STATUS_TONE = {
  planned: 'neutral',
  open: 'positive',
  full: 'attention',
  closed: 'neutral',
  cancelled: 'negative',
  held: 'neutral',
} as const;
