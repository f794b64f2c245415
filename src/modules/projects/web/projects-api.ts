// The project pages' API calls and cache keys. Every change answers with the whole project, which replaces the cache.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type { ChoicesDto, ProjectDto, ProjectSummaryDto, ReportModel } from '../projects.contracts.ts';

const id = encodeURIComponent;

export const projectsQuery = () =>
  queryOptions({
    queryKey: ['projects', 'list'],
    queryFn: ({ signal }) =>
      apiRequest<{ projects: ProjectSummaryDto[]; canCreate: boolean }>('/api/projects', { signal }),
  });

export const projectQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['projects', 'project', projectId],
    queryFn: ({ signal }) => apiRequest<ProjectDto>(`/api/projects/${id(projectId)}`, { signal }),
  });

export const reportQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['projects', 'project', projectId, 'report'],
    queryFn: ({ signal }) => apiRequest<ReportModel>(`/api/projects/${id(projectId)}/report`, { signal }),
  });

export const choicesQuery = (q: string) =>
  queryOptions({
    queryKey: ['projects', 'choices', q],
    queryFn: ({ signal }) => apiRequest<ChoicesDto>(`/api/projects/choices${toQueryString({ q })}`, { signal }),
    staleTime: 30_000,
  });

export const projectFileUrl = (projectId: string, file: 'report.pdf' | 'report.xlsx' | 'gantt.svg', query = '') =>
  `/api/projects/${id(projectId)}/${file}${query}`;

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A change of the project: `path` under the project, the answer replaces the project in the cache. */
export function useProjectChange<V>(
  projectId: string,
  method: Method,
  path: string | ((v: V) => string),
  toBody: (v: V) => unknown = (v) => v,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) =>
      apiRequest<ProjectDto>(`/api/projects/${id(projectId)}${typeof path === 'function' ? path(v) : path}`, {
        method,
        ...(method === 'DELETE' ? {} : { body: toBody(v) }),
      }),
    onSuccess: async (project) => {
      queryClient.setQueryData(projectQuery(projectId).queryKey, project);
      await queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['projects', 'project', projectId, 'report'] });
    },
  });
}

export const projectsApi = {
  create: (body: object) => apiRequest<ProjectDto>('/api/projects', { method: 'POST', body }),
};
