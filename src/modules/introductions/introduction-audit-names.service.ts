// The names of the introduction lists in the audit log's "Gäller" column (the manifest's `auditNames`). An
// assignment names a person, so it is left as its id.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { introList } from './introductions.table.ts';

export async function introductionAuditNames(
  db: Db,
  entityType: string,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (entityType !== 'intro_list' || uuids.length === 0) return new Map();
  const rows = await db
    .select({ id: introList.id, name: introList.name })
    .from(introList)
    .where(inArray(introList.id, uuids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
