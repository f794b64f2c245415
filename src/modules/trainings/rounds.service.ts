// Review rounds (Granskningsomgångar): the region opens a round, every approved or needs-change item is assigned to a
// MAS reviewer (evenly, or by topic), each reviewer decides on their items, and the round closes when all are done.
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { usersWithRole } from '../../platform/server/directory.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Job } from '../../platform/server/jobs.ts';
import { type Mailer, reminderMail } from '../../platform/server/mail.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import { daysBetween, reminderDue, swedishDate, swedishWhen } from '../../platform/server/swedish-dates.ts';
import { itemLabels, toPublicTrainingDto } from './catalogue.service.ts';
import { BROKEN_AFTER } from './link-check.ts';
import type {
  MyReviewDto,
  OpenRoundInput,
  RoundDto,
  RoundListDto,
  RoundReviewerDto,
  TrainingStatus,
} from './trainings.contracts.ts';
import { trainingsMessages as tm } from './trainings.messages.ts';
import {
  trainingItem,
  trainingItemTopic,
  trainingItemTransition,
  trainingReviewAssignment,
  trainingReviewReminder,
  trainingReviewRound,
  trainingTopic,
} from './trainings.table.ts';

type Decision = { status: 'approved' | 'needs_change' | 'removed'; comment?: string | undefined };

const isRegionalAdmin = (actor: Actor) => actor.organisationKind === 'region' && actor.roles.includes('regional_admin');

/** The MAS network: active users with the role mas, ordered by name then id (the order assignment follows). */
async function masUsers(db: Db): Promise<RoundReviewerDto[]> {
  const holders = await usersWithRole(db, 'mas');
  return holders.map(({ userId, name, organisation }) => ({ userId, name, organisation }));
}

export async function listRoundReviewers(db: Db, ctx: SignedInContext): Promise<{ reviewers: RoundReviewerDto[] }> {
  authorize(ctx.actor, 'trainings:manage');
  return { reviewers: await masUsers(db) };
}

/** Round-robin over the items (ordered by title): reviewers' counts differ by at most one. */
export function assignEvenly(itemIds: string[], reviewerIds: string[]): Map<string, string> {
  return new Map(itemIds.map((id, i) => [id, reviewerIds[i % reviewerIds.length] as string]));
}

/**
 * By topic: the items of a topic (an item's first topic by the region's order; "none" for items without one) go to
 * one reviewer; the largest topics first, each to the reviewer with the fewest items so far.
 */
export function assignByTopic(items: { id: string; topic: string }[], reviewerIds: string[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(item.topic, [...(groups.get(item.topic) ?? []), item.id]);
  const load = new Map(reviewerIds.map((r) => [r, 0]));
  const result = new Map<string, string>();
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [, ids] of ordered) {
    const reviewer = reviewerIds.reduce((best, r) => ((load.get(r) ?? 0) < (load.get(best) ?? 0) ? r : best));
    load.set(reviewer, (load.get(reviewer) ?? 0) + ids.length);
    for (const id of ids) result.set(id, reviewer);
  }
  return result;
}

export async function openRound(db: Db, ctx: SignedInContext, input: OpenRoundInput): Promise<RoundDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:manage');
  await assertNoOpenRound(db);
  const network = await masUsers(db);
  let reviewers = network;
  if (input.reviewerIds) {
    const wanted = new Set(input.reviewerIds);
    reviewers = network.filter((r) => wanted.has(r.userId));
    if (reviewers.length !== wanted.size) {
      throw new ValidationError([{ path: 'reviewerIds', message: tm.reviewersFromMas() }]);
    }
  }
  if (reviewers.length === 0) {
    throw new ValidationError([{ path: 'reviewerIds', message: tm.roundNeedsReviewer() }]);
  }
  const items = await db
    .select({ id: trainingItem.id })
    .from(trainingItem)
    .where(inArray(trainingItem.status, ['approved', 'needs_change']))
    .orderBy(swedishOrder(trainingItem.title), asc(trainingItem.id));
  const reviewerIds = reviewers.map((r) => r.userId);
  let assignment: Map<string, string>;
  if (input.assignBy === 'topic') {
    const topics = items.length
      ? await db
          .select({ itemId: trainingItemTopic.itemId, key: trainingTopic.key })
          .from(trainingItemTopic)
          .innerJoin(trainingTopic, eq(trainingTopic.id, trainingItemTopic.topicId))
          .where(
            inArray(
              trainingItemTopic.itemId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(trainingTopic.sort), asc(trainingTopic.key))
      : [];
    const first = new Map<string, string>();
    for (const t of topics) if (!first.has(t.itemId)) first.set(t.itemId, t.key);
    assignment = assignByTopic(
      items.map((i) => ({ id: i.id, topic: first.get(i.id) ?? '' })),
      reviewerIds,
    );
  } else {
    assignment = assignEvenly(
      items.map((i) => i.id),
      reviewerIds,
    );
  }
  const id = await inTransaction(db, async (tx) => {
    const [round] = await tx
      .insert(trainingReviewRound)
      .values({ name: input.name, dueDate: input.dueDate, assignBy: input.assignBy, openedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: trainingReviewRound.id });
    // The partial unique index keeps a second open round out even when two admins open one at once.
    if (!round) throw openRoundConflict();
    if (assignment.size) {
      await tx
        .insert(trainingReviewAssignment)
        .values([...assignment].map(([itemId, reviewerUserId]) => ({ roundId: round.id, itemId, reviewerUserId })));
    }
    await audit(tx, ctx, {
      action: 'training_review_round.open',
      entityType: 'training_review_round',
      entityId: round.id,
    });
    return round.id;
  });
  return (await roundDtos(db, [await findRound(db, id)]))[0] as RoundDto;
}

