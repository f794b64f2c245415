// Who may build, assign and follow introduction lists (docs/decisions/008-introduction-lists.md).
import {
  type ActionOf,
  definePolicy,
  inAnyMunicipalityAs,
  inOwnMunicipality,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';

/** Who builds and assigns a municipality's introduction lists. */
const INTRODUCTION_MANAGERS: readonly Role[] = ['municipal_admin', 'manager'];

export const introductionsPolicy = definePolicy({
  // A shared library: every municipality's managers read (and copy) every list, but build, assign and follow up only
  // their own municipality's.
  'introductions:read': (actor) => isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, INTRODUCTION_MANAGERS),
  'introductions:manage': (actor, r) => isRegionalAdmin(actor) || inOwnMunicipality(actor, r, INTRODUCTION_MANAGERS),
  // One's own introduction: a person signed in, never an integration's token (whose user is the admin who made it).
  'introductions:follow': (actor) => actor.kind === 'user',
});

export type IntroductionsAction = ActionOf<typeof introductionsPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<IntroductionsAction, true> {}
}
