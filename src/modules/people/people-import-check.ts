// Checks an HR file's rows cell by cell, each error naming its row and column in Swedish ("Rad 7, kolumn Enhet: …"),
// and turns the valid rows into values a person can be written from. Pure: the lookups (units, professions, the
// municipality) are given; what the rows change is worked out by people-import.ts.
import { EMPLOYEE_NUMBER, type EmploymentForm, type ImportCellErrorDto } from './people.contracts.ts';
import { type ColumnKey, columnOfHeader, employmentFormOf, HR_COLUMNS, headerOf } from './people-columns.ts';

export type RowValues = {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  unitId: string;
  professionKey: string;
  employmentForm: EmploymentForm;
  employmentRate: number | null;
  employmentStart: string;
  employmentEnd: string | null;
  birthYear: number | null;
};

export type CheckedRow = { row: number; values: RowValues | null; errors: ImportCellErrorDto[] };

export type CheckLookups = {
  municipality: { id: string; name: string; code: string | null };
  /** The municipality's units by folded code and by folded name. */
  units: Map<string, { id: string; name: string; active: boolean }>;
  /** The units the importer may write to (a manager's); null: every unit. */
  scopeUnitIds: Set<string> | null;
  /** Active professions by folded key, Swedish and English name. */
  professions: Map<string, string>;
  professionNames: string;
  /** Other municipalities by code, to name the one a row belongs to. */
  municipalityNames: Map<string, string>;
  thisYear: number;
  /** `fold`, remembered over the file's rows (people-text.ts `foldMemo`). */
  fold: (text: string) => string;
};

