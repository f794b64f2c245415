// The one place that decides permissions: can(actor, action, resource).
// Routes and services never look at roles themselves; they ask this module.
import { MUNICIPALITY_ONLY_ROLES, REGION_ONLY_ROLES, ROLES, type Role } from '../shared/roles.ts';

export type Actor = {
  kind: 'user' | 'token';
  /** The signed-in user, or the admin who created the token. */
  userId: string;
  tokenId: string | null;
  sessionId: string | null;
  organisationId: string;
  organisationKind: 'region' | 'municipality';
  roles: Role[];
  locale: 'sv' | 'en';
};

export const ACTIONS = [
  'organisation:read',
  'organisation:manage',
  'network:read',
  'network:manage',
  'user:read',
  'user:manage',
  'user:grant_role',
  'token:manage',
  'audit:read',
  'staffing:configure',
  'staffing:read_statistics',
  'staffing:read_report',
  'staffing:edit_report',
  'staffing:approve_report',
  'staffing:generate_report',
  'trainings:suggest',
  'trainings:review',
  'trainings:manage',
  'introductions:read',
  'introductions:manage',
  'introductions:follow',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is about: the organisation owning the object, and for grants the role(s) given. */
export type Resource = { organisationId?: string; organisationKind?: 'region' | 'municipality'; roles?: Role[] };

const ADMIN_ROLES: readonly Role[] = ['regional_admin', 'municipal_admin'];
/** Who in a municipality sees its own staffing report unsuppressed (employees see only the aggregated statistics). */
const REPORT_READERS: readonly Role[] = ['municipal_admin', 'reporter', 'manager', 'mas', 'steering'];
const REPORT_EDITORS: readonly Role[] = ['municipal_admin', 'reporter'];
/** Who generates the region report (decision 010): the steering group and the municipalities' leads. */
const REPORT_GENERATORS: readonly Role[] = ['municipal_admin', 'manager', 'mas', 'steering'];
/** Who builds and assigns a municipality's introduction lists. */
const INTRODUCTION_MANAGERS: readonly Role[] = ['municipal_admin', 'manager'];
const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const isRegionalAdmin = (actor: Actor) => has(actor, 'regional_admin') && actor.organisationKind === 'region';
const inOwnMunicipality = (actor: Actor, r: Resource, roles: readonly Role[]) =>
  actor.organisationKind === 'municipality' &&
  r.organisationId === actor.organisationId &&
  actor.roles.some((role) => roles.includes(role));
const isOwnMunicipalAdmin = (actor: Actor, r: Resource) =>
  has(actor, 'municipal_admin') &&
  actor.organisationKind === 'municipality' &&
  r.organisationId === actor.organisationId;

/** Roles a user of an organisation of this kind may hold. */
export function rolesAllowedFor(kind: 'region' | 'municipality'): Role[] {
  return ROLES.filter((role) =>
    kind === 'region' ? !MUNICIPALITY_ONLY_ROLES.includes(role) : !REGION_ONLY_ROLES.includes(role),
  );
}

export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  switch (action) {
    case 'organisation:read':
    case 'network:read':
    case 'staffing:read_statistics':
    case 'trainings:suggest':
      return true;
    // The catalogue is the region's: its office and the MAS network review it, whatever the object's municipality.
    case 'trainings:review':
      return isRegionalAdmin(actor) || has(actor, 'mas');
    case 'organisation:manage':
    case 'network:manage':
    case 'audit:read':
    case 'staffing:configure':
    case 'trainings:manage':
      return isRegionalAdmin(actor);
    // Introduction lists are a shared library: every municipality's managers read (and copy) every list, but build,
    // assign and follow up only their own municipality's (docs/decisions/008-introduction-lists.md).
    case 'introductions:read':
      return (
        isRegionalAdmin(actor) ||
        (actor.organisationKind === 'municipality' && actor.roles.some((r) => INTRODUCTION_MANAGERS.includes(r)))
      );
    case 'introductions:manage':
      return isRegionalAdmin(actor) || inOwnMunicipality(actor, resource, INTRODUCTION_MANAGERS);
    // One's own introduction: a person signed in, never an integration's token (whose user is the admin who made it).
    case 'introductions:follow':
      return actor.kind === 'user';
    case 'staffing:read_report':
      return isRegionalAdmin(actor) || inOwnMunicipality(actor, resource, REPORT_READERS);
    case 'staffing:edit_report':
      return isRegionalAdmin(actor) || inOwnMunicipality(actor, resource, REPORT_EDITORS);
    case 'staffing:approve_report':
      return isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, resource);
    // The region report is one shared document built from approved, suppressed figures: the people who plan with it
    // may generate one (a signed-in person, not an integration's token; employees and brokers read the statistics).
    case 'staffing:generate_report':
      return (
        actor.kind === 'user' && (isRegionalAdmin(actor) || actor.roles.some((r) => REPORT_GENERATORS.includes(r)))
      );
    case 'user:read':
    case 'user:manage':
      return isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, resource);
    case 'user:grant_role':
    case 'token:manage': {
      const roles = resource.roles ?? [];
      const kind = resource.organisationKind;
      // An integration's token never makes more access: no tokens, and no admin roles (a leak stays contained).
      if (actor.kind === 'token' && (action === 'token:manage' || roles.some((r) => ADMIN_ROLES.includes(r)))) {
        return false;
      }
      if (kind && roles.some((role) => !rolesAllowedFor(kind).includes(role))) return false;
      if (isRegionalAdmin(actor)) return true;
      return isOwnMunicipalAdmin(actor, resource) && roles.every((role) => role !== 'regional_admin');
    }
  }
}

/**
 * Which organisations' records of a kind the actor may see: 'all', or a list of organisation ids.
 * Services filter their queries with this, so scoping is explicit in every query.
 */
export function visibleOrganisations(actor: Actor, action: 'user:read' | 'token:manage'): 'all' | string[] {
  if (isRegionalAdmin(actor)) return 'all';
  if (can(actor, action, { organisationId: actor.organisationId })) return [actor.organisationId];
  return [];
}
