// What the staffing statistics measure: the catalogue of measures and key ratios, shared by server and web.
// Values are stored as facts (measure × municipality × period × profession × breakdown), so a new measure is a line here.

/** How a measure's values behave: persons are suppressed when small, FTE and positions are decimals. */
export type MeasureKind = 'population' | 'persons' | 'fte' | 'positions';
/** Which configurable list breaks a measure down, if any. */
export type BreakdownKind = 'specialty' | 'competence' | 'age_band' | 'absence_kind';
export type MeasureScope = 'context' | 'profession';

export type MeasureDef = {
  key: string;
  scope: MeasureScope;
  kind: MeasureKind;
  breakdown: BreakdownKind | null;
  label: { sv: string; en: string };
  help: { sv: string; en: string };
};

/** The profession key used for context measures (inhabitants, enrolled patients). */
export const CONTEXT = 'context';

const m = (
  key: string,
  scope: MeasureScope,
  kind: MeasureKind,
  breakdown: BreakdownKind | null,
  sv: string,
  en: string,
  helpSv: string,
  helpEn: string,
): MeasureDef => ({ key, scope, kind, breakdown, label: { sv, en }, help: { sv: helpSv, en: helpEn } });

export const MEASURES: readonly MeasureDef[] = [
  m(
    'inhabitants',
    'context',
    'population',
    null,
    'Invånare',
    'Inhabitants',
    'Folkmängd på referensdagen.',
    'Population on the reference date.',
  ),
  m(
    'inhabitants_65_79',
    'context',
    'population',
    null,
    'Invånare 65–79 år',
    'Inhabitants aged 65–79',
    'Folkmängd 65–79 år på referensdagen.',
    'Population aged 65–79 on the reference date.',
  ),
  m(
    'inhabitants_80_plus',
    'context',
    'population',
    null,
    'Invånare 80 år och äldre',
    'Inhabitants aged 80+',
    'Folkmängd 80 år och äldre på referensdagen.',
    'Population aged 80 and over on the reference date.',
  ),
  m(
    'enrolled_patients',
    'context',
    'persons',
    null,
    'Inskrivna i kommunal hälso- och sjukvård',
    'Patients enrolled in municipal health care',
    'Antal patienter inskrivna i kommunal hälso- och sjukvård på referensdagen.',
    'Patients enrolled in municipal health care on the reference date.',
  ),
  m(
    'enrolled_home_care',
    'context',
    'persons',
    null,
    'varav i ordinärt boende (hemsjukvård)',
    'of which in home care',
    'Inskrivna patienter som bor i ordinärt boende.',
    'Enrolled patients living at home.',
  ),
  m(
    'enrolled_special_housing',
    'context',
    'persons',
    null,
    'varav i särskilt boende',
    'of which in special housing',
    'Inskrivna patienter i särskilt boende.',
    'Enrolled patients in special housing.',
  ),
  m(
    'headcount',
    'profession',
    'persons',
    null,
    'Antal anställda',
    'Headcount',
    'Antal personer anställda i yrket på referensdagen (månadsavlönade).',
    'Number of persons employed in the profession on the reference date.',
  ),
  m(
    'headcount_permanent',
    'profession',
    'persons',
    null,
    'varav tillsvidareanställda',
    'of which permanent',
    'Anställda med tillsvidareanställning. Lämna tomt om det inte är känt.',
    'Permanently employed. Leave empty if unknown.',
  ),
  m(
    'headcount_fixed_term',
    'profession',
    'persons',
    null,
    'varav visstidsanställda',
    'of which fixed-term',
    'Anställda med visstidsanställning. Lämna tomt om det inte är känt.',
    'Fixed-term employed. Leave empty if unknown.',
  ),
  m(
    'specialist_headcount',
    'profession',
    'persons',
    null,
    'Antal med specialistutbildning',
    'Headcount with specialist education',
    'Personer med minst en specialistutbildning. En person räknas en gång.',
    'Persons with at least one specialist education, counted once.',
  ),
  m(
    'specialty_headcount',
    'profession',
    'persons',
    'specialty',
    'Specialistutbildade per inriktning',
    'Specialists per specialty',
    'Personer med specialistutbildning i inriktningen. En person med två inriktningar räknas i båda.',
    'Persons with a specialist education in the specialty; a person with two counts in both.',
  ),
  m(
    'competence_headcount',
    'profession',
    'persons',
    'competence',
    'Andra kompetenser',
    'Other competences',
    'Antal personer med kompetensen (t.ex. förskrivningsrätt, demensombud).',
    'Persons holding the competence.',
  ),
  m(
    'age_headcount',
    'profession',
    'persons',
    'age_band',
    'Antal per åldersgrupp',
    'Headcount per age band',
    'Åldersgrupperna ska tillsammans bli antalet anställda.',
    'The age bands must add up to the headcount.',
  ),
  m(
    'contracted_fte',
    'profession',
    'fte',
    null,
    'Avtalad sysselsättning (årsarbetare)',
    'Contracted FTE',
    'Summan av avtalade sysselsättningsgrader, t.ex. 0,75 + 1,0 = 1,75.',
    'Sum of contracted employment rates, e.g. 0.75 + 1.0 = 1.75.',
  ),
  m(
    'worked_fte',
    'profession',
    'fte',
    null,
    'Faktisk sysselsättning (årsarbetare)',
    'Worked FTE',
    'Summan av faktiskt arbetad sysselsättning efter utökningar och minskningar.',
    'Sum of actually worked employment after increases and reductions.',
  ),
  m(
    'fulltime_headcount',
    'profession',
    'persons',
    null,
    'Antal som arbetar heltid',
    'Headcount working full time',
    'Personer som faktiskt arbetar heltid.',
    'Persons actually working full time.',
  ),
  m(
    'positions_budgeted',
    'profession',
    'positions',
    null,
    'Budgeterade tjänster',
    'Budgeted positions',
    'Tjänster i budget, i årsarbetare.',
    'Budgeted positions, in FTE.',
  ),
  m(
    'positions_filled',
    'profession',
    'positions',
    null,
    'Tillsatta tjänster',
    'Filled positions',
    'Tillsatta tjänster, i årsarbetare.',
    'Filled positions, in FTE.',
  ),
  m(
    'positions_vacant',
    'profession',
    'positions',
    null,
    'Vakanta tjänster',
    'Vacant positions',
    'Vakanta tjänster, i årsarbetare. Tillsatta + vakanta = budgeterade.',
    'Vacant positions, in FTE. Filled + vacant = budgeted.',
  ),
  m(
    'absence_headcount',
    'profession',
    'persons',
    'absence_kind',
    'Frånvaro, antal personer',
    'Absence, headcount',
    'Personer som är frånvarande på referensdagen, per orsak.',
    'Persons absent on the reference date, per kind.',
  ),
  m(
    'absence_fte',
    'profession',
    'fte',
    'absence_kind',
    'Frånvaro, årsarbetare',
    'Absence, FTE',
    'Frånvarons omfattning i årsarbetare, per orsak.',
    'Extent of the absence in FTE, per kind.',
  ),
];

