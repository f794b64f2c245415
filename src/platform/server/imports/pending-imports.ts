// The preview → confirm protocol of every import (decision 011). A preview stores the checked plan with the basis it
// was computed against; confirming claims the preview, recomputes the basis under the import's locks, refuses when
// it moved, and applies the plan — all in one transaction, so a refused or failed confirmation changes nothing.
import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { defineMessages } from '../../shared/messages.ts';
import { requireActorOf } from '../actor.ts';
import type { AuditDetails } from '../audit.table.ts';
import { audit, type RequestContext } from '../audit.ts';
import { type Db, inTransaction } from '../db.ts';
import { AppError, ConflictError, type FieldError, NotFoundError } from '../errors.ts';
import type { Actor } from '../policy.ts';
import { pendingImport } from './pending-import.table.ts';

export const importMessages = defineMessages('imports', {
  notFound: { sv: 'Importen finns inte.', en: 'The import does not exist.' },
  handled: { sv: 'Importen är redan hanterad.', en: 'The import has already been handled.' },
  expired: {
    sv: 'Förhandsgranskningen är för gammal. Ladda upp filen igen.',
    en: 'The preview is too old. Upload the file again.',
  },
  stale: {
    sv: 'Uppgifterna har ändrats sedan förhandsgranskningen. Ladda upp filen igen.',
    en: 'The data has changed since the preview. Upload the file again.',
  },
  rejected: {
    sv: 'Filen importerades inte. Rätta felen i listan och ladda upp filen igen.',
    en: 'The file was not imported. Correct the errors in the list and upload the file again.',
  },
});

/** 422: the file was read, but cells are wrong; every error is a field whose path names its place in the file. */
export class ImportRejectedError extends AppError {
  constructor(
    fields: FieldError[],
    message: string | ReturnType<typeof importMessages.rejected> = importMessages.rejected(),
  ) {
    super(422, 'import_rejected', message, fields);
  }
}

export type PendingImport<Plan> = Omit<typeof pendingImport.$inferSelect, 'plan'> & { plan: Plan };

/**
 * How a module declares an import. Its parser (a worker for CPU-heavy files) and its validation (errors by sheet,
 * row and column) run before `preview`; its diff against the current state is the plan; the kit stores it and, on
 * confirmation, runs `lock`, `basis` and `apply` in one transaction.
 */
/** What an import's `apply` adds to its confirmation's audit event (platform/server/audit.ts). */
export type AppliedAudit = { organisationId?: string | null; details?: AuditDetails | null };

export type ImportKind<Plan, Options = undefined> = {
  /** `module.import`, also the audit's entity type (`<kind>.upload`, `.apply`, `.discard` are its actions). */
  kind: string;
  /** How long a preview may be confirmed. */
  expiresInHours: number;
  /** The fingerprint of the state `plan` was computed against (e.g. the reports' `updated_at`, the links present). */
  basis(db: Db, plan: Plan, scope: string): Promise<string>;
  /** Takes the locks under which `basis` is recomputed and `apply` runs (optional). */
  lock?(tx: Db, plan: Plan, scope: string): Promise<void>;
  /**
   * Writes the plan. Runs only when the basis is unchanged; must change nothing for a plan without changes. May return
   * what the kit's one `<kind>.apply` audit event records besides the import's id: the organisation and the ids of the
   * records it wrote (`details`), so an import audits once instead of once per record.
   */
  apply(
    tx: Db,
    ctx: RequestContext,
    preview: PendingImport<Plan>,
    options: Options,
    // biome-ignore lint/suspicious/noConfusingVoidType: most kinds' apply returns nothing (Promise<void>)
  ): Promise<void | AppliedAudit>;
  /** Who besides the uploader may see, confirm and discard the preview (e.g. the configuring admin). */
  mayHandleOthers?(actor: Actor): boolean;
  /** Messages the module words its own way (its API promised them), instead of the kit's. */
  messages?: Partial<Record<'stale' | 'expired' | 'handled' | 'notFound', string>>;
};

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex');
};

/** JSON with every object's keys sorted: the same value gives the same text, also after a trip through jsonb. */
export function canonicalJson(value: unknown): string {
  return canonical(value, '') as string;
}

/**
 * JSON.stringify's own output with every object's keys in code-unit order, written in one walk: a replacer that
 * rebuilds each object is called for every value, which for a plan of 20,000 rows held as columns (arrays of
 * primitives, serialised here by JSON.stringify at once) was most of a preview's digest.
 */
