// Checks an uploaded spreadsheet before anything parses it: a real OOXML workbook, without macros or external links,
// and small enough once inflated — counted while inflating, because a zip's declared sizes are the sender's to choose.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { defineMessages, type Message, translate } from '../shared/messages.ts';
import { AppError } from './errors.ts';

export type UploadRejection =
  | 'not_xlsx'
  | 'macros'
  | 'external_links'
  | 'too_large'
  | 'workbook_too_large'
  | 'too_many_entries'
  | 'corrupt'
  // Problems of the upload itself (platform/server/imports/upload.ts): no file, not multipart, over the size limit.
  | 'no_file'
  | 'not_multipart'
  | 'file_too_large'
  // A text file (CSV) that is not UTF-8 text (platform/server/imports/csv.ts).
  | 'not_text'
  | 'bad_csv'
  // A stored document (platform/server/files) whose content is not of a type its owner accepts.
  | 'not_pdf';

export const uploadMessages = defineMessages('upload', {
  not_xlsx: {
    sv: 'Filen är inte en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok och försök igen.',
    en: 'The file is not an Excel workbook (.xlsx). Save it as an Excel workbook and try again.',
  },
  macros: {
    sv: 'Filen innehåller makron eller inbäddade programobjekt. Spara den som en vanlig Excel-arbetsbok (.xlsx) utan makron och försök igen.',
    en: 'The file contains macros or embedded program objects. Save it as a plain Excel workbook (.xlsx) without macros and try again.',
  },
  external_links: {
    sv: 'Filen innehåller externa länkar eller datakopplingar. Ta bort dem (Data → Redigera länkar) och försök igen.',
    en: 'The file contains external links or data connections. Remove them (Data → Edit Links) and try again.',
  },
  too_large: {
    sv: 'Filen är för stor uppackad. En rapportmall packas upp till långt mindre än så; använd mallen.',
    en: 'The file is too large when unpacked. A template unpacks to far less than that; use the template.',
  },
  workbook_too_large: {
    sv: 'Arbetsboken är för stor: uppackad blir den mer än {{mb}} MB. Dela upp den i mindre filer eller använd mallen.',
    en: 'The workbook is too large: unpacked it is more than {{mb}} MB. Split it into smaller files or use the template.',
  },
  too_many_entries: {
    sv: 'Filen innehåller för många delar för att vara en rapportmall. Använd mallen.',
    en: 'The file contains too many parts to be a template. Use the template.',
  },
  corrupt: {
    sv: 'Filen är skadad eller krypterad. Spara en ny kopia utan lösenord och försök igen.',
    en: 'The file is damaged or encrypted. Save a new copy without a password and try again.',
  },
  no_file: { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  not_multipart: {
    sv: 'Skicka filen som multipart/form-data (fältet file).',
    en: 'Send the file as multipart/form-data (the field file).',
  },
  file_too_large: {
    sv: 'Filen är för stor. Största tillåtna storlek är {{mb}} MB.',
    en: 'The file is too large. The largest size allowed is {{mb}} MB.',
  },
  not_text: {
    sv: 'Filen är inte en CSV-fil i UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.',
    en: 'The file is not a CSV file in UTF-8. Save it in Excel as “CSV UTF-8 (comma delimited)” and try again.',
  },
  bad_csv: {
    sv: 'Rad {{row}}: citattecknen går inte ihop. Ett fält inom citattecken måste sluta med ett citattecken.',
    en: 'Row {{row}}: the quotation marks do not match. A quoted field must end with a quotation mark.',
  },
  not_pdf: {
    sv: 'Filen är inte en PDF. Spara dokumentet som PDF och försök igen.',
    en: 'The file is not a PDF. Save the document as PDF and try again.',
  },
});

// 413 for what is too big, 415 for what is not a workbook (or text) at all, 400 for a file we refuse to open.
const STATUS: Record<UploadRejection, number> = {
  not_xlsx: 415,
  macros: 400,
  external_links: 400,
  too_large: 413,
  workbook_too_large: 413,
  too_many_entries: 413,
  corrupt: 400,
  no_file: 400,
  not_multipart: 400,
  file_too_large: 413,
  not_text: 415,
  bad_csv: 400,
  not_pdf: 415,
};

// The codes the routes answered with before the upload helper was shared (the API keeps them).
const CODE: Partial<Record<UploadRejection, string>> = {
  no_file: 'validation_failed',
  not_multipart: 'validation_failed',
  file_too_large: 'payload_too_large',
};

/** Every problem with an uploaded file, before or while it is read: one class, one status per reason. */
export class UploadRejectedError extends AppError {
  constructor(
    readonly reason: UploadRejection,
    message: Message | string = uploadMessages[reason](),
  ) {
    const code = CODE[reason] ?? 'upload_rejected';
    // A missing file is a missing field, as a form would show it.
    super(STATUS[reason], code, message, code === 'validation_failed' ? [{ path: 'file', message }] : []);
    // The answer is translated from `detail`; the error's own message (logs, tests) is the Swedish text.
    this.message = translate(message, 'sv');
  }
}

/** What a worker thread sends back for a refused file (an error's class does not survive the trip between threads). */
export type UploadRefusal = { ok: 'refused'; reason: UploadRejection; message: Message | string };

export function refusalOf(error: UploadRejectedError): UploadRefusal {
  return { ok: 'refused', reason: error.reason, message: error.detail };
}

export function rejectionOf(refusal: UploadRefusal): UploadRejectedError {
  return new UploadRejectedError(refusal.reason, refusal.message);
}

export type InspectOptions = {
  /** Total bytes all entries may inflate to. */
  maxInflatedBytes?: number;
  maxEntries?: number;
  /** Inflated / compressed bytes read so far that one entry may reach once it is past RATIO_FLOOR bytes. */
  maxRatio?: number;
};

const DEFAULTS = { maxInflatedBytes: 100 * 1024 * 1024, maxEntries: 2000, maxRatio: 400 };
// Small entries may compress absurdly well (a run of empty cells); only a large one says "bomb".
const RATIO_FLOOR = 1024 * 1024;
// Only these parts are read as text, and no honest one comes near this size.
const MAX_KEPT_BYTES = 2 * 1024 * 1024;
const CONTENT_TYPES = '[content_types].xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_DESCRIPTOR = 0x08074b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const reject = (reason: UploadRejection) => new UploadRejectedError(reason);
/** An honest workbook over the cap: its own answer ("too large", with the cap), never "damaged" nor "zip bomb". */
const tooBig = (maxInflatedBytes: number) =>
  new UploadRejectedError(
    'workbook_too_large',
    uploadMessages.workbook_too_large({ mb: String(Math.round((maxInflatedBytes / (1024 * 1024)) * 10) / 10) }),
  );

/** Throws UploadRejectedError unless the file is a plain .xlsx that is safe to hand to a parser. */
export async function inspectXlsx(filePath: string, opts: InspectOptions = {}): Promise<void> {
  const limits = { ...DEFAULTS, ...opts };
  await checkMagic(filePath);

  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(filePath, {
      lazyEntries: true,
      autoClose: false,
      // Sizes are counted here as the bytes arrive; yauzl's own check would only fire at the declared size.
      validateEntrySizes: false,
    });
  } catch {
    throw reject('corrupt');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw reject('too_many_entries');
    const entries = await readEntries(zip, limits.maxEntries);
    checkStructure(entries, limits);
    await checkLocalHeaders(filePath, entries);
    const kept = await inflateAll(zip, entries, limits);
    checkParts(kept);
  } finally {
    zip.close();
  }
}

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function checkMagic(filePath: string) {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32LE(0) === SIG_LOCAL) return;
    // A password-protected .xlsx is an OLE container holding an EncryptionInfo stream; an old .xls is one without.
    if (bytesRead === 8 && head.equals(OLE_MAGIC) && (await containsEncryptionInfo(handle))) throw reject('corrupt');
    throw reject('not_xlsx');
  } finally {
    await handle.close();
  }
}

