// Builds the Fastify application (never listens): plugins, security, the error handler and the module list.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminModule } from '../../modules/admin/admin.routes.ts';
import { introductionsModule } from '../../modules/introductions/introductions.routes.ts';
import { reminderJob } from '../../modules/staffing/reminders.ts';
import { staffingModule } from '../../modules/staffing/staffing.routes.ts';
import { linkCheckJob, linkUserAgent } from '../../modules/trainings/link-check.ts';
import { roundReminderJob } from '../../modules/trainings/rounds.service.ts';
import { trainingsModule } from '../../modules/trainings/trainings.routes.ts';
import { ActorCache, resolveActor } from './actor.ts';
import type { RequestContext } from './audit.ts';
import { authRoutes } from './auth.routes.ts';
import { type Auth, createAuth } from './auth.ts';
import type { Config } from './config.ts';
import { type Database, databaseErrorCode, isDatabaseUnavailable, loggableError } from './db.ts';
import { AppError, ForbiddenError, UnauthorizedError } from './errors.ts';
import type { Job } from './jobs.ts';
import { createMailer, type Mailer } from './mail.ts';
import { WEB_DIST } from './paths.ts';
import { ReadCache } from './read-cache.ts';

z.config(z.locales.sv());

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

/** The server's modules, in one explicit list. Each registers its routes under /api. */
const MODULES = [adminModule, staffingModule, trainingsModule, introductionsModule];

/** The modules' scheduled jobs (started by server.ts unless JOBS=off). */
export function moduleJobs(app: App): Job[] {
  const { database, mailer, config } = app.deps;
  return [
    reminderJob({ db: database.db, mailer, publicUrl: config.publicUrl }),
    linkCheckJob({ db: database.db, check: { userAgent: linkUserAgent(config.publicUrl) } }),
    roundReminderJob({ db: database.db, mailer, publicUrl: config.publicUrl }),
  ];
}

export type BuildOptions = {
  config: Config;
  database: Database;
  /** Pino options; false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
};

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database } = opts;
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
  app.decorate('deps', { config, database, auth, mailer, routes, readCache });
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
  // Any change may concern sessions, users, roles or organisations: forget the cached actors after every one.
  // Cleared before the answer leaves, so the client that made the change never meets a stale actor.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      actorCache.clear();
      readCache.clear();
    }
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.ctx = { actor: null, requestId: request.id, ip: request.ip };
    if (
      !request.url.startsWith('/api/') ||
      request.url.startsWith('/api/auth/') ||
      request.url.startsWith('/api/docs')
    ) {
      return;
    }
    request.ctx.actor = await resolveActor({ db: database.db, database, config, actorCache }, request, reply);
    // Everything under /api but the public routes needs a signed-in actor, checked before the body is parsed.
    if (!request.ctx.actor && !isPublic(request.url)) throw new UnauthorizedError();
    checkSameOrigin(request, config);
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
  for (const mod of MODULES) await app.register(mod, { prefix: '/api' });

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
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
    return reply.code(404).send({ error: { code: 'not_found', message: 'Hittades inte.', correlationId: request.id } });
  });

  return app;
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
  if (!origin || !config.trustedOrigins.includes(origin))
    throw new ForbiddenError('Begäran kom inte från Kompetensnavs egna sidor.');
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const correlationId = request.id;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'Ogiltigt värde.',
    }));
    return reply.code(400).send({
      error: {
        code: 'validation_failed',
        message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
        fields,
        correlationId,
      },
    });
  }
  if (error instanceof AppError) {
    if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(error.statusCode).send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields.length ? { fields: error.fields } : {}),
        correlationId,
      },
    });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ error: loggableError(error) }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({
        error: {
          code: 'service_unavailable',
          message: 'Databasen går inte att nå just nu. Försök igen om en stund.',
          correlationId,
        },
      });
  }
  // Input the database itself refuses (a NUL character) or a duplicate that slipped past a service's check
  // (two requests at once) is the client's problem, not a server error.
  const pgCode = databaseErrorCode(error);
  if (pgCode === '22021' || pgCode === '22P05') {
    return reply.code(400).send({
      error: { code: 'bad_request', message: 'Texten innehåller otillåtna tecken.', correlationId },
    });
  }
  if (pgCode === '23505') {
    return reply.code(409).send({
      error: { code: 'conflict', message: 'Det finns redan något med samma namn eller kod.', correlationId },
    });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send({
      error: { code: clientErrorCode(status), message: clientErrorMessage(status), correlationId },
    });
  }
  request.log.error(
    {
      error: {
        ...loggableError(error),
        stack: (error as Error)?.stack?.replace(/params:[\s\S]*?\n\s+at /, 'params: [hidden]\n    at '),
      },
    },
    'unexpected error',
  );
  return reply.code(500).send({
    error: {
      code: 'internal_error',
      message: `Ett oväntat fel inträffade. Ange felkoden ${correlationId} om du kontaktar supporten.`,
      correlationId,
    },
  });
}

function clientErrorCode(status: number) {
  return (
    ({ 413: 'payload_too_large', 415: 'unsupported_media_type', 404: 'not_found' } as Record<number, string>)[status] ??
    'bad_request'
  );
}

function clientErrorMessage(status: number) {
  switch (status) {
    case 413:
      return 'Det som skickades är för stort.';
    case 415:
      return 'Formatet stöds inte.';
    case 404:
      return 'Hittades inte.';
    default:
      return 'Begäran kunde inte tolkas.';
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
