// A server module's manifest: everything the platform needs to know about a module, in one object. The composition
// root (src/app/server-modules.ts) lists the manifests; the platform loops over them and never names a module.
import type { FastifyInstance } from 'fastify';
import type { ModulePolicy } from '../shared/policy-kit.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import type { Job } from './jobs.ts';
import type { Mailer } from './mail.ts';
import type { PersonDataProvider } from './person-data.ts';
import type { ReadCache } from './read-cache.ts';
import type { RetentionRule } from './retention.ts';
import type { TaskProvider } from './tasks.ts';

/** What a module's routes and jobs are given: the app's shared services. */
export type ModuleContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  readCache: ReadCache;
  /** Every module of the app, for the shared cores that loop over them (register extract, retention; decision 015). */
  modules: readonly ServerModule[];
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
  /** What the module holds about a person: its part of the register extract, holds and anonymisation (decision 015). */
  personData?: PersonDataProvider;
  /** A retention rule per kind of data the module keeps, shown together on the retention page (decision 015). */
  retention?: readonly RetentionRule[];
  /** The signed-in user's tasks for the start page's "Att göra" (decision 018): counts and direct links. */
  tasks?: TaskProvider;
  /**
   * Names of the module's objects for the audit log's "Gäller" column (read by the regional admin): for an entity type
   * the module writes, the ids' names (no personal data beyond what the reader may see anyway); others are left out.
   */
  auditNames?: (db: Db, entityType: string, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
};