async function containsEncryptionInfo(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  // Uploads are capped far below this; a larger OLE file is no workbook of ours either way.
  if (size > 32 * 1024 * 1024) return false;
  const buffer = Buffer.alloc(size);
  await handle.read(buffer, 0, size, 0);
  return buffer.includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

async function readEntries(zip: ZipFile, maxEntries: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      if (entries.length > maxEntries) throw reject('too_many_entries');
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject('corrupt');
  }
  return entries;
}

function checkStructure(entries: Entry[], limits: Limits) {
  const names = new Set<string>();
  let declared = 0;
  let compressed = 0;
  for (const entry of entries) {
    // Part names in a package are case-insensitive, so two spellings of one name are two answers to one question.
    const name = entry.fileName.toLowerCase();
    if (names.has(name)) throw reject('corrupt');
    names.add(name);
    if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
      throw reject('corrupt');
    }
    declared += entry.uncompressedSize;
    compressed += entry.compressedSize;
  }
  if (!names.has(CONTENT_TYPES) || !names.has('xl/workbook.xml')) throw reject('not_xlsx');
  for (const name of names) {
    if (name.endsWith('vbaproject.bin') || name.startsWith('xl/macrosheets/')) throw reject('macros');
    if (name.startsWith('xl/externallinks/') || name === 'xl/connections.xml') throw reject('external_links');
  }
  // The declared total is only a shortcut for honest big files; the real count happens while inflating. A total that
  // also claims a ratio no spreadsheet reaches is a bomb; otherwise it is a big workbook and is told so.
  if (declared > limits.maxInflatedBytes) {
    throw declared > limits.maxRatio * Math.max(compressed, 1) ? reject('too_large') : tooBig(limits.maxInflatedBytes);
  }
}

