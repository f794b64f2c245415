// API tokens for integrations (e.g. a nightly import from an HR system): scoped to an organisation and roles,
// shown once, stored as a SHA-256 hash, revocable. Revoked tokens stay listed.
import { randomBytes } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize, authorizeObject, hashToken, TOKEN_PREFIX } from '../../platform/server/actor.ts';
import { apiToken } from '../../platform/server/api-token.table.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { can, rolesAllowedFor, visibleOrganisations } from '../../platform/server/policy.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';
import type { ApiTokenDto, createApiTokenSchema } from './admin.contracts.ts';
import { adminMessages as am } from './admin.messages.ts';

const columns = {
  id: apiToken.id,
  name: apiToken.name,
  organisationId: apiToken.organisationId,
  organisationName: organisation.name,
  roles: apiToken.roles,
  tokenPrefix: apiToken.tokenPrefix,
  createdAt: apiToken.createdAt,
  expiresAt: apiToken.expiresAt,
  lastUsedAt: apiToken.lastUsedAt,
  revokedAt: apiToken.revokedAt,
};
type TokenRow = {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  tokenPrefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function toApiTokenDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    roles: row.roles,
    tokenPrefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export async function listTokens(db: Db, actor: Actor) {
  authorize(actor, 'token:manage', { organisationId: actor.organisationId });
  const scope = visibleOrganisations(actor, 'token:manage');
  const rows = await db
    .select(columns)
    .from(apiToken)
    .innerJoin(organisation, eq(organisation.id, apiToken.organisationId))
    .where(scope === 'all' ? undefined : inArray(apiToken.organisationId, scope))
    .orderBy(desc(apiToken.createdAt));
  return rows.map(toApiTokenDto);
}

export async function createToken(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  input: z.infer<typeof createApiTokenSchema>,
) {
  const [org] = await db.select().from(organisation).where(eq(organisation.id, input.organisationId));
  if (!org) throw new NotFoundError(am.organisationNotFound());
  authorizeObject(actor, 'token:manage', { organisationId: org.id });
  const roles = [...new Set(input.roles)];
  const misfit = roles.filter((r) => !rolesAllowedFor(org.kind).includes(r));
  if (misfit.length) throw new ValidationError([{ path: 'roles', message: am.tokenRoleMisfit() }]);
  authorize(actor, 'token:manage', { organisationId: org.id, organisationKind: org.kind, roles });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new ValidationError([{ path: 'expiresAt', message: am.expiryInPast() }]);
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({
        name: input.name,
        organisationId: org.id,
        roles,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdById: actor.userId,
        expiresAt,
      })
      .returning({ id: apiToken.id });
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: 'token.create', entityType: 'api_token', entityId: row.id, organisationId: org.id });
    return row.id;
  });
  return { apiToken: toApiTokenDto(await findToken(db, id)), token };
}

async function findToken(db: Db, id: string): Promise<TokenRow> {
  const [row] = await db
    .select(columns)
    .from(apiToken)
    .innerJoin(organisation, eq(organisation.id, apiToken.organisationId))
    .where(eq(apiToken.id, id));
  if (!row) throw new NotFoundError(am.tokenNotFound());
  return row;
}

export async function revokeToken(db: Db, actor: Actor, ctx: RequestContext, id: string) {
  authorize(actor, 'token:manage', { organisationId: actor.organisationId });
  const row = await findToken(db, id).catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (!row || !can(actor, 'token:manage', { organisationId: row.organisationId })) {
    throw new NotFoundError(am.tokenNotFound());
  }
  if (row.revokedAt) throw new ConflictError(am.tokenAlreadyRevoked());
  await inTransaction(db, async (tx) => {
    await tx.update(apiToken).set({ revokedAt: new Date(), revokedById: actor.userId }).where(eq(apiToken.id, id));
    await audit(tx, ctx, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: id,
      organisationId: row.organisationId,
    });
  });
  return toApiTokenDto(await findToken(db, id));
}
