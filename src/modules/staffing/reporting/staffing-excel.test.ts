// The Excel template and its parser on real files: templates are built, edited the way a user would in Excel
// (through ExcelJS), saved and read back; every refusal names its sheet, cell and reason.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import type { ConfigItemDto, StaffingConfigDto } from '../staffing.contracts.ts';
import {
  DEFAULT_ABSENCE_KINDS,
  DEFAULT_AGE_BANDS,
  DEFAULT_COMPETENCES,
  DEFAULT_PROFESSIONS,
  DEFAULT_SPECIALTIES,
  type Fact,
  factKey,
} from '../staffing-measures.ts';
import {
  buildTemplate,
  cellOf,
  type ParseInput,
  type ParseResult,
  parseWorkbook,
  type TemplateInput,
  toRulesConfig,
} from './staffing-excel.ts';
import { createWorkbookReader, readWorkbook } from './workbook-reader.ts';

function buildConfig(): StaffingConfigDto {
  const professions = DEFAULT_PROFESSIONS.map((p, i) => ({
    id: randomUUID(),
    key: p.key,
    name: p.sv,
    nameEn: p.en,
    licensed: p.licensed,
    sort: i,
    active: true,
  }));
  const idOf = (key: string) => professions.find((p) => p.key === key)?.id ?? null;
  const item = (
    kind: ConfigItemDto['kind'],
    entry: { key: string; sv: string; en: string; minAge?: number; maxAge?: number | null },
    sort: number,
    professionId: string | null = null,
  ): ConfigItemDto => ({
    id: randomUUID(),
    kind,
    professionId,
    key: entry.key,
    name: entry.sv,
    nameEn: entry.en,
    minAge: entry.minAge ?? null,
    maxAge: entry.maxAge ?? null,
    sort,
    active: true,
  });
  const items = [
    ...Object.entries(DEFAULT_SPECIALTIES).flatMap(([profession, list]) =>
      list.map((s, i) => item('specialty', s, i, idOf(profession))),
    ),
    ...DEFAULT_COMPETENCES.map((c, i) => item('competence', c, i)),
    ...DEFAULT_AGE_BANDS.map((b, i) => item('age_band', b, i)),
    ...DEFAULT_ABSENCE_KINDS.map((a, i) => item('absence_kind', a, i)),
  ];
  return { professions, items, minCount: 3 };
}

const config = buildConfig();
const skovde = { id: randomUUID(), code: '1496', name: 'Skövde' };
const lidkoping = { id: randomUUID(), code: '1494', name: 'Lidköping' };
const mariestad = { id: randomUUID(), code: '1493', name: 'Mariestad' };
const vasby = { id: randomUUID(), code: '0114', name: 'Upplands Väsby' };
const all = [skovde, lidkoping, mariestad, vasby];
const period = { label: 'Bemanning 2025', referenceDate: '2025-11-01', deadline: '2026-01-31' };

const f = (profession: string, measure: string, value: number, breakdown = ''): Fact => ({
  profession,
  measure,
  breakdown,
  value,
});

/** A report that passes every draft rule; `n` varies the numbers so two municipalities differ. */
function factsFor(n: number): Fact[] {
  return [
    f('context', 'inhabitants', 57_000 + n),
    f('context', 'inhabitants_65_79', 8_000),
    f('context', 'inhabitants_80_plus', 3_000 + n),
    f('context', 'enrolled_patients', 900),
    f('context', 'enrolled_home_care', 500),
    f('context', 'enrolled_special_housing', 300),
    f('sjukskoterska', 'headcount', 60 + n),
    f('sjukskoterska', 'headcount_permanent', 50 + n),
    f('sjukskoterska', 'headcount_fixed_term', 10),
    f('sjukskoterska', 'specialist_headcount', 30),
    f('sjukskoterska', 'specialty_headcount', 20, 'distrikt'),
    f('sjukskoterska', 'specialty_headcount', 12, 'demens'),
    f('sjukskoterska', 'competence_headcount', 25, 'forskrivningsratt'),
    f('sjukskoterska', 'age_headcount', 10, 'age_0_29'),
    f('sjukskoterska', 'age_headcount', 15, 'age_30_39'),
    f('sjukskoterska', 'age_headcount', 15, 'age_40_49'),
    f('sjukskoterska', 'age_headcount', 10, 'age_50_59'),
    f('sjukskoterska', 'age_headcount', 5, 'age_60_64'),
    f('sjukskoterska', 'age_headcount', 5 + n, 'age_65_plus'),
    f('sjukskoterska', 'contracted_fte', 52.75),
    f('sjukskoterska', 'worked_fte', 50.5 + n),
    f('sjukskoterska', 'fulltime_headcount', 40),
    f('sjukskoterska', 'positions_budgeted', 58.5),
    f('sjukskoterska', 'positions_filled', 55.25),
    f('sjukskoterska', 'positions_vacant', 3.25),
    f('sjukskoterska', 'absence_headcount', 4, 'long_term_sick'),
    f('sjukskoterska', 'absence_fte', 3.5, 'long_term_sick'),
    f('underskoterska', 'headcount', 200 + n),
    f('underskoterska', 'contracted_fte', 170.25),
    f('underskoterska', 'specialty_headcount', 0, 'demens'),
    f('underskoterska', 'specialist_headcount', 0),
  ];
}

