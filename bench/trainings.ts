// The public catalogue search with 10,000 items, for `npm run bench` (issue 5, Performance). bench/run.ts starts the
// server on a database bench/trainings-dataset.ts has filled and calls benchTrainingsSearch: the authenticated
// baseline (GET /api/organisations, signed in) and a mix of realistic searches of GET /api/public/trainings on the
// same server, one after the other with the same load settings; each search's answer is checked once first. Then a
// mix of tens of thousands of distinct searches, each asked once, so the page cache cannot answer; and (informative) a
// mix where every request's word is one no one has typed before in the run, so its plan is not kept either.
// Goal (issue 20, cache misses are what users wait for): the distinct searches' p99 ≤ 3 × the baseline's p99 on both
// databases; the repeated searches (page cache hits) are reported beside it.
import type { Load } from './staffing.ts';
import type { TrainingsDataset } from './trainings-dataset.ts';

export const TRAININGS_GOALS = { searchP99VsBaseline: 3 };

/** label, query string, whether at least one hit is expected. */
const SEARCHES: { label: string; query: string; hits: boolean }[] = [
  { label: 'q=demens', query: 'q=demens', hits: true },
  { label: 'q=Hjartsvikt (accent-folded)', query: 'q=Hjartsvikt', hits: true },
  { label: 'q=palliativa (stem)', query: 'q=palliativa', hits: true },
  { label: 'q=demnes (typo)', query: 'q=demnes', hits: true },
  { label: 'q=palliativ vård (two words)', query: `q=${encodeURIComponent('palliativ vård')}`, hits: true },
  { label: 'profession tab + topic, no q', query: 'profession=sjukskoterska&topic=lakemedel', hits: true },
  {
    label: 'q + profession + format',
    query: `q=${encodeURIComponent('läkemedel')}&profession=underskoterska&format=course`,
    hits: true,
  },
  { label: 'no q, no filter (first page)', query: '', hits: true },
];

/** Words people search for (inflected, compound, misspelt), from the dataset's vocabulary. */
const DISTINCT_WORDS = [
  'demens',
  'demenssjukdom',
  'hjärtsvikt',
  'Hjartsvikt',
  'palliativ',
  'palliativa',
  'läkemedel',
  'läkemedelsgenomgång',
  'diabetes',
  'insulinbehandling',
  'nutrition',
  'undernäring',
  'fallprevention',
  'balansträning',
  'vårdhygien',
  'handhygien',
  'rehabilitering',
  'mobilisering',
  'depression',
  'suicidprevention',
  'sårvård',
  'trycksår',
  'bensår',
  'dokumentation',
  'journalföring',
  'hjälpmedel',
  'välfärdsteknik',
  'bemötande',
  'anhöriga',
  'hemtjänsten',
  'demnes',
  'hjärtsvkt',
  'nutritoin',
  'rehabiliterng',
  'kognitiv svikt',
  'palliativ vård',
  'basala hygienrutiner',
];

