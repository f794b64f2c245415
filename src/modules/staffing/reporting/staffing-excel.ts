// The period's Excel template and its parser: a sheet for the municipality's context and one per active profession,
// one column per municipality. Hidden keys and codes, not labels or sheet names, say what each cell holds.
import type ExcelJS from 'exceljs';
import { loadExcelJS, safeSheetName } from '../../../platform/server/export.ts';
import { inspectXlsx, UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import type { ConfigItemDto, StaffingConfigDto } from '../staffing.contracts.ts';
import {
  CONTEXT,
  CONTEXT_MEASURES,
  type Fact,
  factKey,
  MAX_VALUE,
  type MeasureDef,
  type MeasureKind,
  PROFESSION_MEASURES,
} from '../staffing-measures.ts';
import { indexFacts, type RulesConfig, validateFacts } from '../staffing-rules.ts';

export type TemplateMunicipality = { id: string; name: string; code: string; facts: Fact[]; previous: Fact[] | null };
export type TemplateInput = {
  period: { label: string; referenceDate: string; deadline: string };
  config: StaffingConfigDto;
  municipalities: TemplateMunicipality[];
};

type Municipality = { id: string; code: string; name: string };
export type ParseInput = {
  config: StaffingConfigDto;
  /** The municipalities the uploader may report for. */
  municipalities: Municipality[];
  allMunicipalities: Municipality[];
};
export type CellRef = { sheet: string; cell: string };
export type ParseError = CellRef & { message: string };
export type ParsedMunicipality = {
  id: string;
  /** The municipality's complete new state for the sheets in the file: an empty cell is no fact. */
  facts: Fact[];
  /** The professions (and CONTEXT) whose sheets held a column for the municipality. */
  professions: string[];
};
/** Where a profession's values are: its sheet, the row of each fact key, the column of each municipality. */
export type ParsedSheet = {
  profession: string;
  sheet: string;
  rows: Record<string, number>;
  columns: Record<string, number>;
};
export type ParseResult =
  | { ok: true; municipalities: ParsedMunicipality[]; sheets: ParsedSheet[] }
  | { ok: false; errors: ParseError[] };

/**
 * Where a municipality's value for a fact key is in the file, empty cells included (so an import can point at a value
 * that was removed): the key's row in its profession's sheet, in the municipality's column.
 */
export function cellOf(sheets: readonly ParsedSheet[], municipalityId: string, key: string): CellRef | undefined {
  const profession = key.slice(0, key.indexOf('.'));
  const sheet = sheets.find((s) => s.profession === profession);
  const row = sheet?.rows[key];
  const column = sheet?.columns[municipalityId];
  return sheet && row !== undefined && column !== undefined
    ? { sheet: sheet.sheet, cell: address(column, row) }
    : undefined;
}

export const EXCEL_LIMITS = { rows: 2000, columns: 400, errors: 500 };

/** Row 1 of hidden column A: what the sheet holds, so a renamed sheet still parses. */
const PROFESSION_MARKER = 'profession:';
const INSTRUCTIONS_MARKER = 'kompetensnav:instruktioner';
/** Row 2 (hidden) holds the municipality codes, so a renamed column header does not matter. */
const CODE_ROW_MARKER = 'kommunkod';
const PREVIOUS_MARKER = 'förra_perioden';
const FIRST_DATA_ROW = 3;
const FIRST_VALUE_COLUMN = 4;
const CONTEXT_SHEET = 'Kommunen';
const INSTRUCTIONS_SHEET = 'Instruktioner';

const fmt = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
const isWhole = (kind: MeasureKind) => kind === 'persons' || kind === 'population';

/** The RulesConfig of staffing-rules, from the configuration the API hands out. */
export function toRulesConfig(config: StaffingConfigDto): RulesConfig {
  const keyById = new Map(config.professions.map((p) => [p.id, p.key]));
  return {
    professions: config.professions.map((p) => ({ key: p.key, active: p.active })),
    items: config.items.map((i) => ({
      kind: i.kind,
      key: i.key,
      professionKey: i.professionId ? (keyById.get(i.professionId) ?? null) : null,
      active: i.active,
    })),
  };
}

// ---- the rows of each sheet ----------------------------------------------------------------------------------

type ValueRow = { type: 'value'; key: string; measure: MeasureDef; breakdown: string; label: string; indent: boolean };
type PlanRow = { type: 'heading'; measure: MeasureDef } | ValueRow;
type SheetPlan = { profession: string; title: string; rows: PlanRow[] };

const byOrder = <T extends { sort: number; name: string }>(a: T, b: T) =>
  a.sort - b.sort || a.name.localeCompare(b.name, 'sv');

/**
 * The template's sheets. Inactive items are left out unless `keepInactive` says a municipality still has a value
 * for them, so an import never drops a value only because its row was missing.
 */
function sheetPlans(config: StaffingConfigDto, keepInactive: (key: string) => boolean): SheetPlan[] {
  const context: SheetPlan = {
    profession: CONTEXT,
    title: CONTEXT_SHEET,
    rows: CONTEXT_MEASURES.map((measure) => ({
      type: 'value',
      key: factKey({ profession: CONTEXT, measure: measure.key, breakdown: '' }),
      measure,
      breakdown: '',
      label: measure.label.sv,
      indent: measure.label.sv.startsWith('varav'),
    })),
  };
  const professions = config.professions.filter((p) => p.active).sort(byOrder);
  return [
    context,
    ...professions.map((profession) => {
      const rows: PlanRow[] = [];
      for (const measure of PROFESSION_MEASURES) {
        const base = { measure, profession: profession.key };
        if (!measure.breakdown) {
          const key = factKey({ ...base, measure: measure.key, breakdown: '' });
          const indent = measure.label.sv.startsWith('varav');
          rows.push({ type: 'value', key, measure, breakdown: '', label: measure.label.sv, indent });
          continue;
        }
        const items = breakdownItems(config, measure, profession.id).filter(
          (item) =>
            item.active ||
            keepInactive(factKey({ profession: profession.key, measure: measure.key, breakdown: item.key })),
        );
        if (items.length === 0) continue;
        rows.push({ type: 'heading', measure });
        for (const item of items) {
          rows.push({
            type: 'value',
            key: factKey({ profession: profession.key, measure: measure.key, breakdown: item.key }),
            measure,
            breakdown: item.key,
            label: `${measure.label.sv}: ${item.name}`,
            indent: true,
          });
        }
      }
      return { profession: profession.key, title: profession.name, rows };
    }),
  ];
}

function breakdownItems(config: StaffingConfigDto, measure: MeasureDef, professionId: string): ConfigItemDto[] {
  return config.items
    .filter((i) => i.kind === measure.breakdown && (i.kind !== 'specialty' || i.professionId === professionId))
    .sort(byOrder);
}

function unitText(kind: MeasureKind): string {
  switch (kind) {
    case 'population':
      return 'Antal invånare, heltal.';
    case 'persons':
      return 'Antal personer, heltal.';
    case 'fte':
      return 'Årsarbetare, högst två decimaler.';
    case 'positions':
      return 'Tjänster i årsarbetare, högst två decimaler.';
  }
}

// ---- the template --------------------------------------------------------------------------------------------

const VALUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF5CC' } };
const READ_ONLY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
// Protection keeps the layout intact, not secrets: there is no password, so anyone may lift it on purpose.
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Kompetensnav';
  workbook.title = `Bemanning ${input.period.label}`;
  const withValues = new Set(input.municipalities.flatMap((m) => m.facts.map(factKey)));
  const plans = sheetPlans(input.config, (key) => withValues.has(key));
  const taken = new Set<string>();
  const instructions = safeSheetName(INSTRUCTIONS_SHEET, taken);
  const names = plans.map((plan) => safeSheetName(plan.title, taken));
  await addInstructions(workbook.addWorksheet(instructions), input, names);
  for (const [i, plan] of plans.entries()) {
    await addDataSheet(workbook.addWorksheet(names[i] ?? plan.title), plan, input.municipalities);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function addDataSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, municipalities: TemplateMunicipality[]) {
  const single = municipalities.length === 1;
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  sheet.getColumn(1).hidden = true;
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 58;
  sheet.getColumn(3).width = 60;

  const header = sheet.getRow(1);
  const codes = sheet.getRow(2);
  header.getCell(1).value = `${PROFESSION_MARKER}${plan.profession}`;
  header.getCell(2).value = plan.profession === CONTEXT ? 'Uppgift om kommunen' : `Uppgift (${plan.title})`;
  header.getCell(3).value = 'Enhet och förklaring';
  codes.getCell(1).value = CODE_ROW_MARKER;
  codes.hidden = true;
  municipalities.forEach((m, i) => {
    const column = FIRST_VALUE_COLUMN + i;
    header.getCell(column).value = `${m.name} (${m.code})`;
    codes.getCell(column).value = m.code;
    sheet.getColumn(column).width = 18;
  });
  const previousColumn = single ? FIRST_VALUE_COLUMN + 1 : null;
  if (previousColumn) {
    header.getCell(previousColumn).value = 'Förra perioden';
    codes.getCell(previousColumn).value = PREVIOUS_MARKER;
    sheet.getColumn(previousColumn).width = 16;
  }
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };

  const current = municipalities.map((m) => indexFacts(m.facts));
  const previous = single && municipalities[0]?.previous ? indexFacts(municipalities[0].previous) : null;
  plan.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(FIRST_DATA_ROW + i);
    if (row.type === 'heading') {
      excelRow.getCell(2).value = row.measure.label.sv;
      excelRow.getCell(2).font = { bold: true };
      excelRow.getCell(3).value = row.measure.help.sv;
      excelRow.getCell(3).alignment = { wrapText: true, vertical: 'top' };
      return;
    }
    excelRow.getCell(1).value = row.key;
    excelRow.getCell(2).value = row.label;
    excelRow.getCell(2).alignment = { indent: row.indent ? 2 : 0, wrapText: true, vertical: 'top' };
    const unit = unitText(row.measure.kind);
    excelRow.getCell(3).value = row.breakdown ? unit : `${unit} ${row.measure.help.sv}`;
    excelRow.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    municipalities.forEach((_, m) => {
      const cell = excelRow.getCell(FIRST_VALUE_COLUMN + m);
      cell.value = current[m]?.get(row.key) ?? null;
      cell.protection = { locked: false };
      cell.fill = VALUE_FILL;
      cell.dataValidation = validation(row.measure.kind);
    });
    if (previousColumn) {
      const cell = excelRow.getCell(previousColumn);
      cell.value = previous?.get(row.key) ?? null;
      cell.fill = READ_ONLY_FILL;
      cell.font = { color: { argb: 'FF555555' } };
    }
  });
  await sheet.protect('', PROTECTION);
}

