// Who is calling: a signed-in user (better-auth session cookie) or an integration (API token).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { platformMessages } from '../shared/platform.messages.ts';
import type { OrganisationKind, Role } from '../shared/roles.ts';
import { apiToken } from './api-token.table.ts';
import { audit, type RequestContext } from './audit.ts';
import { session, user, userRole } from './auth.table.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from './errors.ts';
import { organisation } from './organisation.table.ts';
import { type Action, type Actor, can, type Resource } from './policy.ts';

export const TOKEN_PREFIX = 'kn_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Failed API-token guesses per client address, limited like sign-ins per address (promise 7 and issue 13): past the
 * limit within the window every token request from that address answers 429 until the window has passed. Counted
 * per app server (a guesser spread over N servers gets N times the limit, still far from enumerating 256-bit tokens).
 */
export class TokenGuessLimiter {
  private readonly failures: LRUCache<string, { n: number }>;
  constructor(
    private readonly max: number,
    windowSeconds: number,
  ) {
    this.failures = new LRUCache({ max: 10_000, ttl: windowSeconds * 1000, ttlAutopurge: false });
  }
  blocked(ip: string): boolean {
    return (this.failures.get(ip)?.n ?? 0) >= this.max;
  }
  fail(ip: string): void {
    const entry = this.failures.get(ip);
    if (entry) entry.n += 1;
    else this.failures.set(ip, { n: 1 });
  }
}

/** Resolves the actor of a request, or null when nobody is signed in. Throws 401 for a bad bearer token. */
export async function resolveActor(
  deps: { db: Db; database: Database; config: Config; actorCache?: ActorCache; tokenGuesses?: TokenGuessLimiter },
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header) {
    if (deps.tokenGuesses?.blocked(request.ip)) throw new TooManyRequestsError();
    try {
      return await resolveToken(deps.db, request, header);
    } catch (error) {
      if (error instanceof UnauthorizedError) deps.tokenGuesses?.fail(request.ip);
      throw error;
    }
  }
  const cookie = readSessionCookie(request.headers.cookie, deps.config.secret);
  if (!cookie) return null;
  const cache = deps.actorCache;
  const hit = cache?.entries.get(cookie.token);
  if (hit) return hit;
  const generation = cache?.generation;
  const actor = await resolveSession(deps, cookie, reply);
  // A change that cleared the cache while this lookup ran may have made its answer stale: keep it out.
  if (cache && actor && cache.generation === generation) {
    cache.entries.set(cookie.token, actor, { ttl: deps.config.session.cacheSeconds * 1000 });
  }
  return actor;
}

/**
 * Signed-in actors by session token, for a few seconds. The app clears it after every change made through it
 * (sign-out, deactivation, role changes…), so this process sees a change at once; another app server behind the
 * same load balancer may go on trusting a revoked session for at most `session.cacheSeconds`.
 * (docs/decisions/002-actor-cache.md)
 */
const ACTOR_CACHE_MAX = 10_000;

export class ActorCache {
  /** Resolved actors by session token, each for `session.cacheSeconds`; the least recently used go first. */
  readonly entries = new LRUCache<string, Actor>({ max: ACTOR_CACHE_MAX, ttlAutopurge: false });
  generation = 0;
  clear() {
    this.entries.clear();
    this.generation++;
  }
}

type SessionCookie = { name: string; rawValue: string; token: string };

/**
 * better-auth's session cookie is `token.base64(HMAC-SHA256(secret, token))`, URI-encoded. Verifying it here
 * (instead of through auth.api.getSession) lets one query find the session, user, organisation and roles:
 * this runs on every signed-in request.
 */
export function readSessionCookie(header: string | undefined, secret: string): SessionCookie | null {
  if (!header?.includes('session_token=')) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (name !== SESSION_COOKIE && name !== `__Secure-${SESSION_COOKIE}`) continue;
    const rawValue = part.slice(eq + 1).trim();
    let value: string;
    try {
      value = decodeURIComponent(rawValue);
    } catch {
      return null;
    }
    const dot = value.lastIndexOf('.');
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1), 'base64');
    const expected = createHmac('sha256', secret).update(token).digest();
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
    return { name, rawValue, token };
  }
  return null;
}

const SESSION_COOKIE = 'better-auth.session_token';
/** Sliding expiry: a session used again after this many seconds gets its idle timeout renewed. */
const REFRESH_AFTER_SECONDS = 5 * 60;

const SESSION_QUERY = `
  SELECT s.id, s.expires_at, s.created_at, s.updated_at, u.id AS user_id, u.active AS user_active, u.locale,
         o.id AS organisation_id, o.kind AS organisation_kind, o.active AS organisation_active,
         coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
    FROM session s
    JOIN "user" u ON u.id = s.user_id
    JOIN organisation o ON o.id = u.organisation_id
    LEFT JOIN user_role r ON r.user_id = u.id
   WHERE s.token = $1
   GROUP BY s.id, u.id, o.id`;

type SessionRow = {
  id: string;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  user_id: string;
  user_active: boolean;
  locale: 'sv' | 'en';
  organisation_id: string;
  organisation_kind: OrganisationKind;
  organisation_active: boolean;
  roles: Role[] | string;
};