/** "Rad 7, kolumn Enhet: …", or "Rad 1: …" for a row as a whole. */
export function cellError(row: number, column: string, text: string): ImportCellErrorDto {
  return { row, column, message: column ? `Rad ${row}, kolumn ${column}: ${text}` : `Rad ${row}: ${text}` };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_TEXT =
  'texten börjar med ett tecken som ett kalkylprogram läser som en formel (=, +, -, @). Ta bort tecknet eller skriv värdet utan det.';
const FORMULA_CELL =
  'cellen innehåller en formel. Klistra in värdena i stället (Klistra in special → Värden) och spara igen.';

/** The header row: which column holds what; unknown, doubled and missing columns are errors on row 1. */
export function readHeader(header: string[], formulaColumns: Set<number>) {
  const errors: ImportCellErrorDto[] = [];
  const columns = new Map<ColumnKey, number>();
  header.forEach((cell, index) => {
    const text = cell.trim();
    if (!text) return;
    if (formulaColumns.has(index)) errors.push(cellError(1, text, FORMULA_CELL));
    const key = columnOfHeader(text);
    if (key === null) {
      errors.push(
        cellError(1, text, `okänd kolumn. Kolumnerna heter ${HR_COLUMNS.map((c) => c.header).join(', ')} (se mallen).`),
      );
    } else if (columns.has(key)) errors.push(cellError(1, text, 'kolumnen finns två gånger.'));
    else columns.set(key, index);
  });
  for (const c of HR_COLUMNS) {
    if (c.required && !columns.has(c.key)) errors.push(cellError(1, c.header, 'kolumnen saknas i filen (se mallen).'));
  }
  return { columns, errors };
}

/** A date as YYYY-MM-DD or YYYYMMDD that exists in the calendar, else null. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // The days of the month (February by the Gregorian leap rule), counted instead of built as a Date per cell.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** "75", "75 %", "87,5" → per cent; a share at most 1 ("0,75", an Excel percentage cell) → 75. */
export function parseRate(text: string): number | null {
  const t = text.replace(/\s|%/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  let n = Number(t);
  if (n > 0 && n <= 1) n *= 100;
  n = Math.round(n * 10) / 10;
  return n > 0 && n <= 100 ? n : null;
}

export function checkRow(
  number: number,
  cells: string[],
  columns: Map<ColumnKey, number>,
  formulaColumns: Set<number>,
  look: CheckLookups,
): CheckedRow {
  const errors = new Map<ColumnKey, string>();
  const fail = (key: ColumnKey, text: string) => {
    if (!errors.has(key)) errors.set(key, text);
  };
  const get = (key: ColumnKey) => {
    const index = columns.get(key);
    if (index === undefined) return '';
    if (formulaColumns.has(index)) fail(key, FORMULA_CELL);
    return (cells[index] ?? '').trim();
  };
  /** A text cell: required or not, at most `max` characters, never formula-like. */
  const textCell = (key: ColumnKey, required: string | null, max = 100) => {
    const value = get(key);
    if (!value) {
      if (required) fail(key, required);
      return '';
    }
    if (FORMULA_START.test(value)) fail(key, FORMULA_TEXT);
    else if (value.length > max) fail(key, `högst ${max} tecken.`);
    return value;
  };

  const employeeNumber = textCell('employeeNumber', 'ange anställningsnumret.', 30);
  if (employeeNumber && !errors.has('employeeNumber') && !EMPLOYEE_NUMBER.test(employeeNumber)) {
    fail(
      'employeeNumber',
      `”${employeeNumber}” är inget giltigt anställningsnummer: använd bokstäver, siffror, punkt, bindestreck, snedstreck eller understreck.`,
    );
  }
  const firstName = textCell('firstName', 'ange förnamn.');
  const lastName = textCell('lastName', 'ange efternamn.');

  const emailText = textCell('email', null, 254).toLowerCase();
  if (emailText && !errors.has('email') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailText)) {
    fail('email', `”${emailText}” är ingen giltig e-postadress.`);
  }

  const unitText = textCell('unit', 'ange enhetens namn eller kod.');
  let unitId = '';
  if (unitText && !errors.has('unit')) {
    const unit = look.units.get(look.fold(unitText));
    if (!unit) {
      fail(
        'unit',
        `okänd enhet ”${unitText}”. Ange en enhet i ${look.municipality.name} med namn eller kod som under Personal → Enheter.`,
      );
    } else if (!unit.active) fail('unit', `enheten ”${unit.name}” är inaktiv. Välj en aktiv enhet.`);
    else if (look.scopeUnitIds && !look.scopeUnitIds.has(unit.id)) {
      fail('unit', `du är inte chef för enheten ”${unit.name}”. Du kan bara importera personer i dina enheter.`);
    } else unitId = unit.id;
  }

  const professionText = textCell('profession', `ange yrket: ${look.professionNames}.`);
  let professionKey = '';
  if (professionText && !errors.has('profession')) {
    const key = look.professions.get(look.fold(professionText));
    if (key) professionKey = key;
    else fail('profession', `okänt yrke ”${professionText}”. Ange ett av: ${look.professionNames}.`);
  }

  const formText = textCell('employmentForm', 'ange anställningsformen: Tillsvidare, Visstid eller Timanställd.');
  const employmentForm = formText ? employmentFormOf(formText, look.fold) : null;
  if (formText && !employmentForm && !errors.has('employmentForm')) {
    fail('employmentForm', `okänd anställningsform ”${formText}”. Ange Tillsvidare, Visstid eller Timanställd.`);
  }

  const rateText = get('employmentRate');
  let employmentRate: number | null = null;
  if (rateText && !errors.has('employmentRate')) {
    const rate = parseRate(rateText);
    if (employmentForm === 'hourly') {
      if (!/^0+([.,]0+)?\s*%?$/.test(rateText)) {
        fail('employmentRate', 'timanställda har ingen sysselsättningsgrad; lämna cellen tom.');
      }
    } else if (rate === null) {
      fail(
        'employmentRate',
        `”${rateText}” är ingen sysselsättningsgrad. Ange procent av heltid, större än 0 och högst 100.`,
      );
    } else employmentRate = rate;
  } else if (!rateText && employmentForm && employmentForm !== 'hourly') {
    fail(
      'employmentRate',
      'ange sysselsättningsgraden (procent av heltid) för en tillsvidare- eller visstidsanställning.',
    );
  }

  const date = (key: 'employmentStart' | 'employmentEnd', required: string | null) => {
    const text = get(key);
    if (!text) {
      if (required) fail(key, required);
      return null;
    }
    const iso = parseDate(text);
    if (!iso) fail(key, `”${text}” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-09-01.`);
    return iso;
  };
  const employmentStart = date('employmentStart', 'ange när anställningen började (ÅÅÅÅ-MM-DD).');
  const employmentEnd = date('employmentEnd', null);
  if (employmentStart && employmentEnd && employmentEnd < employmentStart) {
    fail('employmentEnd', `anställningen slutar ${employmentEnd}, före den börjar (${employmentStart}).`);
  }

  const yearText = get('birthYear');
  let birthYear: number | null = null;
  if (yearText && !errors.has('birthYear')) {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (year >= 1930 && year <= look.thisYear - 14) birthYear = year;
    else
      fail('birthYear', `”${yearText}” är inget födelseår. Ange fyra siffror mellan 1930 och ${look.thisYear - 14}.`);
  }

  const code = get('municipalityCode');
  if (code && !errors.has('municipalityCode') && code !== look.municipality.code) {
    const other = look.municipalityNames.get(code);
    fail(
      'municipalityCode',
      other
        ? `raden hör till ${other} (kommunkod ${code}), men importen gäller ${look.municipality.name} (${look.municipality.code}). Anställningsnummer i en annan kommun kan inte importeras här.`
        : `okänd kommunkod ”${code}”. Importen gäller ${look.municipality.name} (${look.municipality.code}).`,
    );
  }

  const rowErrors = HR_COLUMNS.filter((c) => errors.has(c.key)).map((c) =>
    cellError(number, headerOf(c.key), errors.get(c.key) as string),
  );
  // Formulas in columns the import does not read are refused too: the file is not what it looks like.
  for (const index of formulaColumns) {
    if (![...columns.values()].includes(index)) rowErrors.push(cellError(number, String(index + 1), FORMULA_CELL));
  }
  if (rowErrors.length > 0 || !employmentForm || !employmentStart)
    return { row: number, values: null, errors: rowErrors };
  return {
    row: number,
    errors: [],
    values: {
      employeeNumber,
      firstName,
      lastName,
      email: emailText || null,
      unitId,
      professionKey,
      employmentForm,
      employmentRate: employmentForm === 'hourly' ? null : employmentRate,
      employmentStart,
      employmentEnd,
      birthYear,
    },
  };
}