const sorted = (facts: Fact[]) => [...facts].sort((a, b) => factKey(a).localeCompare(factKey(b)));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kn-staffing-excel-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let fileNo = 0;
async function save(buffer: Buffer | ArrayBuffer): Promise<string> {
  const target = path.join(dir, `file-${++fileNo}.xlsx`);
  await writeFile(target, Buffer.from(buffer as ArrayBuffer));
  return target;
}

function template(municipalities: TemplateInput['municipalities'], cfg = config): Promise<Buffer> {
  return buildTemplate({ period, config: cfg, municipalities });
}

const both = () =>
  template([
    { ...skovde, facts: factsFor(0), previous: null },
    { ...lidkoping, facts: factsFor(3), previous: null },
  ]);

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Opens the template as a user would, changes it, and saves it to a file. */
async function edited(buffer: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = await load(buffer);
  change(workbook);
  return save(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row holding a fact key in hidden column A. */
function rowOf(worksheet: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= worksheet.rowCount; r++) if (worksheet.getRow(r).getCell(1).value === key) return r;
  throw new Error(`no row ${key}`);
}

const parseInput = (municipalities = [skovde, lidkoping], cfg = config): ParseInput => ({
  config: cfg,
  municipalities,
  allMunicipalities: all,
});

function errorsOf(result: ParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function okOf(result: ParseResult) {
  if (!result.ok) expect(result.errors).toEqual([]);
  return result.ok ? result.municipalities : [];
}

describe('buildTemplate', () => {
  it('starts with Swedish instructions naming the period, its dates and where to upload', async () => {
    const workbook = await load(await both());
    expect(workbook.worksheets[0]?.name).toBe('Instruktioner');
    const text = (workbook.worksheets[0]?.getColumn(2).values ?? []).join('\n');
    expect(text).toContain('Bemanning 2025');
    expect(text).toContain('2025-11-01');
    expect(text).toContain('2026-01-31');
    expect(text).toContain('Bemanning → Rapportering → Importera Excel');
    expect(text).toContain('En tom cell betyder att uppgiften inte är rapporterad');
    expect(text).toContain('Åldersgrupperna ska tillsammans bli antal anställda');
    expect(text).toMatch(/heltal/);
  });

  it('has a sheet for the municipality and one per active profession, marked in hidden column A', async () => {
    const cfg = buildConfig();
    const bitrade = cfg.professions.find((p) => p.key === 'bitrade');
    if (bitrade) bitrade.active = false;
    const workbook = await load(await template([{ ...skovde, facts: [], previous: null }], cfg));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Instruktioner',
      'Kommunen',
      ...DEFAULT_PROFESSIONS.filter((p) => p.key !== 'bitrade').map((p) => p.sv),
    ]);
    const context = sheet(workbook, 'Kommunen');
    expect(context.getCell('A1').value).toBe('profession:context');
    expect(context.getCell(`A${rowOf(context, 'context.inhabitants')}`).value).toBe('context.inhabitants');
    const nurse = sheet(workbook, 'Sjuksköterska');
    expect(nurse.getCell('A1').value).toBe('profession:sjukskoterska');
    expect(nurse.getColumn(1).hidden).toBe(true);
    expect(nurse.getRow(2).hidden).toBe(true);
    expect(nurse.getCell('D1').value).toBe('Skövde (1496)');
    expect(nurse.getCell('D2').value).toBe('1496');
  });

  it('labels breakdown rows with their measure and item, indented under a heading', async () => {
    const nurse = sheet(await load(await both()), 'Sjuksköterska');
    const r = rowOf(nurse, 'sjukskoterska.age_headcount.age_60_64');
    expect(nurse.getCell(`B${r}`).value).toBe('Antal per åldersgrupp: 60–64 år');
    expect(nurse.getCell(`B${r}`).alignment?.indent).toBeGreaterThan(0);
    const first = rowOf(nurse, 'sjukskoterska.age_headcount.age_0_29');
    expect(nurse.getCell(`B${first - 1}`).value).toBe('Antal per åldersgrupp');
    expect(nurse.getCell(`A${first - 1}`).value).toBeNull();
    expect(String(nurse.getCell(`C${rowOf(nurse, 'sjukskoterska.worked_fte')}`).value)).toMatch(/^Årsarbetare/);
    expect(String(nurse.getCell(`C${rowOf(nurse, 'sjukskoterska.headcount')}`).value)).toMatch(/heltal/);
  });

  it('leaves out inactive items, unless a municipality still has a value for one', async () => {
    const cfg = structuredClone(config);
    for (const item of cfg.items)
      if (item.key === 'diabetes' || item.key === 'handledarutbildning') item.active = false;
    const facts = [...factsFor(0), f('sjukskoterska', 'specialty_headcount', 2, 'diabetes')];
    const buffer = await template([{ ...skovde, facts, previous: null }], cfg);
    const nurse = sheet(await load(buffer), 'Sjuksköterska');
    const keys = (nurse.getColumn(1).values ?? []).map(String);
    expect(keys).toContain('sjukskoterska.specialty_headcount.diabetes');
    expect(keys).toContain('sjukskoterska.competence_headcount.demensombud');
    expect(keys).not.toContain('sjukskoterska.competence_headcount.handledarutbildning');
    const [parsed] = okOf(await parseWorkbook(await save(buffer), parseInput([skovde], cfg)));
    expect(sorted(parsed?.facts ?? [])).toEqual(sorted(facts));
  });

  it('pre-fills current values, one column per municipality', async () => {
    const nurse = sheet(await load(await both()), 'Sjuksköterska');
    expect(nurse.getCell('E1').value).toBe('Lidköping (1494)');
    const r = rowOf(nurse, 'sjukskoterska.headcount');
    expect(nurse.getCell(`D${r}`).value).toBe(60);
    expect(nurse.getCell(`E${r}`).value).toBe(63);
    expect(nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.headcount_fixed_term')}`).value).toBe(10);
    expect(nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.age_headcount.age_60_64')}`).value).toBe(5);
    expect(nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.fulltime_headcount') + 1}`).value).toBe(58.5);
  });

  it('shows the previous period read-only in a single-municipality template', async () => {
    const buffer = await template([{ ...skovde, facts: [], previous: factsFor(7) }]);
    const nurse = sheet(await load(buffer), 'Sjuksköterska');
    expect(nurse.getCell('E1').value).toBe('Förra perioden');
    const r = rowOf(nurse, 'sjukskoterska.headcount');
    expect(nurse.getCell(`E${r}`).value).toBe(67);
    expect(nurse.getCell(`D${r}`).value).toBeNull();
    expect(nurse.getCell(`E${r}`).protection?.locked).not.toBe(false);
    const region = sheet(await load(await both()), 'Sjuksköterska');
    expect(region.getCell('F1').value).toBeNull();
  });

  it('protects every sheet and unlocks only the value cells', async () => {
    const workbook = await load(await template([{ ...skovde, facts: factsFor(0), previous: factsFor(1) }]));
    for (const worksheet of workbook.worksheets) {
      const protection = (worksheet as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection;
      expect(protection?.sheet, worksheet.name).toBe(true);
    }
    const nurse = sheet(workbook, 'Sjuksköterska');
    const r = rowOf(nurse, 'sjukskoterska.headcount');
    expect(nurse.getCell(`D${r}`).protection).toMatchObject({ locked: false });
    for (const locked of [`A${r}`, `B${r}`, `C${r}`, `E${r}`, 'D1', 'D2']) {
      expect(nurse.getCell(locked).protection?.locked, locked).not.toBe(false);
    }
  });

  it('validates value cells in Excel: whole numbers for persons, decimals for FTE', async () => {
    const nurse = sheet(await load(await both()), 'Sjuksköterska');
    const persons = nurse.getCell(`E${rowOf(nurse, 'sjukskoterska.headcount')}`).dataValidation;
    expect(persons).toMatchObject({ type: 'whole', operator: 'between', allowBlank: true, showErrorMessage: true });
    expect(persons?.formulae).toEqual([0, 1_000_000]);
    expect(persons?.error).toMatch(/heltal/);
    const fte = nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.contracted_fte')}`).dataValidation;
    expect(fte).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(fte?.error).toMatch(/två decimaler/);
    const context = sheet(await load(await both()), 'Kommunen');
    expect(context.getCell(`D${rowOf(context, 'context.inhabitants')}`).dataValidation?.formulae).toEqual([
      0, 20_000_000,
    ]);
    expect(nurse.getCell(`B${rowOf(nurse, 'sjukskoterska.headcount')}`).dataValidation).toBeUndefined();
  });
});

describe('parseWorkbook', () => {
  it('reads back the facts of two municipalities from their template', async () => {
    const result = await parseWorkbook(await save(await both()), parseInput());
    const municipalities = okOf(result);
    expect(municipalities.map((m) => m.id).sort()).toEqual([skovde.id, lidkoping.id].sort());
    expect(sorted(municipalities.find((m) => m.id === skovde.id)?.facts ?? [])).toEqual(sorted(factsFor(0)));
    expect(sorted(municipalities.find((m) => m.id === lidkoping.id)?.facts ?? [])).toEqual(sorted(factsFor(3)));
    const sheets = result.ok ? result.sheets : [];
    expect(cellOf(sheets, lidkoping.id, 'sjukskoterska.headcount')?.sheet).toBe('Sjuksköterska');
    expect(cellOf(sheets, lidkoping.id, 'sjukskoterska.headcount')?.cell).toMatch(/^E\d+$/);
    // Empty rows are located too, so an import can point at a value that was removed.
    expect(cellOf(sheets, lidkoping.id, 'arbetsterapeut.headcount')?.cell).toMatch(/^E\d+$/);
    expect(cellOf(sheets, lidkoping.id, 'sjukskoterska.no_such_measure')).toBeUndefined();
    expect(municipalities[0]?.professions).toContain('context');
    expect(municipalities[0]?.professions).toContain('specialistunderskoterska');
  });

  it('reads a filled single-municipality template and ignores the previous period', async () => {
    const buffer = await template([{ ...skovde, facts: [], previous: factsFor(5) }]);
    const file = await edited(buffer, (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.headcount')}`).value = 12;
      nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.contracted_fte')}`).value = 10.75;
      const context = sheet(workbook, 'Kommunen');
      context.getCell(`D${rowOf(context, 'context.inhabitants')}`).value = 57_123;
    });
    const [municipality] = okOf(await parseWorkbook(file, parseInput([skovde])));
    expect(sorted(municipality?.facts ?? [])).toEqual(
      sorted([
        f('sjukskoterska', 'headcount', 12),
        f('sjukskoterska', 'contracted_fte', 10.75),
        f('context', 'inhabitants', 57_123),
      ]),
    );
  });

  it('treats a cleared cell as not reported', async () => {
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.fulltime_headcount')}`).value = null;
    });
    const municipalities = okOf(await parseWorkbook(file, parseInput()));
    const facts = municipalities.find((m) => m.id === skovde.id)?.facts ?? [];
    expect(facts.some((x) => x.measure === 'fulltime_headcount')).toBe(false);
    expect(facts).toHaveLength(factsFor(0).length - 1);
  });

  it('reports each kind of unreadable cell with its sheet, cell and reason', async () => {
    const cells: Record<string, string> = {};
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      const put = (key: string, column: string, value: ExcelJS.CellValue) => {
        const cell = `${column}${rowOf(nurse, key)}`;
        nurse.getCell(cell).value = value;
        cells[key] = cell;
      };
      put('sjukskoterska.headcount', 'D', 'sextio');
      put('sjukskoterska.headcount_permanent', 'D', -5);
      put('sjukskoterska.fulltime_headcount', 'D', 12.5);
      put('sjukskoterska.contracted_fte', 'D', 1.125);
      put('sjukskoterska.worked_fte', 'D', { formula: 'D10*2' } as ExcelJS.CellValue);
      put('sjukskoterska.specialist_headcount', 'D', new Date('2025-01-01T00:00:00Z'));
      // Excel gives a typed date a date format; the cell gets a style of its own so no other cell shares it.
      const date = nurse.getCell(cells['sjukskoterska.specialist_headcount'] ?? '');
      date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
    });
    const errors = errorsOf(await parseWorkbook(file, parseInput()));
    const at = (key: string) => errors.filter((e) => e.sheet === 'Sjuksköterska' && e.cell === cells[key]);
    expect(at('sjukskoterska.headcount').map((e) => e.message)).toEqual(['Ange ett tal. Cellen innehåller text.']);
    expect(at('sjukskoterska.headcount_permanent').map((e) => e.message)).toEqual(['Värdet kan inte vara negativt.']);
    expect(at('sjukskoterska.fulltime_headcount').map((e) => e.message)).toEqual(['Ange ett heltal (antal personer).']);
    expect(at('sjukskoterska.contracted_fte').map((e) => e.message)).toEqual(['Högst två decimaler.']);
    expect(at('sjukskoterska.worked_fte')[0]?.message).toMatch(/^Formler utan värde kan inte läsas/);
    expect(at('sjukskoterska.specialist_headcount')[0]?.message).toMatch(/^Ange ett tal/);
    // Skövde's rules are not run on a half-read report; Lidköping's column is fine, so nothing else is reported.
    expect(errors).toHaveLength(6);
  });

  it('accepts a formula with a numeric result, rounded to two decimals', async () => {
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      const r = rowOf(nurse, 'sjukskoterska.contracted_fte');
      nurse.getCell(`D${r}`).value = { formula: '0.1+0.2', result: 0.1 + 0.2 } as ExcelJS.CellValue;
    });
    const facts = okOf(await parseWorkbook(file, parseInput())).find((m) => m.id === skovde.id)?.facts ?? [];
    expect(facts.find((x) => x.profession === 'sjukskoterska' && x.measure === 'contracted_fte')?.value).toBe(0.3);
  });

  it('refuses an unknown municipality code', async () => {
    const file = await edited(await both(), (workbook) => {
      sheet(workbook, 'Kommunen').getCell('E2').value = '9999';
    });
    expect(errorsOf(await parseWorkbook(file, parseInput()))).toContainEqual({
      sheet: 'Kommunen',
      cell: 'E1',
      message: 'Okänd kommunkod (9999) i kolumnen.',
    });
  });

  it('finds a municipality whose code lost its leading zero', async () => {
    const buffer = await template([{ ...vasby, facts: [f('context', 'inhabitants', 48_000)], previous: null }]);
    const file = await edited(buffer, (workbook) => {
      sheet(workbook, 'Kommunen').getCell('D2').value = 114;
    });
    const [municipality] = okOf(await parseWorkbook(file, parseInput([vasby])));
    expect(municipality?.id).toBe(vasby.id);
    expect(municipality?.facts).toEqual([f('context', 'inhabitants', 48_000)]);
  });

  it('refuses a municipality the uploader may not report for', async () => {
    const errors = errorsOf(await parseWorkbook(await save(await both()), parseInput([skovde])));
    expect(errors).toContainEqual({
      sheet: 'Sjuksköterska',
      cell: 'E1',
      message: 'Du får inte rapportera för Lidköping.',
    });
    expect(errors).toContainEqual({ sheet: 'Kommunen', cell: 'E1', message: 'Du får inte rapportera för Lidköping.' });
    expect(errors.every((e) => e.message === 'Du får inte rapportera för Lidköping.')).toBe(true);
  });

  it('refuses the same municipality twice in a sheet', async () => {
    const file = await edited(await both(), (workbook) => {
      sheet(workbook, 'Arbetsterapeut').getCell('E2').value = '1496';
    });
    expect(errorsOf(await parseWorkbook(file, parseInput()))).toEqual([
      { sheet: 'Arbetsterapeut', cell: 'E1', message: 'Skövde finns redan i kolumn D.' },
    ]);
  });

  it('parses a renamed sheet with a renamed column header', async () => {
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      nurse.name = 'Mina siffror';
      nurse.getCell('D1').value = 'Vår kommun';
    });
    const result = await parseWorkbook(file, parseInput());
    const municipalities = okOf(result);
    expect(sorted(municipalities.find((m) => m.id === skovde.id)?.facts ?? [])).toEqual(sorted(factsFor(0)));
    expect(cellOf(result.ok ? result.sheets : [], skovde.id, 'sjukskoterska.headcount')?.sheet).toBe('Mina siffror');
  });

  it('refuses sheets of unknown or inactive professions and foreign sheets with content', async () => {
    const file = await edited(await both(), (workbook) => {
      sheet(workbook, 'Fysioterapeut').getCell('A1').value = 'profession:kurator';
      workbook.addWorksheet('Anteckningar').getCell('B4').value = 'Ring Eva';
      workbook.addWorksheet('Tomt');
    });
    const inactive = structuredClone(config);
    const bitrade = inactive.professions.find((p) => p.key === 'bitrade');
    if (bitrade) bitrade.active = false;
    const errors = errorsOf(await parseWorkbook(file, parseInput(undefined, inactive)));
    expect(errors).toEqual(
      expect.arrayContaining([
        { sheet: 'Fysioterapeut', cell: 'A1', message: 'Okänt yrke i bladet.' },
        { sheet: 'Biträde', cell: 'A1', message: 'Okänt yrke i bladet: Biträde rapporteras inte längre.' },
        {
          sheet: 'Anteckningar',
          cell: 'A1',
          message: 'Bladet kommer inte från mallen: yrkesmarkeringen i den dolda cellen A1 saknas.',
        },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('refuses a row key it does not know, and a value beside the columns of municipalities', async () => {
    let unknown = 0;
    let stray = '';
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      unknown = rowOf(nurse, 'sjukskoterska.fulltime_headcount');
      nurse.getCell(`A${unknown}`).value = 'sjukskoterska.lunch_breaks';
      stray = `G${rowOf(nurse, 'sjukskoterska.headcount')}`;
      nurse.getCell(stray).value = 4;
    });
    expect(errorsOf(await parseWorkbook(file, parseInput()))).toEqual([
      { sheet: 'Sjuksköterska', cell: stray, message: 'Värdet står i en kolumn utan kommunkod.' },
      { sheet: 'Sjuksköterska', cell: `A${unknown}`, message: 'Okänd rad (sjukskoterska.lunch_breaks).' },
    ]);
  });

  it("maps rule errors to their cell, and a group's error to the group's first cell", async () => {
    let permanent = '';
    let firstBand = '';
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      permanent = `E${rowOf(nurse, 'sjukskoterska.headcount_permanent')}`;
      nurse.getCell(permanent).value = 500;
      firstBand = `D${rowOf(nurse, 'sjukskoterska.age_headcount.age_0_29')}`;
      nurse.getCell(`D${rowOf(nurse, 'sjukskoterska.age_headcount.age_40_49')}`).value = 16;
    });
    const errors = errorsOf(await parseWorkbook(file, parseInput()));
    expect(errors).toContainEqual({
      sheet: 'Sjuksköterska',
      cell: permanent,
      message: 'Lidköping: Kan inte vara fler än antal anställda (63).',
    });
    expect(errors).toContainEqual({
      sheet: 'Sjuksköterska',
      cell: firstBand,
      message: 'Skövde: Åldersgrupperna (61) ska tillsammans bli antal anställda (60).',
    });
  });

  it('refuses a workbook without sheets to read', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Blad1');
    const errors = errorsOf(await parseWorkbook(await save(await workbook.xlsx.writeBuffer()), parseInput()));
    expect(errors).toEqual([
      { sheet: '', cell: '', message: 'Hittade inga blad att läsa. Använd mallen från Bemanning → Rapportering.' },
    ]);
  });

  it('refuses a sheet with too many rows', async () => {
    const file = await edited(await both(), (workbook) => {
      sheet(workbook, 'Kommunen').getCell('D2001').value = 1;
    });
    expect(errorsOf(await parseWorkbook(file, parseInput()))).toEqual([
      { sheet: 'Kommunen', cell: 'A2001', message: 'Bladet har för många rader (högst 2\u00a0000).' },
    ]);
  });

  it('lists at most 500 errors and says how many more there are', async () => {
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      for (let r = 200; r < 801; r++) {
        nurse.getCell(`A${r}`).value = `sjukskoterska.extra_${r}`;
        nurse.getCell(`D${r}`).value = 1;
      }
    });
    const errors = errorsOf(await parseWorkbook(file, parseInput()));
    expect(errors).toHaveLength(501);
    expect(errors[0]).toEqual({
      sheet: 'Sjuksköterska',
      cell: 'A200',
      message: 'Okänd rad (sjukskoterska.extra_200).',
    });
    expect(errors[500]).toEqual({ sheet: '', cell: '', message: '… och 101 fel till.' });
  });

  it('inspects the file before parsing it', async () => {
    const target = path.join(dir, 'renamed.xlsx');
    await writeFile(target, 'Kommun;Invånare\nSkövde;57000\n');
    await expect(parseWorkbook(target, parseInput())).rejects.toBeInstanceOf(UploadRejectedError);
  });

  it('reads a template for a whole region of 49 municipalities', async () => {
    const region = Array.from({ length: 49 }, (_, i) => ({
      id: randomUUID(),
      code: String(1400 + i),
      name: `Kommun ${i + 1}`,
    }));
    const buffer = await buildTemplate({
      period,
      config,
      municipalities: region.map((m, i) => ({ ...m, facts: factsFor(i), previous: null })),
    });
    const municipalities = okOf(
      await parseWorkbook(await save(buffer), { config, municipalities: region, allMunicipalities: region }),
    );
    expect(municipalities).toHaveLength(49);
    region.forEach((m, i) => {
      expect(sorted(municipalities.find((p) => p.id === m.id)?.facts ?? [])).toEqual(sorted(factsFor(i)));
    });
  });
});

