// Who may do what in further education (decision 026). Models and adoptions are the collaboration's shared
// decisions: every signed-in user but a plain employee reads them (the steering group, admins, managers, MAS…).
// The region's admin edits the models; a municipality's own admin (and the region's) moves its adoptions. Training
// posts name persons of the staff register: only their municipality's admin and managers, and the region's admin.
import {
  type ActionOf,
  definePolicy,
  inOwnMunicipality,
  isOwnMunicipalAdmin,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';

export const furtherEducationPolicy = definePolicy({
  'further_education:read': (actor) => actor.roles.some((r) => r !== 'employee'),
  'further_education:manage_models': (actor) => isRegionalAdmin(actor),
  'further_education:manage_adoption': (actor, r) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, r),
  'further_education:read_posts': (actor, r) =>
    isRegionalAdmin(actor) || inOwnMunicipality(actor, r, ['municipal_admin', 'manager']),
  'further_education:manage_posts': (actor, r) =>
    isRegionalAdmin(actor) || inOwnMunicipality(actor, r, ['municipal_admin', 'manager']),
});

export type FurtherEducationAction = ActionOf<typeof furtherEducationPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<FurtherEducationAction, true> {}
}
