// The period a statistics page opens on (pure: no browser, no translations).
import type { PeriodDto } from '../staffing.contracts.ts';

/**
 * The period to show first (newest first in the list): the newest closed period with approved reports — a finished
 * round, published when it closed — else the newest with approved reports, else with any submitted, else the newest.
 * A round in progress shows little of the others until it is published.
 */
export function defaultPeriodId(periods: readonly PeriodDto[]): string | undefined {
  const finished = periods.find((p) => p.closed && p.statusCounts.approved > 0);
  const approved = periods.find((p) => p.statusCounts.approved > 0);
  const withData = periods.find((p) => p.statusCounts.submitted + p.statusCounts.approved > 0);
  return (finished ?? approved ?? withData ?? periods[0])?.id;
}
