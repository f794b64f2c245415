// Starts Kompetensnav: opens the database, migrates, seeds the demo on a new embedded database,
// listens, and shuts down gracefully on SIGTERM/SIGINT.
import { type App, buildApp, moduleJobs } from './app.ts';
import type { Config } from './config.ts';
import { type Database, openEmbedded, openServer } from './db.ts';
import { demoCredentialsText, seedDemo } from './demo.ts';
import { type Scheduler, startScheduler } from './jobs.ts';
import type { ServerModule } from './module.ts';

/** How long a stopping server keeps accepting connections only to answer them 503 (ms). */
const DRAIN_MS = 750;

export async function openDatabase(config: Config, opts: { noStatementTimeout?: boolean } = {}): Promise<Database> {
  return config.databaseUrl
    ? openServer(config.databaseUrl, {
        poolSize: config.dbPoolSize,
        statementTimeoutMs: opts.noStatementTimeout ? 0 : undefined,
      })
    : openEmbedded(config.dataDir);
}

/** Starts listening; the caller prints `readyText` once it has installed its signal handlers. */
export async function startServer(
  config: Config,
  modules: readonly ServerModule[],
): Promise<{ app: App; database: Database; stop: () => Promise<void>; readyText: string }> {
  const started = performance.now();
  const database = await openDatabase(config);
  let app: App | undefined;
  let readyText = '';
  let scheduler: Scheduler | null = null;
  try {
    await database.migrate();
    const seeded = database.kind === 'embedded' && config.demo ? await seedDemo(database.db, modules) : false;
    app = await buildApp({ config, database, modules });
    await app.listen({ host: config.host, port: config.port });
    if (config.jobs) scheduler = startScheduler(moduleJobs(app), app.log);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const where = database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
    const lines = [
      '',
      `Kompetensnav is ready at ${config.port === 0 ? `http://${config.host}:${port}` : config.publicUrl} (${where}, ${Math.round(performance.now() - started)} ms)`,
    ];
    if (seeded) lines.push('The demo region was created on this first start.');
    if (database.kind === 'embedded' && config.demo) lines.push(demoCredentialsText());
    readyText = `${lines.join('\n')}\n\n`;
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  const running = app;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      scheduler?.stop();
      // Drain first: requests already on their way (in the listen backlog, or on a kept-alive connection) are
      // answered 503 with Retry-After instead of being reset when the listener closes; in-flight ones finish.
      running.deps.lifecycle.draining = true;
      await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
      await running.close();
      await database.close();
    })();
    return stopping;
  };
  return { app: running, database, stop, readyText };
}

/** Ends in-flight requests, closes the database (releasing the data folder), then exits. */
export function stopOnSignals(
  stop: () => Promise<void>,
  log: { info: (msg: string) => void; warn: (msg: string) => void },
) {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info(`${signal} received: shutting down`);
      const force = setTimeout(() => {
        log.warn('shutdown did not finish within 10 s: exiting anyway');
        process.exit(1);
      }, 10_000);
      force.unref();
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          log.warn(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
  }
}
