// The period's Excel template: a sheet for the municipality's context and one per active profession, one column per
// municipality (the layout in staffing-excel-layout.ts, read back by staffing-excel-parser.ts). This module is also
// the one entry point of the template and its parser for the rest of staffing.
import type ExcelJS from 'exceljs';
import { loadExcelJS, safeSheetName } from '../../../platform/server/export.ts';
import { CONTEXT, factKey, MAX_VALUE, type MeasureKind } from '../staffing-measures.ts';
import { indexFacts } from '../staffing-rules.ts';
import {
  CODE_ROW_MARKER,
  CONTEXT_SHEET,
  FIRST_DATA_ROW,
  FIRST_VALUE_COLUMN,
  fmt,
  INSTRUCTIONS_MARKER,
  INSTRUCTIONS_SHEET,
  isWhole,
  PREVIOUS_MARKER,
  PROFESSION_MARKER,
  type SheetPlan,
  sheetPlans,
  type TemplateInput,
  type TemplateMunicipality,
  unitText,
} from './staffing-excel-layout.ts';

export {
  address,
  type CellRef,
  cellOf,
  EXCEL_LIMITS,
  type ParsedMunicipality,
  type ParsedSheet,
  type ParseError,
  type ParseInput,
  type ParseResult,
  type TemplateInput,
  type TemplateMunicipality,
  toRulesConfig,
} from './staffing-excel-layout.ts';
export { parseWorkbook } from './staffing-excel-parser.ts';

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
