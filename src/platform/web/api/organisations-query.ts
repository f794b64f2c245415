// The region's organisations (GET /api/organisations), for pages of the shell such as the start page.
import { queryOptions } from '@tanstack/react-query';
import type { OrganisationDto } from '../../shared/contracts.ts';
import { apiRequest } from './api-client.ts';

export const activeOrganisationsQuery = queryOptions({
  queryKey: ['organisations', { includeInactive: false }],
  queryFn: ({ signal }) => apiRequest<OrganisationDto[]>('/api/organisations?includeInactive=false', { signal }),
});
