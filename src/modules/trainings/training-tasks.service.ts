// The trainings module's part of the start page's "Att göra" (decision 018): a reviewer's unreviewed items in the open
// round (every unreviewed item for the region's office), suggestions waiting, and broken or moved links.
import { and, eq, gte, isNull, ne, or, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import type { ModuleContext } from '../../platform/server/module.ts';
import { can } from '../../platform/server/policy.ts';
import type { TaskItem } from '../../platform/server/tasks.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { BROKEN_AFTER } from './link-check.ts';
import { trainingsMessages as tm } from './trainings.messages.ts';
import { trainingItem, trainingReviewAssignment, trainingReviewRound } from './trainings.table.ts';

export async function trainingTasks({ db }: ModuleContext, { actor }: SignedInContext): Promise<TaskItem[]> {
  if (!can(actor, 'trainings:review')) return [];
  const region = isRegionalAdmin(actor);
  const count = sql<number>`count(*)::int`;
  const [[round], [queue]] = await Promise.all([
    db
      .select({
        id: trainingReviewRound.id,
        name: trainingReviewRound.name,
        due: trainingReviewRound.dueDate,
        n: count,
      })
      .from(trainingReviewRound)
      .innerJoin(trainingReviewAssignment, eq(trainingReviewAssignment.roundId, trainingReviewRound.id))
      .where(
        and(
          eq(trainingReviewRound.status, 'open'),
          isNull(trainingReviewAssignment.outcome),
          region ? undefined : eq(trainingReviewAssignment.reviewerUserId, actor.userId),
        ),
      )
      .groupBy(trainingReviewRound.id),
    db
      .select({
        suggested: sql<number>`count(*) filter (where ${trainingItem.status} = 'suggested')::int`,
        links: sql<number>`count(*) filter (where ${or(gte(trainingItem.linkFailures, BROKEN_AFTER), eq(trainingItem.linkOutcome, 'moved'))})::int`,
      })
      .from(trainingItem)
      .where(ne(trainingItem.status, 'removed')),
  ]);
  const tasks: TaskItem[] = [];
  if (round) {
    tasks.push({
      key: `round.${round.id}`,
      message: (region ? tm.taskRoundLeft : tm.taskMyReview)({ round: round.name }),
      count: round.n,
      href: region ? '/trainings/rounds' : '/trainings/my-review',
      due: round.due,
    });
  }
  tasks.push({
    key: 'suggestions',
    message: tm.taskSuggestions(),
    count: queue?.suggested ?? 0,
    href: '/trainings/review',
  });
  tasks.push({
    key: 'links',
    message: tm.taskBrokenLinks(),
    count: queue?.links ?? 0,
    href: '/trainings/review?status=links',
  });
  return tasks;
}
