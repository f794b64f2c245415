// The one CSV reader of every import, on the maintained csv-parse: text as Swedish Excel saves it — UTF-8 with or
// without BOM, `;` (Excel's "CSV" in a Swedish locale), `,` or tab between the fields, CRLF, LF or CR between the
// records, quoted fields holding separators, line breaks and doubled quotes (RFC 4180).
//
// Windows-1252 is refused rather than guessed at: "Ã¥" for "å" in a name is worse than a clear message. Blank lines
// stay as records ([""]), so "Rad 7" is the seventh record, as Excel numbers its rows.
import { CsvError, parse } from 'csv-parse/sync';
import type { Message } from '../../shared/messages.ts';
import { UploadRejectedError } from '../upload-guard.ts';

export type CsvSeparator = ';' | ',' | '\t';
export const CSV_SEPARATORS: readonly CsvSeparator[] = [';', ',', '\t'];

export type CsvOptions<S extends CsvSeparator> = {
  /**
   * Records to read at most (the header included); a file far beyond an import's limit is not read to its end.
   * The import counts its data rows itself and refuses the file when they are too many.
   */
  maxRecords: number;
  /** The separators this import accepts, the first winning a tie; all three by default. */
  separators?: readonly S[];
  /** The import's own wording for a file that is not UTF-8 (e.g. "…or save it as .xlsx"). */
  notUtf8Message?: Message | string;
  /** …and for binary content (an image, a PDF); the UTF-8 wording when not given. */
  binaryMessage?: Message | string;
};

export type CsvFile<S extends CsvSeparator = CsvSeparator> = {
  separator: S;
  /** The header row first; every record as the text of its fields, untrimmed. */
  rows: string[][];
};

/** Decodes and parses an uploaded CSV file; refuses (UploadRejectedError) what is not UTF-8 text. */
export function readCsv<S extends CsvSeparator = CsvSeparator>(bytes: Buffer, options: CsvOptions<S>): CsvFile<S> {
  const text = decodeCsvText(bytes, options.notUtf8Message, options.binaryMessage);
  const separator = detectSeparator(text, options.separators ?? (CSV_SEPARATORS as readonly S[]));
  return { separator, rows: parseCsv(text, separator, options.maxRecords) };
}

/** UTF-8 text with a leading BOM dropped; Windows-1252 and binary content (an image, a PDF) are refused. */
export function decodeCsvText(
  bytes: Buffer,
  notUtf8Message?: Message | string,
  binaryMessage: Message | string | undefined = notUtf8Message,
): string {
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 (Windows-1252's å, ä, ö) throws instead of becoming U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UploadRejectedError('not_text', notUtf8Message);
  }
  // Binary content decodes as UTF-8 only by chance and then holds control characters.
  if (hasControlCharacters(text)) throw new UploadRejectedError('not_text', binaryMessage);
  return text;
}

/** NUL and the other C0 controls but tab, line feed, vertical tab, form feed and carriage return. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && (code < 0x09 || code > 0x0d)) return true;
  }
  return false;
}

/**
 * The separator of the header line: whichever candidate it has most of outside quotes; on a tie the first candidate
 * (`;`, as Swedish Excel writes it).
 */
export function detectSeparator<S extends CsvSeparator>(
  text: string,
  candidates: readonly S[] = CSV_SEPARATORS as readonly S[],
): S {
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = candidates[0] as S;
  for (const c of candidates) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * RFC 4180 records of the text. A quote opens a quoted field only at the field's start (elsewhere it is text); a
 * quoted field left open at the end of the file is refused with its row, rather than swallowing the rest of the file.
 */
export function parseCsv(text: string, separator: CsvSeparator, maxRecords: number): string[][] {
  try {
    return parse(text, {
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: maxRecords,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const row = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new UploadRejectedError('bad_csv', { code: 'upload.bad_csv', params: { row } });
    }
    throw error;
  }
}
