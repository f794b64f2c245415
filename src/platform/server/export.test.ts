// Table exports: the XLSX holds no formula even for hostile texts, numbers stay numbers, sheet names are legal;
// the CSV opens in Swedish Excel (BOM, semicolons, decimal comma) with formula-like cells prefixed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type ExportColumn, neutralise, safeSheetName, toCsv, toXlsx } from './export.ts';

const HOSTILE = ['=HYPERLINK("http://x","klicka")', '+1+1', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

const columns: ExportColumn[] = [
  { key: 'name', header: 'Kommun' },
  { key: 'headcount', header: 'Antal anställda', kind: 'number' },
  { key: 'fte', header: 'Årsarbetare', kind: 'number' },
  { key: 'share', header: 'Andel heltid', kind: 'percent' },
];

const rows = [
  { name: 'Skövde', headcount: 120, fte: 101.75, share: 0.625 },
  { name: 'Åmål – Öckerö', headcount: '..', fte: null, share: 0.07 },
  ...HOSTILE.map((name, i) => ({ name, headcount: -i, fte: 0.5, share: null })),
];

async function sheetXml(xlsx: Buffer): Promise<Map<string, string>> {
  const archive = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  const parts = new Map<string, string>();
  for await (const entry of archive.eachEntry()) {
    if (!entry.fileName.endsWith('.xml')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return parts;
}

async function readBack(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook;
}

describe('neutralise', () => {
  it('prefixes every text a spreadsheet would read as a formula', () => {
    for (const text of HOSTILE) expect(neutralise(text)).toBe(`'${text}`);
  });

  it('leaves other text alone', () => {
    for (const text of ['Skövde', '12', 'a=b', ' =1', '', "'quoted"]) expect(neutralise(text)).toBe(text);
  });
});

describe('toXlsx', () => {
  it('writes hostile text as plain strings: no sheet holds a formula', async () => {
    const xlsx = await toXlsx([{ name: 'Jämförelse', columns, rows }]);
    const parts = await sheetXml(xlsx);
    const sheets = [...parts.keys()].filter((name) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(1);
    for (const name of sheets) expect(parts.get(name)).not.toMatch(/<f[\s>/]/);

    const sheet = (await readBack(xlsx)).getWorksheet('Jämförelse');
    HOSTILE.forEach((text, i) => {
      const cell = sheet?.getRow(i + 4).getCell(1);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(text.replace(/\r/g, '\n'));
    });
  });

  it('keeps numbers as numbers, percentages as fractions with a % format, and Swedish text intact', async () => {
    const workbook = await readBack(await toXlsx([{ name: 'Jämförelse', columns, rows }]));
    const sheet = workbook.getWorksheet('Jämförelse');
    const skovde = sheet?.getRow(2);
    expect(skovde?.getCell(1).value).toBe('Skövde');
    expect(skovde?.getCell(2).value).toBe(120);
    expect(skovde?.getCell(3).value).toBe(101.75);
    expect(skovde?.getCell(4).value).toBe(0.625);
    expect(skovde?.getCell(4).numFmt).toBe('0.0%');
    const amal = sheet?.getRow(3);
    expect(amal?.getCell(1).value).toBe('Åmål – Öckerö');
    expect(amal?.getCell(2).value).toBe('..');
    expect(amal?.getCell(3).value).toBeNull();
    expect(sheet?.getRow(5).getCell(2).value).toBe(-1);
  });

  it('makes the header bold and frozen', async () => {
    const sheet = (await readBack(await toXlsx([{ name: 'Data', columns, rows }]))).getWorksheet('Data');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Kommun', 'Antal anställda', 'Årsarbetare', 'Andel heltid']);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes the note below the table', async () => {
    const note = 'Värden 1–2 visas som ".." för att skydda enskilda.';
    const sheet = (await readBack(await toXlsx([{ name: 'Data', columns, rows, note }]))).getWorksheet('Data');
    expect(sheet?.getRow(rows.length + 3).getCell(1).value).toBe(note);
    expect(sheet?.getRow(rows.length + 2).getCell(1).value).toBeNull();
  });

  it('turns any names into legal, unique sheet names', async () => {
    const names = [
      'Sjuksköterska: Skövde/Lidköping [2024]',
      'Sjuksköterska: Skövde/Lidköping [2024]',
      'En mycket lång rubrik som inte får plats i ett bladnamn',
      'En mycket lång rubrik som inte får plats i ett bladnamn',
      'History',
      "'citat'",
      '',
    ];
    const xlsx = await toXlsx(names.map((name) => ({ name, columns, rows: [] })));
    const written = (await readBack(xlsx)).worksheets.map((w) => w.name);
    expect(written).toHaveLength(names.length);
    expect(new Set(written.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of written) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      expect(name.toLowerCase()).not.toBe('history');
    }
    expect(written[0]).toBe('Sjuksköterska Skövde Lidköping');
    expect(written[1]).toBe('Sjuksköterska Skövde Lidköp (2)');
  });
});

describe('safeSheetName', () => {
  it('records what it hands out, ignoring case', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Kommunen', taken)).toBe('Kommunen');
    expect(safeSheetName('KOMMUNEN', taken)).toBe('KOMMUNEN (2)');
    expect(safeSheetName('kommunen', taken)).toBe('kommunen (3)');
  });
});

describe('toCsv', () => {
  const csv = toCsv(columns, rows);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('starts with a BOM and separates cells with semicolons', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Kommun;Antal anställda;Årsarbetare;Andel heltid');
  });

  it('writes numbers with a decimal comma and percentages as Swedish Excel reads them', () => {
    expect(lines[1]).toBe('Skövde;120;101,75;62,5%');
    expect(lines[2]).toBe('Åmål – Öckerö;..;;7%');
    expect(lines[4]).toBe("'+1+1;-1;0,5;");
  });

  it('prefixes every formula-like text cell with an apostrophe', () => {
    const firstCells = lines.slice(3, 3 + HOSTILE.length).map((line) => line.match(/^("(?:[^"]|"")*"|[^;]*)/)?.[0]);
    HOSTILE.forEach((text, i) => {
      const cell = firstCells[i] ?? '';
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted).toBe(`'${text}`);
    });
  });

  it('formats a column per row when its rows differ in kind (key ratios one per row)', async () => {
    const mixed: ExportColumn[] = [
      { key: 'ratio', header: 'Nyckeltal' },
      { key: 'value', header: 'Värde', kindOf: (row) => (row.unit === 'percent' ? 'percent' : 'number') },
    ];
    const mixedRows = [
      { ratio: 'Vakansgrad', unit: 'percent', value: 0.125 },
      { ratio: 'Per 1 000 invånare 80+', unit: 'number', value: 12.5 },
    ];
    expect(
      toCsv(mixed, mixedRows)
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(1, 3),
    ).toEqual(['Vakansgrad;12,5%', 'Per 1 000 invånare 80+;12,5']);
    const sheet = (await readBack(await toXlsx([{ name: 'Data', columns: mixed, rows: mixedRows }]))).getWorksheet(
      'Data',
    );
    expect(sheet?.getRow(2).getCell(2).numFmt).toBe('0.0%');
    expect(sheet?.getRow(3).getCell(2).numFmt).toBeFalsy();
  });

  it('quotes cells that contain the delimiter or quotes', () => {
    const text = toCsv([{ key: 'a', header: 'A' }], [{ a: 'Vård; omsorg "nära"' }]);
    expect(text).toContain('"Vård; omsorg ""nära"""');
  });
});
