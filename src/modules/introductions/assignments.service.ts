// Giving a list to a new employee: a snapshot of its entries with a personal link (only the token's hash is stored)
// sent by e-mail, and the manager's follow-up: progress, a new link, ending or removing an introduction.

import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { authorizeObject, hashToken, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { catalogueItemsByIds } from '../trainings/items-lookup.service.ts';
import { itemIdsOf, progressEntries } from './entries-view.ts';
import { type AssignInput, type AssignmentDto, INTRO_LIMITS } from './introductions.contracts.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { introAssignment, introAssignmentEntry } from './introductions.table.ts';
import {
  type AssignmentRow,
  authorizeAny,
  entriesOf,
  findList,
  type IntroductionsDeps,
  municipalityNames,
  readEvents,
} from './introductions-scope.ts';

const DAY = 86_400_000;

function newToken() {
  // 256 random bits; only the hash is stored.
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), tokenExpiresAt: new Date(Date.now() + INTRO_LIMITS.linkDays * DAY) };
}

export function introductionLink(publicUrl: string, token: string) {
  return `${publicUrl}/introduktion?token=${encodeURIComponent(token)}`;
}

export function introductionMail(
  publicUrl: string,
  a: { email: string; name: string | null; listName: string; linkedToUser: boolean },
  municipalityName: string,
  token: string,
) {
  return {
    to: a.email,
    subject: `Din introduktion – ${a.listName}`,
    text: [
      a.name ? `Hej ${a.name}!` : 'Hej!',
      '',
      `Välkommen till ${municipalityName}! Din chef har gett dig introduktionslistan "${a.listName}" i Kompetensnav.`,
      `Öppna den här och bocka av punkterna när du har gjort dem (länken gäller i ${INTRO_LIMITS.linkDays} dagar): ${introductionLink(publicUrl, token)}`,
      ...(a.linkedToUser ? ['', 'Du hittar den också under "Min introduktion" när du loggar in i Kompetensnav.'] : []),
      '',
      'Länken är personlig: dela den inte med andra.',
    ].join('\n'),
  };
}

async function assignmentDtos(db: Db, rows: AssignmentRow[]): Promise<AssignmentDto[]> {
  const entries = await progressEntries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const list = entries.get(r.id) ?? [];
    return {
      id: r.id,
      listId: r.listId,
      listName: r.listName,
      email: r.email,
      name: r.name,
      linkedToUser: r.userId !== null,
      createdAt: r.createdAt.toISOString(),
      lastSentAt: r.lastSentAt.toISOString(),
      linkExpiresAt: r.tokenExpiresAt.toISOString(),
      lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      done: list.filter((e) => e.doneAt !== null).length,
      total: list.length,
      entries: list,
    };
  });
}

/** The people a list was given to, with their progress (the manager's follow-up). */
export async function listAssignments(deps: IntroductionsDeps, ctx: SignedInContext, listId: string) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  // Personal data: another municipality's people are hidden (404), even though its list is in the library.
  authorizeObject(actor, 'introductions:manage', { organisationId: list.organisationId });
  const rows = await db
    .select()
    .from(introAssignment)
    .where(and(eq(introAssignment.listId, listId), eq(introAssignment.organisationId, list.organisationId)))
    .orderBy(sql`${introAssignment.endedAt} IS NOT NULL`, asc(introAssignment.createdAt));
  await audit(db, ctx, readEvents(rows));
  return assignmentDtos(db, rows);
}

