// Downloads of the catalogue in the import's columns (catalogue-columns.ts), so an export can be imported again:
// the public catalogue as filtered on /utbildningar (approved items only, no sign-in), the whole catalogue with status
// and last review date for reviewers, and the import template. CSV for Swedish Excel (`;`, BOM) or XLSX; text a
// spreadsheet could take for a formula is neutralised (platform/server/export.ts).
import { asc, eq, ne } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { type ExportColumn, type ExportRow, type ExportSheet, toCsv, toXlsx } from '../../platform/server/export.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { activeTopics, itemLabels, searchCatalogue, type TrainingsDeps } from './catalogue.service.ts';
import {
  EXPORT_ONLY_HEADERS,
  FORMAT_NAMES,
  formatChoices,
  LANGUAGE_NAMES,
  LIST_COLUMNS,
  labelText,
  languageChoices,
} from './catalogue-columns.ts';
import { ITEM_LIST_COLUMNS } from './item-columns.ts';
import {
  type CatalogueExportQuery,
  type PublicTrainingDto,
  TRAINING_IMPORT_LIMITS,
  TRAINING_STATUS_SV,
  TRAININGS_LIMITS,
  type TrainingFileType,
  type TrainingStatus,
} from './trainings.contracts.ts';
import { trainingItem } from './trainings.table.ts';

export type CatalogueFile = { fileName: string; contentType: string; body: Buffer | string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';
const SHEET = 'Utbildningar';

const LIST_EXPORT_COLUMNS: ExportColumn[] = LIST_COLUMNS.map((c) => ({
  key: c.key,
  header: c.header,
  kind: c.key === 'lengthMinutes' ? 'number' : 'text',
}));

async function fileOf(
  type: TrainingFileType,
  base: string,
  columns: ExportColumn[],
  rows: ExportRow[],
  extra: ExportSheet[] = [],
) {
  const day = new Date().toISOString().slice(0, 10);
  if (type === 'csv') {
    return { fileName: `${base}-${day}.csv`, contentType: CSV_TYPE, body: toCsv(columns, rows) };
  }
  const body = await toXlsx([{ name: SHEET, columns, rows }, ...extra]);
  return { fileName: `${base}-${day}.xlsx`, contentType: XLSX_TYPE, body };
}

/** An item as the lists show it: the public DTO's fields, and for reviewers its status. */
type ListItem = Pick<
  PublicTrainingDto,
  'title' | 'provider' | 'url' | 'description' | 'lengthMinutes' | 'format' | 'language' | 'professions' | 'topics'
> & { status?: TrainingStatus; lastReviewedAt: string | null };

/** The items as rows of the list's columns, professions and topics by name. */
async function listRows(deps: TrainingsDeps, items: ListItem[]): Promise<ExportRow[]> {
  const professionText = new Map((await listProfessions(deps)).map((p) => [p.key, labelText(p)]));
  return items.map((item) => ({
    title: item.title,
    provider: item.provider,
    url: item.url,
    description: item.description,
    lengthMinutes: item.lengthMinutes,
    format: FORMAT_NAMES[item.format].sv,
    language: LANGUAGE_NAMES[item.language].sv,
    professions: item.professions
      .map((key) => professionText.get(key) ?? key)
      .sort((a, b) => a.localeCompare(b, 'sv'))
      .join('; '),
    topics: item.topics.map(labelText).join('; '),
    status: item.status ? TRAINING_STATUS_SV[item.status] : null,
    lastReviewedAt: item.lastReviewedAt,
  }));
}

/**
 * The public catalogue as filtered on the page (search, profession, topic, length, language, form): approved only,
 * in the page's order — read through the page's own search, so the file always holds what the page lists.
 */
export async function exportCatalogue(deps: TrainingsDeps, query: CatalogueExportQuery): Promise<CatalogueFile> {
  const { file, ...filters } = query;
  const items: ListItem[] = [];
  const pageSize = TRAININGS_LIMITS.maxPageSize;
  for (let page = 1; ; page++) {
    const result = await searchCatalogue(deps.db, { ...filters, page, pageSize });
    items.push(...result.items);
    if (result.items.length < pageSize || items.length >= result.total) break;
  }
  return fileOf(file, 'webbutbildningar', LIST_EXPORT_COLUMNS, await listRows(deps, items));
}

/** The whole catalogue for reviewers (every status but removed, or the one asked for), with status and review date. */
export async function exportForReview(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  query: { file: TrainingFileType; status?: TrainingStatus | undefined },
): Promise<CatalogueFile> {
  authorize(ctx.actor, 'trainings:review');
  const where = query.status ? eq(trainingItem.status, query.status) : ne(trainingItem.status, 'removed');
  const rows = await deps.db
    .select({
      ...ITEM_LIST_COLUMNS,
      status: trainingItem.status,
    })
    .from(trainingItem)
    .where(where)
    .orderBy(swedishOrder(trainingItem.title), asc(trainingItem.id));
  const items: ListItem[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const labels = await itemLabels(
      deps.db,
      chunk.map((r) => r.id),
    );
    for (const row of chunk) {
      items.push({
        ...row,
        professions: labels.professions.get(row.id) ?? [],
        topics: labels.topics.get(row.id) ?? [],
      });
    }
  }
  const columns: ExportColumn[] = [
    ...LIST_EXPORT_COLUMNS,
    { key: 'status', header: EXPORT_ONLY_HEADERS[0], kind: 'text' },
    { key: 'lastReviewedAt', header: EXPORT_ONLY_HEADERS[1], kind: 'text' },
  ];
  const base = query.status ? `webbutbildningar-${TRAINING_STATUS_SV[query.status]}` : 'webbutbildningar-alla';
  return fileOf(query.file, base.replace(/\s+/g, '-'), columns, await listRows(deps, items));
}

/** The import template: the header row; the XLSX has a second sheet explaining every column and its values. */
export async function importTemplate(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  file: TrainingFileType,
): Promise<CatalogueFile> {
  authorize(ctx.actor, 'trainings:manage');
  const professions = (await listProfessions(deps, { activeOnly: true })).map((p) => `${p.name} (${p.key})`).join('; ');
  const topics = (await activeTopics(deps.db)).map((t) => `${t.name} (${t.key})`).join('; ');
  const values: Partial<Record<string, string>> = {
    format: formatChoices(),
    language: languageChoices(),
    professions,
    topics,
  };
  const help = {
    name: 'Instruktioner',
    columns: [
      { key: 'header', header: 'Kolumn', kind: 'text' as const },
      { key: 'required', header: 'Obligatorisk', kind: 'text' as const },
      { key: 'help', header: 'Vad', kind: 'text' as const },
      { key: 'values', header: 'Tillåtna värden', kind: 'text' as const },
    ],
    rows: LIST_COLUMNS.map((c) => ({
      header: c.header,
      required: c.required ? 'Ja' : 'Nej',
      help: c.help,
      values: values[c.key] ?? '',
    })),
    note: `Fyll i bladet ${SHEET}, en utbildning per rad under rubrikraden (högst ${TRAINING_IMPORT_LIMITS.rows.toLocaleString('sv-SE')} rader). Bara det första bladet läses.`,
  };
  return fileOf(file, 'mall-webbutbildningar', LIST_EXPORT_COLUMNS, [], file === 'xlsx' ? [help] : []);
}
