// What the web trainings catalogue holds about a person, for the register extract (GDPR art. 15; decision 015): the
// trainings they suggested, the status decisions they made, the reviews they were given or made in the MAS network's
// review rounds, and the rounds they opened or closed — all found by their user account. When the staff register
// anonymises the person, the catalogue keeps every item, decision and review (the catalogue and its history are not
// about the person) but loses the link to their account wherever the column allows it; the organisation a
// suggestion came from stays. A reviewer's assignment in a round names its reviewer by design (the column is
// required): it stays linked to the account, which the platform keeps under its own rule (user accounts are
// deactivated, not deleted). The anonymisation is audited.
import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { audit } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import type { PersonDataProvider, PersonDataSection } from '../../platform/server/person-data.ts';
import type { Wording } from '../../platform/shared/messages.ts';
import {
  trainingItem,
  trainingItemTransition,
  trainingReviewAssignment,
  trainingReviewReminder,
  trainingReviewRound,
} from './trainings.table.ts';

const w = (sv: string, en: string): Wording => ({ sv, en });
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function collect(db: Db, userId: string): Promise<PersonDataSection[]> {
  const suggested = await db
    .select({ title: trainingItem.title, url: trainingItem.url, status: trainingItem.status, at: trainingItem.addedAt })
    .from(trainingItem)
    .where(eq(trainingItem.addedBy, userId))
    .orderBy(asc(trainingItem.addedAt), asc(trainingItem.id));
  const decisions = await db
    .select({
      title: trainingItem.title,
      from: trainingItemTransition.fromStatus,
      to: trainingItemTransition.toStatus,
      comment: trainingItemTransition.comment,
      round: trainingReviewRound.name,
      at: trainingItemTransition.at,
    })
    .from(trainingItemTransition)
    .innerJoin(trainingItem, eq(trainingItem.id, trainingItemTransition.itemId))
    .leftJoin(trainingReviewRound, eq(trainingReviewRound.id, trainingItemTransition.reviewRoundId))
    .where(eq(trainingItemTransition.actorUserId, userId))
    .orderBy(asc(trainingItemTransition.at), asc(trainingItemTransition.id));
  const reviews = await db
    .select({
      round: trainingReviewRound.name,
      title: trainingItem.title,
      reviewer: trainingReviewAssignment.reviewerUserId,
      reviewedBy: trainingReviewAssignment.reviewedBy,
      outcome: trainingReviewAssignment.outcome,
      comment: trainingReviewAssignment.comment,
      at: trainingReviewAssignment.reviewedAt,
    })
    .from(trainingReviewAssignment)
    .innerJoin(trainingReviewRound, eq(trainingReviewRound.id, trainingReviewAssignment.roundId))
    .innerJoin(trainingItem, eq(trainingItem.id, trainingReviewAssignment.itemId))
    .where(or(eq(trainingReviewAssignment.reviewerUserId, userId), eq(trainingReviewAssignment.reviewedBy, userId)))
    .orderBy(asc(trainingReviewRound.openedAt), asc(trainingItem.title));
  const rounds = await db
    .select({
      name: trainingReviewRound.name,
      openedBy: trainingReviewRound.openedBy,
      openedAt: trainingReviewRound.openedAt,
      closedBy: trainingReviewRound.closedBy,
      closedAt: trainingReviewRound.closedAt,
    })
    .from(trainingReviewRound)
    .where(or(eq(trainingReviewRound.openedBy, userId), eq(trainingReviewRound.closedBy, userId)))
    .orderBy(asc(trainingReviewRound.openedAt));

  const sections: PersonDataSection[] = [];
  if (suggested.length) {
    sections.push({
      key: 'trainings.suggestions',
      title: w('Föreslagna webbutbildningar', 'Suggested web trainings'),
      description: w(
        'Webbutbildningar som personen har föreslagit till katalogen.',
        'Web trainings the person suggested for the catalogue.',
      ),
      columns: [
        { key: 'title', label: w('Titel', 'Title') },
        { key: 'url', label: w('Länk', 'Link') },
        { key: 'status', label: w('Status nu', 'Status now') },
        { key: 'at', label: w('Föreslagen', 'Suggested') },
      ],
      rows: suggested.map((s) => ({ title: s.title, url: s.url, status: s.status, at: s.at.toISOString() })),
    });
  }
  if (decisions.length) {
    sections.push({
      key: 'trainings.decisions',
      title: w('Beslut om webbutbildningar', 'Decisions on web trainings'),
      description: w(
        'Förslag och statusändringar i katalogen som personen gjorde, med kommentar.',
        'Suggestions and status changes in the catalogue the person made, with their comment.',
      ),
      columns: [
        { key: 'title', label: w('Utbildning', 'Training') },
        { key: 'from', label: w('Från status', 'From status') },
        { key: 'to', label: w('Till status', 'To status') },
        { key: 'comment', label: w('Kommentar', 'Comment') },
        { key: 'round', label: w('Granskningsomgång', 'Review round') },
        { key: 'at', label: w('Tidpunkt', 'Time') },
      ],
      rows: decisions.map((d) => ({
        title: d.title,
        from: d.from,
        to: d.to,
        comment: d.comment,
        round: d.round,
        at: d.at.toISOString(),
      })),
    });
  }
  if (reviews.length) {
    sections.push({
      key: 'trainings.reviews',
      title: w('Granskningar', 'Reviews'),
      description: w(
        'Utbildningar som personen fick att granska, eller granskade, i MAS-nätverkets granskningsomgångar.',
        "Trainings the person was given to review, or reviewed, in the MAS network's review rounds.",
      ),
      columns: [
        { key: 'round', label: w('Granskningsomgång', 'Review round') },
        { key: 'title', label: w('Utbildning', 'Training') },
        { key: 'assigned', label: w('Tilldelad personen', 'Assigned to the person') },
        { key: 'reviewed', label: w('Granskad av personen', 'Reviewed by the person') },
        { key: 'outcome', label: w('Utfall', 'Outcome') },
        { key: 'comment', label: w('Kommentar', 'Comment') },
        { key: 'at', label: w('Granskad', 'Reviewed') },
      ],
      rows: reviews.map((r) => ({
        round: r.round,
        title: r.title,
        assigned: r.reviewer === userId,
        reviewed: r.reviewedBy === userId,
        outcome: r.outcome,
        comment: r.comment,
        at: iso(r.at),
      })),
    });
  }
  if (rounds.length) {
    sections.push({
      key: 'trainings.review_rounds',
      title: w('Granskningsomgångar', 'Review rounds'),
      description: w(
        'Granskningsomgångar som personen öppnade eller stängde.',
        'Review rounds the person opened or closed.',
      ),
      columns: [
        { key: 'name', label: w('Omgång', 'Round') },
        { key: 'opened', label: w('Öppnad av personen', 'Opened by the person') },
        { key: 'openedAt', label: w('Öppnad', 'Opened') },
        { key: 'closed', label: w('Stängd av personen', 'Closed by the person') },
        { key: 'closedAt', label: w('Stängd', 'Closed') },
      ],
      rows: rounds.map((r) => ({
        name: r.name,
        opened: r.openedBy === userId,
        openedAt: r.openedAt.toISOString(),
        closed: r.closedBy === userId,
        closedAt: iso(r.closedAt),
      })),
    });
  }
  return sections;
}