function validation(kind: MeasureKind): ExcelJS.DataValidation {
  const max = MAX_VALUE[kind];
  const whole = isWhole(kind);
  return {
    type: whole ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [0, max],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ogiltigt värde',
    error: whole
      ? `Ange ett heltal från 0 till ${fmt(max)}. Lämna cellen tom om uppgiften saknas.`
      : `Ange ett tal från 0 till ${fmt(max)} med högst två decimaler. Lämna cellen tom om uppgiften saknas.`,
  };
}

async function addInstructions(sheet: ExcelJS.Worksheet, input: TemplateInput, sheetNames: string[]) {
  const { period } = input;
  const single = input.municipalities.length === 1;
  const maxPersons = fmt(MAX_VALUE.persons);
  const lines: { text: string; style?: 'title' | 'heading' }[] = [
    { text: `Bemanning – rapportering för ${period.label}`, style: 'title' },
    { text: `Referensdag: ${period.referenceDate}. Sista dag att rapportera: ${period.deadline}.` },
    {
      text: `Kommuner i filen: ${input.municipalities.map((m) => `${m.name} (${m.code})`).join(', ') || 'inga'}.`,
    },
    { text: '' },
    { text: 'Så fyller du i', style: 'heading' },
    {
      text: `Fyll i de gula cellerna i bladen ${sheetNames.join(', ')}. Bladet ${sheetNames[0] ?? CONTEXT_SHEET} gäller hela kommunen, de andra ett yrke var. Varje kommun har en egen kolumn.`,
    },
    { text: 'Alla uppgifter avser förhållandena på referensdagen.' },
    {
      text: 'Antal personer och invånare anges i heltal. Årsarbetare och tjänster anges med högst två decimaler, till exempel 12,75 (summan av sysselsättningsgraderna: 0,75 + 1,0 + …).',
    },
    {
      text: 'En tom cell betyder att uppgiften inte är rapporterad. Skriv 0 när värdet är noll. Filen ersätter kommunens uppgifter i de blad den innehåller: en cell du tömmer tar bort ett tidigare sparat värde.',
    },
    ...(single
      ? [{ text: 'Kolumnen Förra perioden visar vad kommunen rapporterade förra gången och kan inte ändras.' }]
      : []),
    { text: 'Formler går bra, så länge cellen visar ett tal när filen sparas.' },
    {
      text: 'Bladen får byta namn, men ändra inte de dolda kolumnerna och raderna (kolumn A och rad 2): de talar om vilken uppgift och vilken kommun varje cell gäller. Bladen är skyddade utan lösenord så att bara de gula cellerna kan ändras.',
    },
    { text: '' },
    { text: 'Kontroller när filen läses in', style: 'heading' },
    { text: `• Inga negativa värden, inga värden över ${maxPersons} (${fmt(MAX_VALUE.population)} för invånare).` },
    { text: '• Invånare 65–79 år och 80 år och äldre kan tillsammans inte vara fler än alla invånare.' },
    {
      text: '• Inskrivna i ordinärt och i särskilt boende kan tillsammans inte vara fler än alla inskrivna, och antalet inskrivna ska anges när du anger hur de bor.',
    },
    {
      text: '• Tillsvidareanställda, visstidsanställda, antal med specialistutbildning, andra kompetenser, avtalad och faktisk sysselsättning, antal som arbetar heltid och frånvarande personer kan inte vara fler än antal anställda – och antal anställda ska anges när någon av dem anges.',
    },
    { text: '• När både tillsvidare- och visstidsanställda anges ska de tillsammans bli antal anställda.' },
    {
      text: '• Specialistutbildade per inriktning kan inte vara fler än antal med specialistutbildning. En person med två inriktningar räknas i båda.',
    },
    { text: '• Åldersgrupperna ska tillsammans bli antal anställda.' },
    { text: '• Tillsatta och vakanta tjänster ska tillsammans bli budgeterade tjänster.' },
    {
      text: '• Frånvaro i årsarbetare kan inte vara större än antalet frånvarande personer med samma orsak, och antalet personer ska anges.',
    },
    {
      text: '• För att skicka in rapporten krävs invånare, invånare 80 år och äldre, inskrivna patienter och antal anställda i varje yrke (0 om kommunen inte har yrket). När antal anställda är större än 0 krävs även avtalad och faktisk sysselsättning och alla åldersgrupper.',
    },
    { text: '' },
    { text: 'När du är klar', style: 'heading' },
    {
      text: 'Spara filen som Excel-arbetsbok (.xlsx) och ladda upp den under Bemanning → Rapportering → Importera Excel. Du ser alla ändringar innan de sparas. Filer med makron eller externa länkar tas inte emot.',
    },
  ];
  sheet.getColumn(1).hidden = true;
  sheet.getColumn(2).width = 110;
  sheet.getRow(1).getCell(1).value = INSTRUCTIONS_MARKER;
  lines.forEach((line, i) => {
    const cell = sheet.getRow(i + 1).getCell(2);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.style === 'title') cell.font = { bold: true, size: 14 };
    if (line.style === 'heading') cell.font = { bold: true };
  });
  await sheet.protect('', PROTECTION);
}

