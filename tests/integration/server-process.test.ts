// Real server processes on the embedded database: kill -9 while writing, a second process on the same folder,
// graceful shutdown, and backup → restore through the CLI. Promises 21, 23 and 24 of RELIABILITY-AND-SECURITY.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openEmbedded } from '../../src/platform/server/db.ts';
import { DEMO_NETWORKS, DEMO_PASSWORD } from '../../src/platform/server/demo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/kompetensnav.mjs');
const AUTH_SECRET = 'server-process-test-secret-0123456789abcdef';
const ADMIN = 'regionadmin@demo.example';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upper bound for one server start (the first seeds the whole demo, which grows with every module; CI machines are slow). */
const START_TIMEOUT_MS = 120_000;

const work = mkdtempSync(path.join(tmpdir(), 'kn-process-'));
const children = new Set<ChildProcess>();

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Server = {
  child: ChildProcess;
  dataDir: string;
  origin: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<Exit>;
};
type NetworkRow = { id: string; name: string; kind: string; description: string; active: boolean; memberCount: number };

/**
 * A demo data folder made once by a first start and a graceful stop, with its tables' contents; tests that
 * need a seeded folder work on copies of it (a first start is the slowest part: it creates the database).
 */
let goldenPromise: Promise<{ dir: string; tables: Map<string, string[]> }> | undefined;
function golden() {
  goldenPromise ??= (async () => {
    const dir = path.join(work, 'golden');
    const server = await start(dir);
    // The signal handlers are installed just after the ready line; a request makes sure they are.
    await fetch(`${server.origin}/readyz`);
    server.child.kill('SIGTERM');
    const exit = await within(server.exit, 20_000, 'the first server to stop');
    if (exit.code !== 0) throw new Error(`the first server stopped with ${JSON.stringify(exit)}: ${server.stderr()}`);
    return { dir, tables: await snapshot(dir) };
  })();
  return goldenPromise;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

// The tests are independent (each has its own data folder), so they run side by side; the lock tests, which
// share one server, run last.
describe.concurrent('server processes on the embedded database', () => {
  it('kill -9 while writing keeps every acknowledged write, shows no partial row, and restarts on the same folder', async ({
    expect,
  }) => {
    const ROUNDS = 3;
    const CONCURRENCY = 8;
    const MAX_REQUESTS_PER_ROUND = 400;
    const description = (name: string) => `Skapat av kill-testet: ${name}`;
    const dataDir = copyOfGolden((await golden()).dir, 'kill');
    let server = await start(dataDir);
    const cookie = await signIn(server);
    const attempted = new Set<string>();
    const acknowledged = new Set<string>();
    const unexpected: string[] = [];
    let networks: NetworkRow[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const target = server;
      // Vary the moment of the kill between rounds.
      const killAfter = 20 + round * 15;
      let sent = 0;
      let ackedThisRound = 0;
      let killed = false;
      const writer = async () => {
        while (sent < MAX_REQUESTS_PER_ROUND) {
          const name = `Kill ${round}-${String(sent++).padStart(4, '0')}`;
          attempted.add(name);
          let status: number;
          try {
            const res = await fetch(`${target.origin}/api/networks`, {
              method: 'POST',
              headers: { origin: target.origin, cookie, 'content-type': 'application/json' },
              body: JSON.stringify({ name, kind: 'network', description: description(name) }),
              signal: AbortSignal.timeout(10_000),
            });
            status = res.status;
            await res.arrayBuffer().catch(() => undefined);
          } catch (err) {
            if (!killed) unexpected.push(`${name}: ${String(err)}`);
            return; // the server is gone
          }
          if (status !== 201) {
            unexpected.push(`${name}: status ${status}`);
            return;
          }
          // The status line is sent after the handler's commit: this write must survive.
          acknowledged.add(name);
          if (++ackedThisRound >= killAfter && !killed) {
            killed = true;
            target.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, writer));
      expect(killed, `round ${round}: the server was killed mid-stream`).toBe(true);
      expect(unexpected, `round ${round}: failures before the kill`).toEqual([]);
      expect(await within(target.exit, 10_000, 'the killed server to exit')).toEqual({ code: null, signal: 'SIGKILL' });
      // The dead process's lock is still there: the restart must take it over.
      expect(readFileSync(path.join(dataDir, 'kompetensnav.lock'), 'utf8').trim()).toBe(String(target.child.pid));

      server = await start(dataDir);
      expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
      const res = await fetch(`${server.origin}/api/networks?includeInactive=true`, { headers: { cookie } });
      expect(res.status).toBe(200);
      networks = (await res.json()) as NetworkRow[];
      const names = new Set(networks.map((n) => n.name));
      const written = networks.filter((n) => n.name.startsWith('Kill '));

      expect(
        [...acknowledged].filter((n) => !names.has(n)),
        'acknowledged but lost',
      ).toEqual([]);
      expect(
        written.filter((n) => !attempted.has(n.name)).map((n) => n.name),
        'never attempted',
      ).toEqual([]);
      for (const n of written) {
        expect(n).toEqual({ ...n, kind: 'network', description: description(n.name), active: true, memberCount: 0 });
      }
      // At most the requests in flight at the kill (one per writer per round) may have committed unacknowledged.
      expect(written.length - acknowledged.size).toBeLessThanOrEqual(round * CONCURRENCY);
      expect(written.length).toBeGreaterThanOrEqual(acknowledged.size);
      expect(DEMO_NETWORKS.every((d) => names.has(d.name))).toBe(true);
    }

    // Every acknowledged network also has its audit event (written before the answer).
    const audited = new Set<string>();
    for (let page = 1; page < 100; page++) {
      const res = await fetch(`${server.origin}/api/audit?action=network.create&page=${page}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { entityId: string | null }[] };
      if (!items.length) break;
      for (const item of items) if (item.entityId) audited.add(item.entityId);
    }
    const idOf = new Map(networks.map((n) => [n.name, n.id]));
    expect(
      [...acknowledged].filter((n) => !audited.has(idOf.get(n) ?? '')),
      'acknowledged without an audit event',
    ).toEqual([]);

    server.child.kill('SIGTERM');
    expect(await within(server.exit, 20_000, 'the server to stop')).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('backup → restore through the CLI gives back every table row for row in a fresh data folder', async ({
    expect,
  }) => {
    const dataDir = copyOfGolden((await golden()).dir, 'backup');
    const server = await start(dataDir);
    const cookie = await signIn(server);
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.origin}${url}`, {
        method,
        headers: { origin: server.origin, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    // Writes through the API that touch every kind of table (each also writes audit events).
    const municipality = await call('POST', '/api/organisations', { name: 'Backupköping', code: '9901' });
    const net = await call('POST', '/api/networks', {
      name: 'Backup-nätverket',
      kind: 'working_group',
      description: 'Rad "ett"\nrad två – åäö \\ 🙂',
    });
    const invited = await call('POST', '/api/users', {
      name: 'Bodil Backup',
      email: 'bodil.backup@test.example',
      organisationId: municipality.id,
      roles: ['manager', 'reporter'],
    });
    await call('PUT', `/api/networks/${net.id}/members/${invited.id}`);
    await call('GET', `/api/networks/${net.id}`);
    await call('POST', '/api/tokens', { name: 'Backup-token', organisationId: municipality.id, roles: ['reporter'] });
    await call('PATCH', '/api/me/preferences', { locale: 'en' });
    server.child.kill('SIGTERM');
    expect(await within(server.exit, 20_000, 'the server to stop')).toEqual({ code: 0, signal: null });

    const before = await snapshot(dataDir);
    for (const table of [
      'audit_event',
      'user',
      'session',
      'account',
      'user_role',
      'organisation',
      'network',
      'network_member',
      'api_token',
    ]) {
      expect(before.get(table)?.length ?? 0, `rows in ${table}`).toBeGreaterThan(0);
    }
    expect(before.get('audit_event')?.some((r) => r.includes('"network.member_add"'))).toBe(true);

    const file = path.join(work, 'backup.jsonl');
    const backup = await runCli(['backup', file], env(dataDir, 0), 60_000);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(backup.stdout).toMatch(/Backed up \d+ rows in \d+ tables/);

    const restoredDir = path.join(work, 'restored');
    const restore = await runCli(['restore', file], env(restoredDir, 0), 60_000);
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    expect(restore.stdout).toMatch(/Restored \d+ rows in \d+ tables/);

    const after = await snapshot(restoredDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(after.get(table), `table ${table}`).toEqual(rows);
  }, 180_000);

  it('restore refuses a file that is not a backup, with a clear message, and changes nothing', async ({ expect }) => {
    const { dir, tables } = await golden();
    const wrongFormat = path.join(work, 'wrong-format.jsonl');
    writeFileSync(wrongFormat, `${JSON.stringify({ format: 'something-else', version: 1 })}\n{"t":"user","r":{}}\n`);
    const notJson = path.join(work, 'notes.txt');
    writeFileSync(notJson, 'These are my notes, not a backup.\n');
    await Promise.all(
      [wrongFormat, notJson].map(async (file, i) => {
        const dataDir = copyOfGolden(dir, `not-a-backup-${i}`);
        const result = await runCli(['restore', file], env(dataDir, 0), 60_000);
        expect(result.code, `${file}: ${result.stderr}`).not.toBe(0);
        expect(result.stderr).toContain(`${file} is not a Kompetensnav backup`);
        expect(await snapshot(dataDir)).toEqual(tables);
      }),
    );
  }, 120_000);

  describe.sequential('one server process per data folder', () => {
    let server: Server;
    let dataDir = '';

    beforeAll(async () => {
      dataDir = copyOfGolden((await golden()).dir, 'lock');
      server = await start(dataDir);
    }, 120_000);

    it('refuses a second server on the same folder with a clear message, and the first keeps serving', async ({
      expect,
    }) => {
      const began = performance.now();
      const second = await runCli(['start', '--no-web-build'], env(dataDir, await freePort()), 30_000);
      const elapsed = performance.now() - began;
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(dataDir);
      expect(second.stderr).toContain('in use by another Kompetensnav process');
      expect(second.stderr).toContain(`pid ${server.child.pid}`);
      expect(second.stdout).not.toContain('is ready at');
      expect(elapsed).toBeLessThan(20_000);
      expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
      expect(readFileSync(path.join(dataDir, 'kompetensnav.lock'), 'utf8').trim()).toBe(String(server.child.pid));
    }, 60_000);

    it('reads an uploaded workbook in a worker thread of the bundled server (dist/server/workers)', async ({
      expect,
    }) => {
      const cookie = await signIn(server);
      const periods = await fetch(`${server.origin}/api/staffing/periods`, { headers: { cookie } });
      const open = ((await periods.json()) as { id: string; closed: boolean }[]).find((p) => !p.closed);
      if (!open) throw new Error('the demo has no open period');
      const template = await fetch(`${server.origin}/api/staffing/periods/${open.id}/template`, {
        headers: { cookie },
      });
      expect(template.status).toBe(200);
      const upload = await fetch(`${server.origin}/api/staffing/periods/${open.id}/imports`, {
        method: 'POST',
        headers: { cookie, origin: server.origin, 'content-type': XLSX_TYPE },
        body: Buffer.from(await template.arrayBuffer()),
      });
      const preview = (await upload.json()) as { changes: unknown[]; unchangedCount: number };
      expect(upload.status, JSON.stringify(preview)).toBe(201);
      // The region's own template, uploaded unchanged: every value read back, none of them a change.
      expect(preview.changes).toEqual([]);
      expect(preview.unchangedCount).toBeGreaterThan(1000);
    }, 60_000);

    it('shuts down gracefully on SIGTERM amid a burst of exports and an import: every request answered, exit 0', async ({
      expect,
    }) => {
      expect(existsSync(path.join(dataDir, 'kompetensnav.lock'))).toBe(true);
      const cookie = await signIn(server);
      const periods = await fetch(`${server.origin}/api/staffing/periods`, { headers: { cookie } });
      const open = ((await periods.json()) as { id: string; closed: boolean }[]).find((p) => !p.closed);
      if (!open) throw new Error('the demo has no open period');
      const workbook = Buffer.from(
        await (
          await fetch(`${server.origin}/api/staffing/periods/${open.id}/template`, { headers: { cookie } })
        ).arrayBuffer(),
      );
      const requests: Promise<Response>[] = [];
      for (let i = 0; i < 12; i++) {
        requests.push(fetch(`${server.origin}/api/staffing/periods/${open.id}/template`, { headers: { cookie } }));
        requests.push(fetch(`${server.origin}/api/public/trainings/export?file=xlsx`));
      }
      requests.push(
        fetch(`${server.origin}/api/staffing/periods/${open.id}/imports`, {
          method: 'POST',
          headers: { cookie, origin: server.origin, 'content-type': XLSX_TYPE },
          body: workbook,
        }),
      );
      // The signal arrives while the burst is being served, and requests keep coming after it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      server.child.kill('SIGTERM');
      for (let i = 0; i < 6; i++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        requests.push(fetch(`${server.origin}/readyz`));
      }
      const settled = await Promise.allSettled(requests);
      const failures = settled
        .filter((r) => r.status === 'rejected')
        .map((r) => String((r as PromiseRejectedResult).reason?.cause ?? r));
      expect(failures, 'no request reset or refused').toEqual([]);
      const answers = await Promise.all(
        settled.map(async (result) => {
          const res = (result as PromiseFulfilledResult<Response>).value;
          const body = await res.text();
          const ok = res.status === 503 ? res.headers.get('retry-after') === '5' : [200, 201].includes(res.status);
          return ok ? 'ok' : `${res.status} ${res.url} ${body.slice(0, 200)}`;
        }),
      );
      // Answered in full, or 503 with Retry-After: nothing else.
      expect(answers.filter((a) => a !== 'ok')).toEqual([]);
      expect(await within(server.exit, 15_000, 'the server to stop')).toEqual({ code: 0, signal: null });
      expect(existsSync(path.join(dataDir, 'kompetensnav.lock'))).toBe(false);
    }, 60_000);
  });
});

// ---- helpers --------------------------------------------------------------------------------------------------

function copyOfGolden(golden: string, name: string) {
  const dir = path.join(work, name);
  cpSync(golden, dir, { recursive: true });
  return dir;
}

/** A free TCP port on loopback: listen on port 0, read the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function env(dataDir: string, port: number): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port || 3000}`,
    AUTH_SECRET,
    DEMO: 'on',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  delete e.DATABASE_URL;
  return e;
}

function launch(args: string[], environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

async function runCli(args: string[], environment: NodeJS.ProcessEnv, timeoutMs: number) {
  const proc = launch(args, environment);
  const exit = await within(proc.exit, timeoutMs, `kompetensnav ${args.join(' ')}`).catch((err) => {
    proc.child.kill('SIGKILL');
    throw err;
  });
  return { ...exit, stdout: proc.stdout(), stderr: proc.stderr() };
}

/** Starts `kompetensnav start --no-web-build` on the folder and waits for its "ready at" line. */
async function start(dataDir: string): Promise<Server> {
  const port = await freePort();
  const proc = launch(['start', '--no-web-build'], env(dataDir, port));
  const server = { ...proc, dataDir, origin: `http://127.0.0.1:${port}` };
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (proc.stdout().includes(`is ready at ${server.origin}`)) resolve();
    };
    proc.child.stdout?.on('data', check);
    proc.exit.then((e) =>
      reject(new Error(`the server exited before it was ready (${JSON.stringify(e)}): ${proc.stderr()}`)),
    );
  });
  await within(ready, START_TIMEOUT_MS, `the server on ${dataDir} to be ready`).catch((err) => {
    proc.child.kill('SIGKILL');
    throw err;
  });
  return server;
}

async function signIn(server: Server): Promise<string> {
  const res = await fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** Every table of the database (asked from the catalogue, not listed here) with its rows as JSON, in a fixed order. */
async function snapshot(dataDir: string): Promise<Map<string, string[]>> {
  const database = await openEmbedded(dataDir);
  try {
    const tables = await database.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const result = new Map<string, string[]>();
    for (const { name } of tables) {
      const rows = await database.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${name}" t ORDER BY 1`);
      result.set(
        name,
        rows.map((r) => r.j),
      );
    }
    return result;
  } finally {
    await database.close();
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
