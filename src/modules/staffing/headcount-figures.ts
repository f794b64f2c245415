// Where the staffing module keeps a municipality's headcount in a profession, for the two narrow lookups other modules
// read it through: as reported (headcount-lookup.service.ts: facts of submitted and approved reports, raw) and as
// published (key-figures-lookup.service.ts: the latest publication's cells, hidden ones never given). Both read the
// same figure, the top-level headcount measure; this file says once what that is in each place.
import { and, eq } from 'drizzle-orm';
import { staffingFact } from './staffing.table.ts';
import { CONTEXT } from './staffing-measures.ts';
import { cellId } from './statistics/publication.ts';

/** The measure every headcount is reported and published as. */
export const HEADCOUNT = 'headcount';

/** A reported fact that is a headcount of its own (not one of its breakdowns). */
export const isHeadcountFact = () => and(eq(staffingFact.measure, HEADCOUNT), eq(staffingFact.breakdown, ''));

/** The published cell of a municipality's headcount in a profession (or 'all'). */
export const publishedHeadcountCell = (municipalityId: string, profession: string) =>
  cellId(municipalityId, profession, HEADCOUNT);

/** The published cell of a municipality's inhabitants. */
export const publishedInhabitantsCell = (municipalityId: string) => cellId(municipalityId, CONTEXT, 'inhabitants');
