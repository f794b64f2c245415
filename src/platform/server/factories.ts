// Factories for organisations and users. They create missing parents, so every test can get its own
// municipality; the demo seed uses the same functions.
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../shared/roles.ts';
import { account, user, userRole } from './auth.table.ts';
import type { Db } from './db.ts';
import { organisation } from './organisation.table.ts';

export const TEST_PASSWORD = 'testlösenord-som-är-långt';

const hashes = new Map<string, Promise<string>>();
/** Hashing is slow on purpose; a factory hashes each distinct password once per process. */
function cachedHash(password: string) {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

export type Organisation = typeof organisation.$inferSelect;

export async function buildRegion(db: Db, name = 'Testregionen'): Promise<Organisation> {
  const [existing] = await db.select().from(organisation).where(eq(organisation.kind, 'region'));
  if (existing) return existing;
  const [row] = await db.insert(organisation).values({ kind: 'region', name }).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function buildMunicipality(db: Db, overrides: { name?: string; code?: string; active?: boolean } = {}) {
  await buildRegion(db);
  const code = overrides.code ?? (await freeCode(db));
  const [row] = await db
    .insert(organisation)
    .values({
      kind: 'municipality',
      name: overrides.name ?? `Testkommun ${code}`,
      code,
      active: overrides.active ?? true,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

async function freeCode(db: Db): Promise<string> {
  const res = (await db.execute(
    sql`select coalesce(max(code::int), 8999) + 1 as next from organisation where code >= '9000'`,
  )) as unknown as { rows: { next: number }[] };
  return String(res.rows[0]?.next ?? 9000);
}

export type BuildUserOptions = {
  role?: Role;
  roles?: Role[];
  /** The user's organisation; made when missing (the region for regional admins, else a new municipality). */
  municipality?: Organisation;
  organisation?: Organisation;
  name?: string;
  email?: string;
  /** null: an invited user who has not chosen a password yet. */
  password?: string | null;
  active?: boolean;
  locale?: 'sv' | 'en';
};

export async function buildUser(db: Db, opts: BuildUserOptions = {}) {
  const roles = opts.roles ?? [opts.role ?? 'employee'];
  const org =
    opts.organisation ??
    opts.municipality ??
    (roles.includes('regional_admin') ? await buildRegion(db) : await buildMunicipality(db));
  const id = randomUUID();
  const email = (opts.email ?? `${roles[0]}.${id.slice(0, 8)}@test.example`).toLowerCase();
  const password = opts.password === undefined ? TEST_PASSWORD : opts.password;
  await db.insert(user).values({
    id,
    name: opts.name ?? `Test ${roles[0]} ${id.slice(0, 4)}`,
    email,
    emailVerified: true,
    organisationId: org.id,
    active: opts.active ?? true,
    locale: opts.locale ?? 'sv',
  });
  if (roles.length) await db.insert(userRole).values(roles.map((role) => ({ userId: id, role })));
  if (password !== null) {
    await db.insert(account).values({
      id: randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: await cachedHash(password),
    });
  }
  return { id, email, password, roles, organisation: org };
}
