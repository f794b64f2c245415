// The introductions module's part of the start page's "Att göra" (decision 018): the signed-in person's ongoing
// introductions with what is left to do. Their own progress only, so no read of others' data is audited.
import { inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import type { ModuleContext } from '../../platform/server/module.ts';
import { can } from '../../platform/server/policy.ts';
import type { TaskItem } from '../../platform/server/tasks.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { introAssignmentEntry } from './introductions.table.ts';
import { myAssignments } from './my-introduction.service.ts';

export async function introductionTasks({ db }: ModuleContext, { actor }: SignedInContext): Promise<TaskItem[]> {
  if (!can(actor, 'introductions:follow')) return [];
  const assignments = await myAssignments(db, actor);
  if (assignments.length === 0) return [];
  const counts = await db
    .select({
      id: introAssignmentEntry.assignmentId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(${introAssignmentEntry.doneAt})::int`,
    })
    .from(introAssignmentEntry)
    .where(
      inArray(
        introAssignmentEntry.assignmentId,
        assignments.map((a) => a.id),
      ),
    )
    .groupBy(introAssignmentEntry.assignmentId);
  return assignments.map((a) => {
    const c = counts.find((x) => x.id === a.id) ?? { total: 0, done: 0 };
    return {
      key: `mine.${a.id}`,
      message: im.taskMyIntroduction({ list: a.listName, done: c.done, total: c.total }),
      count: c.total - c.done,
      href: '/introductions/mine',
    };
  });
}