const openRoundConflict = () => new ConflictError(tm.roundAlreadyOpen());

async function assertNoOpenRound(db: Db) {
  const [open] = await db
    .select({ id: trainingReviewRound.id })
    .from(trainingReviewRound)
    .where(eq(trainingReviewRound.status, 'open'));
  if (open) throw openRoundConflict();
}

async function findRound(db: Db, id: string) {
  const [row] = await db.select().from(trainingReviewRound).where(eq(trainingReviewRound.id, id));
  if (!row) throw new NotFoundError(tm.roundNotFound());
  return row;
}

async function roundDtos(db: Db, rounds: (typeof trainingReviewRound.$inferSelect)[]): Promise<RoundDto[]> {
  const ids = rounds.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({
          roundId: trainingReviewAssignment.roundId,
          userId: trainingReviewAssignment.reviewerUserId,
          name: user.name,
          organisation: organisation.name,
          assigned: sql<number>`count(*)::int`,
          // An item removed from the catalogue meanwhile (through the review queue) needs no decision: it is done.
          done: sql<number>`count(*) FILTER (WHERE ${trainingReviewAssignment.outcome} IS NOT NULL OR ${trainingItem.status} = 'removed')::int`,
        })
        .from(trainingReviewAssignment)
        .innerJoin(trainingItem, eq(trainingItem.id, trainingReviewAssignment.itemId))
        .innerJoin(user, eq(user.id, trainingReviewAssignment.reviewerUserId))
        .leftJoin(organisation, eq(organisation.id, user.organisationId))
        .where(inArray(trainingReviewAssignment.roundId, ids))
        .groupBy(
          trainingReviewAssignment.roundId,
          trainingReviewAssignment.reviewerUserId,
          user.name,
          organisation.name,
        )
        .orderBy(swedishOrder(user.name))
    : [];
  return rounds.map((r) => {
    const reviewers = counts
      .filter((c) => c.roundId === r.id)
      .map(({ userId, name, organisation, assigned, done }) => ({ userId, name, organisation, assigned, done }));
    return {
      id: r.id,
      name: r.name,
      dueDate: r.dueDate,
      assignBy: r.assignBy,
      status: r.status,
      openedAt: r.openedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      assigned: reviewers.reduce((s, x) => s + x.assigned, 0),
      done: reviewers.reduce((s, x) => s + x.done, 0),
      reviewers,
    };
  });
}

/** Every round, the open one first, with progress per reviewer and overall. */
export async function listRounds(db: Db, ctx: SignedInContext): Promise<RoundListDto> {
  authorize(ctx.actor, 'trainings:review');
  const rounds = await db
    .select()
    .from(trainingReviewRound)
    .orderBy(desc(sql`${trainingReviewRound.status} = 'open'`), desc(trainingReviewRound.openedAt));
  return { rounds: await roundDtos(db, rounds) };
}

/** "Min granskning": the open round and the actor's items in it (the regional admin sees every item). */
export async function myReview(db: Db, ctx: SignedInContext): Promise<MyReviewDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  const [round] = await db.select().from(trainingReviewRound).where(eq(trainingReviewRound.status, 'open'));
  if (!round) return { round: null, items: [] };
  const rows = await db
    .select({ item: trainingItem, a: trainingReviewAssignment })
    .from(trainingReviewAssignment)
    .innerJoin(trainingItem, eq(trainingItem.id, trainingReviewAssignment.itemId))
    .where(
      and(
        eq(trainingReviewAssignment.roundId, round.id),
        isRegionalAdmin(actor) ? undefined : eq(trainingReviewAssignment.reviewerUserId, actor.userId),
      ),
    )
    .orderBy(swedishOrder(trainingItem.title), asc(trainingItem.id));
  const labels = await itemLabels(
    db,
    rows.map((r) => r.item.id),
  );
  return {
    round: (await roundDtos(db, [round]))[0] ?? null,
    items: rows.map(({ item, a }) => ({
      ...toPublicTrainingDto(item, labels),
      status: item.status,
      outcome: a.outcome,
      comment: a.comment,
      reviewedAt: a.reviewedAt?.toISOString() ?? null,
      link: linkStatusOf(item),
    })),
  };
}

