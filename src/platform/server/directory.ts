// Narrow lookups of the platform's organisations and users that modules need: the active member municipalities,
// and the people who hold a role (recipients of reminders, reviewers of a round).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../shared/roles.ts';
import { user, userRole } from './auth.table.ts';
import type { Db } from './db.ts';
import { organisation } from './organisation.table.ts';
import { swedishOrder } from './sql.ts';

export type MunicipalityRef = { id: string; name: string; code: string | null };

/** The region's active member municipalities. */
export async function activeMunicipalities(db: Db): Promise<MunicipalityRef[]> {
  return db
    .select({ id: organisation.id, name: organisation.name, code: organisation.code })
    .from(organisation)
    .where(and(eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
}

export type RoleHolder = { userId: string; name: string; email: string; organisationId: string; organisation: string };

/**
 * Active users holding a role, optionally only those of some organisations; ordered by name (then id), so a
 * module that assigns work round-robin gets the same order every time.
 */
export async function usersWithRole(
  db: Db,
  role: Role,
  opts: { organisationIds?: readonly string[] } = {},
): Promise<RoleHolder[]> {
  if (opts.organisationIds && opts.organisationIds.length === 0) return [];
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      organisationId: user.organisationId,
      organisation: organisation.name,
    })
    .from(user)
    .innerJoin(userRole, and(eq(userRole.userId, user.id), eq(userRole.role, role)))
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(
      and(
        eq(user.active, true),
        opts.organisationIds ? inArray(user.organisationId, [...opts.organisationIds]) : undefined,
      ),
    )
    .orderBy(swedishOrder(user.name), asc(user.id));
}
