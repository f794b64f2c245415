// Career paths in the route tree: the model, its draft, the task matrix, the regional progress view, a municipality's
// implementation and cost calculation, development plans and the employee's own plan.
import { createRoute } from '@tanstack/react-router';
import { useMe } from '../../../platform/web/api/me-query.ts';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';

const ModelPage = lazyPage(() => import('./model-page.tsx'), 'ModelPage');
const DraftPage = lazyPage(() => import('./draft-page.tsx'), 'DraftPage');
const MatrixPage = lazyPage(() => import('./matrix-page.tsx'), 'MatrixPage');
const ProgressPage = lazyPage(() => import('./progress-page.tsx'), 'ProgressPage');
const MunicipalityPage = lazyPage(() => import('./municipality-page.tsx'), 'MunicipalityPage');
const BudgetPage = lazyPage(() => import('./budget-page.tsx'), 'BudgetPage');
const PlansPage = lazyPage(() => import('./plans-page.tsx'), 'PlansPage');
const PlanPage = lazyPage(() => import('./plan-page.tsx'), 'PlanPage');
const MyPlanPage = lazyPage(() => import('./my-plan-page.tsx'), 'MyPlanPage');

/** "own" in a path stands for the signed-in user's municipality (the menu's link). */
function useOwn(municipalityId: string): string {
  const me = useMe();
  return municipalityId === 'own' ? me.organisation.id : municipalityId;
}

const modelRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths',
  component: () => (
    <RequirePermission permission="career:read_model">
      <ModelPage />
    </RequirePermission>
  ),
});
const draftRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/draft',
  component: () => (
    <RequirePermission permission="career:edit_model">
      <DraftPage />
    </RequirePermission>
  ),
});
const matrixRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/matrix',
  validateSearch: (search: Record<string, unknown>): { version?: number } => {
    const v = Number(search.version);
    return Number.isInteger(v) && v > 0 ? { version: v } : {};
  },
  component: function MatrixRoute() {
    return (
      <RequirePermission permission="career:read_model">
        <MatrixPage version={matrixRoute.useSearch().version} />
      </RequirePermission>
    );
  },
});
const progressRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/progress',
  component: () => (
    <RequirePermission permission="career:read_progress">
      <ProgressPage />
    </RequirePermission>
  ),
});
const municipalityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/municipalities/$municipalityId',
  component: function MunicipalityRoute() {
    const { municipalityId } = municipalityRoute.useParams();
    const own = useOwn(municipalityId);
    return (
      <RequirePermission permission="career:read_progress">
        <MunicipalityPage municipalityId={own} />
      </RequirePermission>
    );
  },
});
const budgetRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/municipalities/$municipalityId/budget',
  component: function BudgetRoute() {
    const { municipalityId } = budgetRoute.useParams();
    const own = useOwn(municipalityId);
    return (
      <RequirePermission permission="career:read_progress">
        <BudgetPage municipalityId={own} />
      </RequirePermission>
    );
  },
});
const plansRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/plans',
  component: () => (
    <RequirePermission permission="career:manage_plans">
      <PlansPage />
    </RequirePermission>
  ),
});
const planRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/plans/$planId',
  component: function PlanRoute() {
    const { planId } = planRoute.useParams();
    return (
      <RequirePermission permission="career:manage_plans">
        <PlanPage planId={planId} />
      </RequirePermission>
    );
  },
});
const mineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/career-paths/mine',
  component: () => (
    <RequirePermission permission="career:own_plan">
      <MyPlanPage />
    </RequirePermission>
  ),
});

export const careerPathsRoutes = [
  modelRoute,
  draftRoute,
  matrixRoute,
  progressRoute,
  municipalityRoute,
  budgetRoute,
  plansRoute,
  planRoute,
  mineRoute,
] as const;
