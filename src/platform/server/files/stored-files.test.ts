// The stored documents through a small module of the test's own: upload (type by content, size limit), attach in the
// record's transaction (only the uploader's unattached files), download through the owner's permission callback,
// deletion with the record, the purge of unattached uploads, and a backup → restore that keeps the bytes.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, sessionCookie, TEST_ORIGIN, testConfig } from '../../../../tests/support/test-app.ts';
import { SERVER_MODULES } from '../../../app/server-modules.ts';
import { signedIn } from '../actor.ts';
import { type App, buildApp } from '../app.ts';
import { backupDatabase, restoreDatabase } from '../backup.ts';
import type { Database } from '../db.ts';
import { inTransaction } from '../db.ts';
import { buildMunicipality, buildUser } from '../factories.ts';
import type { ServerModule } from '../module.ts';
import { storedFile } from './stored-file.table.ts';
import {
  attachStoredFiles,
  countStoredFiles,
  deleteStoredFilesOf,
  purgeUnattachedFiles,
  receiveStoredFile,
  sendStoredFile,
  storedFilesOf,
  toStoredFileDto,
} from './stored-files.ts';

const OWNER = 'test.record';
const LIMIT = 64 * 1024;

const filesTestModule: ServerModule = {
  name: 'files-test',
  async routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const db = app.deps.database.db;
    await app.register(multipart, { limits: { files: 1, parts: 2 } });
    app.post('/files-test/upload', async (req) => {
      const ctx = signedIn(req.ctx);
      return toStoredFileDto(
        await receiveStoredFile(req, db, ctx, {
          owner: OWNER,
          organisationId: ctx.actor.organisationId,
          types: ['pdf'],
          maxBytes: LIMIT,
        }),
      );
    });
    app.post(
      '/files-test/records/:id',
      { schema: { params: z.object({ id: z.string() }), body: z.object({ fileIds: z.array(z.string()) }) } },
      async (req) => {
        const ctx = signedIn(req.ctx);
        const files = await inTransaction(db, (tx) =>
          attachStoredFiles(tx, ctx, { owner: OWNER, ownerId: req.params.id, fileIds: req.body.fileIds }),
        );
        return files.map(toStoredFileDto);
      },
    );
    app.get('/files-test/files/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
      const ctx = signedIn(req.ctx);
      // The owner's rule for the test: files of the caller's own organisation only.
      return sendStoredFile(reply, db, ctx, {
        fileId: req.params.id,
        owner: OWNER,
        mayRead: (file) => file.organisationId === ctx.actor.organisationId,
      });
    });
  },
};

