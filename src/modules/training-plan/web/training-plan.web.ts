// The joint training plan's web manifest (Gemensamma utbildningar): the plans per network and year with their needs,
// rankings and decision, the meeting view, the orders and the annual follow-up.
import type { WebModule } from '../../../platform/web/module.ts';
import { trainingPlanEn } from './training-plan.en.ts';
import { trainingPlanSv } from './training-plan.sv.ts';
import { TRAINING_PLAN_NS } from './training-plan-api.ts';
import { trainingPlanAuditLabels } from './training-plan-audit-labels.ts';
import { trainingPlanRoutes } from './training-plan-routes.tsx';

export const trainingPlanWeb = {
  name: 'training-plan',
  navNamespace: TRAINING_PLAN_NS,
  translations: [{ namespace: TRAINING_PLAN_NS, sv: trainingPlanSv, en: trainingPlanEn }],
  signedInRoutes: [...trainingPlanRoutes],
  auditLabels: trainingPlanAuditLabels,
  nav: [
    {
      label: 'nav.section',
      entries: [
        { to: '/training-plan', label: 'nav.cycles', permission: 'training_plan:read', exact: true },
        { to: '/training-plan/orders', label: 'nav.orders', permission: null },
        { to: '/training-plan/follow-up', label: 'nav.followUp', permission: 'training_plan:read' },
      ],
    },
  ],
} satisfies WebModule;
