// Who may do what with the staffing statistics, the forecast and the region report.
import {
  type ActionOf,
  definePolicy,
  inOwnMunicipality,
  isOwnMunicipalAdmin,
  isRegionalAdmin,
} from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';

/** Who in a municipality sees its own staffing report unsuppressed (employees see only the aggregated statistics). */
const REPORT_READERS: readonly Role[] = ['municipal_admin', 'reporter', 'manager', 'mas', 'steering'];
const REPORT_EDITORS: readonly Role[] = ['municipal_admin', 'reporter'];
/** Who generates the region report (decision 010): the steering group and the municipalities' leads. */
const REPORT_GENERATORS: readonly Role[] = ['municipal_admin', 'manager', 'mas', 'steering'];

export const staffingPolicy = definePolicy({
  'staffing:configure': (actor) => isRegionalAdmin(actor),
  'staffing:read_statistics': () => true,
  // Publishing a period's statistics to the other municipalities and the public (decision 016).
  'staffing:publish_statistics': (actor) => isRegionalAdmin(actor),
  'staffing:read_report': (actor, r) => isRegionalAdmin(actor) || inOwnMunicipality(actor, r, REPORT_READERS),
  'staffing:edit_report': (actor, r) => isRegionalAdmin(actor) || inOwnMunicipality(actor, r, REPORT_EDITORS),
  'staffing:approve_report': (actor, r) => isRegionalAdmin(actor) || isOwnMunicipalAdmin(actor, r),
  // The region report is one shared document built from approved, suppressed figures: the people who plan with it
  // may generate one (a signed-in person, not an integration's token; employees and brokers read the statistics).
  'staffing:generate_report': (actor) =>
    actor.kind === 'user' && (isRegionalAdmin(actor) || actor.roles.some((r) => REPORT_GENERATORS.includes(r))),
});

export type StaffingAction = ActionOf<typeof staffingPolicy>;

declare module '../../platform/shared/policy-kit.ts' {
  interface ActionRegistry extends Record<StaffingAction, true> {}
}
