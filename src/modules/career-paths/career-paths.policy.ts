// Who may do what with career paths (decision 027). The model is the region's: every signed-in user reads it, only
// the regional admin edits and publishes it. A municipality's implementation (owner, group, checklist, target mix,
// cost inputs) is its own: its municipal admin manages it, its other staff roles and the region read it. Development
// plans stay in the municipality: its managers and municipal admin (within their staff-register scope) — the region
// sees only suppressed counts. Everyone reads their own plan.
import {
  type ActionOf,
  definePolicy,
  inOwnMunicipality,
  isOwnMunicipalAdmin,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';
import { ROLES, type Role } from '../../platform/shared/roles.ts';

/** Every role but the employee's: the staff who work with competence supply. */
const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'employee');
const PLAN_KEEPERS: readonly Role[] = ['municipal_admin', 'manager'];

export const careerPathsPolicy = definePolicy({
  'career:read_model': () => true,
  'career:edit_model': (actor) => isRegionalAdmin(actor),
  // The regional progress view and staff by role: aggregate figures, small counts suppressed.
  'career:read_progress': (actor) => actor.roles.some((r) => STAFF_ROLES.includes(r)),
  'career:read_implementation': (actor, r) =>
    isRegionalAdmin(actor) ||
    (actor.organisationKind === 'region' && actor.roles.includes('steering')) ||
    inOwnMunicipality(actor, r, STAFF_ROLES),
  'career:manage_implementation': (actor, r) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, r),
  'career:manage_plans': (actor, r) => inOwnMunicipality(actor, r, PLAN_KEEPERS),
  'career:own_plan': (actor) => actor.kind === 'user',
});

export type CareerPathsAction = ActionOf<typeof careerPathsPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<CareerPathsAction, true> {}
}