// ---- the parser ----------------------------------------------------------------------------------------------

type MunicipalityState = {
  municipality: Municipality;
  facts: Fact[];
  professions: Set<string>;
  /** A cell of this municipality could not be read, so its rules would only repeat that error in other words. */
  invalid: boolean;
};
type SheetIndex = { sheet: string; rowOfKey: Map<string, number>; columnOf: Map<string, number> };

class ErrorList {
  readonly list: ParseError[] = [];
  count = 0;
  add(sheet: string, cell: string, message: string) {
    this.count++;
    if (this.list.length < EXCEL_LIMITS.errors) this.list.push({ sheet, cell, message });
  }
  result(): ParseError[] {
    const more = this.count - this.list.length;
    return more > 0 ? [...this.list, { sheet: '', cell: '', message: `… och ${fmt(more)} fel till.` }] : this.list;
  }
}

type Context = {
  input: ParseInput;
  rows: Map<string, Map<string, ValueRow>>;
  inactive: Map<string, string>;
  byCode: Map<string, Municipality>;
  allowed: Set<string>;
  states: Map<string, MunicipalityState>;
  sheets: Map<string, SheetIndex>;
  errors: ErrorList;
};

/**
 * Reads a filled template. Throws UploadRejectedError when the file is no safe workbook; returns every problem with
 * its sheet and cell otherwise, or the facts of each municipality in the file.
 */
