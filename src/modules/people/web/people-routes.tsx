// The staff register in the route tree: /people (the unit tree and the list), a person, their register extract, the
// unit tree's management, the HR import, the retention rules, and the employee's own record.

import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchPage, searchText } from '../../../platform/web/search-params.ts';
import { EMPLOYMENT_FORMS, PEOPLE_LIMITS, PERSON_SORTS, PERSON_STATUSES } from '../people.contracts.ts';
import type { PersonSearch } from './people-api.ts';
import type { UnitsSearch } from './units-page.tsx';

const ExtractPage = lazyPage(() => import('./extract-page.tsx'), 'ExtractPage');
const ImportPage = lazyPage(() => import('./import-page.tsx'), 'ImportPage');
const MyRecordPage = lazyPage(() => import('./my-record-page.tsx'), 'MyRecordPage');
const PeoplePage = lazyPage(() => import('./people-page.tsx'), 'PeoplePage');
const PersonPage = lazyPage(() => import('./person-page.tsx'), 'PersonPage');
const RetentionPage = lazyPage(() => import('./retention-page.tsx'), 'RetentionPage');
const UnitsPage = lazyPage(() => import('./units-page.tsx'), 'UnitsPage');

const oneOf = <T extends string | number>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value || String(v) === value);
const uuid = (value: unknown) => {
  const text = searchText(value);
  return text && /^[0-9a-f-]{36}$/i.test(text) ? text : undefined;
};

const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): PersonSearch => ({
    municipalityId: uuid(search.municipalityId),
    unitId: uuid(search.unitId),
    q: searchText(search.q),
    profession: searchText(search.profession),
    form: oneOf(EMPLOYMENT_FORMS, search.form),
    status: oneOf(PERSON_STATUSES, search.status),
    sort: oneOf(PERSON_SORTS, search.sort),
    dir: oneOf(['asc', 'desc'] as const, search.dir),
    page: searchPage(search.page),
    pageSize: oneOf(PEOPLE_LIMITS.pageSizes, search.pageSize),
  }),
  component: function PeopleRoute() {
    return (
      <RequirePermission permission="people:read">
        <PeoplePage search={peopleRoute.useSearch()} />
      </RequirePermission>
    );
  },
});

const unitsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/units',
  validateSearch: (search: Record<string, unknown>): UnitsSearch => ({ municipalityId: uuid(search.municipalityId) }),
  component: function UnitsRoute() {
    return (
      <RequirePermission permission="people:manage_units">
        <UnitsPage search={unitsRoute.useSearch()} />
      </RequirePermission>
    );
  },
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/import',
  component: function ImportRoute() {
    return (
      <RequirePermission permission="people:manage">
        <ImportPage />
      </RequirePermission>
    );
  },
});

const retentionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/retention',
  component: function RetentionRoute() {
    return (
      <RequirePermission permission="people:read_retention">
        <RetentionPage />
      </RequirePermission>
    );
  },
});

const mineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/mine',
  component: function MineRoute() {
    return (
      <RequirePermission permission="people:read_own">
        <MyRecordPage />
      </RequirePermission>
    );
  },
});

const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$personId',
  component: function PersonRoute() {
    const { personId } = personRoute.useParams();
    return (
      <RequirePermission permission="people:read">
        <PersonPage personId={personId} />
      </RequirePermission>
    );
  },
});

const extractRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$personId/extract',
  component: function ExtractRoute() {
    const { personId } = extractRoute.useParams();
    return (
      <RequirePermission permission="people:extract">
        <ExtractPage personId={personId} />
      </RequirePermission>
    );
  },
});

export const peopleRoutes = [
  peopleRoute,
  unitsRoute,
  importRoute,
  retentionRoute,
  mineRoute,
  personRoute,
  extractRoute,
] as const;
