// Import of the region's existing link list (CSV or XLSX) into the catalogue. The file is read in a worker thread
// (catalogue-import.worker.ts); here every cell is checked against the same rules as a suggestion, and each error
// names its row and column ("Rad 7, kolumn Länk: …"). A preview stores its plan as a pending import (the platform's
// preview → confirm protocol, decision 011) and answers its digest as the token; the confirmation sends the same file
// again, is checked again, and applies the stored plan in one transaction or none — refused when the file, or the
// links present in the catalogue (the basis), no longer give the preview.
//
// Duplicates: a link already in the catalogue (not removed; normalised as in training-link.ts) is shown as "finns
// redan" and skipped, so importing the same list twice changes nothing; the same link twice in the file is an error.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { authorize, requireActorOf } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { ConflictError } from '../../platform/server/errors.ts';
import {
  confirmPreview,
  findPreviewByDigest,
  fingerprint,
  type ImportKind,
  ImportRejectedError as KitImportRejectedError,
  type PendingImport,
  storePreview,
} from '../../platform/server/imports/pending-imports.ts';
import type { UploadedFile } from '../../platform/server/imports/upload.ts';
import { rejectionOf, sha256File } from '../../platform/server/upload-guard.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import { catalogueProfessions, type TrainingsDeps } from './catalogue.service.ts';
import {
  type ColumnKey,
  columnOfHeader,
  fold,
  formatChoices,
  formatOf,
  LIST_COLUMNS,
  languageChoices,
  languageOf,
  splitList,
} from './catalogue-columns.ts';
import type { ReadOutcome, ReadTask } from './catalogue-import.worker.ts';
import { normaliseTrainingUrl } from './training-link.ts';
import {
  type IMPORT_STATUSES,
  type ImportCellErrorDto,
  type ImportPreviewDto,
  type ImportResultDto,
  type ImportRowDto,
  type SuggestTrainingInput,
  suggestTrainingSchema,
  type TRAINING_STATUS_SV,
} from './trainings.contracts.ts';
import { searchTextOf } from './trainings.service.ts';
import {
  trainingItem,
  trainingItemProfession,
  trainingItemTopic,
  trainingItemTransition,
  trainingTopic,
} from './trainings.table.ts';

export type LinkListReader = WorkerPool<ReadTask, ReadOutcome>;
export type ImportDeps = TrainingsDeps & { lists: LinkListReader };

export function createLinkListReader(): LinkListReader {
  return createWorkerPool<ReadTask, ReadOutcome>(new URL('./catalogue-import.worker.ts', import.meta.url), {
    maxThreads: 2,
  });
}

export type { UploadedFile };

/** A file whose cells have errors: 422 with every error as a field "7.Länk" (row.column). */
export class ImportRejectedError extends KitImportRejectedError {
  constructor(errors: ImportCellErrorDto[]) {
    super(
      errors.map((e) => ({ path: `${e.row}.${e.column}`, message: e.message })),
      `Filen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}. Rätta filen och förhandsgranska den igen.`,
    );
  }
}

/** "Rad 7, kolumn Länk: …", or "Rad 1: …" for a row as a whole. */
function cellError(row: number, column: string, text: string): ImportCellErrorDto {
  return { row, column, message: column ? `Rad ${row}, kolumn ${column}: ${text}` : `Rad ${row}: ${text}` };
}

const HEADER_OF = new Map(LIST_COLUMNS.map((c) => [c.key, c.header]));
const header = (key: ColumnKey) => HEADER_OF.get(key) as string;