export const MEASURE_BY_KEY: ReadonlyMap<string, MeasureDef> = new Map(MEASURES.map((d) => [d.key, d]));
export const CONTEXT_MEASURES = MEASURES.filter((d) => d.scope === 'context');
export const PROFESSION_MEASURES = MEASURES.filter((d) => d.scope === 'profession');

/** Largest value accepted for any measure; a typo with extra digits is an error, not a statistic. */
export const MAX_VALUE: Record<MeasureKind, number> = {
  population: 20_000_000,
  persons: 1_000_000,
  fte: 1_000_000,
  positions: 1_000_000,
};

/** One value of a report. `profession` is a profession key or CONTEXT; `breakdown` a list item key or ''. */
export type Fact = { measure: string; profession: string; breakdown: string; value: number };

/** The stable path of a fact, used as a form field name, an error path and an Excel cell's identity. */
export function factKey(f: { measure: string; profession: string; breakdown: string }): string {
  return keyOf(f.profession, f.measure, f.breakdown);
}

/** factKey without an object to build (the rules look values up by key many times per report). */
export function keyOf(profession: string, measure: string, breakdown = ''): string {
  return breakdown ? `${profession}.${measure}.${breakdown}` : `${profession}.${measure}`;
}

export function parseFactKey(key: string): { measure: string; profession: string; breakdown: string } | null {
  const parts = key.split('.');
  if (parts.length < 2 || parts.length > 3) return null;
  const [profession = '', measure = '', breakdown = ''] = parts;
  return { profession, measure, breakdown };
}

