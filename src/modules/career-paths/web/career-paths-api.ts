// Career paths' API calls for the web pages, with their cache keys.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, toQueryString } from '../../../platform/web/api/api-client.ts';
import type {
  addItemSchema,
  BudgetDto,
  BudgetInputs,
  CareerModel,
  educationInputSchema,
  ImplementationDto,
  MatrixDto,
  ModelOverviewDto,
  ModelVersionDto,
  PlanDto,
  PlanSummaryDto,
  ProgressDto,
  planInputSchema,
  planUpdateSchema,
  StaffByRoleDto,
  setDeviationSchema,
  updateImplementationSchema,
  updateItemSchema,
} from '../career-paths.contracts.ts';

const id = encodeURIComponent;
const base = '/api/career-paths';
const m = (municipalityId: string) => `${base}/municipalities/${id(municipalityId)}`;

export const modelQuery = () =>
  queryOptions({
    queryKey: ['career-paths', 'model'],
    queryFn: ({ signal }) => apiRequest<ModelOverviewDto>(`${base}/model`, { signal }),
  });
export const versionQuery = (version: number) =>
  queryOptions({
    queryKey: ['career-paths', 'version', version],
    queryFn: ({ signal }) => apiRequest<ModelVersionDto>(`${base}/model/versions/${version}`, { signal }),
  });
export const matrixQuery = (municipalityId?: string, version?: number) =>
  queryOptions({
    queryKey: ['career-paths', 'matrix', municipalityId ?? '', version ?? 0],
    queryFn: ({ signal }) =>
      apiRequest<MatrixDto>(`${base}/matrix${toQueryString({ municipalityId, version })}`, { signal }),
  });
export const progressQuery = () =>
  queryOptions({
    queryKey: ['career-paths', 'progress'],
    queryFn: ({ signal }) => apiRequest<ProgressDto>(`${base}/progress`, { signal }),
  });
