// What the introduction lists hold about a person, for the register extract (GDPR art. 15; decision 015): the
// introductions given to them — found by their user account, or by their e-mail address within their municipality —
// with each entry's progress. When the staff register anonymises the person, their introductions lose the address,
// the name and the link to the account, and the personal link stops working; the progress stays as counts.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { hashToken } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import type { PersonDataProvider, PersonSubject } from '../../platform/server/person-data.ts';
import type { RetentionRule } from '../../platform/server/retention.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import { introAssignment, introAssignmentEntry } from './introductions.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });

/** The person's introductions: given to their account, or to their address in their municipality. */
function ofSubject(subject: PersonSubject): SQL | undefined {
  const matches: SQL[] = [];
  if (subject.userId) matches.push(eq(introAssignment.userId, subject.userId));
  if (subject.email) matches.push(sql`lower(${introAssignment.email}) = ${subject.email.toLowerCase()}`);
  if (matches.length === 0) return undefined;
  return and(eq(introAssignment.organisationId, subject.organisationId), or(...matches));
}

export const introductionsPersonData: PersonDataProvider = {
  async collect(db: Db, subject) {
    const where = ofSubject(subject);
    if (!where) return [];
    const rows = await db.select().from(introAssignment).where(where).orderBy(asc(introAssignment.createdAt));
    if (rows.length === 0) return [];
    const entries = await db
      .select({ assignmentId: introAssignmentEntry.assignmentId, doneAt: introAssignmentEntry.doneAt })
      .from(introAssignmentEntry)
      .where(
        inArray(
          introAssignmentEntry.assignmentId,
          rows.map((r) => r.id),
        ),
      );
    return [
      {
        key: 'introductions.assignments',
        title: w('Introduktioner', 'Introductions'),
        description: w(
          'Introduktionslistor som personen har fått av sin chef, med hur många punkter som är klara.',
          'Introduction lists the person was given by their manager, with how many items are done.',
        ),
        columns: [
          { key: 'list', label: w('Lista', 'List') },
          { key: 'email', label: w('E-postadress', 'E-mail address') },
          { key: 'name', label: w('Namn', 'Name') },
          { key: 'given', label: w('Given', 'Given') },
          { key: 'done', label: w('Klara punkter', 'Items done') },
          { key: 'total', label: w('Punkter', 'Items') },
          { key: 'lastActivity', label: w('Senaste aktivitet', 'Last activity') },
          { key: 'ended', label: w('Avslutad', 'Ended') },
        ],
        rows: rows.map((r) => {
          const mine = entries.filter((e) => e.assignmentId === r.id);
          return {
            list: r.listName,
            email: r.email,
            name: r.name,
            given: r.createdAt.toISOString(),
            done: mine.filter((e) => e.doneAt !== null).length,
            total: mine.length,
            lastActivity: r.lastActivityAt?.toISOString() ?? null,
            ended: r.endedAt?.toISOString() ?? null,
          };
        }),
      },
    ];
  },

  async anonymise(tx, subject) {
    const where = ofSubject(subject);
    if (!where) return;
    await tx
      .update(introAssignment)
      .set({
        email: 'anonymiserad',
        name: null,
        userId: null,
        // A new random hash nobody holds the token of: the personal link stops working.
        tokenHash: sql`${hashToken(randomBytes(32).toString('base64url'))} || ${introAssignment.id}::text`,
        endedAt: sql`coalesce(${introAssignment.endedAt}, now())`,
      })
      .where(where);
  },
};

export const INTRODUCTIONS_RETENTION_RULES: readonly RetentionRule[] = [
  {
    key: 'introductions.assignments',
    data: w('Introduktioner (e-postadress, namn, framsteg)', 'Introductions (e-mail address, name, progress)'),
    rule: w(
      'Finns kvar tills chefen tar bort introduktionen. Anonymiseras när personen anonymiseras i personalregistret.',
      'Kept until the manager removes the introduction. Anonymised when the person is anonymised in the staff register.',
    ),
    enforcement: w('Manuellt, och med personalregistret', 'By hand, and with the staff register'),
  },
];
