// Counting how the public catalogue is used (issue 20 point 11; decision 029): views of items and profession tabs,
// searches and searches that found nothing, and opens of a training's link. Aggregate counters per day only: no
// cookie, no address, no user, no time of day — nothing that tells who looked or searched. A request only adds to a
// counter in memory; the counters are written in one upsert every few seconds and on shutdown, and a write that fails
// is logged and never reaches a visitor. The text of a search that found nothing is kept (normalised, at most 100
// characters, at most NO_RESULT_TEXTS_PER_DAY different texts a day) unless it looks like personal data.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { monthsBefore, type RetentionRule, retentionMonths } from '../../platform/server/retention.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import type { CataloguePageAnswer } from './catalogue.service.ts';
import { queryTokens } from './catalogue.service.ts';
import { trainingUsage, USAGE_KEY_MAX, type UsageKind } from './catalogue-usage.table.ts';
import type { CatalogueQuery } from './trainings.contracts.ts';
import { trainingItem } from './trainings.table.ts';

/** How often the counters in memory are written. */
export const USAGE_FLUSH_MS = 5_000;
/** At most this many different search texts without result are kept per day (the rest are counted, not kept). */
export const NO_RESULT_TEXTS_PER_DAY = 300;
/** At most this many different counters wait in memory; beyond it new ones are dropped until the next write. */
const BUFFER_MAX_KEYS = 50_000;
/** Rows per INSERT. */
const CHUNK = 5_000;

const w = (sv: string, en: string) => ({ sv, en });

export const USAGE_RETENTION_RULE: RetentionRule = {
  key: 'trainings.usage',
  data: w(
    'Användning av utbildningskatalogen (antal visningar, sökningar och öppnade länkar per dag; sökord som inte gav någon träff)',
    'Use of the training catalogue (views, searches and opened links per day; search words that found nothing)',
  ),
  rule: w(
    'Räknare och sökord äldre än {{months}} månader tas bort. Inget sparas om vem som tittade eller sökte.',
    'Counters and search words older than {{months}} months are deleted. Nothing is kept about who looked or searched.',
  ),
  enforcement: w('Nattligt jobb kl. 03:40', 'Nightly job at 03:40'),
  // Two MAS follow-ups a year need this year and the same months last year to compare: 25 months.
  months: { default: 25, min: 13, max: 60 },
};

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (YYYY-MM-DD) in Swedish time. */
export function stockholmDay(at: Date): string {
  return dayFormat.format(at);
}

/**
 * True for text that looks like personal data typed into the search box: an e-mail address or a web address, a run
 * of six digits or more (a personal identity or coordination number, a date of birth: "121212-1212", "800101"), or
 * seven digits or more in all (a phone number written in groups: "070-123 45 67"). Such text is never kept; the
 * search is still counted. "covid-19 2024" is kept.
 */
export function looksPersonal(text: string): boolean {
  if (/[@＠]/u.test(text)) return true;
  if (/[\p{L}\p{N}-]\.(?:se|nu|com|net|org|eu|io|info)\b/iu.test(text)) return true;
  const runs = text.match(/\p{Nd}(?:[\p{Nd}\-+./]*\p{Nd})?/gu) ?? [];
  if (runs.some((run) => (run.match(/\p{Nd}/gu) ?? []).length >= 6)) return true;
  return (text.match(/\p{Nd}/gu) ?? []).length >= 7;
}

/** A search text as it is kept: lower case, words of letters and digits only, one space apart, ≤ 100 characters. */
export function normaliseSearchText(q: string): string | null {
  const raw = q.normalize('NFKC');
  if (looksPersonal(raw)) return null;
  const words = raw
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const text = words.join(' ').slice(0, USAGE_KEY_MAX).trim();
  return text.length > 0 ? text : null;
}

type Log = { warn(obj: object, msg: string): void };
type UsageDeps = { db: Db; cache: ReadCache };

const SEP = '\u0000';

/** The counters of one app server, written every few seconds. One per database (so per app). */
export class CatalogueUsage {
  private buffer = new Map<string, number>();
  /** Different no-result texts waiting per day (bounded like the table). */
  private textsPerDay = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private dropped = 0;

  constructor(
    private readonly deps: UsageDeps,
    private readonly options: { enabled: boolean; log: Log; now?: () => Date },
  ) {
    if (options.enabled) {
      this.timer = setInterval(() => void this.flush(), USAGE_FLUSH_MS);
      this.timer.unref();
    }
  }

