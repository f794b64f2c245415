// The region's public name (GET /api/public/region), shown before sign-in.
import { queryOptions } from '@tanstack/react-query';
import type { RegionInfo } from '../../shared/contracts.ts';
import { apiRequest } from './api-client.ts';

export type { RegionInfo };

export const regionQueryOptions = queryOptions({
  queryKey: ['public-region'],
  queryFn: ({ signal }) => apiRequest<RegionInfo>('/api/public/region', { signal }),
  staleTime: 10 * 60_000,
});
