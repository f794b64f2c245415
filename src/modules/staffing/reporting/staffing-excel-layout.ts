import type { ConfigItemDto, StaffingConfigDto } from '../staffing.contracts.ts';
import {
  CONTEXT,
  CONTEXT_MEASURES,
  type Fact,
  factKey,
  type MeasureDef,
  type MeasureKind,
  PROFESSION_MEASURES,
} from '../staffing-measures.ts';
import type { RulesConfig } from '../staffing-rules.ts';

export type TemplateMunicipality = { id: string; name: string; code: string; facts: Fact[]; previous: Fact[] | null };
export type TemplateInput = {
  period: { label: string; referenceDate: string; deadline: string };
  config: StaffingConfigDto;
  municipalities: TemplateMunicipality[];
};

export type Municipality = { id: string; code: string; name: string };
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
export const PROFESSION_MARKER = 'profession:';
export const INSTRUCTIONS_MARKER = 'kompetensnav:instruktioner';
/** Row 2 (hidden) holds the municipality codes, so a renamed column header does not matter. */
export const CODE_ROW_MARKER = 'kommunkod';
export const PREVIOUS_MARKER = 'förra_perioden';
export const FIRST_DATA_ROW = 3;
export const FIRST_VALUE_COLUMN = 4;
export const CONTEXT_SHEET = 'Kommunen';
export const INSTRUCTIONS_SHEET = 'Instruktioner';

export const fmt = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
export const isWhole = (kind: MeasureKind) => kind === 'persons' || kind === 'population';

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

export type ValueRow = {
  type: 'value';
  key: string;
  measure: MeasureDef;
  breakdown: string;
  label: string;
  indent: boolean;
};
export type PlanRow = { type: 'heading'; measure: MeasureDef } | ValueRow;
export type SheetPlan = { profession: string; title: string; rows: PlanRow[] };

const byOrder = <T extends { sort: number; name: string }>(a: T, b: T) =>
  a.sort - b.sort || a.name.localeCompare(b.name, 'sv');

/**
 * The template's sheets. Inactive items are left out unless `keepInactive` says a municipality still has a value
 * for them, so an import never drops a value only because its row was missing.
 */
export function sheetPlans(config: StaffingConfigDto, keepInactive: (key: string) => boolean): SheetPlan[] {
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

export function unitText(kind: MeasureKind): string {
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

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function address(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
