// The administration's API calls for the web pages: queries (with their cache keys) and changes.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../platform/shared/roles.ts';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  ApiTokenDto,
  AuditEventDto,
  createApiTokenSchema,
  createdApiTokenSchema,
  createMunicipalitySchema,
  createNetworkSchema,
  inviteUserSchema,
  NetworkDto,
  networkDetailSchema,
  OrganisationDto,
  UserDto,
  updateNetworkSchema,
  updateOrganisationSchema,
  updateUserSchema,
} from '../admin.contracts.ts';

export type NetworkDetail = z.infer<typeof networkDetailSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type UserList = { items: UserDto[]; total: number; page: number };
export type AuditList = { items: AuditEventDto[]; total: number; page: number; actions: string[] };

export const organisationsQuery = (includeInactive: boolean) =>
  queryOptions({
    queryKey: ['organisations', { includeInactive }],
    queryFn: ({ signal }) =>
      apiRequest<OrganisationDto[]>(`/api/organisations${toQueryString({ includeInactive })}`, { signal }),
  });

export const networksQuery = (includeInactive: boolean) =>
  queryOptions({
    queryKey: ['networks', { includeInactive }],
    queryFn: ({ signal }) => apiRequest<NetworkDto[]>(`/api/networks${toQueryString({ includeInactive })}`, { signal }),
  });

export const networkQuery = (id: string) =>
  queryOptions({
    queryKey: ['networks', 'detail', id],
    queryFn: ({ signal }) => apiRequest<NetworkDetail>(`/api/networks/${encodeURIComponent(id)}`, { signal }),
  });

export type UserListParams = {
  organisationId?: string;
  role?: Role;
  q?: string;
  includeInactive?: boolean;
  page?: number;
};

export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: ['users', params],
    queryFn: ({ signal }) => apiRequest<UserList>(`/api/users${toQueryString(params)}`, { signal }),
  });

export const tokensQuery = () =>
  queryOptions({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => apiRequest<ApiTokenDto[]>('/api/tokens', { signal }),
  });

export type AuditParams = {
  action?: string;
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
  page?: number;
};

export const auditQuery = (params: AuditParams) =>
  queryOptions({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => apiRequest<AuditList>(`/api/audit${toQueryString(params)}`, { signal }),
  });

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join('/')}`;

export const adminApi = {
  createMunicipality: (body: z.input<typeof createMunicipalitySchema>) =>
    apiRequest<OrganisationDto>('/api/organisations', { method: 'POST', body }),
  updateOrganisation: (id: string, body: z.input<typeof updateOrganisationSchema>) =>
    apiRequest<OrganisationDto>(path('organisations', id), { method: 'PATCH', body }),

  createNetwork: (body: z.input<typeof createNetworkSchema>) =>
    apiRequest<NetworkDto>('/api/networks', { method: 'POST', body }),
  updateNetwork: (id: string, body: z.input<typeof updateNetworkSchema>) =>
    apiRequest<NetworkDto>(path('networks', id), { method: 'PATCH', body }),
  addMember: (networkId: string, userId: string) =>
    apiRequest(path('networks', networkId, 'members', userId), { method: 'PUT' }),
  removeMember: (networkId: string, userId: string) =>
    apiRequest(path('networks', networkId, 'members', userId), { method: 'DELETE' }),

  inviteUser: (body: z.input<typeof inviteUserSchema>) => apiRequest<UserDto>('/api/users', { method: 'POST', body }),
  updateUser: (id: string, body: z.input<typeof updateUserSchema>) =>
    apiRequest<UserDto>(path('users', id), { method: 'PATCH', body }),
  deactivateUser: (id: string) => apiRequest<UserDto>(path('users', id, 'deactivate'), { method: 'POST' }),
  reactivateUser: (id: string) => apiRequest<UserDto>(path('users', id, 'reactivate'), { method: 'POST' }),
  sendInvitation: (id: string) => apiRequest(path('users', id, 'invitation'), { method: 'POST' }),

  createToken: (body: z.input<typeof createApiTokenSchema>) =>
    apiRequest<CreatedApiToken>('/api/tokens', { method: 'POST', body }),
  revokeToken: (id: string) => apiRequest<ApiTokenDto>(path('tokens', id, 'revoke'), { method: 'POST' }),
};