export async function parseWorkbook(filePath: string, input: ParseInput): Promise<ParseResult> {
  await inspectXlsx(filePath);
  const plans = sheetPlans(input.config, () => true);
  const context: Context = {
    input,
    rows: new Map(
      plans.map((plan) => [
        plan.profession,
        new Map(plan.rows.filter((r): r is ValueRow => r.type === 'value').map((r) => [r.key, r])),
      ]),
    ),
    inactive: new Map(input.config.professions.filter((p) => !p.active).map((p) => [p.key, p.name])),
    byCode: new Map(input.allMunicipalities.map((m) => [m.code, m])),
    allowed: new Set(input.municipalities.map((m) => m.id)),
    states: new Map(),
    sheets: new Map(),
    errors: new ErrorList(),
  };

  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number, and a date in a value cell is a mistake to report.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? 'Blad';
      await readSheet(name, worksheet, context);
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    const rejected = new UploadRejectedError('corrupt');
    rejected.cause = error;
    throw rejected;
  }

  const { errors, states, sheets } = context;
  if (sheets.size === 0) {
    errors.add('', '', 'Hittade inga blad att läsa. Använd mallen från Bemanning → Rapportering.');
  }
  const rules = toRulesConfig(input.config);
  const named = states.size > 1;
  for (const state of states.values()) {
    if (state.invalid) continue;
    for (const error of validateFacts(rules, state.facts, 'draft')) {
      const where = locate(context, state, error.path);
      errors.add(where.sheet, where.cell, named ? `${state.municipality.name}: ${error.message}` : error.message);
    }
  }
  if (errors.count > 0) return { ok: false, errors: errors.result() };
  return {
    ok: true,
    municipalities: [...states.values()].map((s) => ({
      id: s.municipality.id,
      facts: s.facts,
      professions: [...s.professions],
    })),
    sheets: [...sheets].map(([profession, index]) => ({
      profession,
      sheet: index.sheet,
      rows: Object.fromEntries(index.rowOfKey),
      columns: Object.fromEntries(index.columnOf),
    })),
  };
}

