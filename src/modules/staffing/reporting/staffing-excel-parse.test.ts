// The Excel parser on real files: templates are built, edited the way a user would in Excel (through ExcelJS), saved
// and read back, on the calling thread and in a worker thread; every refusal names its sheet, cell and reason.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import { factKey } from '../staffing-measures.ts';
import {
  both,
  config,
  errorsOf,
  f,
  factsFor,
  lidkoping,
  okOf,
  parseInput,
  period,
  rowOf,
  scratchFiles,
  sheet,
  skovde,
  sorted,
  template,
  vasby,
} from './staffing-excel.test-support.ts';
import { buildTemplate, cellOf, parseWorkbook } from './staffing-excel.ts';
import { createWorkbookReader, readWorkbook } from './workbook-reader.ts';

const { edited, file, save } = scratchFiles();

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
    const target = file('renamed.xlsx');
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
    const target = file('not-a-workbook.xlsx');
    await writeFile(target, 'Kommun;Invånare\nSkövde;57000\n');
    const refusal = await readWorkbook(reader, target, parseInput()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UploadRejectedError);
    expect((refusal as UploadRejectedError).reason).toBe('not_xlsx');
    expect((refusal as UploadRejectedError).statusCode).toBe(415);
  });
});
