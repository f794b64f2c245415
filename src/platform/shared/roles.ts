// The roles of the spec. Shared by server and web; the policy module decides what each may do.
export const ROLES = [
  'regional_admin',
  'municipal_admin',
  'reporter',
  'manager',
  'mas',
  'broker',
  'steering',
  'employee',
] as const;

export type Role = (typeof ROLES)[number];

/** The kinds of organisation: the region's office, a member municipality, or an external provider (a college, a
 *  Campus) whose users answer the joint training plan's orders addressed to it (decision 022). */
export const ORGANISATION_KINDS = ['region', 'municipality', 'provider'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** The only role a user of an external provider may hold: education broker, for the orders addressed to it. */
export const PROVIDER_ROLES: readonly Role[] = ['broker'];

/** Roles that only a user of the region's own office may hold. */
export const REGION_ONLY_ROLES: readonly Role[] = ['regional_admin'];
/** Roles that only a user of a municipality may hold. */
export const MUNICIPALITY_ONLY_ROLES: readonly Role[] = ['municipal_admin'];