type SheetState =
  | { mode: 'start' | 'unmarked' | 'ignored' | 'invalid' }
  | {
      mode: 'data';
      profession: string;
      index: SheetIndex;
      columns: Map<number, MunicipalityState>;
      /** Columns whose values are not read: "Förra perioden" and columns already reported as wrong. */
      skipped: Set<number>;
      codesRead: boolean;
    };

async function readSheet(sheet: string, worksheet: AsyncIterable<ExcelJS.Row>, context: Context) {
  const { errors } = context;
  let state: SheetState = { mode: 'start' };
  let overflow = false;
  // Rows are read to the end even after an error: leaving a sheet early would leave ExcelJS's zip stream half read.
  for await (const row of worksheet) {
    if (overflow || state.mode === 'ignored' || state.mode === 'invalid') continue;
    const filled = filledCells(row);
    if (filled.length > 0 && row.number > EXCEL_LIMITS.rows) {
      errors.add(sheet, `A${row.number}`, `Bladet har för många rader (högst ${fmt(EXCEL_LIMITS.rows)}).`);
      overflow = true;
      continue;
    }
    const wide = filled.find((c) => c.column > EXCEL_LIMITS.columns);
    if (wide) {
      errors.add(
        sheet,
        address(wide.column, row.number),
        `Bladet har för många kolumner (högst ${EXCEL_LIMITS.columns}).`,
      );
      overflow = true;
      continue;
    }

    if (state.mode === 'start') {
      state = startSheet(sheet, row.number === 1 ? textOf(row.getCell(1).value) : '', context);
      if (state.mode !== 'unmarked') continue;
    }
    if (state.mode === 'unmarked') {
      if (filled.length > 0) {
        errors.add(sheet, 'A1', 'Bladet kommer inte från mallen: yrkesmarkeringen i den dolda cellen A1 saknas.');
        state = { mode: 'invalid' };
      }
      continue;
    }
    if (state.mode !== 'data') continue;
    if (row.number === 2) {
      readCodes(sheet, row, state, context);
      continue;
    }
    if (!state.codesRead) {
      errors.add(sheet, 'A2', 'Bladet saknar raden med kommunkoder (den dolda rad 2). Använd en ny mall.');
      state = { mode: 'invalid' };
      continue;
    }
    readValues(sheet, row, filled, state, context);
  }
  // Also a sheet emptied below its markers counts as read: its municipalities then report nothing in it.
  if (state.mode === 'data' && !state.codesRead) {
    errors.add(sheet, 'A2', 'Bladet saknar raden med kommunkoder (den dolda rad 2). Använd en ny mall.');
  }
}

