// Who may do what with projects (decision 017). The rules here are the role-based gates; which project an actor may
// read or change is decided per project in projects-access.ts: the project leader and the region's admins change,
// the steering group and the participating municipalities read, everyone else gets 404.
import { type ActionOf, definePolicy, isRegionalAdmin } from '../../platform/shared/policy-kit.ts';

export const projectsPolicy = definePolicy({
  // Everyone signed in may open the project list; it shows only the projects they may read.
  'projects:read': () => true,
  // Starting a project and changing every project: the region's admins.
  'projects:create': (actor) => isRegionalAdmin(actor),
});

export type ProjectsAction = ActionOf<typeof projectsPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<ProjectsAction, true> {}
}
