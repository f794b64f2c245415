// One signed-in session per role, for tests that play every role (the access matrices): a user of each role in
// municipality A (the regional admin at the region's office), B's municipal admin, and the signed-out visitor.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildMunicipality, buildUser, type Organisation } from '../../src/platform/server/factories.ts';
import { ROLES, type Role } from '../../src/platform/shared/roles.ts';
import type { TestApp } from './test-app.ts';

/** Who calls: a role (of municipality A), B's municipal admin, or nobody signed in. */
export type ActorName = Role | 'other_municipal_admin' | 'signed_out';
export const ACTORS: readonly ActorName[] = [...ROLES, 'other_municipal_admin', 'signed_out'];

export type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export type Session = {
  actor: ActorName;
  /** null for the signed-out visitor. */
  user: { id: string; email: string; organisation: Organisation } | null;
  cookie: string | null;
  /** inject() as this actor (cookie and same-origin header set). */
  as: Inject;
};

export type SignedIn = {
  /** The municipality every role's user belongs to (the regional admin excepted). */
  a: Organisation;
  /** The other municipality, whose admin should not see A's objects. */
  b: Organisation;
  sessions: Record<ActorName, Session>;
  /** inject() as an actor. */
  as: (actor: ActorName) => Inject;
};

/**
 * Builds A and B and their users, and signs each one in through better-auth from an address of its own
 * (`${ipPrefix}.1`, `.2`, …), so the per-address sign-in limit is never reached.
 */
export async function signInAll(
  t: TestApp,
  opts: { ipPrefix?: string; names?: { a?: string; b?: string } } = {},
): Promise<SignedIn> {
  const ipPrefix = opts.ipPrefix ?? '10.1.0';
  const a = await buildMunicipality(t.db, { name: opts.names?.a ?? 'Kommun A' });
  const b = await buildMunicipality(t.db, { name: opts.names?.b ?? 'Kommun B' });
  const sessions = {} as Record<ActorName, Session>;
  let ip = 1;
  const signIn = async (actor: ActorName, built: Awaited<ReturnType<typeof buildUser>>) => {
    const cookie = await t.signIn(built, `${ipPrefix}.${ip++}`);
    const user = { id: built.id, email: built.email, organisation: built.organisation };
    sessions[actor] = { actor, user, cookie, as: t.as(cookie) };
  };
  for (const role of ROLES) {
    await signIn(role, await buildUser(t.db, { role, ...(role === 'regional_admin' ? {} : { municipality: a }) }));
  }
  await signIn('other_municipal_admin', await buildUser(t.db, { role: 'municipal_admin', municipality: b }));
  sessions.signed_out = { actor: 'signed_out', user: null, cookie: null, as: t.as(null) };
  return { a, b, sessions, as: (actor) => sessions[actor].as };
}
