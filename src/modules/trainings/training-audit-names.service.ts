// The names of the trainings module's objects in the audit log's "Gäller" column (the manifest's `auditNames`).
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { trainingItem, trainingReviewRound, trainingTopic } from './trainings.table.ts';

export async function trainingAuditNames(
  db: Db,
  entityType: string,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const pairs = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  if (entityType === 'training_item') {
    const t = trainingItem;
    return pairs(await db.select({ id: t.id, name: t.title }).from(t).where(inArray(t.id, uuids)));
  }
  if (entityType === 'training_review_round') {
    const t = trainingReviewRound;
    return pairs(await db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, uuids)));
  }
  if (entityType === 'training_topic') {
    const t = trainingTopic;
    return pairs(await db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, uuids)));
  }
  return new Map();
}