/** A reviewer decides on one of their items (the regional admin on any): the item's status history gets the round. */
export async function decideInRound(
  db: Db,
  ctx: SignedInContext,
  roundId: string,
  itemId: string,
  input: Decision,
): Promise<MyReviewDto['items'][number]> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  await inTransaction(db, async (tx) => {
    const [round] = await tx.select().from(trainingReviewRound).where(eq(trainingReviewRound.id, roundId));
    if (!round) throw new NotFoundError(tm.roundNotFound());
    const [a] = await tx
      .select()
      .from(trainingReviewAssignment)
      .where(and(eq(trainingReviewAssignment.roundId, roundId), eq(trainingReviewAssignment.itemId, itemId)))
      .for('update');
    if (!a) throw new NotFoundError(tm.itemNotInRound());
    if (a.reviewerUserId !== actor.userId && !isRegionalAdmin(actor)) {
      throw new ForbiddenError(tm.itemReviewedByOther());
    }
    if (round.status !== 'open') throw new ConflictError(tm.roundClosedNoChanges());
    const [item] = await tx.select().from(trainingItem).where(eq(trainingItem.id, itemId)).for('update');
    if (!item) throw new NotFoundError(tm.trainingNotFound());
    if (item.status === 'removed' || item.status === 'suggested') {
      throw new ConflictError(item.status === 'removed' ? tm.removedNotInRound() : tm.suggestedNotInRound());
    }
    const now = new Date();
    await tx
      .update(trainingItem)
      .set({
        status: input.status,
        updatedAt: now,
        ...(input.status === 'approved' ? { lastReviewedAt: sql`CURRENT_DATE` } : {}),
      })
      .where(eq(trainingItem.id, itemId));
    await tx.insert(trainingItemTransition).values({
      itemId,
      fromStatus: item.status,
      toStatus: input.status,
      comment: input.comment || null,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorOrganisationId: actor.organisationId,
      reviewRoundId: roundId,
    });
    await tx
      .update(trainingReviewAssignment)
      .set({ outcome: input.status, comment: input.comment || null, reviewedBy: actor.userId, reviewedAt: now })
      .where(and(eq(trainingReviewAssignment.roundId, roundId), eq(trainingReviewAssignment.itemId, itemId)));
    const action = { approved: 'approve', needs_change: 'needs_change', removed: 'remove' }[input.status];
    await audit(tx, ctx, { action: `training_item.${action}`, entityType: 'training_item', entityId: itemId });
  });
  const [row] = await db
    .select({ item: trainingItem, a: trainingReviewAssignment })
    .from(trainingReviewAssignment)
    .innerJoin(trainingItem, eq(trainingItem.id, trainingReviewAssignment.itemId))
    .where(and(eq(trainingReviewAssignment.roundId, roundId), eq(trainingReviewAssignment.itemId, itemId)));
  if (!row) throw new NotFoundError();
  return {
    ...toPublicTrainingDto(row.item, await itemLabels(db, [itemId])),
    status: row.item.status as TrainingStatus,
    outcome: row.a.outcome,
    comment: row.a.comment,
    reviewedAt: row.a.reviewedAt?.toISOString() ?? null,
    link: linkStatusOf(row.item),
  };
}

/**
 * A decision taken in the ordinary review queue on an item of the open round counts for the round as well (the item
 * has been reviewed, whoever took it): the assignment gets the outcome, and the transition the round's id.
 */
export async function recordQueueDecision(
  tx: Db,
  actor: Actor,
  itemId: string,
  decision: Decision,
  at: Date,
): Promise<string | null> {
  const [row] = await tx
    .update(trainingReviewAssignment)
    .set({ outcome: decision.status, comment: decision.comment || null, reviewedBy: actor.userId, reviewedAt: at })
    .where(
      and(
        eq(trainingReviewAssignment.itemId, itemId),
        isNull(trainingReviewAssignment.outcome),
        inArray(
          trainingReviewAssignment.roundId,
          tx
            .select({ id: trainingReviewRound.id })
            .from(trainingReviewRound)
            .where(eq(trainingReviewRound.status, 'open')),
        ),
      ),
    )
    .returning({ roundId: trainingReviewAssignment.roundId });
  return row?.roundId ?? null;
}

