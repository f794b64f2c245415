// Who is calling: a signed-in user (better-auth session cookie) or an integration (API token).
import { createHash } from 'node:crypto';
import { fromNodeHeaders } from 'better-auth/node';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../shared/roles.ts';
import { apiToken } from './api-token.table.ts';
import { audit, type RequestContext } from './audit.ts';
import { session, user, userRole } from './auth.table.ts';
import type { Auth } from './auth.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';
import { organisation } from './organisation.table.ts';
import { type Action, type Actor, can, type Resource } from './policy.ts';

export const TOKEN_PREFIX = 'kn_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Resolves the actor of a request, or null when nobody is signed in. Throws 401 for a bad bearer token. */
export async function resolveActor(
  deps: { db: Db; auth: Auth; config: Config },
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header) return resolveToken(deps.db, request, header);

  const cookie = request.headers.cookie;
  if (!cookie?.includes('session_token')) return null;
  const result = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers), returnHeaders: true });
  const setCookie = result.headers?.get('set-cookie');
  if (setCookie) reply.header('set-cookie', setCookie);
  const found = result.response;
  if (!found) return null;
  const ageSeconds = (Date.now() - new Date(found.session.createdAt).getTime()) / 1000;
  if (ageSeconds > deps.config.session.absoluteSeconds) {
    await deps.db.delete(session).where(eq(session.id, found.session.id));
    return null;
  }
  const [row] = await deps.db
    .select({
      userActive: user.active,
      locale: user.locale,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      organisationActive: organisation.active,
      roles: sql<Role[]>`coalesce(array_agg(${userRole.role}) filter (where ${userRole.role} is not null), '{}')`,
    })
    .from(user)
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .leftJoin(userRole, eq(userRole.userId, user.id))
    .where(eq(user.id, found.user.id))
    .groupBy(user.id, organisation.id);
  if (!row?.userActive || !row.organisationActive) return null;
  return {
    kind: 'user',
    userId: found.user.id,
    tokenId: null,
    sessionId: found.session.id,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    roles: row.roles,
    locale: row.locale,
  };
}

async function resolveToken(db: Db, request: FastifyRequest, header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) throw new UnauthorizedError('Ogiltig API-nyckel.');
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
    .where(
      and(
        eq(apiToken.tokenHash, hashToken(token)),
        isNull(apiToken.revokedAt),
        or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, new Date())),
        eq(organisation.active, true),
      ),
    );
  if (!row) throw new UnauthorizedError('Ogiltig eller återkallad API-nyckel.');
  const actor: Actor = {
    kind: 'token',
    userId: row.createdById,
    tokenId: row.id,
    sessionId: null,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    roles: row.roles,
    locale: 'sv',
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

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (!actor) throw new UnauthorizedError();
  return actor;
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

/** The actor of a service call, or 401. */
export function requireActorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}
