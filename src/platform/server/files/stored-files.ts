// Stored documents (decision 024): the one way a module keeps an uploaded file (a signed agreement, a decision).
// The file arrives through the import kit's upload helper (streamed, refused past its size limit), its type is told
// by its first bytes, and it is kept in `stored_file` with its SHA-256, uploader and organisation. It is uploaded
// first (unattached, the uploader's alone) and attached to its owning record in that record's own transaction, so a
// refused change leaves no document behind; unattached uploads are removed after a day. A download goes through
// `sendStoredFile`, which asks the owning module whether the caller may read the record the file belongs to.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STORED_FILE_LIMIT_BYTES, type StoredFileDto } from '../../shared/files.ts';
import { defineMessages } from '../../shared/messages.ts';
import type { SignedInContext } from '../actor.ts';
import { audit, type RequestContext } from '../audit.ts';
import type { Db } from '../db.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { megabytes, withUpload } from '../imports/upload.ts';
import { UploadRejectedError } from '../upload-guard.ts';
import { storedFile } from './stored-file.table.ts';

export const fileMessages = defineMessages('files', {
  notAttachable: {
    sv: 'Dokumentet finns inte längre eller hör redan till något annat. Ladda upp det igen.',
    en: 'The document no longer exists or already belongs to something else. Upload it again.',
  },
});

/** The types a stored document may be, each known by its magic bytes. */
export type StoredFileType = 'pdf';

const TYPES: Record<StoredFileType, { contentType: string; magic: Buffer; refusal: 'not_pdf'; extension: string }> = {
  pdf: { contentType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1'), refusal: 'not_pdf', extension: '.pdf' },
};

/** The default size limit of a stored document (the configuration's UPLOAD_MAX_MB caps it). */
export const STORED_FILE_MAX_BYTES = STORED_FILE_LIMIT_BYTES;
/** How long an uploaded file may wait to be attached to its record. */
export const UNATTACHED_HOURS = 24;

export type StoredFileMeta = {
  id: string;
  owner: string;
  ownerId: string | null;
  organisationId: string | null;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
};

const meta = {
  id: storedFile.id,
  owner: storedFile.owner,
  ownerId: storedFile.ownerId,
  organisationId: storedFile.organisationId,
  fileName: storedFile.fileName,
  contentType: storedFile.contentType,
  bytes: storedFile.bytes,
  sha256: storedFile.sha256,
  uploadedBy: storedFile.uploadedBy,
  createdAt: storedFile.createdAt,
};

/** The type of a file's content among the accepted ones, or the refusal of the first accepted type. */
export function fileTypeOf(content: Buffer, accepted: readonly StoredFileType[]): StoredFileType {
  for (const type of accepted) {
    const { magic } = TYPES[type];
    if (content.length >= magic.length && content.subarray(0, magic.length).equals(magic)) return type;
  }
  throw new UploadRejectedError(TYPES[accepted[0] ?? 'pdf'].refusal);
}

export type ReceiveOptions = {
  /** `module.record`: the kind of record the file will be attached to. */
  owner: string;
  /** The organisation whose file it is (usually the municipality of the record). */
  organisationId: string | null;
  types: readonly StoredFileType[];
  maxBytes?: number;
};

/**
 * Receives the request's file (multipart field `file`) through the upload helper, checks its type by content and
 * keeps it unattached for the caller. The caller has already checked that the actor may add a document at all.
 */
export async function receiveStoredFile(
  req: FastifyRequest,
  db: Db,
  ctx: SignedInContext,
  options: ReceiveOptions,
): Promise<StoredFileMeta> {
  const config = req.server.deps.config;
  const maxBytes = options.maxBytes ?? STORED_FILE_MAX_BYTES;
  return withUpload(req, config, { maxBytes, defaultName: 'dokument' }, async (file) => {
    const content = await readFile(file.path);
    const type = fileTypeOf(content, options.types);
    return storeFile(db, ctx, {
      owner: options.owner,
      ownerId: null,
      organisationId: options.organisationId,
      fileName: withExtension(file.name, TYPES[type].extension),
      content,
      types: options.types,
    });
  });
}

/** The limit a module states in its hint ("högst 10 MB"). */
export function storedFileLimitText(maxBytes = STORED_FILE_MAX_BYTES): string {
  return megabytes(maxBytes);
}

export type NewStoredFile = {
  owner: string;
  /** Null: uploaded, waiting to be attached. */
  ownerId: string | null;
  organisationId: string | null;
  fileName: string;
  content: Buffer;
  types: readonly StoredFileType[];
};

/** Keeps a file (an upload, or a document the server or the demo made). Its type is checked by content here too. */
export async function storeFile(db: Db, ctx: RequestContext, file: NewStoredFile): Promise<StoredFileMeta> {
  const type = fileTypeOf(file.content, file.types);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  // An upload is the moment to forget the uploads nobody attached (no job needed for so small a rule).
  if (file.ownerId === null) await purgeUnattachedFiles(db, new Date());
  const [row] = await db
    .insert(storedFile)
    .values({
      owner: file.owner,
      ownerId: file.ownerId,
      organisationId: file.organisationId,
      fileName: file.fileName.slice(0, 200),
      contentType: TYPES[type].contentType,
      bytes: file.content.length,
      sha256,
      content: file.content,
      uploadedBy: ctx.actor?.userId ?? null,
      uploadedByToken: ctx.actor?.tokenId ?? null,
      attachedAt: file.ownerId === null ? null : new Date(),
    })
    .returning(meta);
  if (!row) throw new Error('stored_file insert returned nothing');
  await audit(db, ctx, {
    action: 'file.upload',
    entityType: 'stored_file',
    entityId: row.id,
    organisationId: file.organisationId,
  });
  return row;
}

/**
 * Attaches the caller's unattached uploads to their record, inside the record's transaction. A file that is gone,
 * attached already, of another owner kind or uploaded by someone else is a validation error at `path`.
 */
export async function attachStoredFiles(
  tx: Db,
  ctx: SignedInContext,
  attach: { owner: string; ownerId: string; fileIds: readonly string[]; path?: string },
): Promise<StoredFileMeta[]> {
  const ids = [...new Set(attach.fileIds)];
  if (ids.length === 0) return [];
  const rows = await tx
    .update(storedFile)
    .set({ ownerId: attach.ownerId, attachedAt: new Date() })
    .where(
      and(
        inArray(storedFile.id, ids),
        eq(storedFile.owner, attach.owner),
        isNull(storedFile.ownerId),
        eq(storedFile.uploadedBy, ctx.actor.userId),
      ),
    )
    .returning(meta);
  if (rows.length !== ids.length) {
    throw new ValidationError([{ path: attach.path ?? 'documentIds', message: fileMessages.notAttachable() }]);
  }
  return rows;
}

/** The files of some records (metadata only), oldest first. */
export async function storedFilesOf(db: Db, owner: string, ownerIds: readonly string[]): Promise<StoredFileMeta[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select(meta)
    .from(storedFile)
    .where(and(eq(storedFile.owner, owner), inArray(storedFile.ownerId, [...ownerIds])))
    .orderBy(storedFile.createdAt, storedFile.id);
}

/** Deletes the files of records that are deleted (call it in the same transaction as the records' deletion). */
export async function deleteStoredFilesOf(tx: Db, owner: string, ownerIds: readonly string[]): Promise<number> {
  if (ownerIds.length === 0) return 0;
  const rows = await tx
    .delete(storedFile)
    .where(and(eq(storedFile.owner, owner), inArray(storedFile.ownerId, [...ownerIds])))
    .returning({ id: storedFile.id });
  return rows.length;
}

/** Removes uploads older than UNATTACHED_HOURS that were never attached to a record. */
export async function purgeUnattachedFiles(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UNATTACHED_HOURS * 3600_000);
  const rows = await db
    .delete(storedFile)
    .where(and(isNull(storedFile.ownerId), lt(storedFile.createdAt, cutoff)))
    .returning({ id: storedFile.id });
  return rows.length;
}

