// Kept feeds and conditional requests (decision 031): the validators, the bodies this server remembers by their ETag
// with their compressed forms, and the answer of a kept or newly built body (200 or 304).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { type AnyColumn, sql } from 'drizzle-orm';
import { preferredEncoding } from '../../platform/server/kept-answer.ts';

/** What a calendar client sent to ask "only if changed". */
export type Conditional = { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined };
/** A feed's answer: its body, or 304 when the client's copy is current. */
export type FeedAnswer = { etag: string; modifiedAt: Date } & (
  | { notModified: true }
  | { notModified: false; body: string }
);

/** A strong validator of the body (computed once, when the body is built, and kept with it). */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** The entity tags of an If-None-Match header (weak ones compare by their tag; `*` matches any). */
export function etagsOf(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter((t) => t === '*' || /^"[^"]*"$/.test(t))
    .slice(0, 16);
}

/** Is the client's copy the current one? If-None-Match decides when sent; else If-Modified-Since (to the second). */
function isCurrent(cond: Conditional, etag: string, modifiedAt: Date): boolean {
  const tags = etagsOf(cond.ifNoneMatch);
  if (cond.ifNoneMatch !== undefined) return tags.includes('*') || tags.includes(etag);
  if (!cond.ifModifiedSince) return false;
  const since = Date.parse(cond.ifModifiedSince);
  return Number.isFinite(since) && Math.floor(modifiedAt.getTime() / 1000) * 1000 <= since;
}

// Each app server remembers the bodies it has sent, by their ETag (a hash of the text, so an entry never goes stale),
// with their compressed forms: a steady poll then reads no body from the database and compresses nothing. Bounded
// by size; the oldest go first.
type Remembered = { text: string; encoded: Map<'br' | 'gzip', Buffer> };
const remembered = new Map<string, Remembered>();
let rememberedChars = 0;
const REMEMBERED_MAX_CHARS = 32_000_000;
/** The ETag each feed (by its key: the token's hash, or the open feed's key) was last sent with in this server. */
const lastSent = new Map<string, string>();
const LAST_SENT_MAX = 20_000;

function remember(key: string, etag: string, text: string) {
  if (!remembered.has(etag)) {
    remembered.set(etag, { text, encoded: new Map() });
    rememberedChars += text.length;
    for (const [tag, r] of remembered) {
      if (rememberedChars <= REMEMBERED_MAX_CHARS) break;
      remembered.delete(tag);
      rememberedChars -= r.text.length;
    }
  }
  lastSent.delete(key);
  lastSent.set(key, etag);
  if (lastSent.size > LAST_SENT_MAX) lastSent.delete(lastSent.keys().next().value as string);
}

// The personal feeds' validators this server built them with (decision 042), by the token's hash: a rebuild on this
// server (after a change of the feed) is not written back to the token's row, the next polls compare the feed's
// version and dependencies read from the database with these. The database decides validity on every request as
// before (its counters are raised by the triggers, whoever writes); memory only holds what was built at which version.
/** What a personal feed's body was built at and for, and its validators; whose feed it is, and the watch's ticket
 *  taken before the database last confirmed them (decision 045). */
export type Held = {
  version: number;
  builtFor: string;
  etag: string;
  modifiedAt: Date;
  userId: string;
  checked: number;
};
const held = new Map<string, Held>();
const HELD_MAX = 20_000;

/** The validators this server built the feed with, if it holds them. */
export const heldFeed = (key: string): Held | undefined => held.get(key);

/** Notes the validators of a body this server built (the oldest entries go first). */
export function holdFeed(key: string, h: Held) {
  held.delete(key);
  held.set(key, h);
  if (held.size > HELD_MAX) held.delete(held.keys().next().value as string);
}

/** Forgets every held validator and remembered body, as a restarted server would (for tests). */
export function forgetFeeds() {
  held.clear();
  remembered.clear();
  rememberedChars = 0;
  lastSent.clear();
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The body in the form the client accepts, compressed once per body and server (brotli, else gzip) on libuv's
 *  threads, so that compressing a new body does not hold up the other requests. */
export async function encodedBody(
  etag: string,
  text: string,
  acceptEncoding: string | undefined,
): Promise<{ body: string | Buffer; encoding?: 'br' | 'gzip' }> {
  const encoding = preferredEncoding(acceptEncoding);
  if (!encoding || text.length < 1024) return { body: text };
  const r = remembered.get(etag);
  let buf = r?.encoded.get(encoding);
  if (!buf) {
    buf =
      encoding === 'br'
        ? await brotliAsync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzipAsync(text, { level: 6 });
    r?.encoded.set(encoding, buf);
  }
  return { body: buf, encoding };
}

/** The kept body, left out of the row when the client already holds it (a 304) or this server has it in memory. */
export function keptBody(key: string, cond: Conditional, etagColumn: AnyColumn, bodyColumn: AnyColumn) {
  const mine = lastSent.get(key);
  const tags = [...etagsOf(cond.ifNoneMatch).filter((t) => t !== '*'), ...(mine && remembered.has(mine) ? [mine] : [])];
  if (tags.length === 0) return sql<string | null>`${bodyColumn}`;
  return sql<string | null>`CASE WHEN ${etagColumn} IN (${sql.join(
    tags.map((t) => sql`${t}`),
    sql`, `,
  )}) THEN NULL ELSE ${bodyColumn} END`;
}

/** The answer of a kept body: 304, or the text (from the row, from memory, or read again when memory let it go). */
export async function answer(
  key: string,
  cond: Conditional,
  etag: string,
  modifiedAt: Date,
  body: string | null,
  readBody: () => Promise<string | null>,
): Promise<FeedAnswer | null> {
  if (isCurrent(cond, etag, modifiedAt)) return { etag, modifiedAt, notModified: true };
  const text = body ?? remembered.get(etag)?.text ?? (await readBody());
  if (text === null) return null;
  remember(key, etag, text);
  return { etag, modifiedAt, notModified: false, body: text };
}

/** The answer of a body just built. */
export function built(key: string, cond: Conditional, etag: string, modifiedAt: Date, text: string): FeedAnswer {
  if (isCurrent(cond, etag, modifiedAt)) return { etag, modifiedAt, notModified: true };
  remember(key, etag, text);
  return { etag, modifiedAt, notModified: false, body: text };
}
