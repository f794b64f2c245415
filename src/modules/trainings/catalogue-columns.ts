// The columns of a link list, shared by the import and the export so that an export can be imported again: Swedish
// headers (matched ignoring case and accents, with a few other names people use), and the Swedish names of the
// forms and languages. Professions and topics are written by name and read by name or key.
import {
  TRAINING_FORMATS,
  TRAINING_LANGUAGES,
  type TrainingFormat,
  type TrainingLanguage,
} from './trainings.contracts.ts';

export type ColumnKey =
  | 'title'
  | 'provider'
  | 'url'
  | 'description'
  | 'lengthMinutes'
  | 'format'
  | 'language'
  | 'professions'
  | 'topics';

export type ColumnDef = {
  key: ColumnKey;
  header: string;
  required: boolean;
  /** Other headers read as this column. */
  aliases: string[];
  /** What the template's instructions say about the column. */
  help: string;
};

export const LIST_COLUMNS: readonly ColumnDef[] = [
  {
    key: 'title',
    header: 'Titel',
    required: true,
    aliases: ['Namn', 'Rubrik'],
    help: 'Utbildningens namn, högst 200 tecken.',
  },
  {
    key: 'provider',
    header: 'Anordnare',
    required: true,
    aliases: ['Leverantör', 'Utgivare', 'Avsändare'],
    help: 'Vem som ger utbildningen, högst 200 tecken.',
  },
  {
    key: 'url',
    header: 'Länk',
    required: true,
    aliases: ['Webbadress', 'Adress', 'URL'],
    help: 'Hela webbadressen, som börjar med https:// eller http://. En länk som redan finns i katalogen hoppas över.',
  },
  { key: 'description', header: 'Beskrivning', required: false, aliases: [], help: 'Frivillig, högst 2000 tecken.' },
  {
    key: 'lengthMinutes',
    header: 'Längd (min)',
    required: true,
    aliases: ['Längd', 'Längd i minuter', 'Minuter', 'Tid (min)'],
    help: 'Hela minuter, 1–10 000.',
  },
  { key: 'format', header: 'Format', required: true, aliases: ['Form', 'Typ'], help: '' },
  { key: 'language', header: 'Språk', required: true, aliases: [], help: '' },
  {
    key: 'professions',
    header: 'Yrken',
    required: true,
    aliases: ['Yrke', 'Målgrupp'],
    help: 'Minst ett yrke, namn eller nyckel, åtskilda med semikolon eller komma.',
  },
  {
    key: 'topics',
    header: 'Ämnen',
    required: false,
    aliases: ['Ämne'],
    help: 'Frivilligt, högst 10, namn eller nyckel, åtskilda med semikolon eller komma.',
  },
];

/** Columns of the reviewers' export: read back without complaint, and ignored. */
export const EXPORT_ONLY_HEADERS = ['Status', 'Senast granskad'] as const;

export const FORMAT_NAMES: Record<TrainingFormat, { sv: string; en: string }> = {
  video: { sv: 'Video', en: 'Video' },
  course: { sv: 'Kurs', en: 'Course' },
  podcast: { sv: 'Podd', en: 'Podcast' },
  document: { sv: 'Dokument', en: 'Document' },
};
export const LANGUAGE_NAMES: Record<TrainingLanguage, { sv: string; en: string }> = {
  sv: { sv: 'Svenska', en: 'Swedish' },
  en: { sv: 'Engelska', en: 'English' },
  other: { sv: 'Annat språk', en: 'Other' },
};
/** More ways people write a language. */
const LANGUAGE_ALIASES: Record<string, TrainingLanguage> = {
  svensk: 'sv',
  engelsk: 'en',
  annat: 'other',
  ovrigt: 'other',
};

/** Lower case, no accents, single spaces: how headers and values are compared. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const HEADERS = new Map<string, ColumnKey>(
  LIST_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [fold(h), c.key] as const)),
);
const IGNORED = new Set(EXPORT_ONLY_HEADERS.map(fold));

/** The column a header names, 'ignored' for the export's extra columns, or null when unknown. */
export function columnOfHeader(header: string): ColumnKey | 'ignored' | null {
  const folded = fold(header);
  if (IGNORED.has(folded)) return 'ignored';
  return HEADERS.get(folded) ?? null;
}

const FORMATS = new Map<string, TrainingFormat>(
  TRAINING_FORMATS.flatMap((f) => [f, FORMAT_NAMES[f].sv, FORMAT_NAMES[f].en].map((n) => [fold(n), f] as const)),
);
const LANGUAGES = new Map<string, TrainingLanguage>([
  ...TRAINING_LANGUAGES.flatMap((l) =>
    [l, LANGUAGE_NAMES[l].sv, LANGUAGE_NAMES[l].en].map((n) => [fold(n), l] as const),
  ),
  ...Object.entries(LANGUAGE_ALIASES),
]);

export const formatOf = (value: string) => FORMATS.get(fold(value));
export const languageOf = (value: string) => LANGUAGES.get(fold(value));
export const formatChoices = () => TRAINING_FORMATS.map((f) => FORMAT_NAMES[f].sv).join(', ');
export const languageChoices = () => TRAINING_LANGUAGES.map((l) => LANGUAGE_NAMES[l].sv).join(', ');

/** The items of a list cell: "Sjuksköterska; Undersköterska" or "sjukskoterska, underskoterska". */
export function splitList(value: string): string[] {
  return value
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A label is written by name unless the name holds a list separator (then by its key, which never does). */
export function labelText(label: { key: string; name: string }): string {
  return /[;,]/.test(label.name) ? label.key : label.name;
}
