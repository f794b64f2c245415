// What the career path services are given, and the small helpers they share: the municipality a request is about,
// the current model, and the clock (the demo and the tests place dates relative to it).
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Mailer } from '../../platform/server/mail.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/server/policy.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { type CareerModel, careerModelSchema, type VersionSummaryDto } from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerModelVersion } from './career-paths.table.ts';

export type CareerDeps = {
  db: Db;
  cache: ReadCache;
  mailer?: Mailer;
  /** The smallest count shown to others (k). */
  minCount: number;
  publicUrl: string;
  now?: () => Date;
};

export const today = (deps: CareerDeps) => swedishDate(deps.now?.() ?? new Date());

/** The municipality of a request: the given one (it must exist), else the actor's own. */
export async function municipalityOf(
  deps: CareerDeps,
  actor: Actor,
  municipalityId?: string,
): Promise<{ id: string; name: string }> {
  const id = municipalityId ?? (actor.organisationKind === 'municipality' ? actor.organisationId : null);
  if (!id) throw new ValidationError([{ path: 'municipalityId', message: cm.chooseMunicipality() }]);
  const [row] = await deps.db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.kind, 'municipality')));
  if (!row) throw new NotFoundError(cm.municipalityNotFound());
  return row;
}

export type VersionRow = typeof careerModelVersion.$inferSelect;

export function summaryOf(v: VersionRow): VersionSummaryDto {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    decisionDate: v.decisionDate,
    decisionNote: v.decisionNote,
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

export const modelOf = (v: VersionRow): CareerModel => careerModelSchema.parse(v.model);

/** The latest published version, or a given published version; null when the region has published none. */
export async function publishedVersion(deps: CareerDeps, version?: number): Promise<VersionRow | null> {
  const [row] = await deps.db
    .select()
    .from(careerModelVersion)
    .where(
      and(
        eq(careerModelVersion.status, 'published'),
        version === undefined ? undefined : eq(careerModelVersion.version, version),
      ),
    )
    .orderBy(desc(careerModelVersion.version))
    .limit(1);
  return row ?? null;
}

/** The current model, cached per server until a version is published (every page reads it). */
export async function currentModel(deps: CareerDeps): Promise<{ row: VersionRow; model: CareerModel } | null> {
  const row = await publishedVersion(deps);
  if (!row) return null;
  return { row, model: await deps.cache.remember(`career:model:${row.id}`, async () => modelOf(row)) };
}

export async function requireCurrentModel(deps: CareerDeps) {
  const current = await currentModel(deps);
  if (!current) throw new NotFoundError(cm.noPublishedModel());
  return current;
}
