// The names of the staffing module's reports and periods in the audit log's "Gäller" column (`auditNames`): a report
// is written as "<period id>/<municipality id>" and read as "2026 · Skövde".
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/server/db.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { staffingPeriod } from '../staffing.table.ts';

const UUID = /^[0-9a-f-]{36}$/i;

export async function staffingAuditNames(
  db: Db,
  entityType: string,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  if (entityType !== 'staffing_report' && entityType !== 'staffing_period') return new Map();
  const parts = ids.map((id) => id.split('/'));
  const periodIds = [...new Set(parts.map((p) => p[0] ?? '').filter((id) => UUID.test(id)))];
  const municipalityIds = [...new Set(parts.map((p) => p[1] ?? '').filter((id) => UUID.test(id)))];
  const periods =
    periodIds.length === 0
      ? []
      : await db
          .select({ id: staffingPeriod.id, name: staffingPeriod.label })
          .from(staffingPeriod)
          .where(inArray(staffingPeriod.id, periodIds));
  const places =
    municipalityIds.length === 0
      ? []
      : await db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, municipalityIds));
  const period = new Map(periods.map((p) => [p.id, p.name]));
  const place = new Map(places.map((p) => [p.id, p.name]));
  const names = new Map<string, string>();
  for (const id of ids) {
    const [p = '', m = ''] = id.split('/');
    const label = [period.get(p), place.get(m)].filter(Boolean).join(' · ');
    if (label) names.set(id, label);
  }
  return names;
}
