// Starts the real server (`kompetensnav start --no-web-build`) as a child process on a free port, and keeps its
// log so a journey can read the mails it would have sent. Plain Node (no vitest): the e2e globalSetup uses it too.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type RunningServer = {
  url: string;
  /** The mails the server logged instead of sending (SMTP_URL is unset). */
  mails: () => { to: string; subject: string; text: string }[];
  /**
   * SIGTERM, and wait until the process has exited (the database is closed cleanly); or, with 'kill', SIGKILL for a
   * server whose data is thrown away next (closing the embedded database cleanly takes seconds).
   */
  stop: (how?: 'clean' | 'kill') => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts a server on `dataDir` (a new folder gets the demo seeded; a copy of a seeded one starts in a second or two)
 * serving the web app built into `webDistDir` (undefined: the server's own dist/web, built there when stale).
 */
export async function spawnServer(opts: { dataDir: string; webDistDir?: string }): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['bin/kompetensnav.mjs', 'start'];
  if (opts.webDistDir) args.push('--no-web-build');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: opts.dataDir,
      PUBLIC_URL: url,
      DEMO: 'on',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      ...(opts.webDistDir ? { WEB_DIST_DIR: opts.webDistDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  while (!log.includes('Kompetensnav is ready at')) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    mails() {
      return log
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes('"mail"'))
        .map((line) => (JSON.parse(line) as { mail: { to: string; subject: string; text: string } }).mail);
    },
    async stop(how = 'clean') {
      if (child.exitCode === null && child.signalCode === null) child.kill(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}

/** Runs a command in the project folder; rejects with the tail of its output when it fails. */
export function runQuiet(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out.split('\n').slice(-40).join('\n')}`)),
    );
  });
}
