// Who may see and change the staff register (decision 015). The rules decide per municipality; within a municipality
// a manager's rights follow their units (people-scope.ts narrows every query to them), a municipal admin's cover the
// whole municipality and the regional admin's every municipality. Nobody else sees another municipality's persons.
import {
  type ActionOf,
  definePolicy,
  inAnyMunicipalityAs,
  inOwnMunicipality,
  isOwnMunicipalAdmin,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';

/** Who works with a municipality's persons: the municipal admin (all of them) and managers (their units'). */
const PEOPLE_KEEPERS: readonly Role[] = ['municipal_admin', 'manager'];

export const peoplePolicy = definePolicy({
  // The persons of a municipality (a manager: of their units), their pages and history.
  'people:read': (actor, r) => isRegionalAdmin(actor) || inOwnMunicipality(actor, r, PEOPLE_KEEPERS),
  // Add and change persons, by hand or by the HR import (a manager: in their units).
  'people:manage': (actor, r) => isRegionalAdmin(actor) || inOwnMunicipality(actor, r, PEOPLE_KEEPERS),
  // The unit tree and its managers.
  'people:manage_units': (actor, r) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, r),
  // The register extract (GDPR art. 15): everything the platform holds about one person.
  'people:extract': (actor, r) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, r),
  // The retention rules: read by every admin, the configurable periods chosen by the region.
  'people:read_retention': (actor) => isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, ['municipal_admin']),
  'people:configure_retention': (actor) => isRegionalAdmin(actor),
  // One's own record: a person signed in, never an integration's token (whose user is the admin who made it).
  'people:read_own': (actor) => actor.kind === 'user',
});

export type PeopleAction = ActionOf<typeof peoplePolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<PeopleAction, true> {}
}
