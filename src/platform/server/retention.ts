// Retention rules in one place (RELIABILITY-AND-SECURITY 16; decision 015): each module declares a rule per kind of
// data it keeps (`ServerModule.retention`), the platform declares its own (the audit log, sessions, pending imports),
// and one admin page shows them all. A rule with `months` can be configured by the region within its bounds; the
// chosen value is kept in `retention_setting`. The audit log's own rule is enforced here by a nightly job.
import { eq, lt, sql } from 'drizzle-orm';
import type { Wording } from '../shared/messages.ts';
import { auditEvent } from './audit.table.ts';
import { audit } from './audit.ts';
import { type Db, inTransaction } from './db.ts';
import type { Job } from './jobs.ts';
import { retentionSetting } from './retention.table.ts';

export type RetentionRule = {
  /** Stable key, `<module>.<kind>`: the setting's key. */
  key: string;
  /** The kind of data ("Personer i personalregistret"). */
  data: Wording;
  /** What happens, and when, with `{{months}}` for a configurable period. */
  rule: Wording;
  /** How the rule is carried out ("Nattligt jobb 02:30", "Tas bort av chefen"). */
  enforcement: Wording;
  /** A configurable period: its default and the bounds the region may choose within. */
  months?: { default: number; min: number; max: number };
};

const w = (sv: string, en: string): Wording => ({ sv, en });

/** The audit log's rule: documented in README and decision 015. */
export const AUDIT_LOG_RULE: RetentionRule = {
  key: 'platform.audit_log',
  data: w(
    'Granskningsloggen (vem som läste eller ändrade vad; bara id:n)',
    'The audit log (who read or changed what; ids only)',
  ),
  rule: w('Händelser äldre än {{months}} månader tas bort.', 'Events older than {{months}} months are deleted.'),
  enforcement: w('Nattligt jobb kl. 03:15', 'Nightly job at 03:15'),
  // Longer than a person is kept after their employment ends (24 months by default), so who read a person's record
  // can still be answered for the whole time the record exists, and a year beyond it for a late question.
  months: { default: 36, min: 12, max: 120 },
};

export const PLATFORM_RETENTION_RULES: readonly RetentionRule[] = [
  AUDIT_LOG_RULE,
  {
    key: 'platform.sessions',
    data: w('Inloggningar (sessioner)', 'Sign-in sessions'),
    rule: w(
      'En session upphör efter 2 timmar utan användning och senast efter 12 timmar; utloggning tar bort den.',
      'A session ends after 2 hours without use and at the latest after 12 hours; signing out removes it.',
    ),
    enforcement: w('Vid varje anrop', 'On every request'),
  },
  {
    key: 'platform.pending_imports',
    data: w('Förhandsgranskade importer (filens rader)', 'Previewed imports (the rows of the file)'),
    rule: w(
      'En förhandsgranskning kan bekräftas i 24 timmar; därefter används den aldrig mer.',
      'A preview can be confirmed for 24 hours; after that it is never used again.',
    ),
    enforcement: w('Vid bekräftelse', 'On confirmation'),
  },
  {
    key: 'platform.unattached_files',
    data: w('Uppladdade dokument som aldrig kopplats till något', 'Uploaded documents never attached to anything'),
    rule: w(
      'Ett uppladdat dokument som inte kopplats till sin post inom 24 timmar tas bort; kopplade dokument tas bort med sin post.',
      'An uploaded document not attached to its record within 24 hours is deleted; attached documents are deleted with their record.',
    ),
    enforcement: w('Vid nästa uppladdning', 'On the next upload'),
  },
  {
    key: 'platform.users',
    data: w('Användarkonton', 'User accounts'),
    rule: w(
      'Avaktiveras av administratören och tas inte bort (kommunal arkivlag går före radering).',
      'Deactivated by the admin and not deleted (municipal archive law comes before erasure).',
    ),
    enforcement: w('Manuellt', 'By hand'),
  },
];

/** Every rule: the platform's, then each module's in list order. */
export function allRetentionRules(modules: readonly { retention?: readonly RetentionRule[] }[]): RetentionRule[] {
  return [...PLATFORM_RETENTION_RULES, ...modules.flatMap((m) => m.retention ?? [])];
}

/** The period chosen for a configurable rule, or its default. */
export async function retentionMonths(db: Db, rule: RetentionRule): Promise<number> {
  if (!rule.months) throw new Error(`The retention rule ${rule.key} has no configurable period.`);
  const [row] = await db
    .select({ months: retentionSetting.months })
    .from(retentionSetting)
    .where(eq(retentionSetting.key, rule.key));
  return row?.months ?? rule.months.default;
}

/** Every configurable rule's chosen period, by key. */
export async function retentionSettings(db: Db): Promise<Map<string, { months: number; updatedAt: Date }>> {
  const rows = await db.select().from(retentionSetting);
  return new Map(rows.map((r) => [r.key, { months: r.months, updatedAt: r.updatedAt }]));
}

/** Chooses a rule's period (the caller checks the bounds and the right to do so, and audits it). */
export async function setRetentionMonths(db: Db, key: string, months: number, userId: string): Promise<void> {
  await db
    .insert(retentionSetting)
    .values({ key, months, updatedBy: userId })
    .onConflictDoUpdate({
      target: retentionSetting.key,
      set: { months, updatedBy: userId, updatedAt: sql`now()` },
    });
}

/** The day `months` months before `now` (the cut-off of a rule). */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

const PURGE_BATCH = 10_000;

/**
 * Deletes the audit events older than the audit log's rule, in batches, and records that it did (one event naming
 * the cut-off). The log is append-only: a trigger refuses every DELETE unless the transaction has set
 * `kompetensnav.audit_purge` (migration 0020), which only this function does.
 */
export async function purgeAuditLog(db: Db, now: Date): Promise<number> {
  const cutoff = monthsBefore(now, await retentionMonths(db, AUDIT_LOG_RULE));
  let removed = 0;
  for (;;) {
    const n = await inTransaction(db, async (tx) => {
      await tx.execute(sql`SELECT set_config('kompetensnav.audit_purge', 'on', true)`);
      const rows = await tx.execute(
        sql`DELETE FROM ${auditEvent} WHERE ${auditEvent.id} IN (
              SELECT ${auditEvent.id} FROM ${auditEvent} WHERE ${lt(auditEvent.at, cutoff)} LIMIT ${PURGE_BATCH})
            RETURNING ${auditEvent.id}`,
      );
      return (rows as unknown as { rows: unknown[] }).rows.length;
    });
    removed += n;
    if (n < PURGE_BATCH) break;
  }
  if (removed > 0) {
    await audit(
      db,
      { actor: null, requestId: 'job:audit-retention', ip: '' },
      { action: 'audit.purge', entityType: 'audit_event', entityId: cutoff.toISOString().slice(0, 10) },
    );
  }
  return removed;
}

/** Every night at 03:15: the audit log's rule. Deleting is idempotent, so several servers may run it. */
export function auditRetentionJob(db: Db): Job {
  return { name: 'audit-retention', schedule: '15 3 * * *', run: async (now) => void (await purgeAuditLog(db, now)) };
}