export type DownloadCheck = {
  fileId: string;
  /** The owner kind the route serves: a file of another kind is not found here. */
  owner: string;
  /** The owning module's answer: may this caller read the record `file.ownerId`? (False answers 404.) */
  mayRead(file: StoredFileMeta): Promise<boolean> | boolean;
};

/** Sends an attached file to a caller the owning module allows; otherwise 404. Audited as a read. */
export async function sendStoredFile(reply: FastifyReply, db: Db, ctx: SignedInContext, check: DownloadCheck) {
  const [file] = await db
    .select(meta)
    .from(storedFile)
    .where(and(eq(storedFile.id, check.fileId), eq(storedFile.owner, check.owner)));
  if (!file || file.ownerId === null || !(await check.mayRead(file))) throw new NotFoundError();
  const [row] = await db.select({ content: storedFile.content }).from(storedFile).where(eq(storedFile.id, file.id));
  if (!row) throw new NotFoundError();
  await audit(db, ctx, {
    action: 'file.download',
    entityType: 'stored_file',
    entityId: file.id,
    organisationId: file.organisationId,
  });
  const ascii = file.fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return (
    reply
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .header('x-content-type-options', 'nosniff')
      // An uploaded document is never run as a page of ours, even if a browser is asked to show it inline.
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'no-store')
      .header('etag', `"${file.sha256}"`)
      .send(row.content)
  );
}

/** The files table's count per owner kind (for checks and the backup test). */
export async function countStoredFiles(db: Db, owner: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(storedFile).where(eq(storedFile.owner, owner));
  return row?.n ?? 0;
}

/** The file as the API shows it. */
export function toStoredFileDto(file: StoredFileMeta): StoredFileDto {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: file.bytes,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
  };
}

function withExtension(name: string, extension: string): string {
  const trimmed = name.trim() || 'dokument';
  return trimmed.toLowerCase().endsWith(extension) ? trimmed : `${trimmed}${extension}`;
}
