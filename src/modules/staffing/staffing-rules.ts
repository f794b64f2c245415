// The validation rules of a staffing report, shared by the entry form (checked as one types), the Excel import
// and the server (checked again on save and submit). Errors carry the fact's path and a Swedish message.
import { CONTEXT, type Fact, factKey, keyOf, MAX_VALUE, MEASURE_BY_KEY, type MeasureDef } from './staffing-measures.ts';

export type RulesConfig = {
  professions: { key: string; active: boolean }[];
  /** Items by kind; specialties carry their profession's key. */
  items: { kind: string; key: string; professionKey: string | null; active: boolean }[];
};
export type RuleError = { path: string; message: string };
export type RuleMode = 'draft' | 'submit';

const fmt = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Decimal sums compared at the stored precision (two decimals). */
const same = (a: number, b: number) => Math.abs(round2(a) - round2(b)) < 0.005;

/** The facts as a lookup by path. Later duplicates are reported, not silently merged. */
export function indexFacts(facts: readonly Fact[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of facts) map.set(factKey(f), f.value);
  return map;
}

/** What the rules look up in a configuration, worked out once per configuration (an import checks hundreds). */
type Compiled = {
  professionKeys: Set<string>;
  activeProfessions: string[];
  /** `kind|key|profession` for specialties, `kind|key|` for the other items. */
  itemKeys: Set<string>;
  byKind: Map<string, RulesConfig['items']>;
};
const compiledConfigs = new WeakMap<RulesConfig, Compiled>();

