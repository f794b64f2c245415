// The activities core in the route tree: the calendar, an activity, an occasion and its survey results, "my
// occasions", and the public survey page behind a personal link.
import { createRoute } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { searchPage, searchText } from '../../../platform/web/search-params.ts';
import { ACTIVITY_KINDS } from '../activities.contracts.ts';
import type { OccasionSearch } from './activities-api.ts';
import { ActivityPage } from './activity-page.tsx';
import { CalendarPage } from './calendar-page.tsx';
import { MyOccasionsPage } from './my-occasions-page.tsx';
import { OccasionPage } from './occasion-page.tsx';
import { ResultsPage } from './results-page.tsx';
import { SurveyPage } from './survey-page.tsx';
import { TemplatesPage } from './templates-page.tsx';

const uuid = (value: unknown) => {
  const text = searchText(value);
  return text && /^[0-9a-f-]{36}$/i.test(text) ? text : undefined;
};

const calendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities',
  validateSearch: (search: Record<string, unknown>): OccasionSearch => {
    const month = searchText(search.month);
    const kind = searchText(search.kind);
    return {
      month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
      kind: ACTIVITY_KINDS.find((k) => k === kind),
      networkId: uuid(search.networkId),
      profession: searchText(search.profession),
      municipalityId: uuid(search.municipalityId),
      page: searchPage(search.page),
    };
  },
  component: function CalendarRoute() {
    return (
      <RequirePermission permission="activities:read">
        <CalendarPage search={calendarRoute.useSearch()} />
      </RequirePermission>
    );
  },
});

const mineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/mine',
  component: function MineRoute() {
    return (
      <RequirePermission permission="activities:read">
        <MyOccasionsPage />
      </RequirePermission>
    );
  },
});

const activityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/$activityId',
  component: function ActivityRoute() {
    return (
      <RequirePermission permission="activities:read">
        <ActivityPage activityId={activityRoute.useParams().activityId} />
      </RequirePermission>
    );
  },
});

const occasionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/occasions/$occasionId',
  component: function OccasionRoute() {
    return (
      <RequirePermission permission="activities:read">
        <OccasionPage occasionId={occasionRoute.useParams().occasionId} />
      </RequirePermission>
    );
  },
});

const resultsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/occasions/$occasionId/results',
  component: function ResultsRoute() {
    return (
      <RequirePermission permission="activities:read">
        <ResultsPage occasionId={resultsRoute.useParams().occasionId} />
      </RequirePermission>
    );
  },
});

const templatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/templates',
  component: function TemplatesRoute() {
    return (
      <RequirePermission permission="activities:read">
        <TemplatesPage />
      </RequirePermission>
    );
  },
});

const surveyRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/survey',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: searchText(search.token) }),
  component: function SurveyRoute() {
    return <SurveyPage token={surveyRoute.useSearch().token} />;
  },
});

export const activitiesRoutes = [
  calendarRoute,
  mineRoute,
  templatesRoute,
  activityRoute,
  occasionRoute,
  resultsRoute,
] as const;
export const publicActivitiesRoutes = [surveyRoute] as const;
