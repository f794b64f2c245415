// The entry form's values: the text a user typed per fact key, read as Swedish (or English) decimals, turned into
// facts for validateFacts and the server.
import type { StaffingConfigDto } from '../../staffing.contracts.ts';
import type { Lang } from '../../staffing-labels.ts';
import { type Fact, factKey, parseFactKey } from '../../staffing-measures.ts';
import type { RuleError, RulesConfig } from '../../staffing-rules.ts';

/** The typed text per fact key ("sjukskoterska.headcount" → "42"); an empty text is "not reported". */
export type FormValues = Record<string, string>;

/**
 * Reads "0,75", "0.75", "1 234" and "1 234,5" (spaces as thousands separators); '' is null, anything else invalid.
 */
export function parseDecimal(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-');
  if (compact === '') return null;
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return 'invalid';
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : 'invalid';
}

/** A stored value as the user would type it: no thousands separators, a decimal comma in Swedish. */
export function formatForInput(value: number, lang: Lang): string {
  const text = String(value);
  return lang === 'sv' ? text.replace('.', ',') : text;
}

export function toFormValues(facts: readonly Fact[], lang: Lang): FormValues {
  const values: FormValues = {};
  for (const fact of facts) values[factKey(fact)] = formatForInput(fact.value, lang);
  return values;
}

/** The facts of the typed values, and an error for every text that is not a number. */
export function toFacts(values: FormValues, notANumber: string): { facts: Fact[]; parseErrors: RuleError[] } {
  const facts: Fact[] = [];
  const parseErrors: RuleError[] = [];
  for (const [key, text] of Object.entries(values)) {
    const value = parseDecimal(text);
    if (value === null) continue;
    if (value === 'invalid') {
      parseErrors.push({ path: key, message: notANumber });
      continue;
    }
    const parts = parseFactKey(key);
    if (parts) facts.push({ ...parts, value });
  }
  return { facts, parseErrors };
}

/** The configuration in the shape the shared rules read. */
export function toRulesConfig(config: StaffingConfigDto): RulesConfig {
  const professionKey = new Map(config.professions.map((p) => [p.id, p.key]));
  return {
    professions: config.professions.map((p) => ({ key: p.key, active: p.active })),
    items: config.items.map((i) => ({
      kind: i.kind,
      key: i.key,
      professionKey: i.professionId ? (professionKey.get(i.professionId) ?? null) : null,
      active: i.active,
    })),
  };
}

/** The first error per path: the message shown next to a field (or a group such as "sjukskoterska.age_headcount"). */
export function errorsByPath(errors: readonly RuleError[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const error of errors) if (!(error.path in byPath)) byPath[error.path] = error.message;
  return byPath;
}

/** "sjukskoterska.age_headcount.age_30_39" belongs to the group "sjukskoterska.age_headcount". */
export function groupOf(key: string): string {
  const parts = parseFactKey(key);
  return parts ? `${parts.profession}.${parts.measure}` : key;
}

/** Whether the typed values say the same as the saved ones ("42" and "42,0" are the same). */
export function sameValues(a: FormValues, b: FormValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = parseDecimal(a[key] ?? '');
    const y = parseDecimal(b[key] ?? '');
    if (x === 'invalid' || y === 'invalid' ? (a[key] ?? '') !== (b[key] ?? '') : x !== y) return false;
  }
  return true;
}