  get enabled() {
    return this.options.enabled;
  }

  /** The day, worked out at most once a minute (formatting a date in a time zone costs more than the counting). */
  private day = { minute: Number.NaN, value: '' };

  private today() {
    const at = this.options.now?.() ?? new Date();
    const minute = Math.floor(at.getTime() / 60_000);
    if (minute !== this.day.minute) this.day = { minute, value: stockholmDay(at) };
    return this.day.value;
  }

  private add(day: string, kind: UsageKind, key: string) {
    const id = `${day}${SEP}${kind}${SEP}${key}`;
    const count = this.buffer.get(id);
    if (count !== undefined) {
      this.buffer.set(id, count + 1);
      return;
    }
    if (this.buffer.size >= BUFFER_MAX_KEYS) {
      this.dropped++;
      return;
    }
    this.buffer.set(id, 1);
  }

  /**
   * A page of the public catalogue was answered: each item on it was viewed; the first page of a tab is a view of
   * that tab; the first page of a search is a search (and one without result, with its text if it may be kept).
   * Never throws: counting must not fail a request.
   */
  countPage(
    query: Pick<CatalogueQuery, 'q' | 'profession' | 'page'>,
    answer: Pick<CataloguePageAnswer, 'itemIds' | 'total'>,
  ) {
    if (!this.options.enabled) return;
    try {
      const day = this.today();
      for (const id of answer.itemIds) this.add(day, 'item_view', id);
      if (query.page !== 1) return;
      const profession = query.profession ?? '';
      if (profession.length <= USAGE_KEY_MAX) this.add(day, 'tab_view', profession);
      if (!query.q || queryTokens(query.q).length === 0) return;
      this.add(day, 'search', '');
      if (answer.total > 0) return;
      this.add(day, 'search_empty', '');
      const text = normaliseSearchText(query.q);
      if (text === null) return;
      const id = `${day}${SEP}no_result_text${SEP}${text}`;
      if (!this.buffer.has(id)) {
        const waiting = this.textsPerDay.get(day) ?? 0;
        if (waiting >= NO_RESULT_TEXTS_PER_DAY) return;
        this.textsPerDay.set(day, waiting + 1);
      }
      this.add(day, 'no_result_text', text);
    } catch (err) {
      this.options.log.warn({ err: String(err) }, 'catalogue usage not counted');
    }
  }

  /** A training's link was opened (the catalogue's beacon). Never throws. */
  countOpen(itemId: string) {
    if (!this.options.enabled) return;
    try {
      this.add(this.today(), 'outbound', itemId);
    } catch (err) {
      this.options.log.warn({ err: String(err) }, 'catalogue usage not counted');
    }
  }

  /** Writes what has been counted (after any write under way). A failure is logged; the counts are kept for later. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Stops the timer and writes the rest (the app's shutdown). */
  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write() {
    if (this.buffer.size === 0) return;
    const batch = this.buffer;
    this.buffer = new Map();
    this.textsPerDay = new Map();
    if (this.dropped > 0) {
      this.options.log.warn({ dropped: this.dropped }, 'catalogue usage: counters dropped (too many waiting)');
      this.dropped = 0;
    }
    try {
      await writeCounters(this.deps, batch);
    } catch (err) {
      this.options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'catalogue usage not written');
      // Kept for the next write (bounded as always).
      for (const [id, count] of batch) {
        const now = this.buffer.get(id);
        if (now !== undefined) this.buffer.set(id, now + count);
        else if (this.buffer.size < BUFFER_MAX_KEYS) this.buffer.set(id, count);
      }
    }
  }
}

type Row = { day: string; kind: UsageKind; key: string; count: number };

/**
 * Upserts a batch of counters. Only items that exist and professions of the configuration are counted (a request
 * cannot fill the table with made-up keys); a day keeps at most NO_RESULT_TEXTS_PER_DAY different no-result texts.
 */
