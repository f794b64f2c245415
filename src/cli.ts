// The `kompetensnav` command: start, migrate, seed-demo, create-admin, backup, restore, openapi, audit-publications.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { z } from 'zod';
import { SERVER_MODULES } from './app/server-modules.ts';
import { createAdmin } from './modules/admin/users.service.ts';
import { auditStoredPublications } from './modules/staffing/statistics/publication-audit.ts';
import { buildApp, WEB_DIST } from './platform/server/app.ts';
import { BackupFormatError, backupDatabase, restoreDatabase } from './platform/server/backup.ts';
import { ConfigError, loadConfig } from './platform/server/config.ts';
import { DataDirLockedError, openInMemory } from './platform/server/db.ts';
import { DEMO_REGION_NAME, demoCredentialsText, seedDemo } from './platform/server/demo.ts';
import { AppError } from './platform/server/errors.ts';
import { createMailer } from './platform/server/mail.ts';
import { PROJECT_ROOT } from './platform/server/paths.ts';
import { ReadCache } from './platform/server/read-cache.ts';
import { openDatabase, startServer, stopOnSignals } from './platform/server/server.ts';
import { translate } from './platform/shared/messages.ts';

const HELP = `Usage: kompetensnav <command> [options]

Commands:
  start [--no-web-build]     migrate, seed the demo on a new embedded database, and serve
  dev                        start with hot reload (server restarts on change; Vite serves the web on :5173)
  migrate                    apply the database migrations
  seed-demo                  create the demo region (${DEMO_REGION_NAME}) unless a region exists
  create-admin --email E [--name N] [--region-name R]
                             create a regional admin and send the invitation (the link is logged without SMTP)
  backup FILE                write every table to FILE (JSON lines)
  restore FILE               replace every table's rows with those in FILE
  openapi FILE               write the OpenAPI document to FILE
  audit-publications [--period LABEL]
                             play the attacker against every stored statistics publication (or one period's):
                             exit 1 if any hidden figure can be worked out

Configuration comes from the environment; see README.md.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command === 'openapi') return writeOpenApi(rest[0]);
  const config = loadConfig();

  switch (command) {
    case 'start': {
      // The web app is built once, on the first start after install (`--no-web-build` skips it: API only).
      if (!rest.includes('--no-web-build') && webBuildIsStale()) {
        console.log('Building the web app (it is missing or older than the sources)…');
        await run('npx', ['vite', 'build', '--logLevel', 'warn']);
      }
      const { app, stop, readyText } = await startServer(config, SERVER_MODULES);
      stopOnSignals(stop, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) });
      process.stdout.write(readyText);
      return undefined;
    }
    case 'dev': {
      const vite = spawn('npx', ['vite'], { stdio: 'inherit' });
      const server = spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/cli.ts', 'start'], {
        stdio: 'inherit',
        env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173' },
      });
      const end = () => {
        vite.kill('SIGTERM');
        server.kill('SIGTERM');
      };
      process.once('SIGINT', end);
      process.once('SIGTERM', end);
      return undefined;
    }
    case 'audit-publications': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' } } });
      const database = await openDatabase(config, { noStatementTimeout: true });
      try {
        const deps = { db: database.db, cache: new ReadCache(0), minCount: config.suppressionMinCount };
        const results = await auditStoredPublications(deps, {
          ...(values.period ? { period: values.period } : {}),
          onResult: (r) =>
            console.log(
              `${r.period} v${r.version} (${r.publishedAt.slice(0, 10)}): ${r.ok ? 'OK' : 'REFUSED'} — ${r.cells} cells, ${r.hidden} hidden, ${r.lps} linear programs, ${r.seconds} s${
                r.ok
                  ? ''
                  : `; ${r.violations.length} figures can be narrowed: ${r.violations
                      .slice(0, 5)
                      .map((v) => `${v.id} [${v.interval.join(', ')}]`)
                      .join('; ')}`
              }`,
            ),
        });
        if (results.length === 0) console.log('No publications to audit.');
        return results.every((r) => r.ok) ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    case 'migrate':
    case 'seed-demo':
    case 'create-admin':
    case 'backup':
    case 'restore': {
      // Long-running commands: no statement timeout. A backup reads the database as it is, before any upgrade.
      const database = await openDatabase(config, { noStatementTimeout: true });
      try {
        if (command !== 'backup') await database.migrate();
        if (command === 'migrate') console.log('Migrations applied.');
        if (command === 'seed-demo') {
          const seeded = await seedDemo(database.db, SERVER_MODULES);
          console.log(
            seeded
              ? `Seeded ${DEMO_REGION_NAME}.\n${demoCredentialsText()}`
              : 'A region exists already: nothing seeded.',
          );
        }
        if (command === 'create-admin') {
          const { values } = parseArgs({
            args: rest,
            options: { email: { type: 'string' }, name: { type: 'string' }, 'region-name': { type: 'string' } },
          });
          if (!values.email) throw new UsageError('create-admin needs --email');
          if (!z.email().safeParse(values.email.trim()).success)
            throw new UsageError(`Not an e-mail address: ${values.email}`);
          const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger: pino() });
          await createAdmin(
            database.db,
            config,
            { email: values.email, name: values.name, regionName: values['region-name'] },
            mailer,
          );
          console.log(
            `Created the regional admin ${values.email}; the invitation was sent${config.smtpUrl ? '' : ' to the log above'}.`,
          );
        }
        if (command === 'backup' || command === 'restore') {
          const file = rest[0];
          if (!file) throw new UsageError(`${command} needs a FILE`);
          if (command === 'restore' && !existsSync(file)) throw new BackupFormatError(`${file} does not exist.`);
          const counts =
            command === 'backup' ? await backupDatabase(database, file) : await restoreDatabase(database, file);
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          console.log(
            `${command === 'backup' ? 'Backed up' : 'Restored'} ${total} rows in ${Object.keys(counts).length} tables (${file}).`,
          );
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

class UsageError extends Error {}

async function writeOpenApi(file: string | undefined) {
  if (!file) throw new UsageError('openapi needs a FILE');
  const database = await openInMemory();
  try {
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', AUTH_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent' }),
      database,
      modules: SERVER_MODULES,
      logger: false,
      serveWeb: false,
    });
    await app.ready();
    await writeFile(file, `${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
  } finally {
    await database.close();
  }
  console.log(`Wrote ${file}`);
  return 0;
}

/** The web app is built when missing or older than any file under src/ (e.g. after a git pull). */
function webBuildIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? newer(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs > built,
    );
  return newer(path.join(PROJECT_ROOT, 'src'));
}

function run(cmd: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code})`)),
    );
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err) => {
    if (
      err instanceof ConfigError ||
      err instanceof DataDirLockedError ||
      err instanceof UsageError ||
      err instanceof BackupFormatError ||
      err instanceof AppError
    ) {
      // The command line speaks Swedish, like the interface's default.
      const text = err instanceof AppError ? translate(err.detail, 'sv') : err.message;
      process.stderr.write(`kompetensnav: ${text}\n`);
      if (err instanceof UsageError) process.stderr.write(`\n${HELP}\n`);
      process.exit(2);
    }
    process.stderr.write(`kompetensnav: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