function canonical(input: unknown, key: string): string | undefined {
  let v = input;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    if (v.every((item) => item === null || typeof item !== 'object')) return JSON.stringify(v);
    return `[${v.map((item, i) => canonical(item, String(i)) ?? 'null').join(',')}]`;
  }
  const parts: string[] = [];
  const record = v as Record<string, unknown>;
  for (const k of jsonKeyOrder(Object.keys(record).sort())) {
    const text = canonical(record[k], k);
    if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** An object built from sorted keys lists its array-index keys first, in numeric order (as JavaScript orders them). */
function jsonKeyOrder(sorted: string[]): string[] {
  const index = sorted.filter((k) => /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295);
  if (index.length === 0) return sorted;
  const rest = sorted.filter((k) => !index.includes(k));
  return [...index.sort((a, b) => Number(a) - Number(b)), ...rest];
}

/** A fingerprint of any JSON value, for `basis` and for comparing plans. */
export function fingerprint(value: unknown): string {
  return sha256(canonicalJson(value));
}

/** The digest of a plan: the same kind, scope, file and plan against the same basis give the same digest, whoever. */
export function previewDigest<Plan, Options>(
  kind: ImportKind<Plan, Options>,
  input: { scope?: string; sha256: string; plan: Plan; basis: string },
): string {
  return digestOf(kind.kind, input.scope ?? '', input.sha256, canonicalJson(input.plan), input.basis);
}

const digestOf = (kind: string, scope: string, file: string, planJson: string, basis: string) =>
  sha256(kind, scope, file, planJson, basis);

// The plans this server stored lately, by the pending import's id with its digest: a confirmation on the server that
// made the preview (the usual case) takes its plan from here instead of reading it back (a 20,000-row plan is ~2 MB of
// jsonb). The row's digest covers the plan's text, so a text kept under the same id and digest is the stored plan; it
// is kept as the text sent to the database and parsed at confirmation, so `apply` meets the same values either way
// (no Date or undefined that a trip through jsonb would have changed). Any other server, or this one after a restart,
// reads the row. Few and short-lived: a preview is confirmed within minutes.
type KeptPlan = { digest: string; json: string; at: number };
const keptPlans = new Map<string, KeptPlan>();
const KEPT_PLANS_MAX = 4;
const KEPT_PLAN_MS = 15 * 60_000;

function keepPlan(id: string, digest: string, json: string) {
  keptPlans.set(id, { digest, json, at: Date.now() });
  while (keptPlans.size > KEPT_PLANS_MAX) keptPlans.delete(keptPlans.keys().next().value as string);
}

/** The kept plan of `id` if it is the one stored under `digest` (taken: a confirmation uses it once). */
function takeKeptPlan(id: string, digest: string): { plan: unknown } | null {
  const kept = keptPlans.get(id);
  keptPlans.delete(id);
  if (!kept || kept.digest !== digest || Date.now() - kept.at > KEPT_PLAN_MS) return null;
  return { plan: JSON.parse(kept.json) };
}

/** Forgets the kept plans, as another server (or a restarted one) would not have them (for tests). */
export function forgetKeptPlans() {
  keptPlans.clear();
}

/** Stores a checked plan as a pending import; its digest is the same for the same file against the same state. */
export async function storePreview<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  input: { scope?: string; fileName: string; sha256: string; plan: Plan; basis?: string },
): Promise<PendingImport<Plan>> {
  const actor = requireActorOf(ctx);
  const scope = input.scope ?? '';
  const basis = input.basis ?? (await kind.basis(db, input.plan, scope));
  // The plan's text is made once: hashed into the digest and sent as the stored jsonb (its key order is jsonb's own).
  const planJson = canonicalJson(input.plan);
  const digest = digestOf(kind.kind, scope, input.sha256, planJson, basis);
  const row = await inTransaction(db, async (tx) => {
    const [inserted] = await tx
      .insert(pendingImport)
      .values({
        kind: kind.kind,
        scope,
        fileName: input.fileName.slice(0, 200),
        sha256: input.sha256,
        digest,
        uploadedBy: actor.userId,
        uploadedByToken: actor.tokenId,
        basis,
        plan: sql`${planJson}::jsonb`,
        expiresAt: new Date(Date.now() + kind.expiresInHours * 3600_000),
      })
      .returning(withoutPlan);
    if (!inserted) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: `${kind.kind}.upload`, entityType: kind.kind, entityId: inserted.id });
    return inserted;
  });
  keepPlan(row.id, digest, planJson);
  return { ...row, plan: input.plan };
}

/** Every column of a pending import but its plan. */
const { plan: _plan, ...withoutPlan } = getTableColumns(pendingImport);

/** A pending import of this kind that the actor may see (their own, or any when `mayHandleOthers`); else 404. */
export async function findPreview<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  id: string,
): Promise<PendingImport<Plan>> {
  const row = await ownPreview(db, ctx, kind, id);
  return { ...row, plan: await storedPlan<Plan>(db, kind, id) };
}

