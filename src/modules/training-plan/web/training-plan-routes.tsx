// The joint training plan in the route tree: the plans, one plan and its meeting view, the orders and one order, and
// the annual follow-up (its own file: the chart library is most of its weight).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { CyclePage } from './cycle-page.tsx';
import { CyclesPage } from './cycles-page.tsx';
import { MeetingPage } from './meeting-page.tsx';
import { OrderPage } from './order-page.tsx';
import { OrdersPage } from './orders-page.tsx';

const cyclesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan',
  component: CyclesPage,
});

const cycleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan/cycles/$cycleId',
  component: function CycleRoute() {
    const { cycleId } = cycleRoute.useParams();
    return <CyclePage key={cycleId} cycleId={cycleId} />;
  },
});

const meetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan/cycles/$cycleId/meeting',
  component: function MeetingRoute() {
    const { cycleId } = meetingRoute.useParams();
    return <MeetingPage key={cycleId} cycleId={cycleId} />;
  },
});

const ordersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan/orders',
  component: OrdersPage,
});

const orderRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan/orders/$orderId',
  component: function OrderRoute() {
    const { orderId } = orderRoute.useParams();
    return <OrderPage key={orderId} orderId={orderId} />;
  },
});

const followUpRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training-plan/follow-up',
  component: lazyRouteComponent(() => import('./follow-up-page.tsx'), 'FollowUpRoute'),
});

export const trainingPlanRoutes = [
  cyclesRoute,
  cycleRoute,
  meetingRoute,
  ordersRoute,
  orderRoute,
  followUpRoute,
] as const;
