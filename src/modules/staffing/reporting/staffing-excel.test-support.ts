// The test files of the Excel template and its parser (staffing-excel.test.ts, staffing-excel-parse.test.ts) share
// these: a configuration with every default item, four municipalities, a period, each municipality's facts, and
// workbooks built, opened, edited and saved the way a user would in Excel (through ExcelJS).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
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
import { buildTemplate, type ParseInput, type ParseResult, type TemplateInput } from './staffing-excel.ts';

export function buildConfig(): StaffingConfigDto {
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

export const config = buildConfig();
export const skovde = { id: randomUUID(), code: '1496', name: 'Skövde' };
export const lidkoping = { id: randomUUID(), code: '1494', name: 'Lidköping' };
export const mariestad = { id: randomUUID(), code: '1493', name: 'Mariestad' };
export const vasby = { id: randomUUID(), code: '0114', name: 'Upplands Väsby' };
export const all = [skovde, lidkoping, mariestad, vasby];
export const period = { label: 'Bemanning 2025', referenceDate: '2025-11-01', deadline: '2026-01-31' };

export const f = (profession: string, measure: string, value: number, breakdown = ''): Fact => ({
  profession,
  measure,
  breakdown,
  value,
});

/** A report that passes every draft rule; `n` varies the numbers so two municipalities differ. */
export function factsFor(n: number): Fact[] {
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

export const sorted = (facts: Fact[]) => [...facts].sort((a, b) => factKey(a).localeCompare(factKey(b)));

/**
 * A scratch folder for the test file's workbooks, made before its tests and removed after them: `save` writes a
 * workbook there, `edited` opens a template as a user would, changes it and saves it, `file` names a file there.
 */
export function scratchFiles() {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kn-staffing-excel-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  let fileNo = 0;
  const file = (name: string) => path.join(dir, name);
  async function save(buffer: Buffer | ArrayBuffer): Promise<string> {
    const target = file(`file-${++fileNo}.xlsx`);
    await writeFile(target, Buffer.from(buffer as ArrayBuffer));
    return target;
  }
  /** Opens the template as a user would, changes it, and saves it to a file. */
  async function edited(buffer: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<string> {
    const workbook = await load(buffer);
    change(workbook);
    return save(await workbook.xlsx.writeBuffer());
  }
  return { file, save, edited };
}

export function template(municipalities: TemplateInput['municipalities'], cfg = config): Promise<Buffer> {
  return buildTemplate({ period, config: cfg, municipalities });
}

export const both = () =>
  template([
    { ...skovde, facts: factsFor(0), previous: null },
    { ...lidkoping, facts: factsFor(3), previous: null },
  ]);

export async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row holding a fact key in hidden column A. */
export function rowOf(worksheet: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= worksheet.rowCount; r++) if (worksheet.getRow(r).getCell(1).value === key) return r;
  throw new Error(`no row ${key}`);
}

export const parseInput = (municipalities = [skovde, lidkoping], cfg = config): ParseInput => ({
  config: cfg,
  municipalities,
  allMunicipalities: all,
});

export function errorsOf(result: ParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

export function okOf(result: ParseResult) {
  if (!result.ok) expect(result.errors).toEqual([]);
  return result.ok ? result.municipalities : [];
}
