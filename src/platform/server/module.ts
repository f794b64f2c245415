// A server module's manifest: everything the platform needs to know about a module, in one object. The composition
// root (src/app/server-modules.ts) lists the manifests; the platform loops over them and never names a module.
import type { FastifyInstance } from 'fastify';
import type { ModulePolicy } from '../shared/policy-kit.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import type { Job } from './jobs.ts';
import type { Mailer } from './mail.ts';
import type { ReadCache } from './read-cache.ts';

/** What a module's routes and jobs are given: the app's shared services. */
export type ModuleContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  readCache: ReadCache;
};

/** What the platform's demo seed has made before the modules seed theirs (all invented, marked as demo). */
export type DemoContext = {
  regionId: string;
  /** Demo municipalities by name (Skaraborg's 15). */
  municipalities: ReadonlyMap<string, { id: string; name: string; code: string | null }>;
  /** Demo networks by name. */
  networks: ReadonlyMap<string, string>;
  /** The time the demo is seeded at: every date of the demo is placed relative to it. */
  now: Date;
};

export type ServerModule = {
  /** Short English name, used in logs and checks ("staffing"). */
  name: string;
  /** The module's HTTP routes, registered under /api. */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** The module's actions and rules, added to the one `can()`. */
  policy?: ModulePolicy;
  /** Scheduled jobs (started by the server unless JOBS=off); each claims its work in the database. */
  jobs?: (ctx: ModuleContext) => Job[];
  /** Seeds the module's demo data inside the demo's transaction; modules seed in the order they are listed. */
  seedDemo?: (db: Db, demo: DemoContext) => Promise<void>;
};