let database: Database;
let drop: () => Promise<void>;
let app: App;
const cookies: Record<string, string> = {};
const dir = mkdtempSync(path.join(tmpdir(), 'kn-files-'));

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer\n%%EOF\n`, 'latin1');

function form(content: Buffer, name = 'avtal.pdf', type = 'application/pdf') {
  const boundary = 'kompetensnavfiler';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const as = (who: string) => (options: InjectOptions) =>
  app.inject({ ...options, headers: { origin: TEST_ORIGIN, cookie: cookies[who], ...(options.headers ?? {}) } });
const upload = (who: string, content: Buffer, name?: string, type?: string) =>
  as(who)({ method: 'POST', url: '/api/files-test/upload', ...form(content, name, type) });

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  app = await buildApp({
    config: testConfig(),
    database,
    modules: [...SERVER_MODULES, filesTestModule],
    logger: false,
    serveWeb: false,
  });
  await app.ready();
  const a = await buildMunicipality(database.db, { name: 'Skövde' });
  const b = await buildMunicipality(database.db, { name: 'Falköping' });
  const users = {
    a1: await buildUser(database.db, { role: 'municipal_admin', municipality: a }),
    a2: await buildUser(database.db, { role: 'municipal_admin', municipality: a }),
    b1: await buildUser(database.db, { role: 'municipal_admin', municipality: b }),
  };
  let ip = 1;
  for (const [name, u] of Object.entries(users)) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: u.email, password: u.password },
      remoteAddress: `10.24.0.${ip++}`,
    });
    cookies[name] = sessionCookie(res);
  }
});
afterAll(async () => {
  await app.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stored documents', () => {
  it('keeps a PDF with its SHA-256, size, uploader and organisation, unattached until its record takes it', async () => {
    const content = pdf('avtal');
    const res = await upload('a1', content, 'Lokalt kollektivavtal');
    expect(res.statusCode, res.body).toBe(200);
    const dto = res.json();
    expect(dto).toMatchObject({
      fileName: 'Lokalt kollektivavtal.pdf',
      contentType: 'application/pdf',
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const [row] = await database.db.select().from(storedFile).where(eq(storedFile.id, dto.id));
    expect(row?.ownerId).toBeNull();
    expect(row?.uploadedBy).not.toBeNull();
    expect(row?.content.equals(content)).toBe(true);
    // Not downloadable before it belongs to a record.
    expect((await as('a1')({ method: 'GET', url: `/api/files-test/files/${dto.id}` })).statusCode).toBe(404);
  });

  it('refuses a file that is not a PDF by its content whatever its name and claimed type, and one over the limit', async () => {
    const before = await countStoredFiles(database.db, OWNER);
    const fake = await upload('a1', Buffer.from('<html>not a pdf</html>'), 'avtal.pdf', 'application/pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('inte en PDF');
    const big = await upload('a1', Buffer.concat([pdf('stor'), Buffer.alloc(LIMIT)]));
    expect(big.statusCode).toBe(413);
    const empty = await upload('a1', Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);
    expect(await countStoredFiles(database.db, OWNER)).toBe(before);
  });

  it('attaches only the uploader’s own unattached files, all or none', async () => {
    const mine = (await upload('a1', pdf('mitt'))).json().id as string;
    const theirs = (await upload('a2', pdf('någon annans'))).json().id as string;
    const refused = await as('a1')({
      method: 'POST',
      url: '/api/files-test/records/r1',
      payload: { fileIds: [mine, theirs] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('documentIds');
    expect(await storedFilesOf(database.db, OWNER, ['r1'])).toHaveLength(0);
    const ok = await as('a1')({ method: 'POST', url: '/api/files-test/records/r1', payload: { fileIds: [mine] } });
    expect(ok.statusCode).toBe(200);
    // Attached once: a second record cannot take it.
    const again = await as('a1')({ method: 'POST', url: '/api/files-test/records/r2', payload: { fileIds: [mine] } });
    expect(again.statusCode).toBe(400);
    expect((await storedFilesOf(database.db, OWNER, ['r1'])).map((f) => f.id)).toEqual([mine]);
  });

  it('downloads through the owner’s permission callback: the bytes as stored, 404 to whom the owner refuses', async () => {
    const content = pdf('beslut');
    const id = (await upload('a1', content, 'Beslut.pdf')).json().id as string;
    await as('a1')({ method: 'POST', url: '/api/files-test/records/r3', payload: { fileIds: [id] } });
    const res = await as('a2')({ method: 'GET', url: `/api/files-test/files/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toContain('Beslut.pdf');
    expect((await as('b1')({ method: 'GET', url: `/api/files-test/files/${id}` })).statusCode).toBe(404);
    const [event] = await database.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'stored_file' AND entity_id = $1 AND action = 'file.download'`,
      [id],
    );
    expect(event?.action).toBe('file.download');
  });

  it('keeps the bytes through a backup and a restore, and deletes the files with their record', async () => {
    const [before] = await storedFilesOf(database.db, OWNER, ['r3']);
    const file = path.join(dir, 'backup.jsonl');
    await backupDatabase(database, file);
    await database.db.delete(storedFile);
    await restoreDatabase(database, file);
    const [after] = await database.db
      .select()
      .from(storedFile)
      .where(eq(storedFile.id, before?.id ?? ''));
    expect(
      createHash('sha256')
        .update(after?.content ?? Buffer.alloc(0))
        .digest('hex'),
    ).toBe(before?.sha256);

    expect(await inTransaction(database.db, (tx) => deleteStoredFilesOf(tx, OWNER, ['r3']))).toBe(1);
    expect(await storedFilesOf(database.db, OWNER, ['r3'])).toHaveLength(0);
  });

  it('forgets uploads nobody attached after a day', async () => {
    const id = (await upload('a1', pdf('glömd'))).json().id as string;
    expect(await purgeUnattachedFiles(database.db, new Date())).toBe(0);
    const removed = await purgeUnattachedFiles(database.db, new Date(Date.now() + 25 * 3600_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await database.query(`SELECT id FROM stored_file WHERE id = $1`, [id]);
    expect(left).toHaveLength(0);
    // Attached files stay.
    expect(await storedFilesOf(database.db, OWNER, ['r1'])).toHaveLength(1);
  });
});
