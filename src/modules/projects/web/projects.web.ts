// The projects module's web manifest (Projekt): the project list and each project's overview, organisation, goals,
// plan against reality (Gantt chart and table), decisions and presentations, co-financing and final report.
import type { WebModule } from '../../../platform/web/module.ts';
import { projectsEn } from './projects.en.ts';
import { projectsSv } from './projects.sv.ts';
import { projectsRoutes } from './projects-routes.tsx';
import { PROJECTS_NS } from './projects-t.ts';

export const projectsWeb = {
  name: 'projects',
  translations: [{ namespace: PROJECTS_NS, sv: projectsSv, en: projectsEn }],
  signedInRoutes: [...projectsRoutes],
  nav: [
    {
      label: 'nav.projects',
      entries: [{ to: '/projects', label: 'nav.list', permission: 'projects:read' }],
    },
  ],
} satisfies WebModule;