/** A cell as typed: trimmed, and the apostrophe our exports put before text a spreadsheet could take for a formula dropped. */
function cellValue(value: string | undefined): string {
  const text = (value ?? '').trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

type Lookups = {
  professions: Map<string, string>;
  professionNames: string;
  topics: Map<string, { id: string; key: string; name: string }>;
};

async function lookups(deps: TrainingsDeps): Promise<Lookups> {
  const professions = new Map<string, string>();
  const active = await catalogueProfessions(deps);
  for (const p of active) for (const n of [p.key, p.name, p.nameEn]) professions.set(fold(n), p.key);
  const topics = new Map<string, { id: string; key: string; name: string }>();
  const rows = await deps.db
    .select({ id: trainingTopic.id, key: trainingTopic.key, name: trainingTopic.name, nameEn: trainingTopic.nameEn })
    .from(trainingTopic)
    .where(eq(trainingTopic.active, true));
  for (const t of rows) for (const n of [t.key, t.name, t.nameEn]) topics.set(fold(n), t);
  return { professions, professionNames: active.map((p) => p.name).join(', '), topics };
}

type CheckedRow = ImportRowDto & { input: SuggestTrainingInput | null; urlKey: string | null; topicIds: string[] };

/** Reads and checks the whole file: every row with its outcome, every error, and the token of this very preview. */
async function checkFile(deps: ImportDeps, file: UploadedFile): Promise<Checked> {
  const outcome = await deps.lists.run({ filePath: file.path });
  if (outcome.ok === 'refused') throw rejectionOf(outcome);
  const [headerRow = [], ...dataRows] = outcome.rows;
  const fileErrors: ImportCellErrorDto[] = [];
  const columns = new Map<ColumnKey, number>();
  headerRow.forEach((cell, index) => {
    const text = cell.trim();
    if (!text) return;
    const key = columnOfHeader(text);
    if (key === 'ignored') return;
    if (key === null) {
      fileErrors.push(
        cellError(
          1,
          text,
          `okänd kolumn. Kolumnerna heter ${LIST_COLUMNS.map((c) => c.header).join(', ')} (se mallen).`,
        ),
      );
    } else if (columns.has(key)) fileErrors.push(cellError(1, text, 'kolumnen finns två gånger.'));
    else columns.set(key, index);
  });
  for (const c of LIST_COLUMNS) {
    if (c.required && !columns.has(c.key))
      fileErrors.push(cellError(1, c.header, 'kolumnen saknas i filen (se mallen).'));
  }
  const present = dataRows.map((cells, i) => ({ number: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim()));
  if (fileErrors.length === 0 && present.length === 0) {
    fileErrors.push(cellError(2, '', 'filen har inga utbildningar under rubrikraden.'));
  }

  const rows: CheckedRow[] = [];
  if (fileErrors.length === 0) {
    const look = await lookups(deps);
    for (const { number, cells } of present) rows.push(checkRow(number, cells, columns, look));
    await markDuplicates(deps.db, rows);
  }
  const errors = [...fileErrors, ...rows.flatMap((r) => r.errors)];
  const counts = {
    total: rows.length,
    new: rows.filter((r) => r.outcome === 'new').length,
    exists: rows.filter((r) => r.outcome === 'exists').length,
    errors: rows.filter((r) => r.outcome === 'error').length,
  };
  const plan: CataloguePlan | null =
    errors.length === 0 && counts.new > 0
      ? {
          creating: rows.flatMap((r) =>
            r.outcome === 'new' && r.input !== null && r.urlKey !== null
              ? [{ row: r.row, input: r.input, urlKey: r.urlKey, topicIds: r.topicIds }]
              : [],
          ),
          skipped: counts.exists,
        }
      : null;
  const preview: ImportPreviewDto = {
    fileName: file.name,
    fileType: outcome.fileType,
    separator: outcome.separator,
    rows: rows.map(({ input: _input, urlKey: _urlKey, topicIds: _topicIds, ...row }) => row),
    errors,
    counts,
    token: null,
  };
  return { preview, plan, sha256: await sha256File(file.path) };
}

type Checked = { preview: ImportPreviewDto; plan: CataloguePlan | null; sha256: string };

function checkRow(number: number, cells: string[], columns: Map<ColumnKey, number>, look: Lookups): CheckedRow {
  const get = (key: ColumnKey) => {
    const index = columns.get(key);
    return index === undefined ? '' : cellValue(cells[index]);
  };
  const errors = new Map<ColumnKey, string>();
  const fail = (key: ColumnKey, text: string) => {
    if (!errors.has(key)) errors.set(key, text);
  };

  const lengthText = get('lengthMinutes')
    .replace(/\s*(min|minuter)\.?$/i, '')
    .replace(',', '.');
  let lengthMinutes: number | undefined;
  if (lengthText === '') fail('lengthMinutes', 'ange längden i hela minuter, till exempel 30.');
  else if (!/^\d+(\.\d+)?$/.test(lengthText))
    fail('lengthMinutes', `”${get('lengthMinutes')}” är inget antal minuter. Ange hela minuter, till exempel 30.`);
  else lengthMinutes = Number(lengthText);

  const formatText = get('format');
  const format = formatOf(formatText);
  if (!format)
    fail(
      'format',
      formatText ? `okänd form ”${formatText}”. Ange en av: ${formatChoices()}.` : `ange formen: ${formatChoices()}.`,
    );
  const languageText = get('language');
  const language = languageOf(languageText);
  if (!language) {
    fail(
      'language',
      languageText
        ? `okänt språk ”${languageText}”. Ange en av: ${languageChoices()}.`
        : `ange språket: ${languageChoices()}.`,
    );
  }

  const professions: string[] = [];
  for (const name of splitList(get('professions'))) {
    const key = look.professions.get(fold(name));
    if (key) professions.push(key);
    else
      fail(
        'professions',
        `okänt yrke ”${name}”. Ange yrken ur listan (${look.professionNames}), åtskilda med semikolon.`,
      );
  }
  const topics: { id: string; key: string }[] = [];
  for (const name of splitList(get('topics'))) {
    const topic = look.topics.get(fold(name));
    if (topic) topics.push(topic);
    else fail('topics', `okänt ämne ”${name}”. Ange ämnen ur regionens lista (namn eller nyckel).`);
  }

  const candidate = {
    title: get('title'),
    provider: get('provider'),
    url: get('url'),
    description: get('description'),
    lengthMinutes,
    format,
    language,
    professions: [...new Set(professions)],
    topics: [...new Set(topics.map((t) => t.key))],
  };
  const parsed = suggestTrainingSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as ColumnKey | undefined;
      if (key && HEADER_OF.has(key)) fail(key, lowerFirst(issue.message));
    }
  }
  const urlKey = normaliseTrainingUrl(candidate.url);
  const rowErrors = LIST_COLUMNS.filter((c) => errors.has(c.key)).map((c) =>
    cellError(number, c.header, errors.get(c.key) as string),
  );
  return {
    row: number,
    outcome: rowErrors.length ? 'error' : 'new',
    title: candidate.title,
    url: candidate.url,
    existingTitle: null,
    errors: rowErrors,
    input: parsed.success && rowErrors.length === 0 ? parsed.data : null,
    urlKey,
    topicIds: [...new Set(topics.map((t) => t.id))],
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The same link twice in the file is an error on the later row; a link already in the catalogue is skipped. */
async function markDuplicates(db: Db, rows: CheckedRow[]) {
  const first = new Map<string, number>();
  for (const row of rows) {
    if (!row.urlKey) continue;
    const earlier = first.get(row.urlKey);
    if (earlier === undefined) {
      first.set(row.urlKey, row.row);
      continue;
    }
    row.errors.push(
      cellError(row.row, header('url'), `samma länk som rad ${earlier}. En länk kan bara finnas en gång.`),
    );
    row.errors.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
    row.outcome = 'error';
    row.input = null;
  }
  const existing = await existingLinks(db, [...first.keys()]);
  for (const row of rows) {
    const found = row.urlKey ? existing.get(row.urlKey) : undefined;
    if (found && row.outcome === 'new') {
      row.outcome = 'exists';
      row.existingTitle = found.title;
    }
  }
}

const columnOrder = (header: string) => LIST_COLUMNS.findIndex((c) => c.header === header);

async function existingLinks(db: Db, keys: string[]) {
  const found = new Map<string, { title: string; status: keyof typeof TRAINING_STATUS_SV }>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const rows = await db
      .select({ urlKey: trainingItem.urlKey, title: trainingItem.title, status: trainingItem.status })
      .from(trainingItem)
      .where(and(inArray(trainingItem.urlKey, chunk), ne(trainingItem.status, 'removed')));
    for (const r of rows) found.set(r.urlKey, r);
  }
  return found;
}

/** What a confirmation creates: the file's new rows, checked, with the links' keys and the topics' ids. */
type CataloguePlan = {
  creating: { row: number; input: SuggestTrainingInput; urlKey: string; topicIds: string[] }[];
  skipped: number;
};
type ConfirmOptions = { status: (typeof IMPORT_STATUSES)[number]; fileName: string };

const STALE = 'Katalogen har ändrats sedan förhandsgranskningen. Förhandsgranska filen igen innan du importerar.';

/** The catalogue's import on the platform's protocol: its basis is which of the plan's links the catalogue has. */
const catalogueImport: ImportKind<CataloguePlan, ConfirmOptions> = {
  kind: 'trainings.catalogue_import',
  expiresInHours: 24,
  // A link added since the preview is refused here rather than by the unique index.
  basis: async (db, plan) =>
    fingerprint(
      [
        ...(
          await existingLinks(
            db,
            plan.creating.map((r) => r.urlKey),
          )
        ).keys(),
      ].sort(),
    ),
  // The topics' names are read under a lock a rename waits for (as a suggestion's are, trainings.service.ts), so no
  // imported search text keeps a name that has just changed.
  lock: async (tx) => {
    await tx.execute(sql`LOCK TABLE ${trainingTopic} IN SHARE MODE`);
  },
  apply: (tx, ctx, preview, options) => createRows(tx, ctx, preview, options),
  messages: { stale: STALE, expired: STALE, handled: STALE },
};

/** Reads and checks the file and stores its plan (when it has new rows and no errors); answers the preview. */
export async function previewImport(
  deps: ImportDeps,
  ctx: RequestContext,
  file: UploadedFile,
): Promise<ImportPreviewDto> {
  authorize(requireActorOf(ctx), 'trainings:manage');
  const { preview, plan, sha256 } = await checkFile(deps, file);
  if (!plan) return preview;
  const stored = await storePreview(deps.db, ctx, catalogueImport, { fileName: file.name, sha256, plan });
  // The same file checked against the same catalogue gives the same token; anything else does not.
  return { ...preview, token: stored.digest };
}

/**
 * Checks the same file again (422 for its errors), finds the preview its token names, and applies the stored plan in
 * one transaction. Refused (409) when the file or the catalogue no longer give the preview that was confirmed, for
 * instance when one of its links was added meanwhile.
 */
export async function confirmImport(
  deps: ImportDeps,
  ctx: RequestContext,
  file: UploadedFile,
  options: { status: (typeof IMPORT_STATUSES)[number]; token: string },
): Promise<ImportResultDto> {
  authorize(requireActorOf(ctx), 'trainings:manage');
  const { preview, plan, sha256 } = await checkFile(deps, file);
  if (preview.errors.length > 0) throw new ImportRejectedError(preview.errors);
  const stored = await findPreviewByDigest(deps.db, ctx, catalogueImport, options.token);
  // The token is the digest of this file's plan against the catalogue as it was: another file, or the same file
  // against a changed catalogue, gives another plan.
  if (!stored || stored.sha256 !== sha256 || !plan || fingerprint(plan) !== fingerprint(stored.plan)) {
    throw new ConflictError(
      'Filen eller katalogen har ändrats sedan förhandsgranskningen. Förhandsgranska filen igen innan du importerar.',
    );
  }
  await confirmPreview(deps.db, ctx, catalogueImport, stored.id, { status: options.status, fileName: file.name });
  return { created: stored.plan.creating.length, skipped: stored.plan.skipped, status: options.status };
}

async function createRows(
  tx: Db,
  ctx: RequestContext,
  preview: PendingImport<CataloguePlan>,
  options: ConfirmOptions,
): Promise<void> {
  const actor = requireActorOf(ctx);
  const creating = preview.plan.creating;
  const comment = `Importerad från ${options.fileName}`.slice(0, 2000);
  const topicNames = new Map(
    (await tx.select({ id: trainingTopic.id, name: trainingTopic.name }).from(trainingTopic)).map((t) => [
      t.id,
      t.name,
    ]),
  );
  for (let i = 0; i < creating.length; i += 200) {
    const chunk = creating.slice(i, i + 200);
    const inserted = await tx
      .insert(trainingItem)
      .values(
        chunk.map(({ input, urlKey, topicIds }) => ({
          title: input.title,
          provider: input.provider,
          url: input.url,
          urlKey,
          description: input.description,
          lengthMinutes: input.lengthMinutes,
          format: input.format,
          language: input.language,
          status: options.status,
          searchText: searchTextOf(
            input,
            topicIds.map((id) => topicNames.get(id) ?? ''),
          ),
          addedBy: actor.userId,
          addedByToken: actor.tokenId,
          addedByOrganisationId: actor.organisationId,
          // The regional admin who imports them as approved vouches for them: "granskad <today>".
          lastReviewedAt: options.status === 'approved' ? sql`CURRENT_DATE` : null,
        })),
      )
      .returning({ id: trainingItem.id, urlKey: trainingItem.urlKey });
    const idOf = new Map(inserted.map((r) => [r.urlKey, r.id]));
    const withIds = chunk.map((r) => ({ ...r, id: idOf.get(r.urlKey) as string }));
    await tx
      .insert(trainingItemProfession)
      .values(withIds.flatMap((r) => r.input.professions.map((professionKey) => ({ itemId: r.id, professionKey }))));
    const topicRows = withIds.flatMap((r) => r.topicIds.map((topicId) => ({ itemId: r.id, topicId })));
    if (topicRows.length) await tx.insert(trainingItemTopic).values(topicRows);
    await tx.insert(trainingItemTransition).values(
      withIds.map((r) => ({
        itemId: r.id,
        fromStatus: null,
        toStatus: options.status,
        comment,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        actorOrganisationId: actor.organisationId,
      })),
    );
    await audit(
      tx,
      ctx,
      withIds.map((r) => ({ action: 'training_item.import', entityType: 'training_item', entityId: r.id })),
    );
  }
}