export async function assign(deps: IntroductionsDeps, ctx: SignedInContext, listId: string, input: AssignInput) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeObject(actor, 'introductions:manage', { organisationId: list.organisationId });
  const entries = await entriesOf(db, listId);
  if (entries.length === 0) {
    throw new ValidationError([], im.listEmpty());
  }
  const [ongoing] = await db
    .select({ id: introAssignment.id })
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.listId, listId),
        sql`lower(${introAssignment.email}) = ${input.email}`,
        isNull(introAssignment.endedAt),
      ),
    );
  if (ongoing) {
    throw new ConflictError(im.alreadyAssigned(), [{ path: 'email', message: im.alreadyAssignedResend() }]);
  }
  // A user of the same municipality with this address also sees it under "Min introduktion".
  const [existingUser] = await db
    .select({ id: user.id })
    .from(user)
    .where(
      and(
        sql`lower(${user.email}) = ${input.email}`,
        eq(user.organisationId, list.organisationId),
        eq(user.active, true),
      ),
    );
  const items = await catalogueItemsByIds(db, itemIdsOf(entries));
  const { token, tokenHash, tokenExpiresAt } = newToken();
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(introAssignment)
      .values({
        organisationId: list.organisationId,
        listId,
        listName: list.name,
        professionKey: list.professionKey,
        email: input.email,
        name: input.name || null,
        userId: existingUser?.id ?? null,
        tokenHash,
        tokenExpiresAt,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await tx.insert(introAssignmentEntry).values(
      entries.map((e, i) => {
        const item = e.trainingItemId ? items.get(e.trainingItemId) : undefined;
        return {
          assignmentId: created.id,
          position: i + 1,
          kind: e.kind,
          trainingItemId: e.trainingItemId,
          title: item?.title ?? e.title,
          url: e.kind === 'local' ? e.url : (item?.url ?? null),
          description: e.description,
        };
      }),
    );
    await audit(tx, ctx, {
      action: 'intro_assignment.create',
      entityType: 'intro_assignment',
      entityId: created.id,
      organisationId: list.organisationId,
    });
    return created;
  });
  await sendLink(deps, row, token);
  const [dto] = await assignmentDtos(db, [row]);
  return dto as AssignmentDto;
}

async function sendLink(deps: IntroductionsDeps, row: AssignmentRow, token: string) {
  const names = await municipalityNames(deps.db, [row.organisationId]);
  await deps.mailer.send(
    introductionMail(
      deps.publicUrl,
      { email: row.email, name: row.name, listName: row.listName, linkedToUser: row.userId !== null },
      names.get(row.organisationId) ?? '',
      token,
    ),
  );
}

/** An assignment the actor manages: another municipality's answers 404, a non-manager 403. */
async function managedAssignment(db: Db, actor: Actor, id: string): Promise<AssignmentRow> {
  authorizeAny(actor, 'introductions:manage');
  const [row] = await db.select().from(introAssignment).where(eq(introAssignment.id, id));
  if (!row) throw new NotFoundError(im.introductionNotFound());
  authorizeObject(actor, 'introductions:manage', { organisationId: row.organisationId });
  return row;
}

/** A new personal link (the old one stops working) with a fresh expiry, sent again. */
export async function resendLink(deps: IntroductionsDeps, ctx: SignedInContext, id: string) {
  const { actor } = ctx;
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  if (row.endedAt) throw new ConflictError(im.introductionEndedGiveAgain());
  const { token, tokenHash, tokenExpiresAt } = newToken();
  const updated = await inTransaction(db, async (tx) => {
    const [saved] = await tx
      .update(introAssignment)
      .set({ tokenHash, tokenExpiresAt, lastSentAt: new Date() })
      .where(eq(introAssignment.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'intro_assignment.resend',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
    return saved as AssignmentRow;
  });
  await sendLink(deps, updated, token);
  const [dto] = await assignmentDtos(db, [updated]);
  return dto as AssignmentDto;
}

/** Ends an introduction: the link stops working; the manager still sees how far the person came. */
export async function endAssignment(deps: IntroductionsDeps, ctx: SignedInContext, id: string) {
  const { actor } = ctx;
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  if (row.endedAt) throw new ConflictError(im.introductionAlreadyEnded());
  const updated = await inTransaction(db, async (tx) => {
    const [saved] = await tx
      .update(introAssignment)
      .set({ endedAt: new Date(), endedBy: actor.kind === 'user' ? actor.userId : null })
      .where(eq(introAssignment.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'intro_assignment.end',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
    return saved as AssignmentRow;
  });
  const [dto] = await assignmentDtos(db, [updated]);
  return dto as AssignmentDto;
}

/** Removes an introduction with its progress and the person's address (e.g. given by mistake). */
export async function deleteAssignment(deps: IntroductionsDeps, ctx: SignedInContext, id: string) {
  const { actor } = ctx;
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  await inTransaction(db, async (tx) => {
    await tx.delete(introAssignment).where(eq(introAssignment.id, id));
    await audit(tx, ctx, {
      action: 'intro_assignment.delete',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
  });
  return { ok: true as const };
}
