// Which organisations an admin may pick for users and tokens, and which roles each kind of organisation may hold.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { managesAllOrganisations } from '../../../platform/web/api/me-query.ts';
import { compareSwedish } from '../../../platform/web/i18n/format.ts';
import {
  MUNICIPALITY_ONLY_ROLES,
  REGION_ONLY_ROLES,
  ROLES,
  type Role,
} from '../../../platform/shared/roles.ts';
import type { MeDto } from '../admin.contracts.ts';
import { organisationsQuery } from './admin-api.ts';

export type OrganisationKind = 'region' | 'municipality';
export type OrganisationOption = { value: string; label: string; kind: OrganisationKind };

/** Mirrors the server policy: regional_admin only at the region's office, municipal_admin only in a municipality. */
export function rolesAllowedFor(kind: OrganisationKind): Role[] {
  const excluded = kind === 'region' ? MUNICIPALITY_ONLY_ROLES : REGION_ONLY_ROLES;
  return ROLES.filter((role) => !excluded.includes(role));
}

/**
 * A regional admin picks any active organisation (the region's office first, then the municipalities in Swedish
 * order); a municipal admin only their own municipality.
 */
export function useOrganisationOptions(me: MeDto): { options: OrganisationOption[]; isPending: boolean } {
  const all = managesAllOrganisations(me);
  const query = useQuery({ ...organisationsQuery(false), enabled: all });
  const options = useMemo<OrganisationOption[]>(() => {
    if (!all) return [{ value: me.organisation.id, label: me.organisation.name, kind: me.organisation.kind }];
    return (query.data ?? [])
      .filter((org) => org.active)
      .sort((a, b) => (a.kind === b.kind ? compareSwedish(a.name, b.name) : a.kind === 'region' ? -1 : 1))
      .map((org) => ({ value: org.id, label: org.name, kind: org.kind }));
  }, [all, me.organisation, query.data]);
  return { options, isPending: all && query.isPending };
}
