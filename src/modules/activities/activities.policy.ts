// Who may do what with activities (decision 019). Occasions are visible to every signed-in user of the region:
// titles, times and places are not personal. Who may change an activity is decided per activity (activities-scope.ts:
// the organising organisation's admins and brokers, a network's members for the network's activities, the region);
// whose registrations one sees and makes follows the staff register's scope (people-lookup.service.ts).
import {
  type ActionOf,
  definePolicy,
  hasRole,
  inAnyMunicipalityAs,
  inOwnMunicipality,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';

/** Who organises activities for a municipality (and, as network members, for a network). */
export const ORGANISER_ROLES: readonly Role[] = ['municipal_admin', 'broker', 'manager'];
/** Who registers the persons of their scope (a manager: their units; a municipal admin: the municipality). */
const REGISTRAR_ROLES: readonly Role[] = ['municipal_admin', 'manager'];

export const activitiesPolicy = definePolicy({
  // The calendar of occasions, an occasion's page and the .ics files.
  'activities:read': (actor) => actor.kind === 'user' || actor.kind === 'token',
  // Create activities and occasions for the organisation (the resource): the region or one's own municipality.
  // (A network's activities belong to the region; its members with these roles organise them too: the service checks.)
  // An external provider's brokers organise the activities organised by their provider (decision 022).
  'activities:organise': (actor, r) =>
    isRegionalAdmin(actor) ||
    inOwnMunicipality(actor, r, ORGANISER_ROLES) ||
    (actor.organisationKind === 'provider' && r.organisationId === actor.organisationId && hasRole(actor, 'broker')),
  // Register persons of one's scope (and cancel their registrations).
  'activities:register': (actor) => isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, REGISTRAR_ROLES),
  // Register oneself where the activity allows it (a person signed in, never a token).
  'activities:register_self': (actor) => actor.kind === 'user',
  // Survey results (suppressed below k); free text only for the organiser.
  'activities:read_results': (actor) =>
    isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, ['municipal_admin', 'manager', 'broker', 'mas']),
  // Survey templates of one's own organisation.
  'activities:manage_templates': (actor) =>
    isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, ['municipal_admin', 'broker']),
});

export type ActivitiesAction = ActionOf<typeof activitiesPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<ActivitiesAction, true> {}
}
