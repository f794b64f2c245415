// The region report as a PDF (pdfmake, A4): cover with contents, one page per table, charts of the key ratios, the
// forecast and a method appendix; page numbers and the region on every page, "DEMODATA" on every page of a demo.
// Each section starts on a page of its own and fits on it for a region of some 40 municipalities, so the page count
// follows from the structure (region-report.test.ts checks it). Runs in a worker thread (region-report.worker.ts).
import { createRequire } from 'node:module';
import type { Content, ContentTable, TableCell, TableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MeasureKind } from '../staffing-measures.ts';
import { CONTENT_WIDTH, GREY, needChartSvg, REFERENCE, ratioChartSvg } from './region-report-charts.ts';
import { formatCell, formatDate, formatDateTime, formatPersons, suppressionFootnote } from './region-report-format.ts';
import { METHOD_FORECAST, METHOD_STATISTICS } from './region-report-method.ts';
import {
  MEDIAN_LABEL,
  REGION_TOTAL_LABEL,
  type RegionReportModel,
  type ReportCell,
  type ReportForecast,
  type ReportTable,
} from './region-report-model.ts';

/** Key-ratio charts on one page. */
export const CHARTS_PER_PAGE = 2;
/** Forecast tables (one per profession and one for all) on one page, by the horizon's length. */
export function forecastTablesPerPage(horizonYears: number): number {
  return horizonYears <= 10 ? 3 : horizonYears <= 20 ? 2 : 1;
}

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);
const FONTS = {
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS.Roboto));

/** pdfmake, loaded on first use: it takes a quarter of a second, which a server start need not wait for. */
let loaded: Promise<typeof import('pdfmake')> | null = null;
function loadPdfmake(): Promise<typeof import('pdfmake')> {
  loaded ??= import('pdfmake').then((module) => {
    const pdfmake = module.default;
    pdfmake.setFonts(FONTS);
    // The document is built from our own data only: no URL is fetched and no file but the fonts is read.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(file));
    return pdfmake;
  });
  return loaded;
}

const BLUE = '#1864ab';

export async function renderRegionReportPdf(model: RegionReportModel): Promise<{ pdf: Buffer; pageCount: number }> {
  let pageCount = 0;
  const definition = regionReportDocument(model, (count) => {
    pageCount = count;
  });
  const pdfmake = await loadPdfmake();
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  return { pdf, pageCount };
}

export function regionReportDocument(
  model: RegionReportModel,
  onPageCount: (count: number) => void = () => {},
): TDocumentDefinitions {
  const title = `Regionrapport ${model.period.label}`;
  const demo = model.demo;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 52, 40, 48],
    language: 'sv-SE',
    info: {
      title: `${title} – ${model.regionName}`,
      author: 'Kompetensnav',
      creator: 'Kompetensnav',
      subject: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg',
    },
    ...(demo ? { watermark: { text: 'DEMODATA', color: '#868e96', opacity: 0.12, bold: true, fontSize: 110 } } : {}),
    header: () => ({
      margin: [40, 22, 40, 0],
      columns: [
        { text: `${title} · ${model.regionName}`, fontSize: 8, color: GREY },
        demo
          ? { text: 'DEMODATA – påhittade siffror', fontSize: 8, bold: true, color: REFERENCE, alignment: 'right' }
          : { text: '' },
      ],
    }),
    footer: (currentPage, pageCount) => {
      onPageCount(pageCount);
      return {
        margin: [40, 16, 40, 0],
        columns: [
          { text: `Skapad ${formatDateTime(model.generatedAt)} i Kompetensnav`, fontSize: 8, color: GREY },
          { text: `Sida ${currentPage} av ${pageCount}`, fontSize: 8, color: GREY, alignment: 'right' },
        ],
      };
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 26, bold: true, color: BLUE },
      subtitle: { fontSize: 13, color: GREY },
      h1: { fontSize: 15, bold: true, color: BLUE, margin: [0, 0, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      lead: { fontSize: 9.5, margin: [0, 0, 0, 8] },
      note: { fontSize: 7.5, color: GREY, italics: true, margin: [0, 4, 0, 0] },
      th: { bold: true, fontSize: 7.5 },
      td: { fontSize: 8 },
      total: { bold: true, fontSize: 8 },
    },
    content: [
      ...cover(model),
      ...contextSection(model),
      ...model.measures.flatMap((m) => measureSection(model, m)),
      ...ratioSection(model),
      ...ratioCharts(model),
      ...(model.forecast ? forecastSections(model.forecast) : []),
      ...appendix(model),
    ],
  };
}

// ---- sections -------------------------------------------------------------------------------------------------------

