// The one way an import receives its file: streamed to a temporary folder while it arrives, refused (413) the moment
// it passes the size limit, and removed when the import's work is done. What the file is, is told by its content
// later (upload-guard.ts for XLSX, csv.ts for text) — never by its name or the type the browser claims.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { UploadRejectedError } from '../upload-guard.ts';

export type UploadedFile = {
  /** The file on disk, gone once the callback of `withUpload` has finished. */
  path: string;
  /** The name the sender gave it (at most 200 characters), for the preview and the audit's comment only. */
  name: string;
  bytes: number;
};

export type UploadOptions = {
  /** The import's own limit in bytes; the configuration's UPLOAD_MAX_MB caps it. */
  maxBytes: number;
  /** The name when the sender gave none. */
  defaultName: string;
  /** Integrations may send the file itself as the body (no multipart); its name in the header X-File-Name. */
  acceptBody?: boolean;
};

/** The limit an import enforces: its own, never more than the configuration allows. */
export function uploadLimit(config: Pick<Config, 'uploadMaxBytes'>, maxBytes: number): number {
  return Math.min(config.uploadMaxBytes, maxBytes);
}

/** Megabytes as people read them in a message: 5, 1, 0.5. */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** Receives the request's file, gives it to `use`, and removes it afterwards whatever happens. */
export async function withUpload<T>(
  req: FastifyRequest,
  config: Pick<Config, 'uploadMaxBytes'>,
  options: UploadOptions,
  use: (file: UploadedFile) => Promise<T>,
): Promise<T> {
  const limit = uploadLimit(config, options.maxBytes);
  const tooLarge = () =>
    new UploadRejectedError('file_too_large', { code: 'upload.file_too_large', params: { mb: megabytes(limit) } });
  const dir = await mkdtemp(path.join(tmpdir(), 'kompetensnav-upload-'));
  try {
    const target = path.join(dir, 'upload');
    let name: string;
    if (req.isMultipart()) {
      const part = await req.file({ limits: { fileSize: limit } });
      if (!part) throw new UploadRejectedError('no_file');
      await pipeline(part.file, createWriteStream(target));
      if (part.file.truncated) throw tooLarge();
      name = part.filename || options.defaultName;
    } else if (options.acceptBody && isStream(req.body)) {
      let bytes = 0;
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (bytes > limit) done(tooLarge());
          else done(null, chunk);
        },
      });
      await pipeline(req.body, counting, createWriteStream(target));
      const header = req.headers['x-file-name'];
      name = typeof header === 'string' && header ? header : options.defaultName;
    } else {
      throw new UploadRejectedError('not_multipart');
    }
    const { size } = await stat(target);
    return await use({ path: target, name: name.slice(0, 200), bytes: size });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isStream(body: unknown): body is NodeJS.ReadableStream {
  return body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function';
}
