// The web trainings in the route tree: the public catalogue /utbildningar (no sign-in), and the signed-in pages to
// suggest an item, to review them, and the regional admin's import and topics.
import { createRoute } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchDate, searchPage, searchText } from '../../../platform/web/search-params.ts';
import { USAGE_PERIODS } from '../catalogue-usage.contracts.ts';
import { TRAINING_FORMATS, TRAINING_LANGUAGES, TRAINING_LENGTHS, TRAINING_STATUSES } from '../trainings.contracts.ts';
import type { ReviewSearch } from './review-page.tsx';
import type { CatalogueSearch } from './trainings-api.ts';
import type { UsageSearch } from './usage-page.tsx';

const CataloguePage = lazyPage(() => import('./catalogue-page.tsx'), 'CataloguePage');
const ImportPage = lazyPage(() => import('./import-page.tsx'), 'ImportPage');
const ReviewPage = lazyPage(() => import('./review-page.tsx'), 'ReviewPage');
const MyReviewPage = lazyPage(() => import('./rounds-page.tsx'), 'MyReviewPage');
const RoundsPage = lazyPage(() => import('./rounds-page.tsx'), 'RoundsPage');
const SuggestPage = lazyPage(() => import('./suggest-page.tsx'), 'SuggestPage');
const TopicsPage = lazyPage(() => import('./topics-page.tsx'), 'TopicsPage');
const UsagePage = lazyPage(() => import('./usage-page.tsx'), 'UsagePage');

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);

const catalogueRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/utbildningar',
  validateSearch: (search: Record<string, unknown>): CatalogueSearch => ({
    profession: searchText(search.profession),
    q: searchText(search.q),
    topic: searchText(search.topic),
    length: oneOf(TRAINING_LENGTHS, search.length),
    language: oneOf(TRAINING_LANGUAGES, search.language),
    format: oneOf(TRAINING_FORMATS, search.format),
    page: searchPage(search.page),
  }),
  component: function CatalogueRoute() {
    return <CataloguePage search={catalogueRoute.useSearch()} />;
  },
});

const suggestRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/suggest',
  component: function SuggestRoute() {
    return (
      <RequirePermission permission="trainings:suggest">
        <SuggestPage />
      </RequirePermission>
    );
  },
});

const reviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/review',
  validateSearch: (search: Record<string, unknown>): ReviewSearch => ({
    status: oneOf(['links', ...TRAINING_STATUSES] as const, search.status),
    page: searchPage(search.page),
  }),
  component: function ReviewRoute() {
    const search = reviewRoute.useSearch();
    return (
      <RequirePermission permission="trainings:review">
        <ReviewPage search={search} />
      </RequirePermission>
    );
  },
});

const roundsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/rounds',
  component: function RoundsRoute() {
    return (
      <RequirePermission permission="trainings:review">
        <RoundsPage />
      </RequirePermission>
    );
  },
});

const myReviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/my-review',
  component: function MyReviewRoute() {
    return (
      <RequirePermission permission="trainings:review">
        <MyReviewPage />
      </RequirePermission>
    );
  },
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/import',
  component: function ImportRoute() {
    return (
      <RequirePermission permission="trainings:manage">
        <ImportPage />
      </RequirePermission>
    );
  },
});

const topicsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/topics',
  component: function TopicsRoute() {
    return (
      <RequirePermission permission="trainings:manage">
        <TopicsPage />
      </RequirePermission>
    );
  },
});

const usageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trainings/usage',
  validateSearch: (search: Record<string, unknown>): UsageSearch => ({
    period: oneOf(USAGE_PERIODS, search.period),
    from: searchDate(search.from),
    to: searchDate(search.to),
  }),
  component: function UsageRoute() {
    const search = usageRoute.useSearch();
    return (
      <RequirePermission permission="trainings:read_usage">
        <UsagePage search={search} />
      </RequirePermission>
    );
  },
});

export const publicTrainingsRoutes = [catalogueRoute] as const;
export const trainingsRoutes = [
  suggestRoute,
  reviewRoute,
  roundsRoute,
  myReviewRoute,
  importRoute,
  topicsRoute,
  usageRoute,
] as const;
