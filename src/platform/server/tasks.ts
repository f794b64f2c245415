// The start page's tasks (decision 018): every module may contribute its own through its manifest (`tasks`); the
// platform asks each module for the signed-in user's tasks, words them in the user's language and never names one.

import type { TaskDto } from '../shared/contracts.ts';
import type { Message } from '../shared/messages.ts';
import { translate } from '../shared/messages.ts';
import type { SignedInContext } from './actor.ts';
import type { ModuleContext } from './module.ts';

/** What a module returns for one task: a message code (its count as the `count` parameter), a link and a count. */
export type TaskItem = {
  /** Unique within the module, e.g. "openReport.<periodId>". */
  key: string;
  message: Message;
  count: number;
  /** A path of the web app, e.g. "/staffing/reports/<period>/<municipality>". */
  href: string;
  /** A deadline (YYYY-MM-DD), if the task has one. */
  due?: string | null;
};

/** A module's task contribution: only what concerns the signed-in user; nothing with a count of 0. */
export type TaskProvider = (ctx: ModuleContext, call: SignedInContext) => Promise<readonly TaskItem[]>;

/**
 * The tasks of every module for the user, in the modules' order. A module whose tasks fail is left out (and logged by
 * the caller's `onError`) so one module cannot take the start page down.
 */
export async function collectTasks(
  ctx: ModuleContext,
  call: SignedInContext,
  onError: (module: string, error: unknown) => void = () => {},
): Promise<TaskDto[]> {
  const locale = call.actor.locale;
  const results = await Promise.all(
    ctx.modules.map(async (module) => {
      if (!module.tasks) return [];
      try {
        const items = await module.tasks(ctx, call);
        return items
          .filter((item) => item.count > 0)
          .map((item) => ({
            key: `${module.name}.${item.key}`,
            module: module.name,
            label: translate({ ...item.message, params: { count: item.count, ...item.message.params } }, locale),
            count: item.count,
            href: item.href,
            due: item.due ?? null,
          }));
      } catch (error) {
        onError(module.name, error);
        return [];
      }
    }),
  );
  return results.flat();
}
