// The vocabulary of permissions, shared by server and web: who acts (Actor), on what (Resource), and the rules a
// module declares in its `<module>.policy.ts`. The one `can()` (platform/server/policy.ts) loops over them.
import type { OrganisationKind, Role } from './roles.ts';

/**
 * Every action of every module. A module adds its actions by augmenting this interface in its policy file
 * (`declare module '…/policy-kit.ts' { interface ActionRegistry extends Record<StaffingAction, true> {} }`),
 * so the server's `can()` and the web's `hasPermission()` are typed by the same list — derived, never copied.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface ActionRegistry {}
export type Action = keyof ActionRegistry & string;

export type Actor = {
  kind: 'user' | 'token';
  /** The signed-in user, or the admin who created the token. */
  userId: string;
  tokenId: string | null;
  sessionId: string | null;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: Role[];
  locale: 'sv' | 'en';
  /**
   * For an API token: its creator as they are now. A token never holds more than its creator holds now, so every
   * rule must allow both the token and its creator (promise 26).
   */
  ceiling?: Actor;
};

/** What an action is about: the organisation owning the object, and for grants the role(s) given. */
export type Resource = { organisationId?: string; organisationKind?: OrganisationKind; roles?: Role[] };

export type Rule = (actor: Actor, resource: Resource) => boolean;

/** A module's actions and the rule deciding each. */
export type ModulePolicy<A extends string = string> = { readonly rules: Readonly<Record<A, Rule>> };

/** `export const staffingPolicy = definePolicy({ 'staffing:configure': (a) => isRegionalAdmin(a), … })`. */
export function definePolicy<const A extends string>(rules: Record<A, Rule>): ModulePolicy<A> {
  return { rules };
}

/** The action names of a policy, as a type: `type StaffingAction = ActionOf<typeof staffingPolicy>`. */
export type ActionOf<P> = P extends ModulePolicy<infer A> ? A : never;

export const ADMIN_ROLES: readonly Role[] = ['regional_admin', 'municipal_admin'];

export const hasRole = (actor: Actor, role: Role) => actor.roles.includes(role);
export const isRegionalAdmin = (actor: Actor) =>
  hasRole(actor, 'regional_admin') && actor.organisationKind === 'region';
/** The actor is of the resource's municipality and holds one of the roles. */
export const inOwnMunicipality = (actor: Actor, r: Resource, roles: readonly Role[]) =>
  actor.organisationKind === 'municipality' &&
  r.organisationId === actor.organisationId &&
  actor.roles.some((role) => roles.includes(role));
/** The actor is a user of some municipality holding one of the roles (whatever the resource). */
export const inAnyMunicipalityAs = (actor: Actor, roles: readonly Role[]) =>
  actor.organisationKind === 'municipality' && actor.roles.some((role) => roles.includes(role));
export const isOwnMunicipalAdmin = (actor: Actor, r: Resource) =>
  hasRole(actor, 'municipal_admin') &&
  actor.organisationKind === 'municipality' &&
  r.organisationId === actor.organisationId;