async function resolveSession(
  deps: { db: Db; database: Database; config: Config },
  cookie: SessionCookie,
  reply: FastifyReply,
): Promise<Actor | null> {
  const [row] = await deps.database.query<SessionRow>(SESSION_QUERY, [cookie.token]);
  if (!row) return null;
  const now = Date.now();
  const { idleSeconds, absoluteSeconds } = deps.config.session;
  const expired = new Date(row.expires_at).getTime() <= now;
  const tooOld = now - new Date(row.created_at).getTime() > absoluteSeconds * 1000;
  if (expired || tooOld) {
    await deps.db.delete(session).where(eq(session.id, row.id));
    return null;
  }
  if (!row.user_active || !row.organisation_active) return null;
  if (now - new Date(row.updated_at).getTime() > REFRESH_AFTER_SECONDS * 1000) {
    const expiresAt = new Date(
      Math.min(now + idleSeconds * 1000, new Date(row.created_at).getTime() + absoluteSeconds * 1000),
    );
    await deps.db
      .update(session)
      .set({ expiresAt, updatedAt: new Date(now) })
      .where(eq(session.id, row.id));
    const secure = cookie.name.startsWith('__Secure-') ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${cookie.name}=${cookie.rawValue}; Max-Age=${idleSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  return {
    kind: 'user',
    userId: row.user_id,
    tokenId: null,
    sessionId: row.id,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    roles: typeof row.roles === 'string' ? parsePgArray(row.roles) : row.roles,
    locale: row.locale,
  };
}

/** PGlite and pg both parse text[] for us; this is the fallback for a driver that leaves `{a,b}` as text. */
function parsePgArray(text: string): Role[] {
  return text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as Role[];
}

async function resolveToken(db: Db, request: FastifyRequest, header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) throw new UnauthorizedError(platformMessages.tokenInvalid());
  const [row] = await db
    .select({
      id: apiToken.id,
      roles: apiToken.roles,
      createdById: apiToken.createdById,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
    })
    .from(apiToken)
    .innerJoin(organisation, eq(organisation.id, apiToken.organisationId))
    // A token stops working when the admin who created it is deactivated.
    .innerJoin(user, and(eq(user.id, apiToken.createdById), eq(user.active, true)))
    .where(
      and(
        eq(apiToken.tokenHash, hashToken(token)),
        isNull(apiToken.revokedAt),
        or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, new Date())),
        eq(organisation.active, true),
      ),
    );
  if (!row) throw new UnauthorizedError(platformMessages.tokenRevoked());
  const creator = await creatorNow(db, row.createdById);
  // Demoted or moved since: a token that its creator could no longer make ends at once (promise 26).
  const grant = { organisationId: row.organisationId, organisationKind: row.organisationKind, roles: row.roles };
  if (!creator || !can(creator, 'token:manage', grant)) {
    throw new UnauthorizedError(platformMessages.tokenRevoked());
  }
  const actor: Actor = {
    kind: 'token',
    userId: row.createdById,
    tokenId: row.id,
    sessionId: null,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    roles: row.roles,
    locale: 'sv',
    ceiling: creator,
  };
  // Token use is audited; last-used is kept to the minute so a busy integration does not rewrite the row.
  await Promise.all([
    audit(
      db,
      { actor, requestId: request.id, ip: request.ip },
      {
        action: 'token.used',
        entityType: 'api_token',
        entityId: row.id,
        organisationId: row.organisationId,
      },
    ),
    db
      .update(apiToken)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiToken.id, row.id),
          or(isNull(apiToken.lastUsedAt), lt(apiToken.lastUsedAt, new Date(Date.now() - 60_000))),
        ),
      ),
  ]);
  return actor;
}

/** The creator of a token as they are now: their organisation and roles (null when gone or inactive). */
async function creatorNow(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      roles: sql<Role[]>`coalesce(array_agg(${userRole.role}) filter (where ${userRole.role} is not null), '{}')`,
    })
    .from(user)
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .leftJoin(userRole, eq(userRole.userId, user.id))
    .where(and(eq(user.id, userId), eq(user.active, true), eq(organisation.active, true)))
    .groupBy(user.id, organisation.id);
  if (!row) return null;
  return {
    kind: 'user',
    userId,
    tokenId: null,
    sessionId: null,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    roles: typeof row.roles === 'string' ? parsePgArray(row.roles) : row.roles,
    locale: 'sv',
  };
}

/** Asks the policy; 403 when the answer is no. */
export function authorize(actor: Actor, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) throw new ForbiddenError();
}

/**
 * For one object: allowed → nothing; allowed in general but not for this object (another municipality's)
 * → 404, so ids of other municipalities reveal nothing; not allowed at all → 403.
 */
export function authorizeObject(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  if (
    can(actor, action, { ...resource, organisationId: actor.organisationId, organisationKind: actor.organisationKind })
  ) {
    throw new NotFoundError();
  }
  throw new ForbiddenError();
}

/** A request whose caller is known: what services receive once the route has resolved the actor. */
export type SignedInContext = RequestContext & { actor: Actor };

/** The route's one lookup of the actor (401 when signed out); the service gets the actor with the request's id and IP. */
export function signedIn(ctx: RequestContext): SignedInContext {
  return { ...ctx, actor: requireActorOf(ctx) };
}

/** The actor of a service call, or 401. */
export function requireActorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}
