// The employee's side: their ongoing introductions when signed in, and the one behind a personal link (no sign-in);
// ticking entries off.

import { and, asc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import { hashToken, type SignedInContext } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError } from '../../platform/server/errors.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { progressEntries } from './entries-view.ts';
import type { IntroductionDto } from './introductions.contracts.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { introAssignment, introAssignmentEntry } from './introductions.table.ts';
import {
  type AssignmentEntryRow,
  type AssignmentRow,
  authorizeAny,
  type IntroductionsDeps,
  municipalityNames,
  readEvents,
} from './introductions-scope.ts';

async function introductionDtos(db: Db, rows: AssignmentRow[]): Promise<IntroductionDto[]> {
  const entries = await progressEntries(
    db,
    rows.map((r) => r.id),
  );
  const names = await municipalityNames(
    db,
    rows.map((r) => r.organisationId),
  );
  return rows.map((r) => {
    const list = entries.get(r.id) ?? [];
    return {
      id: r.id,
      listName: r.listName,
      municipalityName: names.get(r.organisationId) ?? '',
      name: r.name,
      createdAt: r.createdAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      done: list.filter((e) => e.doneAt !== null).length,
      total: list.length,
      entries: list,
    };
  });
}

/** The signed-in person's ongoing introductions: given to them, or to their address in their municipality. */
export async function myAssignments(db: Db, actor: Actor, extra?: SQL): Promise<AssignmentRow[]> {
  const [me] = await db.select({ email: user.email }).from(user).where(eq(user.id, actor.userId));
  if (!me) return [];
  return db
    .select()
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.organisationId, actor.organisationId),
        or(eq(introAssignment.userId, actor.userId), sql`lower(${introAssignment.email}) = ${me.email.toLowerCase()}`),
        isNull(introAssignment.endedAt),
        extra,
      ),
    )
    .orderBy(asc(introAssignment.createdAt));
}

export async function myIntroductions(deps: IntroductionsDeps, ctx: SignedInContext) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:follow');
  const rows = await myAssignments(deps.db, actor);
  await audit(deps.db, ctx, readEvents(rows));
  return introductionDtos(deps.db, rows);
}

export async function setMyProgress(
  deps: IntroductionsDeps,
  ctx: SignedInContext,
  id: string,
  entryId: string,
  done: boolean,
) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:follow');
  const [row] = await myAssignments(deps.db, actor, eq(introAssignment.id, id));
  if (!row) throw new NotFoundError(im.introductionNotFound());
  return setProgress(deps, ctx, row, entryId, done);
}

async function byToken(db: Db, token: string): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.tokenHash, hashToken(token)),
        isNull(introAssignment.endedAt),
        gt(introAssignment.tokenExpiresAt, new Date()),
      ),
    );
  if (!row) throw new NotFoundError(im.linkGone());
  return row;
}

export async function introductionByToken(deps: IntroductionsDeps, ctx: RequestContext, token: string) {
  const row = await byToken(deps.db, token);
  await audit(deps.db, ctx, readEvents([row]));
  const [dto] = await introductionDtos(deps.db, [row]);
  return dto as IntroductionDto;
}

export async function setProgressByToken(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  entryId: string,
  token: string,
  done: boolean,
) {
  return setProgress(deps, ctx, await byToken(deps.db, token), entryId, done);
}

/** Ticks an entry off (keeping when it was first done) or back. */
async function setProgress(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  row: AssignmentRow,
  entryId: string,
  done: boolean,
): Promise<IntroductionDto> {
  const { db } = deps;
  const now = new Date();
  await inTransaction(db, async (tx) => {
    const [entry] = await tx
      .select()
      .from(introAssignmentEntry)
      .where(and(eq(introAssignmentEntry.id, entryId), eq(introAssignmentEntry.assignmentId, row.id)));
    if (!entry) throw new NotFoundError(im.myEntryNotFound());
    const doneAt: AssignmentEntryRow['doneAt'] = done ? (entry.doneAt ?? now) : null;
    await tx.update(introAssignmentEntry).set({ doneAt }).where(eq(introAssignmentEntry.id, entryId));
    await tx.update(introAssignment).set({ lastActivityAt: now }).where(eq(introAssignment.id, row.id));
    await audit(tx, ctx, {
      action: 'intro_assignment.progress',
      entityType: 'intro_assignment',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  const [fresh] = await db.select().from(introAssignment).where(eq(introAssignment.id, row.id));
  const [dto] = await introductionDtos(db, [fresh as AssignmentRow]);
  return dto as IntroductionDto;
}
