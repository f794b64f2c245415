// The HR file's columns (documented in README and in the template's instructions sheet): Swedish headers matched
// ignoring case, accents, spaces and punctuation, with the names HR systems commonly use as aliases.
import { fold } from './people-text.ts';

export type ColumnKey =
  | 'employeeNumber'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'unit'
  | 'profession'
  | 'employmentForm'
  | 'employmentRate'
  | 'employmentStart'
  | 'employmentEnd'
  | 'birthYear'
  | 'municipalityCode';

export type ColumnDef = {
  key: ColumnKey;
  header: string;
  required: boolean;
  aliases: string[];
  /** For the template's instructions. */
  help: string;
  example: string;
};

export const HR_COLUMNS: ColumnDef[] = [
  {
    key: 'employeeNumber',
    header: 'Anställningsnummer',
    required: true,
    aliases: ['Anställningsnr', 'Anst.nr', 'Anstnr', 'Personalnummer', 'Employee number'],
    help: 'Arbetsgivarens eget nummer för den anställda, unikt i kommunen. Importen matchar personer på det. Inga personnummer.',
    example: 'SK-10234',
  },
  {
    key: 'firstName',
    header: 'Förnamn',
    required: true,
    aliases: ['Tilltalsnamn', 'First name'],
    help: 'Förnamn.',
    example: 'Anna',
  },
  {
    key: 'lastName',
    header: 'Efternamn',
    required: true,
    aliases: ['Last name'],
    help: 'Efternamn.',
    example: 'Andersson',
  },
  {
    key: 'email',
    header: 'E-post',
    required: false,
    aliases: ['E-postadress', 'Epost', 'Email', 'Mejl'],
    help: 'Valfri. Finns en användare i kommunen med samma adress kopplas personen till kontot.',
    example: 'anna.andersson@kommun.example',
  },
  {
    key: 'unit',
    header: 'Enhet',
    required: true,
    aliases: ['Enhetskod', 'Enhetsnamn', 'Arbetsplats', 'Unit'],
    help: 'Enhetens kod eller namn, som under Personal → Enheter. Enheten måste finnas och vara aktiv.',
    example: 'Hemsjukvården Skövde',
  },
  {
    key: 'profession',
    header: 'Yrke',
    required: true,
    aliases: ['Befattning', 'Yrkesbenämning', 'Profession'],
    help: 'Ett av regionens yrken (namn eller nyckel), se listan nedan.',
    example: 'Sjuksköterska',
  },
  {
    key: 'employmentForm',
    header: 'Anställningsform',
    required: true,
    aliases: ['Anst.form', 'Anställningstyp', 'Employment form'],
    help: 'Tillsvidare, Visstid eller Timanställd.',
    example: 'Tillsvidare',
  },
  {
    key: 'employmentRate',
    header: 'Sysselsättningsgrad',
    required: false,
    aliases: ['Syssgrad', 'Tjänstgöringsgrad', 'Omfattning', 'Employment rate'],
    help: 'Procent av heltid, till exempel 100, 75 eller 87,5. Tom för timanställda.',
    example: '100',
  },
  {
    key: 'employmentStart',
    header: 'Anställd från',
    required: true,
    aliases: ['Startdatum', 'Anställningsdatum', 'Från', 'Start'],
    help: 'Datum som ÅÅÅÅ-MM-DD (eller en datumcell i Excel).',
    example: '2021-03-01',
  },
  {
    key: 'employmentEnd',
    header: 'Anställd till',
    required: false,
    aliases: ['Slutdatum', 'Till', 'Slut'],
    help: 'Valfri. Sista anställningsdag som ÅÅÅÅ-MM-DD; tom om anställningen gäller tills vidare.',
    example: '',
  },
  {
    key: 'birthYear',
    header: 'Födelseår',
    required: false,
    aliases: ['Född', 'Birth year'],
    help: 'Valfri. Fyra siffror.',
    example: '1978',
  },
  {
    key: 'municipalityCode',
    header: 'Kommunkod',
    required: false,
    aliases: ['Kommunnummer', 'Municipality code'],
    help: 'Valfri. SCB:s fyrsiffriga kod. Anges den måste den vara kommunens egen: en rad för en annan kommun avvisas.',
    example: '1496',
  },
];

const BY_NAME = new Map<string, ColumnKey>();
for (const c of HR_COLUMNS) for (const name of [c.header, ...c.aliases, c.key]) BY_NAME.set(fold(name), c.key);

/** The column a header names, or null for an unknown header. */
export function columnOfHeader(header: string): ColumnKey | null {
  return BY_NAME.get(fold(header)) ?? null;
}

export const headerOf = (key: ColumnKey) => HR_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** "Tillsvidare", "TV", "permanent" → permanent, and so on. */
const FORMS = new Map<string, 'permanent' | 'fixed_term' | 'hourly'>([
  ...['tillsvidare', 'tillsvidareanstalld', 'tillsvidareanstallning', 'tv', 'permanent', 'fast'].map(
    (k) => [k, 'permanent'] as const,
  ),
  ...['visstid', 'visstidsanstalld', 'visstidsanstallning', 'vikariat', 'vikarie', 'fixedterm', 'av', 'sava'].map(
    (k) => [k, 'fixed_term'] as const,
  ),
  ...['timanstalld', 'timanstallning', 'timavlonad', 'tim', 'hourly', 'intermittent'].map(
    (k) => [k, 'hourly'] as const,
  ),
]);

export function employmentFormOf(text: string, folded = fold) {
  return FORMS.get(folded(text)) ?? null;
}

export const FORM_NAMES_SV = { permanent: 'Tillsvidare', fixed_term: 'Visstid', hourly: 'Timanställd' } as const;
