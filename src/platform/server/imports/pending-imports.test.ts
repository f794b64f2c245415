// The preview → confirm protocol against a real database: a probe import writing rows of its own table.

import multipart from '@fastify/multipart';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/test-app.ts';
import type { RequestContext } from '../audit.ts';
import type { Db } from '../db.ts';
import { buildUser } from '../factories.ts';
import { pendingImport } from './pending-import.table.ts';
import {
  confirmPreview,
  discardPreview,
  fingerprint,
  forgetKeptPlans,
  type ImportKind,
  storePreview,
} from './pending-imports.ts';
import { withUpload } from './upload.ts';

type Plan = { set: { key: string; value: number | null }[] };

let db: Db;
let drop: () => Promise<void>;
let ctx: RequestContext;

const state = async (tx: Db) =>
  (await tx.execute(sql`SELECT key, value FROM kit_probe ORDER BY key`)).rows as { key: string; value: number }[];

/** The probe's diff: only what differs from the current state is planned, so the same file twice changes nothing. */
async function diff(rows: Record<string, number | null>): Promise<Plan> {
  const current = new Map((await state(db)).map((r) => [r.key, r.value]));
  return {
    set: Object.entries(rows)
      .filter(([k, v]) => current.get(k) !== v)
      .map(([key, value]) => ({ key, value })),
  };
}