export const trainingsPersonData: PersonDataProvider = {
  async collect(db, subject) {
    return subject.userId ? collect(db, subject.userId) : [];
  },

  async anonymise(tx, subject) {
    const userId = subject.userId;
    if (!userId) return;
    // Only when there is something to change: every UPDATE of the items moves the public catalogue's revision.
    const suggested = await tx
      .select({ id: trainingItem.id })
      .from(trainingItem)
      .where(eq(trainingItem.addedBy, userId))
      .limit(1);
    const items = suggested.length
      ? await tx
          .update(trainingItem)
          .set({ addedBy: null })
          .where(eq(trainingItem.addedBy, userId))
          .returning({ id: trainingItem.id })
      : [];
    const decisions = await tx
      .update(trainingItemTransition)
      .set({ actorUserId: null })
      .where(eq(trainingItemTransition.actorUserId, userId))
      .returning({ id: trainingItemTransition.id });
    const reviews = await tx
      .update(trainingReviewAssignment)
      .set({ reviewedBy: null })
      .where(eq(trainingReviewAssignment.reviewedBy, userId))
      .returning({ id: trainingReviewAssignment.itemId });
    const opened = await tx
      .update(trainingReviewRound)
      .set({ openedBy: null })
      .where(eq(trainingReviewRound.openedBy, userId))
      .returning({ id: trainingReviewRound.id });
    const closedBy = await tx
      .update(trainingReviewRound)
      .set({ closedBy: null })
      .where(eq(trainingReviewRound.closedBy, userId))
      .returning({ id: trainingReviewRound.id });
    // Reminders of closed rounds are only a record that a mail was sent; an open round's are its claim (kept).
    const closed = tx
      .select({ id: trainingReviewRound.id })
      .from(trainingReviewRound)
      .where(and(eq(trainingReviewRound.status, 'closed'), isNotNull(trainingReviewRound.closedAt)));
    await tx
      .delete(trainingReviewReminder)
      .where(and(eq(trainingReviewReminder.reviewerUserId, userId), inArray(trainingReviewReminder.roundId, closed)));
    if (items.length + decisions.length + reviews.length + opened.length + closedBy.length === 0) return;
    await audit(
      tx,
      { actor: null, requestId: 'job:people-retention', ip: '' },
      {
        action: 'trainings.person_anonymise',
        entityType: 'person',
        entityId: subject.personId,
        organisationId: subject.organisationId,
      },
    );
  },
};
