// Career paths' web manifest (Karriärvägar): the model, the task matrix, the regional progress view, the own
// municipality's implementation, development plans and "Min utvecklingsplan".
import type { WebModule } from '../../../platform/web/module.ts';
import { careerPathsEn } from './career-paths.en.ts';
import { careerPathsSv } from './career-paths.sv.ts';
import { careerPathsAuditLabels } from './career-paths-audit-labels.ts';
import { careerPathsRoutes } from './career-paths-routes.tsx';

export const careerPathsWeb = {
  name: 'careerPaths',
  translations: [{ namespace: 'careerPaths', sv: careerPathsSv, en: careerPathsEn }],
  auditLabels: careerPathsAuditLabels,
  signedInRoutes: [...careerPathsRoutes],
  nav: [
    {
      label: 'nav.section',
      entries: [
        { to: '/career-paths', label: 'nav.model', permission: 'career:read_model', exact: true },
        { to: '/career-paths/matrix', label: 'nav.matrix', permission: 'career:read_model' },
        { to: '/career-paths/progress', label: 'nav.progress', permission: 'career:read_progress' },
        {
          to: '/career-paths/municipalities/own',
          label: 'nav.own',
          permission: 'career:read_implementation',
          visible: (me) => me.organisation.kind === 'municipality',
        },
        { to: '/career-paths/plans', label: 'nav.plans', permission: 'career:manage_plans' },
        { to: '/career-paths/mine', label: 'nav.mine', permission: 'career:own_plan' },
      ],
    },
  ],
} satisfies WebModule;