const probe: ImportKind<Plan> = {
  kind: 'test.probe',
  expiresInHours: 1,
  basis: async (tx) => fingerprint(await state(tx)),
  lock: async (tx) => {
    await tx.execute(sql`LOCK TABLE kit_probe IN SHARE ROW EXCLUSIVE MODE`);
  },
  async apply(tx, _ctx, preview) {
    for (const { key, value } of preview.plan.set) {
      // value NOT NULL: a null fails half-way through, and nothing before it may stay.
      await tx.execute(
        sql`INSERT INTO kit_probe (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      );
    }
  },
};

async function upload(rows: Record<string, number | null>) {
  return storePreview(db, ctx, probe, { fileName: 'probe.csv', sha256: fingerprint(rows), plan: await diff(rows) });
}

beforeAll(async () => {
  ({
    database: { db },
    drop,
  } = await createTestDatabase().then((t) => ({ database: t.database, drop: t.drop })));
  await db.execute(sql`CREATE TABLE kit_probe (key text PRIMARY KEY, value integer NOT NULL)`);
  const user = await buildUser(db, { role: 'regional_admin' });
  ctx = {
    actor: {
      kind: 'user',
      userId: user.id,
      tokenId: null,
      sessionId: null,
      organisationId: user.organisation.id,
      organisationKind: 'region',
      roles: ['regional_admin'],
      locale: 'sv',
    },
    requestId: 'test',
    ip: '127.0.0.1',
  };
});
afterAll(() => drop());

describe('preview → confirm', () => {
  it('stores the plan without applying it, applies it on confirmation, and the same file twice changes nothing', async () => {
    const first = await upload({ a: 1, b: 2 });
    expect(first.status).toBe('pending');
    expect(await state(db)).toEqual([]);
    await confirmPreview(db, ctx, probe, first.id, undefined);
    expect(await state(db)).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    const again = await upload({ a: 1, b: 2 });
    expect(again.plan.set).toEqual([]);
    await confirmPreview(db, ctx, probe, again.id, undefined);
    expect(await state(db)).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    // A second confirmation of the same preview is refused.
    await expect(confirmPreview(db, ctx, probe, first.id, undefined)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('applies the plan the previewing server kept, and the stored plan on another server', async () => {
    // The stored plan is changed behind the kit's back: which of the two a confirmation applies shows where it came from.
    const storedAs = async (id: string, value: number, key: string) => {
      await db
        .update(pendingImport)
        .set({ plan: { set: [{ key, value }] } })
        .where(eq(pendingImport.id, id));
    };
    const here = await upload({ kept: 7 });
    await storedAs(here.id, 70, 'kept');
    await confirmPreview(db, ctx, probe, here.id, undefined);
    expect((await state(db)).find((r) => r.key === 'kept')?.value).toBe(7);

    const elsewhere = await upload({ read: 8 });
    await storedAs(elsewhere.id, 80, 'read');
    forgetKeptPlans(); // as a server that did not make the preview
    await confirmPreview(db, ctx, probe, elsewhere.id, undefined);
    expect((await state(db)).find((r) => r.key === 'read')?.value).toBe(80);

    // A kept plan is used once: a failed confirmation is tried again from the stored plan.
    const failing = await upload({ again: null });
    await expect(confirmPreview(db, ctx, probe, failing.id, undefined)).rejects.toThrow();
    await storedAs(failing.id, 9, 'again');
    await confirmPreview(db, ctx, probe, failing.id, undefined);
    expect((await state(db)).find((r) => r.key === 'again')?.value).toBe(9);
  });

  it('is all or nothing: a row failing half-way leaves every earlier row out, and the preview pending', async () => {
    const before = await state(db);
    const bad = await upload({ a: 10, c: 3, d: null });
    await expect(confirmPreview(db, ctx, probe, bad.id, undefined)).rejects.toThrow();
    expect(await state(db)).toEqual(before);
    const [row] = await db.select().from(pendingImport).where(eq(pendingImport.id, bad.id));
    expect(row?.status).toBe('pending');
  });

  it('refuses a stale preview (the state moved since) and an expired one, changing nothing', async () => {
    const stale = await upload({ e: 5 });
    await db.execute(sql`INSERT INTO kit_probe (key, value) VALUES ('z', 26)`);
    const before = await state(db);
    await expect(confirmPreview(db, ctx, probe, stale.id, undefined)).rejects.toMatchObject({
      statusCode: 409,
      message: 'imports.stale',
    });
    expect(await state(db)).toEqual(before);

    const old = await upload({ f: 6 });
    await db
      .update(pendingImport)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingImport.id, old.id));
    await expect(confirmPreview(db, ctx, probe, old.id, undefined)).rejects.toMatchObject({
      statusCode: 409,
      message: 'imports.expired',
    });
    expect(await state(db)).toEqual(before);
  });

  it('discards a preview, which can then not be confirmed; another user does not find it', async () => {
    const preview = await upload({ g: 7 });
    const other = await buildUser(db, { role: 'regional_admin' });
    const otherCtx = { ...ctx, actor: { ...(ctx.actor as NonNullable<RequestContext['actor']>), userId: other.id } };
    await expect(confirmPreview(db, otherCtx, probe, preview.id, undefined)).rejects.toMatchObject({ statusCode: 404 });
    await discardPreview(db, ctx, probe, preview.id);
    await expect(confirmPreview(db, ctx, probe, preview.id, undefined)).rejects.toMatchObject({ statusCode: 409 });
    expect((await state(db)).some((r) => r.key === 'g')).toBe(false);
  });

  it('gives the same file against the same state the same digest, and another state another', async () => {
    const one = await upload({ h: 8 });
    const two = await upload({ h: 8 });
    expect(two.digest).toBe(one.digest);
    await db.execute(sql`INSERT INTO kit_probe (key, value) VALUES ('y', 25)`);
    expect((await upload({ h: 8 })).digest).not.toBe(one.digest);
  });
});

describe('withUpload', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(multipart);
    app.post('/up', (req) =>
      withUpload(req, { uploadMaxBytes: 1000 }, { maxBytes: 5000, defaultName: 'fil' }, async (file) => ({
        name: file.name,
        bytes: file.bytes,
      })),
    );
    app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) =>
      reply.code(error.statusCode ?? 500).send({ code: error.code, message: error.message }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (content: Buffer | null) => {
    const boundary = '----kit';
    const body = content
      ? Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`),
          content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ])
      : Buffer.from(`--${boundary}--\r\n`);
    return app.inject({
      method: 'POST',
      url: '/up',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  it('receives a file within the limit, the configuration capping the import’s own', async () => {
    const ok = await post(Buffer.alloc(1000, 'a'));
    expect(ok.json()).toEqual({ name: 'x.csv', bytes: 1000 });
    const tooBig = await post(Buffer.alloc(1001, 'a'));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/för stor/) });
  });

  it('answers 400 without a file or without multipart', async () => {
    expect((await post(null)).statusCode).toBe(400);
    const plain = await app.inject({ method: 'POST', url: '/up', payload: { a: 1 } });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().code).toBe('validation_failed');
  });
});
