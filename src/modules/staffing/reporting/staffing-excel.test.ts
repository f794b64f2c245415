// The Excel template on real files: templates are built and read back the way a user would open them in Excel
// (through ExcelJS): instructions, sheets, labels, pre-filled values, protection and validation. Parsing the files
// back, and every refusal naming its sheet, cell and reason: staffing-excel-parse.test.ts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFESSIONS } from '../staffing-measures.ts';
import {
  both,
  buildConfig,
  config,
  f,
  factsFor,
  load,
  okOf,
  parseInput,
  rowOf,
  scratchFiles,
  sheet,
  skovde,
  sorted,
  template,
} from './staffing-excel.test-support.ts';
import { parseWorkbook, toRulesConfig } from './staffing-excel.ts';

const { save } = scratchFiles();

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

describe('toRulesConfig', () => {
  it('resolves the profession of each specialty', () => {
    const rules = toRulesConfig(config);
    expect(rules.professions).toHaveLength(DEFAULT_PROFESSIONS.length);
    const demens = rules.items.filter((i) => i.kind === 'specialty' && i.key === 'demens').map((i) => i.professionKey);
    expect(demens.sort()).toEqual(['sjukskoterska', 'specialistunderskoterska', 'underskoterska']);
    expect(rules.items.find((i) => i.kind === 'age_band')?.professionKey).toBeNull();
  });
});
