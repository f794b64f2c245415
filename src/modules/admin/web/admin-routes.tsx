// The administration's pages in the route tree: networks for everyone, the admin pages behind their permissions.
import { createRoute } from '@tanstack/react-router';
import { ROLES, type Role } from '../../../platform/shared/roles.ts';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { type AuditSearch, AuditPage } from './audit-page.tsx';
import { MunicipalitiesPage } from './municipalities-page.tsx';
import { NetworkDetailPage } from './network-detail-page.tsx';
import { NetworksPage } from './networks-page.tsx';
import { TokensPage } from './tokens-page.tsx';
import { type UsersSearch, UsersPage } from './users-page.tsx';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const date = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const pageNumber = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};
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
    q: text(search.q),
    organisationId: text(search.organisationId),
    role: role(search.role),
    inactive: search.inactive === true || search.inactive === 'true' ? true : undefined,
    page: pageNumber(search.page),
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
    action: text(search.action),
    actorUserId: text(search.actorUserId),
    entityType: text(search.entityType),
    entityId: text(search.entityId),
    organisationId: text(search.organisationId),
    from: date(search.from),
    to: date(search.to),
    page: pageNumber(search.page),
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
