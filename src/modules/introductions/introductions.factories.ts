// Factories for the introductions' records in tests: a municipality's introduction list with its entries. Missing
// parents (the municipality) are made through the platform's factories, so every test can set up its own without
// depending on another having run first. A catalogue entry names an item the test made (trainings.factories.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/server/db.ts';
import { buildMunicipality, type Organisation } from '../../platform/server/factories.ts';
import { introList, introListEntry } from './introductions.table.ts';

export type IntroList = typeof introList.$inferSelect;
export type IntroListEntry = typeof introListEntry.$inferSelect;

export type EntryOverrides =
  | { kind: 'local'; title: string; url?: string; description?: string }
  | { kind: 'catalogue'; item: { id: string; title: string } };

export type IntroductionListOverrides = Partial<Pick<IntroList, 'name' | 'professionKey' | 'description'>> & {
  /** The list's municipality; a new one unless told. */
  municipality?: Organisation;
  /** The manager who made it (kept for provenance); nobody unless told. */
  createdBy?: { id: string };
  /** The entries in order; one local entry unless told. */
  entries?: EntryOverrides[];
};

/** A municipality's introduction list for a profession (a nurse's unless told) with its entries in order. */
export async function buildIntroductionList(db: Db, overrides: IntroductionListOverrides = {}) {
  const municipality = overrides.municipality ?? (await buildMunicipality(db));
  const [list] = await db
    .insert(introList)
    .values({
      organisationId: municipality.id,
      name: overrides.name ?? `Introduktionslista ${randomUUID().slice(0, 8)}`,
      professionKey: overrides.professionKey ?? 'sjukskoterska',
      description: overrides.description ?? '',
      createdBy: overrides.createdBy?.id ?? null,
    })
    .returning();
  if (!list) throw new Error('insert returned no row');
  const wanted = overrides.entries ?? [{ kind: 'local', title: 'Träffa din chef' }];
  const entries = wanted.length
    ? await db
        .insert(introListEntry)
        .values(
          wanted.map((e, i) =>
            e.kind === 'catalogue'
              ? {
                  listId: list.id,
                  position: i + 1,
                  kind: 'catalogue' as const,
                  trainingItemId: e.item.id,
                  title: e.item.title,
                }
              : {
                  listId: list.id,
                  position: i + 1,
                  kind: 'local' as const,
                  title: e.title,
                  url: e.url ?? null,
                  description: e.description ?? '',
                },
          ),
        )
        .returning()
    : [];
  return { list, entries: entries.sort((x, y) => x.position - y.position), municipality };
}
