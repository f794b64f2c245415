// The projects module's server manifest: project governance (Projekt) — organisation, goals, plan against reality,
// decisions, presentations, co-financing and the final report.
import type { ServerModule } from '../../platform/server/module.ts';
import { projectsPolicy } from './projects.policy.ts';
import { projectsModule } from './projects.routes.ts';
import { seedProjectsDemo } from './projects-demo.ts';

export const projectsServer: ServerModule = {
  name: 'projects',
  routes: projectsModule,
  policy: projectsPolicy,
  seedDemo: seedProjectsDemo,
};