export const staffQuery = (municipalityId?: string) =>
  queryOptions({
    queryKey: ['career-paths', 'staff', municipalityId ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<StaffByRoleDto>(`${base}/staff${toQueryString({ municipalityId })}`, { signal }),
  });
export const implementationQuery = (municipalityId: string) =>
  queryOptions({
    queryKey: ['career-paths', 'implementation', municipalityId],
    queryFn: ({ signal }) => apiRequest<ImplementationDto>(m(municipalityId), { signal }),
  });
export const budgetQuery = (municipalityId: string) =>
  queryOptions({
    queryKey: ['career-paths', 'budget', municipalityId],
    queryFn: ({ signal }) => apiRequest<BudgetDto>(`${m(municipalityId)}/budget`, { signal }),
  });
export const plansQuery = () =>
  queryOptions({
    queryKey: ['career-paths', 'plans'],
    queryFn: ({ signal }) => apiRequest<{ plans: PlanSummaryDto[]; canCreate: boolean }>(`${base}/plans`, { signal }),
  });
export const planQuery = (planId: string) =>
  queryOptions({
    queryKey: ['career-paths', 'plan', planId],
    queryFn: ({ signal }) => apiRequest<PlanDto>(`${base}/plans/${id(planId)}`, { signal }),
  });
export const myPlanQuery = () =>
  queryOptions({
    queryKey: ['career-paths', 'mine'],
    queryFn: ({ signal }) => apiRequest<{ plan: PlanDto | null }>(`${base}/my-plan`, { signal }),
  });
export type PersonChoice = { id: string; name: string; unitName: string; professionKey: string };
export const personChoicesQuery = (q: string) =>
  queryOptions({
    queryKey: ['career-paths', 'persons', q],
    queryFn: ({ signal }) =>
      apiRequest<{ persons: PersonChoice[] }>(`${base}/person-choices${toQueryString({ q })}`, { signal }),
  });
export const catalogueChoicesQuery = (q: string) =>
  queryOptions({
    queryKey: ['career-paths', 'catalogue', q],
    queryFn: ({ signal }) =>
      apiRequest<{ items: { id: string; title: string; provider: string; url: string }[] }>(
        `${base}/catalogue-choices${toQueryString({ q })}`,
        { signal },
      ),
  });
export type OccasionChoice = {
  id: string;
  title: string;
  organiserName: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  status: 'planned' | 'open' | 'cancelled' | 'held';
};
export const occasionChoicesQuery = (q: string) =>
  queryOptions({
    queryKey: ['career-paths', 'occasions', q],
    queryFn: ({ signal }) =>
      apiRequest<{ occasions: OccasionChoice[] }>(`${base}/occasion-choices${toQueryString({ q })}`, { signal }),
  });

export const careerFileUrl = {
  modelPdf: (version?: number) => `${base}/model.pdf${toQueryString({ version })}`,
  matrix: (format: 'xlsx' | 'pdf', municipalityId?: string, version?: number) =>
    `${base}/matrix/export${toQueryString({ format, municipalityId, version })}`,
  budget: (municipalityId: string) => `${m(municipalityId)}/budget.xlsx`,
};

export const evidenceUrl = (fileId: string) => `${base}/evidence/${id(fileId)}`;

export const careerApi = {
  uploadEvidence: (municipalityId: string, file: File) => {
    const body = new FormData();
    body.append('file', file);
    return apiRequest<{ id: string; fileName: string }>(`${m(municipalityId)}/evidence`, { method: 'POST', body });
  },
  startDraft: () => apiRequest<ModelVersionDto>(`${base}/model/draft`, { method: 'POST' }),
  saveDraft: (model: CareerModel) =>
    apiRequest<ModelVersionDto>(`${base}/model/draft`, { method: 'PUT', body: { model } }),
  discardDraft: () => apiRequest<{ ok: true }>(`${base}/model/draft`, { method: 'DELETE' }),
  publish: (body: { decisionDate: string; decisionNote: string }) =>
    apiRequest<ModelVersionDto>(`${base}/model/draft/publish`, { method: 'POST', body }),
  setDeviation: (body: z.input<typeof setDeviationSchema>) =>
    apiRequest<MatrixDto>(`${base}/matrix/deviations`, { method: 'PUT', body }),
  updateImplementation: (municipalityId: string, body: z.input<typeof updateImplementationSchema>) =>
    apiRequest<ImplementationDto>(m(municipalityId), { method: 'PATCH', body }),
  adopt: (municipalityId: string) => apiRequest<ImplementationDto>(`${m(municipalityId)}/adopt`, { method: 'POST' }),
  addItem: (municipalityId: string, body: z.input<typeof addItemSchema>) =>
    apiRequest<ImplementationDto>(`${m(municipalityId)}/items`, { method: 'POST', body }),
  updateItem: (municipalityId: string, itemId: string, body: z.input<typeof updateItemSchema>) =>
    apiRequest<ImplementationDto>(`${m(municipalityId)}/items/${id(itemId)}`, { method: 'PATCH', body }),
  deleteItem: (municipalityId: string, itemId: string) =>
    apiRequest<ImplementationDto>(`${m(municipalityId)}/items/${id(itemId)}`, { method: 'DELETE' }),
  saveBudget: (municipalityId: string, body: BudgetInputs) =>
    apiRequest<BudgetDto>(`${m(municipalityId)}/budget`, { method: 'PUT', body }),
  createPlan: (body: z.input<typeof planInputSchema>) => apiRequest<PlanDto>(`${base}/plans`, { method: 'POST', body }),
  updatePlan: (planId: string, body: z.input<typeof planUpdateSchema>) =>
    apiRequest<PlanDto>(`${base}/plans/${id(planId)}`, { method: 'PATCH', body }),
  deletePlan: (planId: string) => apiRequest<{ ok: true }>(`${base}/plans/${id(planId)}`, { method: 'DELETE' }),
  addEducation: (planId: string, body: z.input<typeof educationInputSchema>) =>
    apiRequest<PlanDto>(`${base}/plans/${id(planId)}/educations`, { method: 'POST', body }),
  completeEducation: (planId: string, educationId: string, completedOn: string | null) =>
    apiRequest<PlanDto>(`${base}/plans/${id(planId)}/educations/${id(educationId)}`, {
      method: 'PATCH',
      body: { completedOn },
    }),
  removeEducation: (planId: string, educationId: string) =>
    apiRequest<PlanDto>(`${base}/plans/${id(planId)}/educations/${id(educationId)}`, { method: 'DELETE' }),
};
