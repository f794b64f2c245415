// What the staffing forecast takes from elsewhere about future specialists (decision 026): a source of expected new
// specialists — persons in training posts whose training ends in a year — counted per municipality, year, profession
// and specialty. Staffing defines the contract and never names who provides it; the composition root wires the
// provider (src/app/server-modules.ts → provideSpecialistSupply). Counts only: no person reaches the forecast.
import { z } from 'zod';
import type { Db } from '../../../platform/server/db.ts';

export type SpecialistSupplyRow = {
  municipalityId: string;
  year: number;
  professionKey: string;
  /** The specialty's key within the profession, or null when the post names none. */
  specialtyKey: string | null;
  count: number;
};

export type SpecialistSupplyQuery = { municipalityIds: readonly string[]; fromYear: number; toYear: number };

export type SpecialistSupplySource = {
  /** Expected new specialists per municipality, year (of the expected end), profession and specialty. */
  rows(db: Db, query: SpecialistSupplyQuery): Promise<SpecialistSupplyRow[]>;
  /** Changes whenever the rows may have changed (the forecast's cached answers key on it). */
  version(db: Db): Promise<string>;
};

const count = z.union([z.number(), z.literal('..')]);

/** The forecast's specialist supply line: counts per year (small counts shown as ".." to whom they are hidden). */
export const specialistSupplySchema = z.object({
  years: z.array(z.number()),
  professions: z.array(
    z.object({
      key: z.string(),
      /** Expected new specialists per year (of the years above). */
      perYear: z.array(count),
      bySpecialty: z.array(z.object({ key: z.string().nullable(), name: z.string(), perYear: z.array(count) })),
      /** Today's specialists and headcount in the scope, when known (the projection's base). */
      specialists: z.number().nullable(),
      headcount: z.number().nullable(),
      /** Projected specialist share per year: (today's specialists + new ones so far) / today's headcount; null when unknown or hidden. */
      share: z.array(z.number().nullable()),
    }),
  ),
  /** Whether small counts are hidden in this answer (the region's view). */
  suppressed: z.boolean(),
});
export type SpecialistSupplyDto = z.infer<typeof specialistSupplySchema>;
