// The request as the staffing services see it once the route has resolved who is calling: the actor is known,
// and the request id and IP are still there for the audit events.
import { requireActorOf } from '../../platform/server/actor.ts';
import type { RequestContext } from '../../platform/server/audit.ts';
import type { Actor } from '../../platform/server/policy.ts';

export type SignedInContext = RequestContext & { actor: Actor };

/** The route's one lookup of the actor (401 when signed out). */
export function signedIn(ctx: RequestContext): SignedInContext {
  return { ...ctx, actor: requireActorOf(ctx) };
}
