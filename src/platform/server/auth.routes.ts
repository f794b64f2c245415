// /api/auth/*: better-auth's own endpoints, wrapped to audit sign-in and sign-out and to limit
// failed sign-ins per account (better-auth limits per IP address).

import { createHmac } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { fromNodeHeaders } from 'better-auth/node';
import { and, count, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../shared/messages.ts';
import { platformMessages } from '../shared/platform.messages.ts';
import { auditEvent } from './audit.table.ts';
import { audit, type RequestContext } from './audit.ts';
import { session, user, verification } from './auth.table.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { requestLocale } from './error-handler.ts';
import { organisation } from './organisation.table.ts';
import { passwordProblem } from './password-policy.ts';

const FAILED = 'auth.sign_in_failed';
const SESSION_EVENTS: Record<string, string> = {
  '/api/auth/sign-out': 'auth.sign_out',
  '/api/auth/change-password': 'auth.password_change',
};

export async function authRoutes(app: FastifyInstance) {
  const { auth, database, config } = app.deps;
  const db = database.db;
  /** An event about one user, done by that user (who may not be signed in yet). */
  const auditUser = (ctx: RequestContext, action: string, userId: string, organisationId: string | null) =>
    audit(db, ctx, { action, entityType: 'user', entityId: userId, organisationId, actorUserId: userId });
  /** A keyed hash of an e-mail address: counts an unknown address's failures without keeping the address. */
  const emailKey = (email: string) => createHmac('sha256', config.secret).update(email).digest('hex').slice(0, 32);

  async function forward(request: FastifyRequest, reply: FastifyReply) {
    const url = new URL(request.url, config.publicUrl);
    const headers = fromNodeHeaders(request.headers);
    headers.set(CLIENT_IP_HEADER, request.ip);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const response = await auth.handler(new Request(url, { method: request.method, headers, body }));
    reply.status(response.status);
    for (const [key, value] of response.headers) {
      if (key !== 'set-cookie') reply.header(key, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    const text = await response.text();
    return { status: response.status, text };
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const ctx: RequestContext = { actor: null, requestId: request.id, ip: request.ip };
      const path = new URL(request.url, config.publicUrl).pathname;

      if (path === '/api/auth/sign-in/email' && request.method === 'POST') {
        const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
        const email = String(body.email ?? '')
          .trim()
          .toLowerCase();
        const [target] = email
          ? await db
              .select({ id: user.id, active: user.active, orgId: user.organisationId, orgActive: organisation.active })
              .from(user)
              .innerJoin(organisation, eq(organisation.id, user.organisationId))
              .where(eq(user.email, email))
          : [];
        // Failures are counted per e-mail address, whether an account has it or not, so unknown, deactivated and
        // locked accounts get the same answers in the same order (promise 27). An account's failures are audited
        // on the account; an unknown address's under a keyed hash of it (never the address itself).
        const failureKey = target?.id ?? emailKey(email);
        const recordFailure = () =>
          target
            ? auditUser(ctx, FAILED, target.id, target.orgId)
            : audit(db, ctx, {
                action: FAILED,
                entityType: 'sign_in_email',
                entityId: failureKey,
                organisationId: null,
              });
        const since = new Date(Date.now() - config.signIn.perAccountWindowMinutes * 60_000);
        const [row] = await db
          .select({ n: count() })
          .from(auditEvent)
          .where(and(eq(auditEvent.action, FAILED), eq(auditEvent.entityId, failureKey), gt(auditEvent.at, since)));
        const locale = requestLocale(request);
        if ((row?.n ?? 0) >= config.signIn.perAccountFailures) {
          // As long as checking a password takes, so the answer's time tells nothing either.
          await hashPassword(String(body.password ?? ''));
          return reply
            .code(429)
            .send({ code: 'TOO_MANY_FAILED_ATTEMPTS', message: translate(platformMessages.signInLocked(), locale) });
        }
        const refused = () =>
          reply
            .code(401)
            .send({ code: 'INVALID_EMAIL_OR_PASSWORD', message: translate(platformMessages.signInFailed(), locale) });
        if (target && (!target.active || !target.orgActive)) {
          await hashPassword(String(body.password ?? ''));
          await recordFailure();
          return refused();
        }
        // A session presented while signing in is ended: the new sign-in gets a new token (no fixation).
        const previous = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) }).catch(() => null);
        const result = await forward(request, reply);
        if (previous && result.status === 200) await db.delete(session).where(eq(session.id, previous.session.id));
        if (target && result.status === 200) {
          await auditUser(ctx, 'auth.sign_in', target.id, target.orgId);
          // The session token lives in an HttpOnly cookie; scripts in the page never need to see it.
          const answer = JSON.parse(result.text) as Record<string, unknown>;
          delete answer.token;
          return reply.send(answer);
        }
        if (result.status === 401) {
          await recordFailure();
          return refused();
        }
        return reply.send(result.text);
      }

      // The session as the web asks for it, without the session token (it lives in an HttpOnly cookie).
      if (path === '/api/auth/get-session' && request.method === 'GET') {
        const result = await forward(request, reply);
        if (result.status !== 200 || !result.text || result.text === 'null') return reply.send(result.text);
        const answer = JSON.parse(result.text) as { session?: Record<string, unknown> } | null;
        if (answer?.session) delete answer.session.token;
        return reply.send(answer);
      }

      // Wherever a password is set (an invitation, a reset link, a change), a common one is refused.
      if ((path === '/api/auth/reset-password' || path === '/api/auth/change-password') && request.method === 'POST') {
        const newPassword = String((request.body as { newPassword?: unknown } | undefined)?.newPassword ?? '');
        if (newPassword && passwordProblem(newPassword) === 'common') {
          return reply.code(400).send({
            code: 'PASSWORD_TOO_COMMON',
            message: translate(platformMessages.passwordTooCommon(), requestLocale(request)),
          });
        }
      }

      // Events of the signed-in user (sign-out, password change): whose session it was is read before forwarding.
      const sessionEvent = request.method === 'POST' ? SESSION_EVENTS[path] : undefined;
      if (sessionEvent) {
        const current = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) }).catch(() => null);
        const result = await forward(request, reply);
        if (current && result.status === 200) {
          const orgId = (current.user as { organisationId?: string }).organisationId ?? null;
          await auditUser(ctx, sessionEvent, current.user.id, orgId);
        }
        return reply.send(result.text);
      }

      if (path === '/api/auth/reset-password' && request.method === 'POST') {
        const token = String((request.body as { token?: unknown } | undefined)?.token ?? '');
        const [pending] = token
          ? await db
              .select({ userId: verification.value })
              .from(verification)
              .where(eq(verification.identifier, `reset-password:${token}`))
          : [];
        const result = await forward(request, reply);
        if (result.status === 200 && pending) {
          const [who] = await db.select({ orgId: user.organisationId }).from(user).where(eq(user.id, pending.userId));
          await auditUser(ctx, 'auth.password_set', pending.userId, who?.orgId ?? null);
        }
        return reply.send(result.text);
      }

      // Sign-up is closed: accounts are created by admins through invitations.
      const result = await forward(request, reply);
      return reply.send(result.text);
    },
  });
}
