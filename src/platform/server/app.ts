// Builds the Fastify application (never listens): plugins, security, the error handler and the module list.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { translate } from '../shared/messages.ts';
import { platformMessages } from '../shared/platform.messages.ts';
import { ActorCache, resolveActor, TokenGuessLimiter } from './actor.ts';
import type { RequestContext } from './audit.ts';
import { authRoutes } from './auth.routes.ts';
import { type Auth, createAuth } from './auth.ts';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import { requestLocale, sendError } from './error-handler.ts';
import { ForbiddenError, UnauthorizedError, ValidationError } from './errors.ts';
import type { Job } from './jobs.ts';
import { createMailer, type Mailer } from './mail.ts';
import { mailOutboxJob } from './mail-outbox.ts';
import type { ModuleContext, ServerModule } from './module.ts';
import { WEB_DIST } from './paths.ts';
import { ReadCache } from './read-cache.ts';
import { auditRetentionJob } from './retention.ts';

export { WEB_DIST };

export type AppDeps = {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  /** Every route registered, for the access-matrix and audit checks in tests. */
  routes: { method: string; url: string }[];
  /** Reference data shared by every actor, for a few seconds (cleared on every change). */
  readCache: ReadCache;
  /** The modules of the composition root (src/app/server-modules.ts). */
  modules: readonly ServerModule[];
  /** Set when the server is shutting down: new requests get 503 with Retry-After while in-flight ones finish. */
  lifecycle: { draining: boolean };
};

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

/** The modules' scheduled jobs, as each module's manifest declares them (started by server.ts unless JOBS=off). */
export function moduleJobs(app: App): Job[] {
  const { database, mailer, config, readCache, modules } = app.deps;
  const ctx: ModuleContext = { config, database, db: database.db, mailer, readCache, modules };
  // The platform's own first: the audit log's retention (platform/server/retention.ts) and the mail outbox.
  return [
    auditRetentionJob(database.db),
    mailOutboxJob(database.db, mailer),
    ...modules.flatMap((module) => module.jobs?.(ctx) ?? []),
  ];
}

export type BuildOptions = {
  config: Config;
  database: Database;
  /** The modules to serve: the composition root's list (src/app/server-modules.ts). */
  modules: readonly ServerModule[];
  /** Pino options; false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
};

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database, modules } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.logLevel, ...loggerOptions(), ...(typeof opts.logger === 'object' ? opts.logger : {}) },
    genReqId: () => randomUUID(),
    trustProxy:
      typeof config.trustProxy === 'number'
        ? // Trust exactly that many proxy hops: the client's own X-Forwarded-For entries are ignored.
          (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger: app.log as never });
  const auth = createAuth({ db: database.db, config, mailer });
  const routes: AppDeps['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const readCache = new ReadCache(config.session.cacheSeconds * 1000);
  const lifecycle = { draining: false };
  app.decorate('deps', { config, database, auth, mailer, routes, readCache, modules, lifecycle });
  app.decorateRequest('ctx', null as unknown as RequestContext);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  // JSON and other text answers over 1 kB go out compressed to clients that accept it (issue 20): brotli at a low
  // quality (fast enough per request, still smaller than gzip), else gzip. The web app's files are compressed once at
  // build (vite.config.ts) and carry their own content-encoding, which this leaves alone.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kompetensnav API',
        version: '1',
        description:
          'REST API of Kompetensnav. Sign in through /api/auth (session cookie) or send an API token as `Authorization: Bearer kn_…`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin' },
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const actorCache = new ActorCache();
  const tokenGuesses = new TokenGuessLimiter(config.signIn.perIpMax, config.signIn.perIpWindowSeconds);
  // Any change may concern sessions, users, roles or organisations: forget the cached actors after every one.
  // Cleared before the answer leaves, so the client that made the change never meets a stale actor.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      actorCache.clear();
      readCache.clear();
    }
    // Answers of the API may carry names and personal data: no browser or proxy keeps them (promise 29). A route
    // that may be cached says so itself.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // While draining, no connection is kept alive: a client never sends its next request down a socket about to close.
    if (lifecycle.draining) reply.header('connection', 'close');
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Shutting down: a request that reaches us now is answered, never reset — come back in a moment (promise 28).
    if (lifecycle.draining) {
      return reply
        .code(503)
        .header('retry-after', '5')
        .header('connection', 'close')
        .send({
          error: {
            code: 'service_unavailable',
            message: translate(platformMessages.unavailable(), requestLocale(request)),
            correlationId: request.id,
          },
        });
    }
    request.ctx = { actor: null, requestId: request.id, ip: request.ip };
    if (
      !request.url.startsWith('/api/') ||
      request.url.startsWith('/api/auth/') ||
      request.url.startsWith('/api/docs')
    ) {
      return;
    }
    request.ctx.actor = await resolveActor(
      { db: database.db, database, config, actorCache, tokenGuesses },
      request,
      reply,
    );
    // Everything under /api but the public routes needs a signed-in actor, checked before the body is parsed.
    if (!request.ctx.actor && !isPublic(request.url)) throw new UnauthorizedError();
    checkSameOrigin(request, config);
  });

  // A NUL character cannot be stored in PostgreSQL text: refuse it here, naming the field, before any service runs.
  app.addHook('preValidation', async (request) => {
    const path = nulPath(request.body) ?? nulPath(request.query);
    if (path !== null) {
      throw new ValidationError(
        [{ path, message: platformMessages.nulCharacter() }],
        platformMessages.forbiddenCharacters(),
      );
    }
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await withTimeout(database.ping(), 1500);
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes);
  for (const module of modules) if (module.routes) await app.register(module.routes, { prefix: '/api' });

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      setHeaders(res, filePath) {
        res.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/assets/*', { schema: { hide: true } }, (request, reply) =>
      reply.sendFile(`assets/${(request.params as { '*': string })['*']}`),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && existsSync(WEB_DIST);
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST);
    return reply.code(404).send({
      error: {
        code: 'not_found',
        message: translate(platformMessages.notFound(), requestLocale(request)),
        correlationId: request.id,
      },
    });
  });

  return app;
}

/** The path ("title", "rows.2.name") of the first string holding a NUL character, or null. */
function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  // Only parsed JSON (plain objects and arrays): an upload's stream or buffer is the import's to check.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const found = nulPath(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

const isPublic = (url: string) => url.startsWith('/api/public/') || url.split('?')[0] === '/api/openapi.json';

/** Pino settings: request ids, and no query strings (a reset link's token) or credentials in the log. */
function loggerOptions() {
  return {
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req(req: { method: string; url: string; ip?: string }) {
        return { method: req.method, url: req.url.split('?')[0] };
      },
    },
  };
}

/** Cookie-authenticated changes must come from our own pages (CSRF); API tokens are not sent by browsers. */
function checkSameOrigin(request: FastifyRequest, config: Config) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  if (request.ctx.actor?.kind !== 'user') return;
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!origin || !config.trustedOrigins.includes(origin)) throw new ForbiddenError(platformMessages.crossOrigin());
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
