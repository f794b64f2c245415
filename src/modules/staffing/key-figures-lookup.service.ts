// What other modules may read of the published staffing statistics: each municipality's inhabitants and headcount in
// some professions, as the latest publication shows them to every signed-in user — a key for splitting seats and costs
// (the joint training plan, decision 022). Only published figures: a cell the publication hides ("..") is given as
// hidden, never its value, so a key built on these reveals nothing the statistics do not already show.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { publishedHeadcountCell, publishedInhabitantsCell } from './headcount-figures.ts';
import { staffingPublication } from './publication.table.ts';
import { staffingPeriod } from './staffing.table.ts';
import { ALL } from './statistics/publication.ts';

/** A published figure: its value, or 'hidden' where the publication shows "..", or null when not reported. */
export type PublishedFigure = number | 'hidden' | null;

export type KeyFigures = {
  /** The period the figures are from (its label, e.g. "2026"), or null when nothing is published. */
  period: string | null;
  inhabitants: Map<string, PublishedFigure>;
  /** Headcount summed over the professions asked for ('hidden' if any part is hidden). */
  headcount: Map<string, PublishedFigure>;
};

/** The latest published period's inhabitants and headcount in the professions (all professions when none given). */
export async function publishedKeyFigures(
  db: Db,
  municipalityIds: readonly string[],
  professions: readonly string[],
): Promise<KeyFigures> {
  const [latest] = await db
    .select({
      label: staffingPeriod.label,
      cellValues: staffingPublication.cellValues,
      hidden: staffingPublication.hidden,
    })
    .from(staffingPublication)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingPublication.periodId))
    .orderBy(desc(staffingPeriod.referenceDate), desc(staffingPublication.version))
    .limit(1);
  const inhabitants = new Map<string, PublishedFigure>();
  const headcount = new Map<string, PublishedFigure>();
  if (!latest) return { period: null, inhabitants, headcount };
  const hidden = new Set(latest.hidden);
  const figure = (id: string): PublishedFigure => (hidden.has(id) ? 'hidden' : (latest.cellValues[id] ?? null));
  for (const m of municipalityIds) {
    inhabitants.set(m, figure(publishedInhabitantsCell(m)));
    const parts = (professions.length ? professions : [ALL]).map((p) => figure(publishedHeadcountCell(m, p)));
    headcount.set(
      m,
      parts.includes('hidden')
        ? 'hidden'
        : parts.every((p) => p === null)
          ? null
          : parts.reduce<number>((s, p) => s + (typeof p === 'number' ? p : 0), 0),
    );
  }
  return { period: latest.label, inhabitants, headcount };
}
