// The parser of a filled template (staffing-excel-layout.ts): streams the workbook sheet by sheet, reads each value by
// its hidden key and municipality code, and answers the facts of each municipality or every problem by sheet and cell.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../platform/server/export.ts';
import { inspectXlsx, UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import { type Fact, MAX_VALUE, type MeasureKind } from '../staffing-measures.ts';
import { validateFacts } from '../staffing-rules.ts';
import {
  address,
  type CellRef,
  columnLetters,
  EXCEL_LIMITS,
  FIRST_VALUE_COLUMN,
  fmt,
  INSTRUCTIONS_MARKER,
  isWhole,
  type Municipality,
  type ParseError,
  type ParseInput,
  type ParseResult,
  PREVIOUS_MARKER,
  PROFESSION_MARKER,
  sheetPlans,
  toRulesConfig,
  type ValueRow,
} from './staffing-excel-layout.ts';

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
