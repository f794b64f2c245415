// The introductions module's web manifest: managers' lists, "Min introduktion" and the personal link page.
import type { WebModule } from '../../../platform/web/module.ts';
import { introductionsEn } from './introductions.en.ts';
import { introductionsSv } from './introductions.sv.ts';
import { introductionsAuditLabels } from './introductions-audit-labels.ts';
import { introductionsRoutes, publicIntroductionsRoutes } from './introductions-routes.tsx';

export const introductionsWeb = {
  name: 'introductions',
  translations: [{ namespace: 'introductions', sv: introductionsSv, en: introductionsEn }],
  auditLabels: introductionsAuditLabels,
  publicRoutes: [...publicIntroductionsRoutes],
  signedInRoutes: [...introductionsRoutes],
  nav: [
    {
      label: 'nav.introductions',
      entries: [
        { to: '/introductions', label: 'nav.introductionLists', permission: 'introductions:read', exact: true },
        { to: '/introductions/mine', label: 'nav.myIntroduction', permission: 'introductions:follow' },
      ],
    },
  ],
} satisfies WebModule;