/** Closes a round when every assigned item is reviewed; a closed round is read-only. */
export async function closeRound(db: Db, ctx: SignedInContext, id: string): Promise<RoundDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:manage');
  await inTransaction(db, async (tx) => {
    const [round] = await tx.select().from(trainingReviewRound).where(eq(trainingReviewRound.id, id)).for('update');
    if (!round) throw new NotFoundError(tm.roundNotFound());
    if (round.status !== 'open') throw new ConflictError(tm.roundAlreadyClosed());
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingReviewAssignment)
      .innerJoin(trainingItem, eq(trainingItem.id, trainingReviewAssignment.itemId))
      // An item removed from the catalogue meanwhile (through the review queue) needs no decision.
      .where(
        and(
          eq(trainingReviewAssignment.roundId, id),
          isNull(trainingReviewAssignment.outcome),
          ne(trainingItem.status, 'removed'),
        ),
      );
    const remaining = left?.n ?? 0;
    if (remaining > 0) {
      throw new ConflictError(remaining === 1 ? tm.roundOneLeft() : tm.roundManyLeft({ count: remaining }));
    }
    await tx
      .update(trainingReviewRound)
      .set({ status: 'closed', closedAt: new Date(), closedBy: actor.userId })
      .where(eq(trainingReviewRound.id, id));
    await audit(tx, ctx, { action: 'training_review_round.close', entityType: 'training_review_round', entityId: id });
  });
  return (await roundDtos(db, [await findRound(db, id)]))[0] as RoundDto;
}

/** 7 days and 1 day before an open round's due date, reviewers with unreviewed items get one e-mail each. */
export async function sendRoundReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<{ sent: number }> {
  const today = swedishDate(now);
  const rounds = await db.select().from(trainingReviewRound).where(eq(trainingReviewRound.status, 'open'));
  let sent = 0;
  for (const round of rounds) {
    const daysLeft = daysBetween(today, round.dueDate);
    const kind = reminderDue(daysLeft);
    if (!kind) continue;
    const pending = await db
      .select({
        userId: user.id,
        email: user.email,
        name: user.name,
        left: sql<number>`count(*)::int`,
      })
      .from(trainingReviewAssignment)
      .innerJoin(user, eq(user.id, trainingReviewAssignment.reviewerUserId))
      .where(
        and(
          eq(trainingReviewAssignment.roundId, round.id),
          isNull(trainingReviewAssignment.outcome),
          eq(user.active, true),
        ),
      )
      .groupBy(user.id, user.email, user.name);
    for (const r of pending) {
      // Claim, then send inside the same transaction: a failed send releases the claim for the next run.
      await inTransaction(db, async (tx) => {
        const claimed = await tx
          .insert(trainingReviewReminder)
          .values({ roundId: round.id, reviewerUserId: r.userId, kind })
          .onConflictDoNothing()
          .returning({ roundId: trainingReviewReminder.roundId });
        if (claimed.length === 0) return;
        const when = swedishWhen(daysLeft);
        await mailer.send(
          reminderMail({
            to: r.email,
            name: r.name,
            subject: `Påminnelse: granskningsomgången ${round.name} ska vara klar ${when}`,
            lines: [
              `Du har ${r.left} ${r.left === 1 ? 'utbildning' : 'utbildningar'} kvar att granska i ${round.name}.`,
              `Sista dag är ${round.dueDate} (${when}).`,
            ],
            link: `Granska dem här: ${publicUrl}/trainings/my-review`,
          }),
        );
        sent += 1;
      });
    }
  }
  return { sent };
}

export function roundReminderJob(deps: { db: Db; mailer: Mailer; publicUrl: string }): Job {
  return {
    name: 'trainings-review-round-reminders',
    // Every morning; the database claim makes extra runs (another server, a restart) harmless.
    schedule: '15 7 * * *',
    run: async (now) => {
      await sendRoundReminders(deps.db, deps.mailer, deps.publicUrl, now);
    },
  };
}

/** The link's health as the reviewer reads it (link-check.ts): broken after BROKEN_AFTER failing checks in a row. */
function linkStatusOf(item: typeof trainingItem.$inferSelect) {
  return {
    checkedAt: item.linkCheckedAt?.toISOString() ?? null,
    outcome: item.linkOutcome,
    httpStatus: item.linkHttpStatus,
    failures: item.linkFailures,
    broken: item.linkFailures >= BROKEN_AFTER,
    newUrl: item.linkNewUrl,
  };
}