/** A section's first heading: a new page (landscape for the wide tables), listed in the contents. */
function heading(text: string, orientation: 'portrait' | 'landscape' = 'portrait', toc = true): Content {
  return { text, style: 'h1', tocItem: toc, pageBreak: 'before', pageOrientation: orientation };
}

function cover(model: RegionReportModel): Content[] {
  const included = model.municipalities.length;
  return [
    { text: 'Regionrapport', style: 'title', margin: [0, 40, 0, 4] },
    { text: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg', style: 'subtitle' },
    { text: model.regionName, fontSize: 16, bold: true, margin: [0, 24, 0, 4] },
    {
      text: `Period ${model.period.label} (referensdag ${formatDate(model.period.referenceDate)})`,
      fontSize: 12,
    },
    { text: `Skapad ${formatDateTime(model.generatedAt)}`, fontSize: 10, color: GREY, margin: [0, 2, 0, 0] },
    ...(model.demo
      ? [
          {
            table: {
              widths: ['*'],
              body: [
                [
                  {
                    text: [
                      { text: 'DEMODATA', bold: true, fontSize: 14 },
                      '\nRapporten bygger på påhittade demosiffror och är inte verklig statistik.',
                    ],
                    color: REFERENCE,
                    margin: [8, 6, 8, 6],
                  },
                ],
              ],
            },
            layout: { hLineColor: () => REFERENCE, vLineColor: () => REFERENCE },
            margin: [0, 16, 0, 0],
          } satisfies ContentTable,
        ]
      : []),
    {
      text: [
        `Rapporten bygger på de ${included} kommunernas godkända rapporter för perioden. `,
        'Små tal är dolda på samma sätt som i den öppna statistiken, så att rapporten kan delas med alla. ',
        suppressionFootnote(model.minCount),
      ],
      style: 'lead',
      margin: [0, 18, 0, 4],
    },
    { text: `Kommuner i rapporten: ${model.municipalities.join(', ')}.`, fontSize: 8.5 },
    ...(model.missing.length > 0
      ? [
          {
            text: `Utan godkänd rapport för perioden (ingår inte): ${model.missing.join(', ')}.`,
            fontSize: 8.5,
            margin: [0, 2, 0, 0] as [number, number, number, number],
          },
        ]
      : []),
    ...(model.forecast === null && model.forecastError
      ? [{ text: `Prognosen saknas: ${model.forecastError}`, fontSize: 8.5, margin: [0, 2, 0, 0] as const }]
      : []),
    {
      toc: { title: { text: 'Innehåll', style: 'h2' }, numberStyle: { fontSize: 8.5 }, textStyle: { fontSize: 8.5 } },
      margin: [0, 8, 0, 0],
    },
  ] as Content[];
}

function contextSection(model: RegionReportModel): Content[] {
  const kinds: MeasureKind[] = model.context.columns.map((c) =>
    c.key.startsWith('inhabitants') ? 'population' : 'persons',
  );
  return [
    heading('Befolkning och inskrivna patienter', 'landscape'),
    {
      text: 'Invånare på referensdagen och patienter inskrivna i kommunal hälso- och sjukvård, per kommun.',
      style: 'lead',
    },
    dataTable(model.context, (i) => kinds[i] ?? 'persons', {}),
    { text: suppressionFootnote(model.minCount), style: 'note' },
  ];
}

function measureSection(model: RegionReportModel, measure: RegionReportModel['measures'][number]): Content[] {
  return [
    heading(measure.label, 'landscape'),
    {
      text: `${measure.help} Per kommun och yrke; regionens summa längst ned och alla yrken till höger.`,
      style: 'lead',
    },
    dataTable(measure, () => measure.kind, { lastColumnBold: true }),
    { text: suppressionFootnote(model.minCount), style: 'note' },
  ];
}

function ratioSection(model: RegionReportModel): Content[] {
  const { ratios } = model;
  return [
    heading('Nyckeltal', 'landscape'),
    {
      text: 'Nyckeltalen för alla yrken tillsammans, per kommun, för regionen totalt och regionens median.',
      style: 'lead',
    },
    dataTable(ratios, (i) => ratios.units[i] ?? 'number', {
      extraRows: [{ name: MEDIAN_LABEL, values: ratios.median }],
    }),
    {
      ul: ratios.columns.map((c, i) => ({ text: [{ text: `${c.label}: `, bold: true }, ratios.formulas[i] ?? ''] })),
      fontSize: 7.5,
      margin: [0, 8, 0, 0],
    },
    {
      text: `${suppressionFootnote(model.minCount)} Ett nyckeltal döljs när något av talen det räknas fram ur är dolt.`,
      style: 'note',
    },
  ];
}

function ratioCharts(model: RegionReportModel): Content[] {
  const { ratios } = model;
  const out: Content[] = [];
  ratios.columns.forEach((column, i) => {
    const first = i % CHARTS_PER_PAGE === 0;
    const unit = ratios.units[i] ?? 'number';
    const rows = ratios.rows.map((r) => ({ name: r.name, value: r.values[i] ?? null }));
    const total = ratios.total[i] ?? null;
    if (first) {
      out.push(i === 0 ? heading('Nyckeltal i diagram') : heading('Nyckeltal i diagram (forts.)', 'portrait', false), {
        text: 'Staplarna visar kommunerna; den streckade linjen visar regionen totalt. Dolda värden saknar stapel.',
        style: 'lead',
      });
    }
    // A chart stays with its title and caption.
    out.push({
      unbreakable: true,
      stack: [
        { text: column.label, style: 'h2' },
        { svg: ratioChartSvg(rows, total, unit), width: CONTENT_WIDTH },
        {
          text: `Regionen totalt: ${formatCell(total, unit)}. Median: ${formatCell(ratios.median[i] ?? null, unit)}.`,
          fontSize: 8,
          margin: [0, 2, 0, 6],
        },
      ],
    });
  });
  return out;
}

function forecastSections(f: ReportForecast): Content[] {
  const all = f.professions.find((p) => p.key === 'all');
  const out: Content[] = [
    heading('Prognos: rekryteringsbehov'),
    {
      text: [
        `Hur många personer regionens kommuner behöver rekrytera ${f.baseYear + 1}–${f.baseYear + f.horizonYears}, `,
        'räknat med SKR:s flödesmetod: förändrad efterfrågan när antalet invånare 80 år och äldre ändras, plus ersättning ',
        `för dem som går i pension (pensionsålder ${f.retirementAge} år). Basåret ${f.baseYear} är periodens `,
        'rapporterade personal. Metoden beskrivs i bilagan.',
      ],
      style: 'lead',
    },
    ...(all
      ? [
          {
            text: `Rekryteringsbehov per år, alla yrken (${f.baseYear + 1}–${f.baseYear + f.horizonYears})`,
            style: 'h2',
          } as Content,
          { svg: needChartSvg(all.years), width: CONTENT_WIDTH } as Content,
        ]
      : []),
    { text: 'Ackumulerat behov per yrke', style: 'h2' },
    simpleTable(
      ['Yrke', `Anställda ${f.baseYear}`, 'Behov på 5 år', 'Behov på 10 år'],
      f.professions.map((p) => [
        p.label,
        formatPersons(p.baseHeadcount),
        formatPersons(p.need5),
        formatPersons(p.need10),
      ]),
      ['*', 80, 80, 80],
      { boldLast: true },
    ),
    { text: 'Scenarier jämfört med grundprognosen', style: 'h2' },
    {
      ul: f.scenarios.map((s) => ({
        text: [{ text: `${s.label}: `, bold: true }, `på 5 år ${lower(s.text5)}; på 10 år ${lower(s.text10)}.`],
        margin: [0, 0, 0, 2],
      })),
    },
  ];

  const perPage = forecastTablesPerPage(f.horizonYears);
  const turnover = f.professions.some((p) => p.years.some((y) => y.turnoverLeavers !== 0));
  f.professions.forEach((p, i) => {
    if (i % perPage === 0) {
      out.push(
        i === 0 ? heading('Prognos per yrke och år') : heading('Prognos per yrke och år (forts.)', 'portrait', false),
      );
      if (i === 0) {
        out.push({
          text:
            'Efterfrågan = så många som behövs det året; kvar = dagens personal som inte har gått i pension (eller slutat); ' +
            'behov = förändrad efterfrågan + pensioneringar' +
            (turnover ? ' + personalomsättning' : '') +
            '. Negativt behov betyder att efterfrågan minskar mer än personalen.',
          style: 'lead',
        });
      }
    }
    const headers = [
      'År',
      'Efterfrågan',
      'Kvar av dagens personal',
      'Pensioneringar',
      ...(turnover ? ['Slutar'] : []),
      'Rekryteringsbehov',
      'Ackumulerat behov',
    ];
    const rows = [
      [
        `${f.baseYear} (basår)`,
        formatPersons(p.baseHeadcount),
        formatPersons(p.baseHeadcount),
        '',
        ...(turnover ? [''] : []),
        '',
        '',
      ],
      ...p.years.map((y) => [
        String(y.year),
        formatPersons(y.demand),
        formatPersons(y.staffRemaining),
        formatPersons(y.retirements),
        ...(turnover ? [formatPersons(y.turnoverLeavers)] : []),
        formatPersons(y.need),
        formatPersons(y.cumulativeNeed),
      ]),
    ];
    out.push({
      unbreakable: true,
      stack: [
        { text: p.label, style: 'h2', margin: [0, i % perPage === 0 ? 0 : 8, 0, 4] },
        simpleTable(headers, rows, [58, ...headers.slice(1).map(() => '*' as const)]),
      ],
    });
  });

  out.push(
    heading('Prognos per kommun'),
    {
      text:
        'Varje kommuns ackumulerade rekryteringsbehov för alla yrken tillsammans i grundprognosen. ' +
        'Kommuner utan godkänd rapport för perioden ingår inte i regionens siffror.',
      style: 'lead',
    },
    simpleTable(
      ['Kommun', 'Behov på 5 år', 'Behov på 10 år'],
      [
        ...f.municipalities.map((m) =>
          m.included ? [m.name, formatPersons(m.need5), formatPersons(m.need10)] : [m.name, 'ingår inte', 'ingår inte'],
        ),
        [REGION_TOTAL_LABEL, formatPersons(all?.need5), formatPersons(all?.need10)],
      ],
      ['*', 100, 100],
      { boldLast: true },
    ),
    heading('Prognosens antaganden'),
    {
      text: 'Antagandena i grundprognosen. Regionen ställer in dem under Prognos i Kompetensnav.',
      style: 'lead',
    },
    simpleTable(
      ['Antagande', 'Värde'],
      f.assumptions.map((a) => [a.label, a.value]),
      [200, '*'],
    ),
    ...(f.notes.length > 0
      ? [{ text: 'Om underlaget', style: 'h2' } as Content, { ul: f.notes, fontSize: 8.5 } as Content]
      : []),
  );
  return out;
}

function lower(text: string | null): string {
  if (!text) return 'går inte att jämföra';
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function appendix(model: RegionReportModel): Content[] {
  const paragraphs = (list: readonly { heading: string; text: string }[]): Content[] =>
    list.flatMap((p) => [{ text: p.heading, style: 'h2' } as Content, { text: p.text, fontSize: 8.5 } as Content]);
  return [
    heading('Bilaga: Om statistiken'),
    ...paragraphs(METHOD_STATISTICS(model.minCount)),
    ...(model.forecast
      ? [heading('Bilaga: Om prognosen'), ...paragraphs(METHOD_FORECAST(model.forecast.retirementAge))]
      : []),
  ];
}

// ---- tables -----------------------------------------------------------------------------------------------------------

const tableLayout = (highlightLast: number): TableLayout => ({
  fillColor: (row, node) => {
    if (row === 0) return '#e7f0fa';
    return row >= node.table.body.length - highlightLast ? '#f1f3f5' : null;
  },
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.25),
  vLineWidth: () => 0,
  hLineColor: () => '#868e96',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
});

function dataTable(
  table: ReportTable,
  kindOf: (column: number) => MeasureKind | 'percent' | 'number',
  opts: { lastColumnBold?: boolean; extraRows?: { name: string; values: ReportCell[] }[] },
): ContentTable {
  const n = table.columns.length;
  const header: TableCell[] = [
    { text: 'Kommun', style: 'th' },
    ...table.columns.map((c) => ({ text: c.label, style: 'th', alignment: 'right' as const })),
  ];
  const row = (name: string, values: ReportCell[], style: 'td' | 'total'): TableCell[] => [
    { text: name, style },
    ...values.map((v, i) => ({
      text: formatCell(v, kindOf(i)),
      style: opts.lastColumnBold && i === n - 1 ? 'total' : style,
      alignment: 'right' as const,
    })),
  ];
  const extra = opts.extraRows ?? [];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // Figures as wide as they need (a long profession name stays whole), the names take what is left; a table
      // wider than the page shrinks its columns towards their longest word.
      widths: ['*', ...table.columns.map(() => 'auto' as const)],
      body: [
        header,
        ...table.rows.map((r) => row(r.name, r.values, 'td')),
        row(REGION_TOTAL_LABEL, table.total, 'total'),
        ...extra.map((r) => row(r.name, r.values, 'total')),
      ],
    },
    layout: tableLayout(1 + extra.length),
  };
}

function simpleTable(
  headers: string[],
  rows: string[][],
  widths: (number | '*')[],
  opts: { boldLast?: boolean } = {},
): ContentTable {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        headers.map((h, i) => ({ text: h, style: 'th', alignment: i === 0 ? ('left' as const) : ('right' as const) })),
        ...rows.map((r, ri) =>
          r.map((cell, i) => ({
            text: cell,
            style: opts.boldLast && ri === rows.length - 1 ? 'total' : 'td',
            alignment: i === 0 || widths.length === 2 ? ('left' as const) : ('right' as const),
          })),
        ),
      ],
    },
    layout: tableLayout(opts.boldLast ? 1 : 0),
  };
}

// ---- charts (hand-made SVG: bars and a reference line) ---------------------------------------------------------------
