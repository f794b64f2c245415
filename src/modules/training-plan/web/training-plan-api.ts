// The joint training plan's API calls and cache keys, and the typed texts of the namespace "trainingPlan".
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import { useNamespaceT } from '../../../platform/web/i18n/namespace-t.ts';
import type {
  AggregateDto,
  AggregateMunicipalitiesDto,
  CycleDetail,
  CycleSummary,
  FollowUpDto,
  OrderDetail,
  optionsSchema,
  orderSummarySchema,
  providerSchema,
} from '../training-plan.contracts.ts';
import type { trainingPlanSv } from './training-plan.sv.ts';

export const TRAINING_PLAN_NS = 'trainingPlan';
export const useTpT = () => useNamespaceT<typeof trainingPlanSv>(TRAINING_PLAN_NS);
export type TpT = ReturnType<typeof useTpT>;

const id = encodeURIComponent;
const base = '/api/training-plan';

export const optionsQuery = () =>
  queryOptions({
    queryKey: ['training-plan', 'options'],
    queryFn: ({ signal }) => apiRequest<z.infer<typeof optionsSchema>>(`${base}/options`, { signal }),
    staleTime: 60_000,
  });
export const cyclesQuery = () =>
  queryOptions({
    queryKey: ['training-plan', 'cycles'],
    queryFn: ({ signal }) => apiRequest<{ cycles: CycleSummary[] }>(`${base}/cycles`, { signal }),
  });
export const cycleQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['training-plan', 'cycle', cycleId],
    queryFn: ({ signal }) => apiRequest<CycleDetail>(`${base}/cycles/${id(cycleId)}`, { signal }),
  });
export const aggregateQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['training-plan', 'cycle', cycleId, 'aggregate'],
    queryFn: ({ signal }) => apiRequest<AggregateDto>(`${base}/cycles/${id(cycleId)}/aggregate`, { signal }),
  });
export const aggregateMunicipalitiesQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['training-plan', 'cycle', cycleId, 'aggregate', 'municipalities'],
    queryFn: ({ signal }) =>
      apiRequest<AggregateMunicipalitiesDto>(`${base}/cycles/${id(cycleId)}/aggregate/municipalities`, { signal }),
  });
export const ordersQuery = () =>
  queryOptions({
    queryKey: ['training-plan', 'orders'],
    queryFn: ({ signal }) => apiRequest<{ orders: z.infer<typeof orderSummarySchema>[] }>(`${base}/orders`, { signal }),
  });
export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: ['training-plan', 'order', orderId],
    queryFn: ({ signal }) => apiRequest<OrderDetail>(`${base}/orders/${id(orderId)}`, { signal }),
  });
export const providersQuery = () =>
  queryOptions({
    queryKey: ['training-plan', 'providers'],
    queryFn: ({ signal }) => apiRequest<z.infer<typeof providerSchema>[]>(`${base}/providers`, { signal }),
  });
export type FollowUpSearch = { year: number; networkId?: string | undefined };
export const followUpQuery = (s: FollowUpSearch) =>
  queryOptions({
    queryKey: ['training-plan', 'follow-up', s.year, s.networkId ?? ''],
    queryFn: ({ signal }) => apiRequest<FollowUpDto>(`${base}/follow-up${toQueryString(s)}`, { signal }),
  });
export const followUpFileUrl = (s: FollowUpSearch, kind: 'xlsx' | 'pdf') =>
  `${base}/follow-up.${kind}${toQueryString(s)}`;
export const invoiceUrl = (orderId: string, kind: 'xlsx' | 'csv') => `${base}/orders/${id(orderId)}/invoice.${kind}`;

/** A change under /api/training-plan; afterwards every training-plan query is fetched again. */
export function useTpChange<V, R = unknown>(
  method: 'POST' | 'PUT',
  path: (v: V) => string,
  toBody: (v: V) => unknown = (v) => v,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => apiRequest<R>(`${base}${path(v)}`, { method, body: toBody(v) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training-plan'] }),
  });
}

export const tpApi = {
  post: <R>(path: string, body?: unknown) => apiRequest<R>(`${base}${path}`, { method: 'POST', body: body ?? {} }),
  put: <R>(path: string, body: unknown) => apiRequest<R>(`${base}${path}`, { method: 'PUT', body }),
};
