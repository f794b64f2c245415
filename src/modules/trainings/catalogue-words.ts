// How the catalogue's search words are read (decision 005): split into tokens, then planned once per search by the
// database — Swedish stop words, corrections of misspelt words against the catalogue's word list — and turned into
// each word's full-text query. Used by the SQL search (catalogue.service.ts) and the index (catalogue-index.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { TRAININGS_LIMITS } from './trainings.contracts.ts';
import { trainingSearchWord } from './trainings.table.ts';

/** Misspelt words shorter than this are not corrected (too many short words are one edit apart). */
const TYPO_MIN_LENGTH = 4;
/** At most this many corrections per word, the closest first. */
const TYPO_MAX_WORDS = 12;

/** The words of a query, at most a few (each becomes a condition). */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, TRAININGS_LIMITS.maxTokens);
}

/**
 * What each search word may match, decided once per search: a word that is a Swedish stop word matches everything
 * (it is not in the vectors either); a word no catalogue word starts with is taken as misspelt and also matches the
 * catalogue's words within a small edit distance of it ("demnes" → "demens"). Words that exist are not corrected, so
 * "vård" does not also find "gård".
 */
export type WordPlan = { token: string; stop: boolean; corrections: string[] };

/** Tokens are letters and digits only; quoted, so that a word like "null" stays a word. */
const arrayLiteral = (tokens: string[]) => `{${tokens.map((t) => `"${t}"`).join(',')}}`;

export async function planWords(db: Db, tokens: string[]): Promise<WordPlan[]> {
  if (tokens.length === 0) return [];
  const { rows } = await db.execute<{ ord: number; stop: boolean; corrections: string[] | null }>(sql`
    WITH t AS (
      SELECT u.ord::int AS ord, kn_unaccent(u.token) AS token
      FROM unnest(${arrayLiteral(tokens)}::text[]) WITH ORDINALITY AS u(token, ord)
    )
    SELECT t.ord,
      numnode(plainto_tsquery('swedish'::regconfig, t.token)) = 0 AS stop,
      CASE WHEN length(t.token) >= ${TYPO_MIN_LENGTH}
        AND NOT EXISTS (SELECT 1 FROM ${trainingSearchWord} k WHERE starts_with(k.word, t.token))
      THEN ARRAY(
        SELECT w.word FROM ${trainingSearchWord} w
        -- One edit, or two from six letters.
        WHERE abs(length(w.word) - length(t.token)) <= CASE WHEN length(t.token) >= 6 THEN 2 ELSE 1 END
          AND levenshtein_less_equal(w.word, t.token, 2) <= CASE WHEN length(t.token) >= 6 THEN 2 ELSE 1 END
        ORDER BY levenshtein_less_equal(w.word, t.token, 2), w.word
        LIMIT ${TYPO_MAX_WORDS}
      ) END AS corrections
    FROM t ORDER BY t.ord`);
  return rows.map((r) => ({ token: tokens[r.ord - 1] ?? '', stop: r.stop, corrections: r.corrections ?? [] }));
}

/**
 * One word's query on the stored vector: its Swedish stem, or the start of a compound ("balans" finds
 * "balansträning": a prefix of the unstemmed word, as the "simple" configuration leaves it), or one of its
 * corrections. Tokens and corrections are letters and digits only, so they cannot break the query syntax.
 */
export function wordQuery(plan: WordPlan): SQL {
  const alternatives = [plan.token, ...plan.corrections].join(' | ');
  return sql`(to_tsquery('swedish'::regconfig, kn_unaccent(${alternatives})) || to_tsquery('simple'::regconfig, kn_unaccent(${plan.token}) || ':*'))`;
}
