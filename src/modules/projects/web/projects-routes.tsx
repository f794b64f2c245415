// The project pages in the route tree: the list, and each project's overview and parts under /projects/$projectId.
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { FinancingPage } from './financing-page.tsx';
import { GoalsPage } from './goals-page.tsx';
import { LogsPage } from './logs-page.tsx';
import { OrganisationPage } from './organisation-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { PlanPage, type PlanSearch } from './plan-page.tsx';
import { ProjectFrame } from './project-frame.tsx';
import { ProjectsPage } from './projects-page.tsx';
import { ReportPage } from './report-page.tsx';

const listRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects',
  component: function ProjectsRoute() {
    return (
      <RequirePermission permission="projects:read">
        <ProjectsPage />
      </RequirePermission>
    );
  },
});

const overviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId',
  component: function OverviewRoute() {
    const { projectId } = overviewRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="overview">
        {(p) => <OverviewPage project={p} />}
      </ProjectFrame>
    );
  },
});

const organisationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/organisation',
  component: function OrganisationRoute() {
    const { projectId } = organisationRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="organisation">
        {(p) => <OrganisationPage project={p} />}
      </ProjectFrame>
    );
  },
});

const goalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/goals',
  component: function GoalsRoute() {
    const { projectId } = goalsRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="goals">
        {(p) => <GoalsPage project={p} />}
      </ProjectFrame>
    );
  },
});

const planRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/plan',
  validateSearch: (search: Record<string, unknown>): PlanSearch => ({
    view: search.view === 'table' ? 'table' : search.view === 'gantt' ? 'gantt' : undefined,
    zoom: search.zoom === 'quarter' ? 'quarter' : search.zoom === 'month' ? 'month' : undefined,
    sub: typeof search.sub === 'string' && search.sub ? search.sub : undefined,
  }),
  component: function PlanRoute() {
    const { projectId } = planRoute.useParams();
    const search = planRoute.useSearch();
    return (
      <ProjectFrame projectId={projectId} section="plan">
        {(p) => <PlanPage project={p} search={search} />}
      </ProjectFrame>
    );
  },
});

const logsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/logs',
  component: function LogsRoute() {
    const { projectId } = logsRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="logs">
        {(p) => <LogsPage project={p} />}
      </ProjectFrame>
    );
  },
});

const financingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/financing',
  component: function FinancingRoute() {
    const { projectId } = financingRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="financing">
        {(p) => <FinancingPage project={p} />}
      </ProjectFrame>
    );
  },
});

const reportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$projectId/report',
  component: function ReportRoute() {
    const { projectId } = reportRoute.useParams();
    return (
      <ProjectFrame projectId={projectId} section="report">
        {(p) => <ReportPage project={p} />}
      </ProjectFrame>
    );
  },
});

export const projectsRoutes = [
  listRoute,
  overviewRoute,
  organisationRoute,
  goalsRoute,
  planRoute,
  logsRoute,
  financingRoute,
  reportRoute,
] as const;
