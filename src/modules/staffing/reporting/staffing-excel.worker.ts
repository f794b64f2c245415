// Runs in a worker thread (platform/server/worker-pool.ts): reads an uploaded workbook off the request thread.
// What crosses back is compact — the fact keys once, each municipality's values as a Float64Array over them, and
// where each key and municipality sits in the sheets — because copying some 60,000 fact and cell objects between
// threads costs more than reading them. A refused file comes back as a value: an error's class does not survive.
import { UploadRejectedError, type UploadRejection } from '../../../platform/server/upload-guard.ts';
import { factKey } from '../staffing-measures.ts';
import type { ParsedSheet, ParseError, ParseInput } from './staffing-excel-layout.ts';
import { parseWorkbook } from './staffing-excel-parser.ts';

export type ParseTask = { filePath: string; input: ParseInput };
export type CompactMunicipality = { id: string; professions: string[]; values: Float64Array };
export type ParseOutcome =
  | { ok: true; keys: string[]; municipalities: CompactMunicipality[]; sheets: ParsedSheet[] }
  | { ok: false; errors: ParseError[] }
  | { ok: 'refused'; reason: UploadRejection; message: string };

export default async function parse(task: ParseTask): Promise<ParseOutcome> {
  try {
    const result = await parseWorkbook(task.filePath, task.input);
    if (!result.ok) return result;
    const index = new Map<string, number>();
    for (const m of result.municipalities) for (const f of m.facts) index.set(factKey(f), 0);
    const keys = [...index.keys()];
    for (const [i, key] of keys.entries()) index.set(key, i);
    const municipalities = result.municipalities.map((m) => {
      // NaN: no value (an empty cell).
      const values = new Float64Array(keys.length).fill(Number.NaN);
      for (const f of m.facts) values[index.get(factKey(f)) ?? 0] = f.value;
      return { id: m.id, professions: m.professions, values };
    });
    return { ok: true, keys, municipalities, sheets: result.sheets };
  } catch (error) {
    if (error instanceof UploadRejectedError) return { ok: 'refused', reason: error.reason, message: error.message };
    throw error;
  }
}