/** A fixed shuffle (Park–Miller), the same in every run. */
function shuffle<T>(list: T[], seed0: number): T[] {
  let seed = seed0;
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/**
 * Distinct search addresses: every word with every profession tab (and none), length, format, language and the first
 * two pages, in a fixed shuffled order (so consecutive requests differ in every part). 47,360 addresses: more than a
 * run asks at 2,000 requests a second, so none is asked twice and the page cache never answers.
 */
async function distinctPaths(origin: string): Promise<string[]> {
  const facets = (await (await fetch(`${origin}/api/public/trainings/facets`)).json()) as {
    professions: { key: string }[];
  };
  const paths: string[] = [];
  for (const q of DISTINCT_WORDS)
    for (const profession of ['', ...facets.professions.map((p) => p.key)])
      for (const length of ['', 'short', 'medium', 'long'])
        for (const format of ['', 'video', 'course', 'podcast', 'document'])
          for (const language of ['', 'sv', 'en', 'other'])
            for (const page of ['1', '2']) {
              const params = new URLSearchParams({ q });
              if (profession) params.set('profession', profession);
              if (length) params.set('length', length);
              if (format) params.set('format', format);
              if (language) params.set('language', language);
              if (page !== '1') params.set('page', page);
              paths.push(`/api/public/trainings?${params}`);
            }
  return shuffle(paths, 4711);
}

/**
 * Searches whose word no one has typed before in the run (informative): every one-letter deletion, swap and doubling
 * of the vocabulary's words ("demens" → "dmens", "edmens", "deemens") and one deletion more of those, so each request's word is planned by the
 * database again (stop words, stems, corrections against the word list) — the cost of a word the catalogue's server
 * has not seen since its last change.
 */
function newWordPaths(): string[] {
  const words = new Set<string>();
  for (const phrase of DISTINCT_WORDS) {
    const w = phrase.toLowerCase();
    for (let i = 0; i < w.length; i++) {
      if (w[i] === ' ') continue;
      words.add(w.slice(0, i) + w.slice(i + 1));
      words.add(w.slice(0, i) + w[i] + w.slice(i));
      if (i + 1 < w.length && w[i + 1] !== ' ') words.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
  }
  // And one letter fewer of each of those: two typos, some still corrected, some finding nothing.
  for (const once of [...words]) for (let i = 0; i < once.length; i++) words.add(once.slice(0, i) + once.slice(i + 1));
  for (const phrase of DISTINCT_WORDS) words.delete(phrase.toLowerCase());
  for (const word of [...words]) if (word.replace(/\s/g, '').length < 3) words.delete(word);
  return shuffle(
    [...words].map((q) => `/api/public/trainings?${new URLSearchParams({ q })}`),
    1234,
  );
}

export type SearchLoad = Load & {
  label: string;
  path: string;
  total: number;
  timeouts: number;
  /** Answers that were not a 200 under load (e.g. 503 when a database connection was not free within 1.5 s). */
  failed: number;
  p99VsBaseline: number;
};
export type TrainingsResult = {
  database: 'embedded' | 'postgresql';
  dataset: { rows: TrainingsDataset['rows']; loadMs: number; totalMs: number };
  baseline: Load & { timeouts: number };
  searches: SearchLoad[];
  /** The goal: every request a different search (words × profession × length × format × language × page). */
  distinct: SearchLoad & { paths: number; asked: number };
  /** Informative: every request a word not typed before in the run (its plan is not kept either). */
  newWords: SearchLoad & { paths: number; asked: number };
  worst: { label: string; p99Ms: number; p99VsBaseline: number };
  goalMet: boolean;
};

export type TrainingsContext = {
  database: TrainingsResult['database'];
  origin: string;
  cookie: string;
  dataset: TrainingsDataset & { totalMs: number };
  /** Failed answers (non-2xx, errors, timeouts) are counted in the result, not thrown. With `nextPath`, each request
   * asks for the path it returns. */
  load: (url: string, headers: Record<string, string>, nextPath?: () => string) => Promise<Load & { timeouts: number }>;
  log: (msg: string) => void;
};

export async function benchTrainingsSearch(ctx: TrainingsContext): Promise<TrainingsResult> {
  const { origin, cookie, database, log } = ctx;
  // Check every answer once, so the load cannot measure errors or empty results.
  const totals = new Map<string, number>();
  for (const s of SEARCHES) {
    const url = `${origin}/api/public/trainings${s.query ? `?${s.query}` : ''}`;
    let res = await fetch(url);
    // A 503 is the server's answer when no database connection came within its wait (seen once when the machine's
    // load average was 23): asked again once after a pause, as a visitor would.
    if (res.status === 503) {
      await res.text();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      res = await fetch(url);
    }
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 500)}`);
    const body = JSON.parse(text) as { total: number; items: unknown[] };
    if (s.hits && (body.total < 1 || body.items.length < 1)) throw new Error(`${url} found nothing`);
    totals.set(s.label, body.total);
  }
  log(`  ${database}: GET /api/organisations (signed in, baseline)…`);
  const baseline = await ctx.load(`${origin}/api/organisations`, { cookie });
  const searches: SearchLoad[] = [];
  for (const s of SEARCHES) {
    const path = `/api/public/trainings${s.query ? `?${s.query}` : ''}`;
    log(`  ${database}: GET ${path} (${totals.get(s.label)} hits)…`);
    const l = await ctx.load(`${origin}${path}`, {});
    searches.push({
      ...l,
      label: s.label,
      path,
      total: totals.get(s.label) ?? 0,
      // No answer at all within the measured window counts as failed too (its latency would read 0).
      failed: l.non2xx + l.errors + l.timeouts + (l.requests === 0 ? 1 : 0),
      p99VsBaseline: round(l.p99Ms / Math.max(baseline.p99Ms, 1), 2),
    });
  }
  // The same endpoint with a request never asked before each time: the catalogue's page cache cannot help.
  const paths = await distinctPaths(origin);
  let next = 0;
  log(`  ${database}: ${paths.length.toLocaleString('en')} distinct searches in turn (no repeats, cache misses)…`);
  const d = await ctx.load(`${origin}/api/public/trainings`, {}, () => paths[next++ % paths.length] as string);
  const distinct: SearchLoad & { paths: number; asked: number } = {
    ...d,
    label: 'distinct searches, no repeats (cache misses)',
    path: '/api/public/trainings?q=…&profession=…&length=…&format=…',
    total: 0,
    failed: d.non2xx + d.errors + d.timeouts + (d.requests === 0 ? 1 : 0),
    p99VsBaseline: round(d.p99Ms / Math.max(baseline.p99Ms, 1), 2),
    paths: paths.length,
    asked: next,
  };
  const wordPaths = newWordPaths();
  let nextWord = 0;
  log(`  ${database}: ${wordPaths.length.toLocaleString('en')} searches with a new word each (informative)…`);
  const w = await ctx.load(
    `${origin}/api/public/trainings`,
    {},
    () => wordPaths[nextWord++ % wordPaths.length] as string,
  );
  const newWords: SearchLoad & { paths: number; asked: number } = {
    ...w,
    label: 'a new word in every search (informative)',
    path: '/api/public/trainings?q=<a typo not asked before>',
    total: 0,
    failed: w.non2xx + w.errors + w.timeouts + (w.requests === 0 ? 1 : 0),
    p99VsBaseline: round(w.p99Ms / Math.max(baseline.p99Ms, 1), 2),
    paths: wordPaths.length,
    asked: nextWord,
  };
  const worstLoad = searches.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
  const worst = { label: worstLoad.label, p99Ms: worstLoad.p99Ms, p99VsBaseline: worstLoad.p99VsBaseline };
  return {
    database,
    dataset: { rows: ctx.dataset.rows, loadMs: ctx.dataset.loadMs, totalMs: ctx.dataset.totalMs },
    baseline,
    searches,
    distinct,
    newWords,
    worst,
    // Issue 20: the cache misses are what real users wait for — the goal is on the distinct searches, on both
    // databases; the repeated searches (page cache hits) are reported beside them.
    // A distinct search asked twice could be a page cache hit: the run must not run out of addresses.
    goalMet:
      distinct.asked <= distinct.paths &&
      distinct.p99VsBaseline <= TRAININGS_GOALS.searchP99VsBaseline &&
      distinct.failed === 0 &&
      searches.every((s) => s.failed === 0) &&
      baseline.non2xx + baseline.errors + baseline.timeouts === 0,
  };
}

export function printTrainings(
  results: TrainingsResult[],
  skipped: string | null,
  log: (msg: string) => void,
  table: (rows: string[][]) => string,
) {
  log(`\nCatalogue search, ${results[0]?.dataset.rows.items.toLocaleString('en') ?? '10,000'} items (bench):`);
  const rows: string[][] = [['database', 'request', 'hits', 'req/s', 'p50 ms', 'p99 ms', 'p99 / baseline', 'failed']];
  for (const r of results) {
    rows.push([
      r.database,
      'GET /api/organisations (signed in, baseline)',
      '',
      fmt(r.baseline.requestsPerSecond),
      fmt(r.baseline.p50Ms),
      fmt(r.baseline.p99Ms),
      '',
      String(r.baseline.non2xx + r.baseline.errors + r.baseline.timeouts),
    ]);
    for (const s of r.searches) {
      rows.push([
        r.database,
        s.label,
        String(s.total),
        fmt(s.requestsPerSecond),
        fmt(s.p50Ms),
        fmt(s.p99Ms),
        `${s.p99VsBaseline.toFixed(2)}×`,
        String(s.failed),
      ]);
    }
  }
  for (const r of results) {
    for (const d of [r.distinct, r.newWords]) {
      rows.push([
        r.database,
        `${d.label}`,
        '',
        fmt(d.requestsPerSecond),
        fmt(d.p50Ms),
        fmt(d.p99Ms),
        `${d.p99VsBaseline.toFixed(2)}×`,
        String(d.failed),
      ]);
    }
  }
  if (skipped) rows.push(['postgresql', `(not measured: ${skipped})`, '', '', '', '', '', '']);
  log(table(rows));
  for (const r of results) {
    log(
      `  ${r.database}: ${r.distinct.asked.toLocaleString('en')} of ${r.distinct.paths.toLocaleString('en')} distinct searches asked (${r.distinct.asked > r.distinct.paths ? 'some twice' : 'none twice'}); their p99 ${fmt(r.distinct.p99Ms)} ms is ${r.distinct.p99VsBaseline.toFixed(2)}× the baseline's (goal ≤ ${TRAININGS_GOALS.searchP99VsBaseline}× on both databases): ${r.goalMet ? 'met' : 'NOT MET'}`,
    );
    log(
      `  ${r.database}: a new word in every search (${r.newWords.asked.toLocaleString('en')} of ${r.newWords.paths.toLocaleString('en')} words asked${r.newWords.asked > r.newWords.paths ? ', some twice' : ''}): p99 ${fmt(r.newWords.p99Ms)} ms, ${r.newWords.p99VsBaseline.toFixed(2)}× the baseline's (informative)`,
    );
    log(
      `  ${r.database}: worst repeated search p99 ${fmt(r.worst.p99Ms)} ms (${r.worst.label}) = ${r.worst.p99VsBaseline.toFixed(2)}× the baseline's ${fmt(r.baseline.p99Ms)} ms (informative: page cache hits)`,
    );
  }
}

/**
 * The goal is judged on PostgreSQL, the engine of every real installation (decision 001), as the staffing comparison
 * is; the embedded PGlite (one WASM process, for trying Kompetensnav out) is measured and reported beside it.
 */
export function trainingsGoals(results: TrainingsResult[]) {
  const on = (database: string) => results.find((x) => x.database === database);
  const goal = (r: TrainingsResult | undefined) => ({
    goal: `≤ ${TRAININGS_GOALS.searchP99VsBaseline}× (distinct searches' p99, cache misses / GET /api/organisations p99, 10,000 items)`,
    value: r ? r.distinct.p99VsBaseline : null,
    met: r ? r.goalMet : null,
  });
  return {
    catalogueDistinctSearchP99VsBaselineOnPostgres: goal(on('postgresql')),
    catalogueDistinctSearchP99VsBaselineEmbedded: goal(on('embedded')),
  };
}

function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function round(n: number, digits: number) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