export const RATIOS = [
  'specialist_share',
  'licensed_per_1000_80_plus',
  'staff_per_100_enrolled',
  'employment_rate',
  'fulltime_share',
  'vacancy_rate',
  'share_aged_60_plus',
  'absence_rate',
] as const;
export type RatioKey = (typeof RATIOS)[number];

export type RatioDef = {
  key: RatioKey;
  label: { sv: string; en: string };
  formula: { sv: string; en: string };
  /** 'percent' values are fractions 0..1 shown as %, 'number' values are shown with one decimal. */
  unit: 'percent' | 'number';
  /** Whether a higher value is better (for the heat map's wording), or neither. */
  direction: 'higher_better' | 'lower_better' | 'neutral';
};

export const RATIO_DEFS: readonly RatioDef[] = [
  {
    key: 'specialist_share',
    label: { sv: 'Andel specialistutbildade', en: 'Specialist share' },
    formula: {
      sv: 'Antal med specialistutbildning / antal anställda',
      en: 'Headcount with specialist education / headcount',
    },
    unit: 'percent',
    direction: 'higher_better',
  },
  {
    key: 'licensed_per_1000_80_plus',
    label: { sv: 'Legitimerad personal per 1 000 invånare 80+', en: 'Licensed staff per 1,000 inhabitants 80+' },
    formula: {
      sv: 'Antal anställda i legitimationsyrken × 1 000 / invånare 80 år och äldre',
      en: 'Headcount in licensed professions × 1,000 / inhabitants aged 80+',
    },
    unit: 'number',
    direction: 'neutral',
  },
  {
    key: 'staff_per_100_enrolled',
    label: { sv: 'Personal per 100 inskrivna patienter', en: 'Staff per 100 enrolled patients' },
    formula: {
      sv: 'Antal anställda × 100 / inskrivna i kommunal hälso- och sjukvård',
      en: 'Headcount × 100 / patients enrolled in municipal health care',
    },
    unit: 'number',
    direction: 'neutral',
  },
  {
    key: 'employment_rate',
    label: { sv: 'Genomsnittlig sysselsättningsgrad', en: 'Average employment rate' },
    formula: { sv: 'Faktisk sysselsättning (årsarbetare) / antal anställda', en: 'Worked FTE / headcount' },
    unit: 'percent',
    direction: 'higher_better',
  },
  {
    key: 'fulltime_share',
    label: { sv: 'Andel som arbetar heltid', en: 'Full-time share' },
    formula: { sv: 'Antal som arbetar heltid / antal anställda', en: 'Headcount working full time / headcount' },
    unit: 'percent',
    direction: 'higher_better',
  },
  {
    key: 'vacancy_rate',
    label: { sv: 'Vakansgrad', en: 'Vacancy rate' },
    formula: { sv: 'Vakanta tjänster / budgeterade tjänster', en: 'Vacant positions / budgeted positions' },
    unit: 'percent',
    direction: 'lower_better',
  },
  {
    key: 'share_aged_60_plus',
    label: { sv: 'Andel 60 år och äldre', en: 'Share aged 60+' },
    formula: {
      sv: 'Antal i åldersgrupper från 60 år / antal anställda',
      en: 'Headcount in age bands from 60 / headcount',
    },
    unit: 'percent',
    direction: 'lower_better',
  },
  {
    key: 'absence_rate',
    label: { sv: 'Frånvaro', en: 'Absence rate' },
    formula: {
      sv: 'Frånvaro i årsarbetare (alla orsaker) / avtalad sysselsättning (årsarbetare)',
      en: 'Absence FTE (all kinds) / contracted FTE',
    },
    unit: 'percent',
    direction: 'lower_better',
  },
];

export const RATIO_BY_KEY: ReadonlyMap<RatioKey, RatioDef> = new Map(RATIO_DEFS.map((d) => [d.key, d]));

