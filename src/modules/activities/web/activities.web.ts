// The activities core's web manifest: the calendar of occasions, an occasion's page (seats, registrations, waiting
// list, attendance, evaluation), "my occasions" with the personal calendar address, and the public survey page.
import type { WebModule } from '../../../platform/web/module.ts';
import { activitiesEn } from './activities.en.ts';
import { activitiesSv } from './activities.sv.ts';
import { activitiesAuditLabels } from './activities-audit-labels.ts';
import { activitiesRoutes, publicActivitiesRoutes } from './activities-routes.tsx';

export const activitiesWeb = {
  name: 'activities',
  translations: [{ namespace: 'activities', sv: activitiesSv, en: activitiesEn }],
  publicRoutes: [...publicActivitiesRoutes],
  signedInRoutes: [...activitiesRoutes],
  auditLabels: activitiesAuditLabels,
  nav: [
    {
      label: 'nav.section',
      entries: [
        { to: '/activities', label: 'nav.calendar', permission: 'activities:read', exact: true },
        { to: '/activities/mine', label: 'nav.mine', permission: 'activities:read' },
        { to: '/activities/templates', label: 'nav.templates', permission: 'activities:manage_templates' },
      ],
    },
  ],
} satisfies WebModule;