/**
 * The parser (ExcelJS) streams the local file headers while yauzl reads the central directory. Both must describe
 * the same entries, packed end to end, or a second, hidden set of entries could slip past this check.
 */
async function checkLocalHeaders(filePath: string, entries: Entry[]) {
  const handle = await open(filePath, 'r');
  try {
    const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    let expected = 0;
    for (const entry of sorted) {
      if (entry.relativeOffsetOfLocalHeader !== expected) throw reject('corrupt');
      const head = await readAt(handle, expected, 30);
      if (head.readUInt32LE(0) !== SIG_LOCAL) throw reject('corrupt');
      const flags = head.readUInt16LE(6);
      const method = head.readUInt16LE(8);
      const compressedSize = head.readUInt32LE(18);
      const nameLength = head.readUInt16LE(26);
      const extraLength = head.readUInt16LE(28);
      const name = await readAt(handle, expected + 30, nameLength);
      if (!name.equals(entry.fileNameRaw) || method !== entry.compressionMethod) throw reject('corrupt');
      const hasDescriptor = (flags & 0x08) !== 0;
      if (!hasDescriptor && compressedSize !== 0xffffffff && compressedSize !== entry.compressedSize) {
        throw reject('corrupt');
      }
      let end = expected + 30 + nameLength + extraLength + entry.compressedSize;
      if (hasDescriptor) end += await descriptorLength(handle, end, entry.compressedSize);
      expected = end;
    }
    if (sorted.length > 0 && (await readAt(handle, expected, 4)).readUInt32LE(0) !== SIG_CENTRAL) {
      throw reject('corrupt');
    }
  } finally {
    await handle.close();
  }
}

async function descriptorLength(handle: FileHandle, at: number, compressedSize: number): Promise<number> {
  const buffer = Buffer.alloc(28);
  const { bytesRead } = await handle.read(buffer, 0, 28, at);
  const base = bytesRead >= 4 && buffer.readUInt32LE(0) === SIG_DESCRIPTOR ? 4 : 0;
  const nextIsHeader = (length: number) => {
    if (bytesRead < length + 4) return false;
    const signature = buffer.readUInt32LE(length);
    return signature === SIG_LOCAL || signature === SIG_CENTRAL;
  };
  // After the optional signature and the CRC come the sizes: 32-bit, or 64-bit in a zip64 archive.
  if (nextIsHeader(base + 12) && buffer.readUInt32LE(base + 4) === compressedSize) return base + 12;
  if (nextIsHeader(base + 20) && Number(buffer.readBigUInt64LE(base + 4)) === compressedSize) return base + 20;
  throw reject('corrupt');
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw reject('corrupt');
  return buffer;
}

type Limits = Required<InspectOptions>;