/** The default lists a new region starts with (seed of the configurable lists). */
export const DEFAULT_PROFESSIONS: { key: string; sv: string; en: string; licensed: boolean }[] = [
  { key: 'sjukskoterska', sv: 'Sjuksköterska', en: 'Registered nurse', licensed: true },
  { key: 'arbetsterapeut', sv: 'Arbetsterapeut', en: 'Occupational therapist', licensed: true },
  { key: 'fysioterapeut', sv: 'Fysioterapeut', en: 'Physiotherapist', licensed: true },
  { key: 'bitrade', sv: 'Biträde', en: 'Care aide', licensed: false },
  { key: 'vardbitrade', sv: 'Vårdbiträde', en: 'Nursing aide', licensed: false },
  { key: 'underskoterska', sv: 'Undersköterska', en: 'Assistant nurse', licensed: false },
  {
    key: 'specialistunderskoterska',
    sv: 'Specialistundersköterska',
    en: 'Specialist assistant nurse',
    licensed: false,
  },
];

export const DEFAULT_SPECIALTIES: Record<string, { key: string; sv: string; en: string }[]> = {
  sjukskoterska: [
    { key: 'distrikt', sv: 'Distriktssköterska', en: 'District nursing' },
    { key: 'vard_av_aldre', sv: 'Vård av äldre', en: 'Care of older people' },
    { key: 'psykiatri', sv: 'Psykiatri', en: 'Psychiatry' },
    { key: 'demens', sv: 'Demens', en: 'Dementia' },
    { key: 'palliativ', sv: 'Palliativ vård', en: 'Palliative care' },
    { key: 'diabetes', sv: 'Diabetes', en: 'Diabetes' },
  ],
  arbetsterapeut: [
    { key: 'aldre', sv: 'Äldres hälsa', en: 'Health of older people' },
    { key: 'psykisk_halsa', sv: 'Psykisk hälsa', en: 'Mental health' },
  ],
  fysioterapeut: [
    { key: 'aldre', sv: 'Äldres hälsa', en: 'Health of older people' },
    { key: 'neurologi', sv: 'Neurologi', en: 'Neurology' },
  ],
  underskoterska: [
    { key: 'demens', sv: 'Demens', en: 'Dementia' },
    { key: 'palliativ', sv: 'Palliativ vård', en: 'Palliative care' },
  ],
  specialistunderskoterska: [
    { key: 'demens', sv: 'Demens', en: 'Dementia' },
    { key: 'palliativ', sv: 'Palliativ vård', en: 'Palliative care' },
    { key: 'psykiatri', sv: 'Psykiatri', en: 'Psychiatry' },
    { key: 'rehabilitering', sv: 'Rehabilitering', en: 'Rehabilitation' },
  ],
};

export const DEFAULT_COMPETENCES = [
  { key: 'forskrivningsratt', sv: 'Förskrivningsrätt', en: 'Prescribing rights' },
  { key: 'demensombud', sv: 'Demensombud', en: 'Dementia representative' },
  { key: 'handledarutbildning', sv: 'Handledarutbildning', en: 'Supervisor training' },
];

export const DEFAULT_AGE_BANDS = [
  { key: 'age_0_29', sv: '–29 år', en: 'up to 29', minAge: 0, maxAge: 29 },
  { key: 'age_30_39', sv: '30–39 år', en: '30–39', minAge: 30, maxAge: 39 },
  { key: 'age_40_49', sv: '40–49 år', en: '40–49', minAge: 40, maxAge: 49 },
  { key: 'age_50_59', sv: '50–59 år', en: '50–59', minAge: 50, maxAge: 59 },
  { key: 'age_60_64', sv: '60–64 år', en: '60–64', minAge: 60, maxAge: 64 },
  { key: 'age_65_plus', sv: '65 år och äldre', en: '65 and over', minAge: 65, maxAge: null },
];

export const DEFAULT_ABSENCE_KINDS = [
  { key: 'parental_leave', sv: 'Föräldraledighet', en: 'Parental leave' },
  { key: 'leave_of_absence', sv: 'Tjänstledighet', en: 'Leave of absence' },
  { key: 'long_term_sick', sv: 'Långtidssjukskrivning', en: 'Long-term sick leave' },
  { key: 'other', sv: 'Övrig frånvaro', en: 'Other absence' },
];
