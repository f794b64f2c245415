// Who may suggest, review and manage the catalogue of free web trainings.
import { type ActionOf, definePolicy, hasRole, isRegionalAdmin } from '../../platform/shared/policy-kit.ts';

export const trainingsPolicy = definePolicy({
  'trainings:suggest': () => true,
  // The catalogue is the region's: its office and the MAS network review it, whatever the object's municipality.
  'trainings:review': (actor) => isRegionalAdmin(actor) || hasRole(actor, 'mas'),
  'trainings:manage': (actor) => isRegionalAdmin(actor),
  // How the catalogue is used (aggregate counters, no personal data; decision 029): the region, which runs the page,
  // and the MAS network, which follows it up twice a year (the seed's point 5:2) — the same people who review it.
  'trainings:read_usage': (actor) => isRegionalAdmin(actor) || hasRole(actor, 'mas'),
});

export type TrainingsAction = ActionOf<typeof trainingsPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<TrainingsAction, true> {}
}