describe('reading in a worker thread (workbook-reader.ts)', () => {
  const reader = createWorkbookReader();
  afterAll(() => reader.close());

  it('gives the values and cells of reading on the calling thread', async () => {
    const file = await save(await both());
    const result = await parseWorkbook(file, parseInput());
    const inThread = okOf(result);
    const sheets = result.ok ? result.sheets : [];
    const inWorker = await readWorkbook(reader, file, parseInput());
    if (!inWorker.ok) throw new Error(JSON.stringify(inWorker.errors));
    expect(inWorker.municipalities.map((m) => m.id)).toEqual(inThread.map((m) => m.id));
    for (const [i, m] of inThread.entries()) {
      const read = inWorker.municipalities[i];
      expect(read?.professions).toEqual(m.professions);
      expect(Object.fromEntries(read?.values ?? [])).toEqual(
        Object.fromEntries(m.facts.map((f) => [factKey(f), f.value])),
      );
      // Every row of every sheet, empty ones too, is located as on the calling thread.
      for (const s of sheets) {
        for (const key of Object.keys(s.rows)) expect(inWorker.cellOf(m.id, key)).toEqual(cellOf(sheets, m.id, key));
      }
      const column = sheets[0]?.columns[m.id] ?? 0;
      expect(inWorker.headerOf(m.id)).toEqual({ sheet: sheets[0]?.sheet, cell: `${'CDEF'[column - 3]}1` });
    }
    expect(inWorker.cellOf(skovde.id, 'sjukskoterska.no_such_measure')).toBeUndefined();
  });

  it('brings the errors of a wrong file back cell by cell', async () => {
    const file = await edited(await both(), (workbook) => {
      const nurse = sheet(workbook, 'Sjuksköterska');
      nurse.getRow(rowOf(nurse, 'sjukskoterska.headcount')).getCell(4).value = 'många';
    });
    const inThread = await parseWorkbook(file, parseInput());
    const inWorker = await readWorkbook(reader, file, parseInput());
    expect(inWorker.ok).toBe(false);
    expect(inWorker).toEqual(inThread);
    expect(errorsOf(inThread).some((e) => e.sheet === 'Sjuksköterska' && e.cell.startsWith('D'))).toBe(true);
  });

  it('brings a refused file back as UploadRejectedError with its reason', async () => {
    const target = path.join(dir, 'not-a-workbook.xlsx');
    await writeFile(target, 'Kommun;Invånare\nSkövde;57000\n');
    const refusal = await readWorkbook(reader, target, parseInput()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UploadRejectedError);
    expect((refusal as UploadRejectedError).reason).toBe('not_xlsx');
    expect((refusal as UploadRejectedError).statusCode).toBe(415);
  });
});

describe('toRulesConfig', () => {
  it('resolves the profession of each specialty', () => {
    const rules = toRulesConfig(config);
    expect(rules.professions).toHaveLength(DEFAULT_PROFESSIONS.length);
    const demens = rules.items.filter((i) => i.kind === 'specialty' && i.key === 'demens').map((i) => i.professionKey);
    expect(demens.sort()).toEqual(['sjukskoterska', 'specialistunderskoterska', 'underskoterska']);
    expect(rules.items.find((i) => i.kind === 'age_band')?.professionKey).toBeNull();
  });
});
