// Configuration of the server, read once from the environment at start-up.
// Every problem is reported in one message so an operator can fix them all at once.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://kompetensnav.example.se' }).optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kompetensnav <no-reply@kompetensnav.local>'),
  DEMO: onOff.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** off, on (= one proxy in front), a number of proxy hops, or a comma-separated list of proxy addresses. */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(on|off|true|false|[0-9]{1,2}|[0-9a-fA-F.:/,\s]+)$/,
      'must be off, on, a number of hops or proxy addresses',
    )
    .default('off'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Small-count suppression: counts from 1 to k−1 of other municipalities are shown as "..". */
  SUPPRESSION_MIN_COUNT: z.coerce.number().int().min(1).max(50).default(3),
  /** Reporting forms warn (never refuse) when a value changed more than this share since the last period. */
  PLAUSIBILITY_WARNING_SHARE: z.coerce.number().min(0.01).max(10).default(0.1),
  /** Scheduled jobs (deadline reminders) in this process: on by default; off on extra app servers if wanted. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** The largest uploaded file any import accepts, in MB (an import may accept less). */
  UPLOAD_MAX_MB: z.coerce.number().min(0.1).max(200).default(10),
  /** Aggregate usage counters (views and searches per day, never who; decision 029): on by default. */
  USAGE_COUNTING: z.enum(['on', 'off']).default('on'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  /** Origins whose pages may sign in and change data: PUBLIC_URL, and locally both loopback names. */
  trustedOrigins: string[];
  secret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  logLevel: string;
  /** Fastify's trustProxy: false, a hop count, or proxy addresses. Never `true` (the client could pick its IP). */
  trustProxy: false | number | string;
  dbPoolSize: number;
  /** k of the small-count suppression (RELIABILITY-AND-SECURITY item 19). */
  suppressionMinCount: number;
  /** A change above this share against the last period is flagged in reporting forms (PLAUSIBILITY_WARNING_SHARE). */
  plausibilityWarningShare: number;
  jobs: boolean;
  /** The largest uploaded file any import accepts (UPLOAD_MAX_MB); a module's own limit may be lower. */
  uploadMaxBytes: number;
  /** Whether modules count how their public pages are used (USAGE_COUNTING; aggregate counters only). */
  usageCounting: boolean;
  /** Sign-in limits: attempts per IP address and failures per account within the windows. */
  signIn: { perIpMax: number; perIpWindowSeconds: number; perAccountFailures: number; perAccountWindowMinutes: number };
  /** Idle and absolute session lifetimes, and how long a resolved session is trusted without asking the database. */
  session: { idleSeconds: number; absoluteSeconds: number; cacheSeconds: number };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws one ConfigError listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SMTP_URL) {
    throw new ConfigError(
      'Invalid configuration in the environment:\n  SMTP_URL: required with NODE_ENV=production (without it, password links would be written to the log)',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  let secret = e.AUTH_SECRET;
  if (!secret) {
    if (e.NODE_ENV === 'production' || e.DATABASE_URL) {
      throw new ConfigError(
        'Invalid configuration in the environment:\n  AUTH_SECRET: required with DATABASE_URL or NODE_ENV=production (at least 32 characters, the same on every app server)',
      );
    }
    secret = localSecret(dataDir);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl,
    trustedOrigins: e.PUBLIC_URL ? [publicUrl] : [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`],
    secret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    // The demo's users have a published password: never on by default in production.
    demo: e.DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxy(e.TRUST_PROXY),
    dbPoolSize: e.DB_POOL_SIZE,
    suppressionMinCount: e.SUPPRESSION_MIN_COUNT,
    plausibilityWarningShare: e.PLAUSIBILITY_WARNING_SHARE,
    jobs: e.JOBS === 'on',
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    usageCounting: e.USAGE_COUNTING === 'on',
    signIn: { perIpMax: 20, perIpWindowSeconds: 60, perAccountFailures: 5, perAccountWindowMinutes: 15 },
    session: { idleSeconds: 2 * 60 * 60, absoluteSeconds: 12 * 60 * 60, cacheSeconds: e.CACHE_SECONDS },
  };
}

function trustProxy(value: string): false | number | string {
  if (value === 'off' || value === 'false') return false;
  if (value === 'on' || value === 'true') return 1;
  return /^[0-9]+$/.test(value) ? Number(value) : value;
}

/** For the embedded default only: a secret made on first start and kept beside the data. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
