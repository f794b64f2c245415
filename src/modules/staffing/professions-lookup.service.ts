// What other modules may read of staffing's professions: the region's one list of professions (the trainings
// catalogue tags its items with them), and the key column their foreign keys reference. Never our tables otherwise.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import { staffingItem, staffingProfession } from './staffing.table.ts';

export type ProfessionsLookupDeps = { db: Db; cache: ReadCache };

/** A profession as other modules see it. `key` is stable: it never changes once created. */
export type ProfessionRef = {
  key: string;
  name: string;
  nameEn: string;
  /** A licensed profession (legitimationsyrke). */
  licensed: boolean;
  /** Inactive professions are kept for history but not offered for new data. */
  active: boolean;
  /** The region's chosen order. */
  sort: number;
};

/**
 * The professions in the region's order (then by name); with `activeOnly`, the inactive ones are left out.
 * Reference data: cached briefly per server like the staffing configuration, cleared on every change.
 */
export async function listProfessions(
  deps: ProfessionsLookupDeps,
  options: { activeOnly?: boolean } = {},
): Promise<ProfessionRef[]> {
  const all = await deps.cache.remember('staffing:professions', () =>
    deps.db
      .select({
        key: staffingProfession.key,
        name: staffingProfession.name,
        nameEn: staffingProfession.nameEn,
        licensed: staffingProfession.licensed,
        active: staffingProfession.active,
        sort: staffingProfession.sort,
      })
      .from(staffingProfession)
      .orderBy(asc(staffingProfession.sort), swedishOrder(staffingProfession.name)),
  );
  return options.activeOnly ? all.filter((p) => p.active) : all;
}

/** A specialty of a profession as other modules see it (further education's training posts name one). */
export type SpecialtyRef = { professionKey: string; key: string; name: string; nameEn: string; active: boolean };

/** The specialties of every profession, in the region's order; cached like the professions. */
export async function listSpecialties(deps: ProfessionsLookupDeps): Promise<SpecialtyRef[]> {
  return deps.cache.remember('staffing:specialties', () =>
    deps.db
      .select({
        professionKey: staffingProfession.key,
        key: staffingItem.key,
        name: staffingItem.name,
        nameEn: staffingItem.nameEn,
        active: staffingItem.active,
      })
      .from(staffingItem)
      .innerJoin(staffingProfession, eq(staffingProfession.id, staffingItem.professionId))
      .where(and(eq(staffingItem.kind, 'specialty')))
      .orderBy(asc(staffingProfession.sort), asc(staffingItem.sort), swedishOrder(staffingItem.name)),
  );
}

/**
 * The column another module's foreign key references for a profession (`…profession_key` → `staffing_profession.key`),
 * for Drizzle's `.references(professionKeyColumn)`.
 */
export const professionKeyColumn = () => staffingProfession.key;
