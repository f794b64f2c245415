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

/** Roles that only a user of the region's own office may hold. */
export const REGION_ONLY_ROLES: readonly Role[] = ['regional_admin'];
/** Roles that only a user of a municipality may hold. */
export const MUNICIPALITY_ONLY_ROLES: readonly Role[] = ['municipal_admin'];
