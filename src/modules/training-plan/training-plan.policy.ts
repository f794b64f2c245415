// Who may do what in the joint training plan (decision 022). The role gates are here; per cycle and per order the
// services decide further (training-plan-scope.ts): the region's admins and the cycle's coordinator run a cycle, a
// municipality's municipal admin or the manager they named ranks for it, an order's broker answers only that order.
import {
  type ActionOf,
  definePolicy,
  hasRole,
  inAnyMunicipalityAs,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';

export const trainingPlanPolicy = definePolicy({
  // Cycles, needs, rankings, decisions and the follow-up: everyone signed in of the region (an external provider
  // sees only the orders addressed to it).
  'training_plan:read': (actor) => actor.organisationKind !== 'provider',
  // Starting a cycle and registering external providers: the region's admins.
  'training_plan:manage': (actor) => isRegionalAdmin(actor),
  // Submitting a need for one's municipality.
  'training_plan:submit_need': (actor) =>
    isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, ['municipal_admin', 'manager']),
  // Casting the municipality's ranking (a manager only when named; the service checks).
  'training_plan:rank': (actor) => isRegionalAdmin(actor) || inAnyMunicipalityAs(actor, ['municipal_admin', 'manager']),
  // Answering orders and planning their occasions: brokers (of the order's municipality or provider; the service checks).
  'training_plan:broker': (actor) => hasRole(actor, 'broker') && actor.organisationKind !== 'region',
});

export type TrainingPlanAction = ActionOf<typeof trainingPlanPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<TrainingPlanAction, true> {}
}
