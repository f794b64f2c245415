// The administration's pages in the route tree: networks for everyone, the admin pages behind their permissions.

import { createRoute } from '@tanstack/react-router';
import { ROLES, type Role } from '../../../platform/shared/roles.ts';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchDate, searchFlag, searchPage, searchText } from '../../../platform/web/search-params.ts';
import type { AuditSearch } from './audit-page.tsx';
import type { UsersSearch } from './users-page.tsx';

const AuditPage = lazyPage(() => import('./audit-page.tsx'), 'AuditPage');
const MunicipalitiesPage = lazyPage(() => import('./municipalities-page.tsx'), 'MunicipalitiesPage');
const NetworkDetailPage = lazyPage(() => import('./network-detail-page.tsx'), 'NetworkDetailPage');
const NetworksPage = lazyPage(() => import('./networks-page.tsx'), 'NetworksPage');
const TokensPage = lazyPage(() => import('./tokens-page.tsx'), 'TokensPage');
const UsersPage = lazyPage(() => import('./users-page.tsx'), 'UsersPage');

const role = (value: unknown): Role | undefined => ROLES.find((r) => r === value);

const networksRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/networks',
  component: NetworksPage,
});

const networkDetailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/networks/$networkId',
  component: function NetworkDetailRoute() {
    const { networkId } = networkDetailRoute.useParams();
    return <NetworkDetailPage networkId={networkId} />;
  },
});

const municipalitiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/municipalities',
  component: () => (
    <RequirePermission permission="organisation:manage">
      <MunicipalitiesPage />
    </RequirePermission>
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/users',
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({
    q: searchText(search.q),
    organisationId: searchText(search.organisationId),
    role: role(search.role),
    inactive: searchFlag(search.inactive),
    page: searchPage(search.page),
  }),
  component: function UsersRoute() {
    const search = usersRoute.useSearch();
    return (
      <RequirePermission permission="user:read">
        <UsersPage search={search} />
      </RequirePermission>
    );
  },
});

const tokensRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/tokens',
  component: () => (
    <RequirePermission permission="token:manage">
      <TokensPage />
    </RequirePermission>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    action: searchText(search.action),
    actorUserId: searchText(search.actorUserId),
    entityType: searchText(search.entityType),
    entityId: searchText(search.entityId),
    organisationId: searchText(search.organisationId),
    from: searchDate(search.from),
    to: searchDate(search.to),
    page: searchPage(search.page),
  }),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    return (
      <RequirePermission permission="audit:read">
        <AuditPage search={search} />
      </RequirePermission>
    );
  },
});

export const networkRoutes = [networksRoute, networkDetailRoute] as const;
export const adminRoutes = [municipalitiesRoute, usersRoute, tokensRoute, auditRoute] as const;