function compile(config: RulesConfig): Compiled {
  const cached = compiledConfigs.get(config);
  if (cached) return cached;
  const byKind = new Map<string, RulesConfig['items']>();
  for (const item of config.items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const compiled: Compiled = {
    professionKeys: new Set(config.professions.map((p) => p.key)),
    activeProfessions: config.professions.filter((p) => p.active).map((p) => p.key),
    itemKeys: new Set(
      config.items.map((i) => `${i.kind}|${i.key}|${i.kind === 'specialty' ? (i.professionKey ?? '') : ''}`),
    ),
    byKind,
  };
  compiledConfigs.set(config, compiled);
  return compiled;
}

export function validateFacts(config: RulesConfig, facts: readonly Fact[], mode: RuleMode): RuleError[] {
  const errors: RuleError[] = [];
  // The facts by path, built while checking each one (the rules below look values up by path).
  const v = new Map<string, number>();
  const compiled = compile(config);
  const { activeProfessions } = compiled;

  for (const f of facts) {
    const path = factKey(f);
    if (v.has(path)) {
      errors.push({ path, message: 'Värdet finns två gånger.' });
      continue;
    }
    v.set(path, f.value);
    const def = MEASURE_BY_KEY.get(f.measure);
    if (!def) {
      errors.push({ path, message: 'Okänt mått.' });
      continue;
    }
    const shapeError = checkShape(compiled, def, f);
    if (shapeError) {
      errors.push({ path, message: shapeError });
      continue;
    }
    const valueError = checkValue(def, f.value);
    if (valueError) errors.push({ path, message: valueError });
  }
  if (errors.length > 0) return errors;

  const get = (p: string, measure: string, breakdown = '') => v.get(keyOf(p, measure, breakdown));
  const err = (p: string, measure: string, message: string, breakdown = '') =>
    errors.push({ path: keyOf(p, measure, breakdown), message });

  // Context: parts of the population and of the enrolled patients cannot exceed their whole.
  const inhabitants = get(CONTEXT, 'inhabitants');
  const older = (get(CONTEXT, 'inhabitants_65_79') ?? 0) + (get(CONTEXT, 'inhabitants_80_plus') ?? 0);
  if (inhabitants !== undefined && older > inhabitants) {
    err(CONTEXT, 'inhabitants_80_plus', `Invånare 65–79 och 80+ (${fmt(older)}) kan inte vara fler än alla invånare.`);
  }
  const enrolled = get(CONTEXT, 'enrolled_patients');
  const enrolledParts = (get(CONTEXT, 'enrolled_home_care') ?? 0) + (get(CONTEXT, 'enrolled_special_housing') ?? 0);
  if (enrolled !== undefined && enrolledParts > enrolled) {
    err(
      CONTEXT,
      'enrolled_special_housing',
      `Ordinärt och särskilt boende (${fmt(enrolledParts)}) kan inte vara fler än alla inskrivna.`,
    );
  }
  if (enrolled === undefined && enrolledParts > 0) {
    err(CONTEXT, 'enrolled_patients', 'Ange antalet inskrivna när du anger hur de bor.');
  }

  const professionsInFacts = new Set(facts.filter((f) => f.profession !== CONTEXT).map((f) => f.profession));
  for (const p of professionsInFacts) checkProfession(compiled, p, get, err);

  if (mode === 'submit') {
    for (const measure of ['inhabitants', 'inhabitants_80_plus', 'enrolled_patients']) {
      if (get(CONTEXT, measure) === undefined) err(CONTEXT, measure, 'Obligatoriskt för att skicka in.');
    }
    for (const p of activeProfessions) {
      const headcount = get(p, 'headcount');
      if (headcount === undefined) {
        err(p, 'headcount', 'Obligatoriskt för att skicka in. Ange 0 om kommunen inte har yrket.');
        continue;
      }
      if (headcount > 0) {
        for (const measure of ['contracted_fte', 'worked_fte']) {
          if (get(p, measure) === undefined) err(p, measure, 'Obligatoriskt för att skicka in.');
        }
        const bands = (compiled.byKind.get('age_band') ?? []).filter((i) => i.active);
        if (bands.some((b) => get(p, 'age_headcount', b.key) === undefined)) {
          err(p, 'age_headcount', 'Fyll i alla åldersgrupper (0 där ingen finns) för att skicka in.');
        }
      }
    }
  }
  return errors;
}

function checkShape(compiled: Compiled, def: MeasureDef, f: Fact): string | null {
  if (def.scope === 'context') {
    if (f.profession !== CONTEXT) return 'Måttet gäller kommunen, inte ett yrke.';
  } else if (!compiled.professionKeys.has(f.profession)) {
    return 'Okänt yrke.';
  }
  if (!def.breakdown) return f.breakdown ? 'Måttet har ingen uppdelning.' : null;
  if (!f.breakdown) return 'Ange vilken grupp värdet gäller.';
  const known = `${def.breakdown}|${f.breakdown}|${def.breakdown === 'specialty' ? f.profession : ''}`;
  if (!compiled.itemKeys.has(known)) {
    return def.breakdown === 'specialty' ? 'Okänd specialitet för yrket.' : 'Okänd grupp.';
  }
  return null;
}

function checkValue(def: MeasureDef, value: number): string | null {
  if (!Number.isFinite(value)) return 'Ange ett tal.';
  if (value < 0) return 'Värdet kan inte vara negativt.';
  if (value > MAX_VALUE[def.kind]) return `Värdet är orimligt stort (högst ${fmt(MAX_VALUE[def.kind])}).`;
  if ((def.kind === 'persons' || def.kind === 'population') && !Number.isInteger(value)) {
    return 'Ange ett heltal (antal personer).';
  }
  if (!same(value, round2(value)) || Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
    return 'Högst två decimaler.';
  }
  return null;
}

type Get = (p: string, measure: string, breakdown?: string) => number | undefined;
type Err = (p: string, measure: string, message: string, breakdown?: string) => void;

function checkProfession(compiled: Compiled, p: string, get: Get, err: Err) {
  const items = (kind: string) => compiled.byKind.get(kind) ?? [];
  const headcount = get(p, 'headcount');
  const notAbove = (measure: string, what: string, breakdown = '') => {
    const value = get(p, measure, breakdown);
    if (value === undefined) return;
    if (headcount === undefined) err(p, 'headcount', `Ange antal anställda när du anger ${what}.`);
    else if (value > headcount + 1e-9) {
      err(p, measure, `Kan inte vara fler än antal anställda (${fmt(headcount)}).`, breakdown);
    }
  };

  notAbove('headcount_permanent', 'tillsvidareanställda');
  notAbove('headcount_fixed_term', 'visstidsanställda');
  const permanent = get(p, 'headcount_permanent');
  const fixedTerm = get(p, 'headcount_fixed_term');
  if (
    headcount !== undefined &&
    permanent !== undefined &&
    fixedTerm !== undefined &&
    permanent + fixedTerm !== headcount
  ) {
    err(
      p,
      'headcount_fixed_term',
      `Tillsvidare + visstid (${fmt(permanent + fixedTerm)}) ska bli antal anställda (${fmt(headcount)}).`,
    );
  }

  notAbove('specialist_headcount', 'specialistutbildade');
  const specialists = get(p, 'specialist_headcount');
  for (const item of items('specialty').filter((i) => i.professionKey === p)) {
    const value = get(p, 'specialty_headcount', item.key);
    if (value === undefined) continue;
    if (specialists === undefined) {
      err(p, 'specialist_headcount', 'Ange antal med specialistutbildning när du anger inriktningar.');
    } else if (value > specialists) {
      err(
        p,
        'specialty_headcount',
        `Kan inte vara fler än antal med specialistutbildning (${fmt(specialists)}).`,
        item.key,
      );
    }
  }
  for (const item of items('competence')) {
    notAbove('competence_headcount', 'kompetenser', item.key);
  }

  const bands = items('age_band');
  const given = bands.filter((b) => get(p, 'age_headcount', b.key) !== undefined);
  if (given.length > 0) {
    const sum = given.reduce((s, b) => s + (get(p, 'age_headcount', b.key) ?? 0), 0);
    if (headcount === undefined) err(p, 'headcount', 'Ange antal anställda när du anger åldersgrupper.');
    else if (sum !== headcount) {
      err(p, 'age_headcount', `Åldersgrupperna (${fmt(sum)}) ska tillsammans bli antal anställda (${fmt(headcount)}).`);
    }
  }

  notAbove('contracted_fte', 'avtalad sysselsättning');
  notAbove('worked_fte', 'faktisk sysselsättning');
  notAbove('fulltime_headcount', 'antal som arbetar heltid');

  const budgeted = get(p, 'positions_budgeted');
  const filled = get(p, 'positions_filled');
  const vacant = get(p, 'positions_vacant');
  if (filled !== undefined || vacant !== undefined) {
    const sum = (filled ?? 0) + (vacant ?? 0);
    if (budgeted === undefined) err(p, 'positions_budgeted', 'Ange budgeterade tjänster.');
    else if (!same(sum, budgeted)) {
      err(p, 'positions_vacant', `Tillsatta + vakanta (${fmt(sum)}) ska bli budgeterade tjänster (${fmt(budgeted)}).`);
    }
  }

  for (const item of items('absence_kind')) {
    notAbove('absence_headcount', 'frånvaro', item.key);
    const persons = get(p, 'absence_headcount', item.key);
    const fte = get(p, 'absence_fte', item.key);
    if (fte === undefined) continue;
    if (persons === undefined) err(p, 'absence_headcount', 'Ange antal personer när du anger årsarbetare.', item.key);
    else if (fte > persons + 1e-9) {
      err(p, 'absence_fte', `Kan inte vara fler årsarbetare än frånvarande personer (${fmt(persons)}).`, item.key);
    }
  }
}