export async function writeCounters(deps: UsageDeps, batch: ReadonlyMap<string, number>): Promise<number> {
  const rows: Row[] = [];
  for (const [id, count] of batch) {
    const [day, kind, key] = id.split(SEP) as [string, UsageKind, string];
    rows.push({ day, kind, key, count });
  }
  const itemKeys = [...new Set(rows.filter((r) => r.kind === 'item_view' || r.kind === 'outbound').map((r) => r.key))];
  const items = new Set<string>();
  if (itemKeys.length > 0) {
    // One array parameter whatever the number of items.
    const found = await deps.db
      .select({ id: trainingItem.id })
      .from(trainingItem)
      .where(sql`${trainingItem.id} = ANY(${sql.param(itemKeys)}::uuid[])`);
    for (const r of found) items.add(r.id);
  }
  const professions = new Set(['', ...(await listProfessions(deps)).map((p) => p.key)]);
  const allowedTexts = await roomForTexts(
    deps.db,
    rows.filter((r) => r.kind === 'no_result_text'),
  );
  const kept = rows.filter((r) => {
    if (r.kind === 'item_view' || r.kind === 'outbound') return items.has(r.key);
    if (r.kind === 'tab_view') return professions.has(r.key);
    if (r.kind === 'no_result_text') return allowedTexts.has(`${r.day}${SEP}${r.key}`);
    return r.key === '';
  });
  // Arrays as parameters (unnest): four parameters per statement whatever the number of rows — far cheaper to send
  // and plan than four per row. Chunks let other queries in between on the embedded database (one connection).
  for (let i = 0; i < kept.length; i += CHUNK) {
    const chunk = kept.slice(i, i + CHUNK);
    await deps.db.execute(sql`
      INSERT INTO ${trainingUsage} (day, kind, key, count)
      SELECT u.day, u.kind, u.key, u.count
        FROM unnest(${sql.param(chunk.map((r) => r.day))}::date[], ${sql.param(chunk.map((r) => r.kind))}::text[],
                    ${sql.param(chunk.map((r) => r.key))}::text[], ${sql.param(chunk.map((r) => r.count))}::int[])
             AS u(day, kind, key, count)
      ON CONFLICT (day, kind, key) DO UPDATE SET count = ${trainingUsage}.count + excluded.count`);
  }
  return kept.length;
}

/** The no-result texts of a batch that may be written: those the day has already, and new ones while there is room. */
async function roomForTexts(db: Db, rows: Row[]): Promise<Set<string>> {
  const allowed = new Set<string>();
  if (rows.length === 0) return allowed;
  const days = [...new Set(rows.map((r) => r.day))];
  const existing = await db
    .select({ day: trainingUsage.day, key: trainingUsage.key })
    .from(trainingUsage)
    .where(and(eq(trainingUsage.kind, 'no_result_text'), inArray(trainingUsage.day, days)));
  const known = new Set(existing.map((r) => `${r.day}${SEP}${r.key}`));
  const used = new Map<string, number>();
  for (const r of existing) used.set(r.day, (used.get(r.day) ?? 0) + 1);
  // The most asked new texts first.
  for (const r of [...rows].sort((a, b) => b.count - a.count)) {
    const id = `${r.day}${SEP}${r.key}`;
    if (known.has(id)) allowed.add(id);
    else if ((used.get(r.day) ?? 0) < NO_RESULT_TEXTS_PER_DAY) {
      allowed.add(id);
      used.set(r.day, (used.get(r.day) ?? 0) + 1);
    }
  }
  return allowed;
}

const recorders = new WeakMap<Db, CatalogueUsage>();

/** The app's counters (made by the routes; one per database). */
export function startCatalogueUsage(deps: UsageDeps, options: ConstructorParameters<typeof CatalogueUsage>[1]) {
  const usage = new CatalogueUsage(deps, options);
  recorders.set(deps.db, usage);
  return usage;
}

/** Writes this app server's waiting counters, so a reader sees them at once (the usage page, tests). */
export async function flushCatalogueUsage(db: Db): Promise<void> {
  await recorders.get(db)?.flush();
}

/** Deletes the counters older than the retention rule (nightly). */
export async function purgeUsage(db: Db, now: Date): Promise<number> {
  const months = await retentionMonths(db, USAGE_RETENTION_RULE);
  const cutoff = stockholmDay(monthsBefore(now, months));
  const { rows } = await db.execute<{ n: number }>(
    sql`WITH gone AS (DELETE FROM ${trainingUsage} WHERE ${trainingUsage.day} < ${cutoff} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}

export const usagePurgeJob = (db: Db) => ({
  name: 'trainings.usage-retention',
  schedule: '40 3 * * *',
  run: async (now: Date) => {
    await purgeUsage(db, now);
  },
});