async function inflateAll(zip: ZipFile, entries: Entry[], limits: Limits): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  const budget = { total: 0 };
  for (const entry of entries) {
    const name = entry.fileName.toLowerCase();
    // Every part's relationships are read, not only the workbook's: a sheet may link an OLE object outside the file.
    const keep = name === CONTENT_TYPES || name.endsWith('.rels');
    const { head, data } = await inflateCounting(zip, entry, budget, limits, keep);
    // A VBA project (or any OLE compound file) under whatever name: Office finds it by its content type or
    // relationship, so its name proves nothing; its first eight bytes do.
    if (head.equals(OLE_MAGIC)) throw reject('macros');
    if (data) kept.set(name, data.toString('utf8'));
  }
  return kept;
}

async function inflateCounting(
  zip: ZipFile,
  entry: Entry,
  budget: { total: number },
  limits: Limits,
  keep: boolean,
): Promise<{ head: Buffer; data: Buffer | null }> {
  const chunks: Buffer[] = [];
  let head = Buffer.alloc(0);
  let bytes = 0;
  let compressed = 0;
  try {
    // Inflating here rather than in yauzl lets the ratio compare with the compressed bytes read so far, so a bomb
    // shows itself within its first megabytes instead of at the end of its compressed data.
    const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    raw.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
    });
    const output = entry.compressionMethod === 8 ? pipeline(raw, createInflateRaw(), () => {}) : raw;
    // Leaving the loop early destroys the streams, so a bomb is never inflated past the limit.
    for await (const chunk of output as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      budget.total += chunk.length;
      // The ratio first: a bomb is a bomb even when it also passes the cap; what is only big is told it is too big.
      if (bytes > RATIO_FLOOR && bytes > limits.maxRatio * Math.max(compressed, 1)) throw reject('too_large');
      if (budget.total > limits.maxInflatedBytes) throw tooBig(limits.maxInflatedBytes);
      if (head.length < OLE_MAGIC.length)
        head = Buffer.concat([head, chunk.subarray(0, OLE_MAGIC.length - head.length)]);
      if (keep) {
        // Relationships of a huge sheet (one per hyperlink) can be honest; they are too big to check, not damaged.
        if (bytes > MAX_KEPT_BYTES) throw tooBig(MAX_KEPT_BYTES);
        chunks.push(chunk);
      }
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw reject('corrupt');
  }
  if (bytes !== entry.uncompressedSize) throw reject('corrupt');
  return { head, data: keep ? Buffer.concat(chunks) : null };
}

// Relationship types that mean code: a VBA project, macro sheets, ActiveX controls.
const MACRO_TYPE = /\/(?:vbaProject|macrosheet|xlMacrosheet|xlIntlMacrosheet|activeXControl|activeXControlBinary)$/i;
// Relationship types that pull data from elsewhere, wherever in the package they sit.
const LINK_TYPE = /\/(?:externalLink|externalLinkPath|oleObject|connections|attachedTemplate|frame)$/i;

function checkParts(kept: Map<string, string>) {
  const contentTypes = kept.get(CONTENT_TYPES) ?? '';
  if (/macroEnabled|vbaProject|macrosheet|activeX|oleObject/i.test(contentTypes)) throw reject('macros');
  for (const [name, rels] of kept) {
    if (!name.endsWith('.rels')) continue;
    for (const rel of relationships(rels)) {
      if (MACRO_TYPE.test(rel.type)) throw reject('macros');
      if (LINK_TYPE.test(rel.type)) throw reject('external_links');
      // A sheet's hyperlinks point outside (the link list is made of them); nothing else may, and in the workbook's
      // own relationships nothing at all.
      const hyperlink = /\/hyperlink$/i.test(rel.type) && name !== WORKBOOK_RELS;
      if (rel.external && !hyperlink) throw reject('external_links');
    }
  }
}

/** The relationships of a .rels part: each element's Type and whether its target is outside the package. */
function relationships(xml: string): { type: string; external: boolean }[] {
  const found: { type: string; external: boolean }[] = [];
  for (const [element] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gi)) {
    const type = /\bType\s*=\s*["']([^"']*)["']/i.exec(element)?.[1] ?? '';
    found.push({ type: type.trim(), external: /\bTargetMode\s*=\s*["']\s*External\s*["']/i.test(element) });
  }
  return found;
}