function startSheet(sheet: string, marker: string, context: Context): SheetState {
  const { errors, rows, sheets, inactive } = context;
  if (marker === INSTRUCTIONS_MARKER) return { mode: 'ignored' };
  if (!marker.startsWith(PROFESSION_MARKER)) return { mode: 'unmarked' };
  const profession = marker.slice(PROFESSION_MARKER.length);
  if (!rows.has(profession)) {
    const name = inactive.get(profession);
    errors.add(sheet, 'A1', name ? `Okänt yrke i bladet: ${name} rapporteras inte längre.` : 'Okänt yrke i bladet.');
    return { mode: 'invalid' };
  }
  const other = sheets.get(profession);
  if (other) {
    errors.add(sheet, 'A1', `Bladet gäller samma yrke som bladet ${other.sheet}.`);
    return { mode: 'invalid' };
  }
  const index: SheetIndex = { sheet, rowOfKey: new Map(), columnOf: new Map() };
  sheets.set(profession, index);
  return { mode: 'data', profession, index, columns: new Map(), skipped: new Set(), codesRead: false };
}

function readCodes(sheet: string, row: ExcelJS.Row, state: SheetState & { mode: 'data' }, context: Context) {
  const { errors, byCode, allowed, states } = context;
  state.codesRead = true;
  for (const { column, value } of filledCells(row)) {
    if (column < FIRST_VALUE_COLUMN) continue;
    const raw = textOf(value).trim();
    const header = address(column, 1);
    if (raw === PREVIOUS_MARKER) {
      state.skipped.add(column);
      continue;
    }
    // A code typed over as a number loses its leading zero (0114 → 114).
    const municipality = byCode.get(raw) ?? (/^\d{1,3}$/.test(raw) ? byCode.get(raw.padStart(4, '0')) : undefined);
    state.skipped.add(column);
    if (!municipality) {
      errors.add(sheet, header, `Okänd kommunkod (${raw}) i kolumnen.`);
      continue;
    }
    if (!allowed.has(municipality.id)) {
      errors.add(sheet, header, `Du får inte rapportera för ${municipality.name}.`);
      continue;
    }
    const first = state.index.columnOf.get(municipality.id);
    if (first !== undefined) {
      errors.add(sheet, header, `${municipality.name} finns redan i kolumn ${columnLetters(first)}.`);
      continue;
    }
    state.skipped.delete(column);
    let municipalityState = states.get(municipality.id);
    if (!municipalityState) {
      municipalityState = { municipality, facts: [], professions: new Set(), invalid: false };
      states.set(municipality.id, municipalityState);
    }
    municipalityState.professions.add(state.profession);
    state.columns.set(column, municipalityState);
    state.index.columnOf.set(municipality.id, column);
  }
}