/** The pending import without its plan, if the actor may see it; else 404. */
async function ownPreview<Plan, Options>(db: Db, ctx: RequestContext, kind: ImportKind<Plan, Options>, id: string) {
  const actor = requireActorOf(ctx);
  const [row] = await db
    .select(withoutPlan)
    .from(pendingImport)
    .where(and(eq(pendingImport.id, id), eq(pendingImport.kind, kind.kind)));
  const mine = row && (row.uploadedBy === actor.userId || kind.mayHandleOthers?.(actor) === true);
  if (!row || !mine) throw new NotFoundError(kind.messages?.notFound ?? importMessages.notFound());
  return row;
}

async function storedPlan<Plan>(db: Db, kind: ImportKind<Plan, unknown>, id: string): Promise<Plan> {
  const [stored] = await db.select({ plan: pendingImport.plan }).from(pendingImport).where(eq(pendingImport.id, id));
  if (!stored) throw new NotFoundError(kind.messages?.notFound ?? importMessages.notFound());
  return stored.plan as Plan;
}

/** The actor's newest pending preview of this kind with the digest (the catalogue's token), or null. */
export async function findPreviewByDigest<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  digest: string,
): Promise<PendingImport<Plan> | null> {
  const actor = requireActorOf(ctx);
  const rows = await db
    .select()
    .from(pendingImport)
    .where(and(eq(pendingImport.kind, kind.kind), eq(pendingImport.digest, digest)));
  const mine = rows
    .filter((r) => r.uploadedBy === actor.userId || kind.mayHandleOthers?.(actor) === true)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return (mine.find((r) => r.status === 'pending') ?? mine[0] ?? null) as PendingImport<Plan> | null;
}

/** As findPreview, with the plan this server kept at the preview when it has it, else read from the row. */
async function findPreviewPlanLater<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  id: string,
): Promise<PendingImport<Plan>> {
  const row = await ownPreview(db, ctx, kind, id);
  const kept = takeKeptPlan(row.id, row.digest);
  return { ...row, plan: kept ? (kept.plan as Plan) : await storedPlan<Plan>(db, kind, id) };
}

function assertPending(messages: ImportKind<unknown, unknown>['messages'], row: PendingImport<unknown>) {
  if (row.status !== 'pending') throw new ConflictError(messages?.handled ?? importMessages.handled());
  if (row.expiresAt.getTime() <= Date.now()) throw new ConflictError(messages?.expired ?? importMessages.expired());
}

/**
 * Applies exactly the previewed plan, all or nothing: 409 when the preview is handled, expired, or its basis moved.
 */
export async function confirmPreview<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  id: string,
  options: Options,
): Promise<PendingImport<Plan>> {
  const row = await findPreviewPlanLater(db, ctx, kind, id);
  assertPending(kind.messages, row);
  const appliedAt = new Date();
  await inTransaction(db, async (tx) => {
    // Claimed first: of two confirmations racing, the second finds it handled.
    const [claimed] = await tx
      .update(pendingImport)
      .set({ status: 'applied', appliedAt })
      .where(and(eq(pendingImport.id, id), eq(pendingImport.status, 'pending')))
      .returning({ id: pendingImport.id });
    if (!claimed) throw new ConflictError(kind.messages?.handled ?? importMessages.handled());
    await kind.lock?.(tx, row.plan, row.scope);
    if ((await kind.basis(tx, row.plan, row.scope)) !== row.basis) {
      throw new ConflictError(kind.messages?.stale ?? importMessages.stale());
    }
    const applied = await kind.apply(tx, ctx, row, options);
    await audit(tx, ctx, {
      action: `${kind.kind}.apply`,
      entityType: kind.kind,
      entityId: id,
      organisationId: applied?.organisationId ?? null,
      details: applied?.details ?? null,
    });
  });
  return { ...row, status: 'applied', appliedAt };
}

export async function discardPreview<Plan, Options>(
  db: Db,
  ctx: RequestContext,
  kind: ImportKind<Plan, Options>,
  id: string,
): Promise<PendingImport<Plan>> {
  const row = await findPreview(db, ctx, kind, id);
  if (row.status !== 'pending') throw new ConflictError(kind.messages?.handled ?? importMessages.handled());
  await inTransaction(db, async (tx) => {
    await tx
      .update(pendingImport)
      .set({ status: 'discarded' })
      .where(and(eq(pendingImport.id, id), eq(pendingImport.status, 'pending')));
    await audit(tx, ctx, { action: `${kind.kind}.discard`, entityType: kind.kind, entityId: id });
  });
  return { ...row, status: 'discarded' };
}
