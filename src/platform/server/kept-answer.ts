// An answer a module computes once and keeps (decision 041): its bytes, a strong validator, and its compressed forms
// made once on libuv's threads. Sending one costs no serialisation, no string-to-bytes copy and no compression per
// request: a large answer that many requests share (the region's forecast, 200 kB) no longer makes garbage in
// proportion to its traffic, and a client whose copy is current gets 304 without a body.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

/** Below this size an answer is sent as it is (as the global compression's threshold). */
const COMPRESS_FROM_BYTES = 1024;

export class KeptAnswer {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {
    this.etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
  }

  static json(value: unknown): KeptAnswer {
    return new KeptAnswer(Buffer.from(JSON.stringify(value)), 'application/json; charset=utf-8');
  }

  /** The bytes in the given encoding, compressed the first time it is asked for (brotli at the global quality). */
  encodedAs(encoding: Encoding): Promise<Buffer> {
    let made = this.encoded.get(encoding);
    if (!made) {
      made =
        encoding === 'br'
          ? brotliAsync(this.bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })
          : gzipAsync(this.bytes, { level: 6 });
      this.encoded.set(encoding, made);
      made.catch(() => this.encoded.delete(encoding));
    }
    return made;
  }
}

/** The encoding to send in, from an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (name) accepted.add(name.trim().toLowerCase());
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
}

/** Whether an If-None-Match header names this tag (a list, weak forms, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a kept answer: 304 when the client's copy is current, else the bytes in the encoding the client accepts. The
 * client may keep the answer but must ask again before using it (`private, no-cache`): what it shows is never stale.
 */
export async function sendKept(req: FastifyRequest, reply: FastifyReply, answer: KeptAnswer): Promise<FastifyReply> {
  reply.header('etag', answer.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
  const ifNoneMatch = req.headers['if-none-match'];
  if (matches(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, answer.etag)) {
    return reply.code(304).removeHeader('content-length').send();
  }
  reply.type(answer.contentType);
  const encoding =
    answer.bytes.length >= COMPRESS_FROM_BYTES ? preferredEncoding(req.headers['accept-encoding']) : undefined;
  // With its Content-Encoding set, the global compression leaves the answer alone.
  if (!encoding) return reply.send(answer.bytes);
  return reply.header('content-encoding', encoding).send(await answer.encodedAs(encoding));
}
