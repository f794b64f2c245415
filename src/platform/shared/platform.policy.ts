// The platform's own actions: organisations, networks, users and roles, API tokens and the audit log.
import { type ActionOf, ADMIN_ROLES, definePolicy, isOwnMunicipalAdmin, isRegionalAdmin } from './policy-kit.ts';
import {
  MUNICIPALITY_ONLY_ROLES,
  type OrganisationKind,
  PROVIDER_ROLES,
  REGION_ONLY_ROLES,
  ROLES,
  type Role,
} from './roles.ts';

/** Roles a user of an organisation of this kind may hold. */
export function rolesAllowedFor(kind: OrganisationKind): Role[] {
  if (kind === 'provider') return [...PROVIDER_ROLES];
  return ROLES.filter((role) =>
    kind === 'region' ? !MUNICIPALITY_ONLY_ROLES.includes(role) : !REGION_ONLY_ROLES.includes(role),
  );
}

const grantOrToken =
  (action: 'user:grant_role' | 'token:manage') =>
  (
    actor: Parameters<typeof isRegionalAdmin>[0],
    resource: { organisationId?: string; organisationKind?: OrganisationKind; roles?: Role[] },
  ) => {
    const roles = resource.roles ?? [];
    const kind = resource.organisationKind;
    // An integration's token never makes more access: no tokens, and no admin roles (a leak stays contained).
    if (actor.kind === 'token' && (action === 'token:manage' || roles.some((r) => ADMIN_ROLES.includes(r)))) {
      return false;
    }
    if (kind && roles.some((role) => !rolesAllowedFor(kind).includes(role))) return false;
    if (isRegionalAdmin(actor)) return true;
    return isOwnMunicipalAdmin(actor, resource) && roles.every((role) => role !== 'regional_admin');
  };

export const platformPolicy = definePolicy({
  'organisation:read': () => true,
  'organisation:manage': (actor) => isRegionalAdmin(actor),
  'network:read': () => true,
  'network:manage': (actor) => isRegionalAdmin(actor),
  'user:read': (actor, resource) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, resource),
  'user:manage': (actor, resource) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, resource),
  'user:grant_role': grantOrToken('user:grant_role'),
  'token:manage': grantOrToken('token:manage'),
  'audit:read': (actor) => isRegionalAdmin(actor),
});

export type PlatformAction = ActionOf<typeof platformPolicy>;

declare module './policy-kit.ts' {
  interface ActionRegistry extends Record<PlatformAction, true> {}
}
