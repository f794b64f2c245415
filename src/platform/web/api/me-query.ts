// The signed-in user (GET /api/me), loaded before any signed-in page renders.
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { MeDto } from '../../shared/contracts.ts';
import type { Action } from '../../shared/policy-kit.ts';
import { apiRequest } from './api-client.ts';

/** An action of the one policy: the server's list (platform/shared/policy-kit.ts), never a copy. */
export type Permission = Action;

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => apiRequest<MeDto>('/api/me', { signal }),
  staleTime: 5 * 60_000,
});

/** The signed-in user; only for pages under the signed-in layout, which loads it first. */
export function useMe(): MeDto {
  return useSuspenseQuery(meQueryOptions).data;
}

export function hasPermission(me: MeDto, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

/** A regional admin manages every organisation's users and tokens; others only their own organisation's. */
export function managesAllOrganisations(me: MeDto): boolean {
  return me.organisation.kind === 'region' && hasPermission(me, 'user:manage');
}
