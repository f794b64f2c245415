// The composition root of the web app: the modules, in menu order. Adding a module is one line here (and one in
// server-modules.ts); the web shell loops over this list and never names a module.
import type { QueryClient } from '@tanstack/react-query';
import type { AnyRoute } from '@tanstack/react-router';
import { activitiesWeb } from '../modules/activities/web/activities.web.ts';
import { adminWeb } from '../modules/admin/web/admin.web.ts';
import { careerPathsWeb } from '../modules/career-paths/web/career-paths.web.ts';
import { furtherEducationWeb } from '../modules/further-education/web/further-education.web.ts';
import { introductionsWeb } from '../modules/introductions/web/introductions.web.ts';
import { peopleWeb } from '../modules/people/web/people.web.ts';
import { projectsWeb } from '../modules/projects/web/projects.web.ts';
import { staffingWeb } from '../modules/staffing/web/staffing.web.ts';
import { trainingPlanWeb } from '../modules/training-plan/web/training-plan.web.ts';
import { trainingsWeb } from '../modules/trainings/web/trainings.web.ts';
import { buildRouteTree, createAppRouter } from '../platform/web/router.tsx';

export const WEB_MODULES = [
  adminWeb,
  staffingWeb,
  trainingsWeb,
  introductionsWeb,
  peopleWeb,
  activitiesWeb,
  projectsWeb,
  trainingPlanWeb,
  careerPathsWeb,
  furtherEducationWeb,
] as const;

type Kind = 'publicRoutes' | 'signedInRoutes';
/** The pages of one kind of every module, each route keeping its own type. */
type PagesOf<K extends Kind> = (typeof WEB_MODULES)[number] extends infer M
  ? M extends { [P in K]: readonly (infer R)[] }
    ? R
    : never
  : never;
const pagesOf = <K extends Kind>(kind: K) =>
  WEB_MODULES.flatMap((m) =>
    kind in m ? [...(m as unknown as Record<K, readonly AnyRoute[]>)[kind]] : [],
  ) as PagesOf<K>[];

const routeTree = buildRouteTree(pagesOf('publicRoutes'), pagesOf('signedInRoutes'));

export const createRouter = (queryClient: QueryClient) => createAppRouter(queryClient, routeTree);

// Typed links and search parameters across every module's pages.
declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createRouter>;
  }
}
