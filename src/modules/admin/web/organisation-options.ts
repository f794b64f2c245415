// Which organisations an admin may pick for users and tokens, and which roles each kind of organisation may hold.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MeDto } from '../../../platform/shared/contracts.ts';
import {
  MUNICIPALITY_ONLY_ROLES,
  type OrganisationKind,
  PROVIDER_ROLES,
  REGION_ONLY_ROLES,
  ROLES,
  type Role,
} from '../../../platform/shared/roles.ts';
import { managesAllOrganisations } from '../../../platform/web/api/me-query.ts';
import { compareSwedish } from '../../../platform/web/i18n/format.ts';
import { organisationsQuery } from './admin-api.ts';

export type { OrganisationKind };
export type OrganisationOption = { value: string; label: string; kind: OrganisationKind };

/** Mirrors the server policy: regional_admin only at the region's office, municipal_admin only in a municipality. */
export function rolesAllowedFor(kind: OrganisationKind): Role[] {
  if (kind === 'provider') return [...PROVIDER_ROLES];
  const excluded = kind === 'region' ? MUNICIPALITY_ONLY_ROLES : REGION_ONLY_ROLES;
  return ROLES.filter((role) => !excluded.includes(role));
}

/** The roles still allowed after a change of organisation (all of them while its kind is unknown). */
export function keepAllowedRoles(roles: Role[], kind: OrganisationKind | undefined): Role[] {
  if (!kind) return roles;
  const allowed = rolesAllowedFor(kind);
  return roles.filter((role) => allowed.includes(role));
}

export type OrganisationOptions = {
  /** The active organisations this admin may choose. */
  options: OrganisationOption[];
  /** The kind of any organisation this admin can see (inactive ones included), for the roles it may hold. */
  kindOf: (organisationId: string) => OrganisationKind | undefined;
  /** The one organisation to choose from (a municipal admin's own), chosen in advance. */
  only: string | undefined;
  isPending: boolean;
};

/**
 * A regional admin picks any active organisation (the region's office first, then the municipalities in Swedish
 * order); a municipal admin only their own municipality.
 */
export function useOrganisationOptions(me: MeDto): OrganisationOptions {
  const all = managesAllOrganisations(me);
  const query = useQuery({ ...organisationsQuery(true), enabled: all });
  return useMemo(() => {
    const own: OrganisationOption = {
      value: me.organisation.id,
      label: me.organisation.name,
      kind: me.organisation.kind,
    };
    const known = all
      ? (query.data ?? []).map((org) => ({ value: org.id, label: org.name, kind: org.kind, active: org.active }))
      : [{ ...own, active: true }];
    const options = known
      .filter((org) => org.active)
      .sort((a, b) => (a.kind === b.kind ? compareSwedish(a.label, b.label) : a.kind === 'region' ? -1 : 1))
      .map(({ value, label, kind }) => ({ value, label, kind }));
    const kinds = new Map(known.map((org) => [org.value, org.kind]));
    const only = options.length === 1 ? options[0]?.value : undefined;
    return { options, kindOf: (id) => kinds.get(id), only, isPending: all && query.isPending };
  }, [all, me.organisation, query.data, query.isPending]);
}