function readValues(
  sheet: string,
  row: ExcelJS.Row,
  filled: FilledCell[],
  state: SheetState & { mode: 'data' },
  context: Context,
) {
  const { errors } = context;
  const r = row.number;
  const stray = filled.filter((c) => c.column >= FIRST_VALUE_COLUMN && !state.skipped.has(c.column));
  const key = textOf(row.getCell(1).value).trim();
  if (!key) {
    const first = stray[0];
    if (first)
      errors.add(sheet, address(first.column, r), 'Raden saknar nyckel i den dolda kolumnen A och kan inte läsas.');
    return;
  }
  const def = context.rows.get(state.profession)?.get(key);
  if (!def) {
    if (stray.length > 0) errors.add(sheet, `A${r}`, `Okänd rad (${key}).`);
    return;
  }
  const earlier = state.index.rowOfKey.get(key);
  if (earlier !== undefined) {
    errors.add(sheet, `A${r}`, `Raden ${def.label} finns redan på rad ${earlier}.`);
    return;
  }
  state.index.rowOfKey.set(key, r);

  // The row's filled cells by column (row.getCell would create a cell object for every empty one).
  const values = new Map(filled.map((c) => [c.column, c.value]));
  for (const [column, municipality] of state.columns) {
    const read = readNumber(values.get(column), def.measure.kind);
    if ('error' in read) {
      errors.add(sheet, address(column, r), read.error);
      municipality.invalid = true;
    } else if (read.value !== null) {
      municipality.facts.push({
        measure: def.measure.key,
        profession: state.profession,
        breakdown: def.breakdown,
        value: read.value,
      });
    }
  }
  for (const { column } of stray) {
    if (!state.columns.has(column)) errors.add(sheet, address(column, r), 'Värdet står i en kolumn utan kommunkod.');
  }
}

function readNumber(value: ExcelJS.CellValue, kind: MeasureKind): { value: number | null } | { error: string } {
  let n: number;
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string')
    return value.trim() ? { error: 'Ange ett tal. Cellen innehåller text.' } : { value: null };
  else if (value instanceof Date) return { error: 'Ange ett tal. Cellen innehåller ett datum.' };
  else if (typeof value === 'boolean') return { error: 'Ange ett tal.' };
  else if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) {
      return { error: 'Formler utan värde kan inte läsas. Öppna och spara filen i Excel, eller skriv in talet.' };
    }
    if (typeof result !== 'number' || !Number.isFinite(result)) return { error: 'Formeln ger inget tal.' };
    n = result;
  } else if ('error' in value) return { error: 'Ange ett tal. Cellen visar ett fel.' };
  else return { error: 'Ange ett tal. Cellen innehåller text.' };

  if (!Number.isFinite(n)) return { error: 'Ange ett tal.' };
  if (n < 0) return { error: 'Värdet kan inte vara negativt.' };
  if (isWhole(kind) && !Number.isInteger(n)) {
    return { error: kind === 'population' ? 'Ange ett heltal (antal invånare).' : 'Ange ett heltal (antal personer).' };
  }
  if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) return { error: 'Högst två decimaler.' };
  if (n > MAX_VALUE[kind]) return { error: `Värdet är orimligt stort (högst ${fmt(MAX_VALUE[kind])}).` };
  // A formula such as =0,1+0,2 gives 0.30000000000000004; the stored value is the two-decimal one it means.
  return { value: isWhole(kind) ? n : Math.round(n * 100) / 100 };
}

/** Where a rule error belongs: its own cell, or for a group (age bands, say) the group's first cell. */
function locate(context: Context, state: MunicipalityState, path: string): CellRef {
  const profession = path.split('.')[0] ?? '';
  const index = context.sheets.get(profession);
  const column = index?.columnOf.get(state.municipality.id);
  if (!index || column === undefined) return { sheet: index?.sheet ?? '', cell: '' };
  let row = index.rowOfKey.get(path);
  if (row === undefined) {
    for (const [key, r] of index.rowOfKey) {
      if (key.startsWith(`${path}.`) && (row === undefined || r < row)) row = r;
    }
  }
  return { sheet: index.sheet, cell: address(column, row ?? 1) };
}

type FilledCell = { column: number; value: ExcelJS.CellValue };

function filledCells(row: ExcelJS.Row): FilledCell[] {
  const cells: FilledCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const { value } = cell;
    if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return;
    cells.push({ column, value });
  });
  return cells;
}

function textOf(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return '';
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function address(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
