// The trainings module's web manifest: the public catalogue, suggestions, review, rounds, import and topics.
import type { WebModule } from '../../../platform/web/module.ts';
import { trainingsEn } from './trainings.en.ts';
import { trainingsSv } from './trainings.sv.ts';
import { trainingsAuditLabels } from './trainings-audit-labels.ts';
import { publicTrainingsRoutes, trainingsRoutes } from './trainings-routes.tsx';

export const trainingsWeb = {
  name: 'trainings',
  translations: [{ namespace: 'trainings', sv: trainingsSv, en: trainingsEn }],
  auditLabels: trainingsAuditLabels,
  publicRoutes: [...publicTrainingsRoutes],
  signedInRoutes: [...trainingsRoutes],
  nav: [
    {
      label: 'nav.trainings',
      entries: [
        { to: '/utbildningar', label: 'nav.trainingsCatalogue', permission: null },
        { to: '/trainings/suggest', label: 'nav.trainingsSuggest', permission: 'trainings:suggest' },
        { to: '/trainings/review', label: 'nav.trainingsReview', permission: 'trainings:review' },
        { to: '/trainings/rounds', label: 'nav.trainingsRounds', permission: 'trainings:review' },
        { to: '/trainings/my-review', label: 'nav.trainingsMyReview', permission: 'trainings:review' },
        { to: '/trainings/import', label: 'nav.trainingsImport', permission: 'trainings:manage' },
        { to: '/trainings/topics', label: 'nav.trainingsTopics', permission: 'trainings:manage' },
        { to: '/trainings/usage', label: 'nav.trainingsUsage', permission: 'trainings:read_usage' },
      ],
    },
  ],
} satisfies WebModule;
