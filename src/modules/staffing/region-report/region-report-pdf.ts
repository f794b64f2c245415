// The region report as a tagged, accessible PDF (PDF/UA-1) through the platform's document pipeline (decision 017):
// this file turns the report's content (region-report-model.ts) into a DocumentModel — sections with headings,
// tables with header rows and captions, charts as SVG with alternative text — and the pipeline lays it out (A4, wide
// tables on landscape pages, page numbers, the region on every page, "DEMODATA" on every page of a demo).
// Runs in a worker thread (region-report.worker.ts).
import type {
  DocumentBlock,
  DocumentModel,
  DocumentSection,
  TableColumn,
  TableRow,
} from '../../../platform/server/documents/document-model.ts';
import { renderDocumentPdf } from '../../../platform/server/documents/document-pdf.ts';
import type { MeasureKind } from '../staffing-measures.ts';
import { needChartSvg, ratioChartSvg, supplyChartSvg } from './region-report-charts.ts';
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

type Unit = MeasureKind | 'percent' | 'number';

export async function renderRegionReportPdf(model: RegionReportModel): Promise<{ pdf: Buffer; pageCount: number }> {
  return renderDocumentPdf(regionReportDocument(model));
}

/** The sections' titles, in order (the test checks each is in the PDF's structure and text). */
export function regionReportSectionTitles(model: RegionReportModel): string[] {
  return regionReportDocument(model).sections.map((s) => s.title);
}

export function regionReportDocument(model: RegionReportModel): DocumentModel {
  const title = `Regionrapport ${model.period.label}`;
  return {
    title: `${title} – ${model.regionName}`,
    subtitle: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg',
    language: 'sv',
    author: 'Kompetensnav',
    subject: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg',
    keywords: ['bemanning', 'kompetensförsörjning', 'äldreomsorg', model.regionName, model.period.label],
    runningHeader: `${title} · ${model.regionName}`,
    footerNote: `Skapad ${formatDateTime(model.generatedAt)} i Kompetensnav`,
    ...(model.demo ? { watermark: 'DEMODATA' } : {}),
    createdAt: new Date(model.generatedAt),
    contents: true,
    cover: cover(model),
    sections: [
      summarySection(model),
      ...(model.headline ? [headlineSection(model)] : []),
      professionRatiosSection(model),
      contextSection(model),
      measuresSection(model),
      ratioSection(model),
      ratioChartsSection(model),
      ...(model.breakdowns.length > 0 ? [breakdownSection(model)] : []),
      ...(model.trends ? [trendSection(model)] : []),
      ...(model.forecast ? forecastSections(model.forecast) : []),
      ...appendix(model),
    ],
  };
}

// ---- helpers ----------------------------------------------------------------------------------------------------------

const note = (text: string): DocumentBlock => ({ kind: 'paragraph', text, style: 'note' });
const lead = (text: string): DocumentBlock => ({ kind: 'paragraph', text, style: 'lead' });
const h2 = (text: string): DocumentBlock => ({ kind: 'heading', level: 2, text });

/** A table of municipalities (rows) with the region's total and any extra rows (the median). */
function dataTable(
  caption: string,
  table: ReportTable,
  unitOf: (column: number) => Unit,
  opts: { extraRows?: { name: string; values: ReportCell[] }[]; note?: string; first?: string; small?: boolean } = {},
): DocumentBlock {
  const columns: TableColumn[] = [
    { label: opts.first ?? 'Kommun', width: 1 },
    ...table.columns.map((c) => ({ label: c.label, align: 'right' as const })),
  ];
  const row = (name: string, values: ReportCell[], emphasis = false): TableRow => ({
    cells: [name, ...values.map((v, i) => formatCell(v, unitOf(i)))],
    ...(emphasis ? { emphasis } : {}),
  });
  return {
    kind: 'table',
    caption,
    columns,
    rows: [
      ...table.rows.map((r) => row(r.name, r.values)),
      row(REGION_TOTAL_LABEL, table.total, true),
      ...(opts.extraRows ?? []).map((r) => row(r.name, r.values, true)),
    ],
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.small ? { small: true } : {}),
  };
}

function textTable(
  caption: string,
  headers: string[],
  rows: string[][],
  opts: { lastEmphasis?: boolean; note?: string; textColumns?: number } = {},
): DocumentBlock {
  const textColumns = opts.textColumns ?? 1;
  return {
    kind: 'table',
    caption,
    columns: headers.map((label, i) => (i < textColumns ? { label, width: 1 } : { label, align: 'right' as const })),
    rows: rows.map((cells, i) => ({
      cells,
      ...(opts.lastEmphasis && i === rows.length - 1 ? { emphasis: true } : {}),
    })),
    ...(opts.note ? { note: opts.note } : {}),
  };
}

/** The words a screen reader reads for a bar chart of municipalities: the extremes and the region's value. */
function ratioChartAlt(label: string, rows: { name: string; value: ReportCell }[], total: ReportCell, unit: Unit) {
  const shown = rows.filter((r): r is { name: string; value: number } => typeof r.value === 'number');
  const sorted = [...shown].sort((a, b) => b.value - a.value);
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  const hidden = rows.length - shown.length;
  return (
    `Stapeldiagram: ${label} per kommun. ` +
    (high && low
      ? `Högst ${high.name} (${formatCell(high.value, unit)}), lägst ${low.name} (${formatCell(low.value, unit)}). `
      : 'Inga värden kan visas. ') +
    `Regionen totalt ${formatCell(total, unit)}.` +
    (hidden > 0 ? ` ${hidden} kommuner utan visat värde.` : '') +
    ' Alla värden finns i tabellen.'
  );
}

// ---- sections -------------------------------------------------------------------------------------------------------

function cover(model: RegionReportModel): DocumentBlock[] {
  const included = model.municipalities.length;
  const all = included + model.missing.length;
  return [
    {
      kind: 'facts',
      items: [
        { label: 'Region', value: model.regionName },
        { label: 'Period', value: `${model.period.label} (referensdag ${formatDate(model.period.referenceDate)})` },
        { label: 'Skapad', value: formatDateTime(model.generatedAt) },
        { label: 'Kommuner', value: `${included} av ${all} kommuner har godkända rapporter` },
      ],
    },
    ...(model.demo
      ? [
          {
            kind: 'callout' as const,
            text: [
              { text: 'DEMODATA', strong: true },
              ' – rapporten bygger på påhittade demosiffror och är inte verklig statistik.',
            ],
          },
        ]
      : []),
    lead(
      `Rapporten bygger på de ${included} kommunernas godkända rapporter för perioden. Små tal är dolda på samma ` +
        'sätt som i den öppna statistiken, så att rapporten kan delas med alla. ' +
        suppressionFootnote(model.minCount),
    ),
    { kind: 'paragraph', text: `Kommuner i rapporten: ${model.municipalities.join(', ')}.` },
    ...(model.missing.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: `Utan godkänd rapport för perioden (ingår inte): ${model.missing.join(', ')}.`,
          },
        ]
      : []),
    ...(model.forecast === null && model.forecastError
      ? [{ kind: 'paragraph' as const, text: `Prognosen saknas: ${model.forecastError}` }]
      : []),
  ];
}

function summarySection(model: RegionReportModel): DocumentSection {
  const items: string[] = [];
  const h = model.headline;
  if (h) {
    const share = h.total[2] ?? null;
    const median = `median bland kommunerna ${formatCell(h.median, 'percent')}`;
    items.push(
      typeof share === 'number'
        ? `${h.professionLabel}: ${formatCell(share, 'percent')} av de anställda har en specialistutbildning i ` +
            `regionen (${median}).`
        : `${h.professionLabel}: andelen med specialistutbildning i regionen är dold för att skydda små tal (${median}).`,
    );
  }
  const all = model.professionRatios.rows[model.professionRatios.rows.length - 1];
  const headcountAll = model.measures.find((m) => m.key === 'headcount')?.total.at(-1) ?? null;
  items.push(`Anställda i alla yrken i regionen: ${formatCell(headcountAll, 'persons')}.`);
  if (all) {
    model.professionRatios.columns.forEach((c, i) => {
      if (c.key === 'specialist_share' || c.key === 'licensed_per_1000_80_plus') return;
      items.push(
        `${c.label}, alla yrken: ${formatCell(all.values[i] ?? null, model.professionRatios.units[i] ?? 'number')}.`,
      );
    });
  }
  const f = model.forecast;
  const fAll = f?.professions.find((p) => p.key === 'all');
  if (f && fAll) {
    items.push(
      `Rekryteringsbehov ${f.baseYear + 1}–${f.baseYear + Math.min(10, f.horizonYears)} enligt grundprognosen: ` +
        `${formatPersons(fAll.need10 ?? fAll.need5)} personer i alla yrken.`,
    );
  }
  return {
    title: 'Sammanfattning',
    blocks: [
      lead('Regionens viktigaste siffror för perioden. Tabellerna i rapporten visar dem per kommun och yrke.'),
      { kind: 'list', items },
    ],
  };
}

function headlineSection(model: RegionReportModel): DocumentSection {
  const h = model.headline;
  if (!h) throw new Error('no headline');
  const units: Unit[] = ['persons', 'persons', 'percent'];
  const rows = h.rows.map((r) => ({ name: r.name, value: r.values[2] ?? null }));
  const label = `Andel specialistutbildade, ${h.professionLabel.toLowerCase()}`;
  return {
    title: `${h.professionLabel}: andel med specialistutbildning`,
    blocks: [
      lead(
        'Förstudiens huvudnyckeltal: hur stor andel av yrkets anställda som har minst en specialistutbildning, per ' +
          'kommun, med regionen totalt och medianen bland kommunerna.',
      ),
      dataTable(
        `${h.professionLabel} per kommun: anställda, specialistutbildade och andel`,
        {
          columns: [
            { key: 'headcount', label: 'Antal anställda' },
            { key: 'specialists', label: 'Med specialistutbildning' },
            { key: 'share', label: 'Andel' },
          ],
          rows: h.rows,
          total: h.total,
        },
        (i) => units[i] ?? 'persons',
        {
          extraRows: [{ name: MEDIAN_LABEL, values: [null, null, h.median] }],
          note: suppressionFootnote(model.minCount),
        },
      ),
      {
        kind: 'figure',
        svg: ratioChartSvg(rows, h.total[2] ?? null, 'percent'),
        alt: ratioChartAlt(label, rows, h.total[2] ?? null, 'percent'),
        caption: `${label} per kommun; den streckade linjen är regionen totalt`,
      },
    ],
  };
}

function professionRatiosSection(model: RegionReportModel): DocumentSection {
  const r = model.professionRatios;
  return {
    title: 'Nyckeltal per yrke',
    orientation: 'landscape',
    blocks: [
      lead('Regionens nyckeltal för varje yrke och för alla yrken tillsammans.'),
      {
        kind: 'table',
        caption: 'Regionens nyckeltal per yrke',
        columns: [{ label: 'Yrke', width: 1 }, ...r.columns.map((c) => ({ label: c.label, align: 'right' as const }))],
        rows: r.rows.map((row, i) => ({
          cells: [row.name, ...row.values.map((v, j) => formatCell(v, r.units[j] ?? 'number'))],
          ...(i === r.rows.length - 1 ? { emphasis: true } : {}),
        })),
        note: `${suppressionFootnote(model.minCount)} Legitimerad personal per 1 000 invånare 80+ finns bara för legitimationsyrken.`,
      },
      h2('Andel specialistutbildade per kommun och yrke'),
      dataTable('Andel specialistutbildade per kommun och yrke', model.specialistShares, () => 'percent', {
        note: 'Andelen visas bara när både antalet specialistutbildade och antalet anställda visas.',
      }),
    ],
  };
}

function contextSection(model: RegionReportModel): DocumentSection {
  const kinds: MeasureKind[] = model.context.columns.map((c) =>
    c.key.startsWith('inhabitants') ? 'population' : 'persons',
  );
  return {
    title: 'Befolkning och inskrivna patienter',
    orientation: 'landscape',
    blocks: [
      lead('Invånare på referensdagen och patienter inskrivna i kommunal hälso- och sjukvård, per kommun.'),
      dataTable('Befolkning och inskrivna patienter per kommun', model.context, (i) => kinds[i] ?? 'persons', {
        note: suppressionFootnote(model.minCount),
      }),
    ],
  };
}

function measuresSection(model: RegionReportModel): DocumentSection {
  const blocks: DocumentBlock[] = [
    lead(
      'Varje mått per kommun och yrke; regionens summa längst ned och alla yrken till höger. ' +
        'Fördelningar (åldersgrupper, inriktningar, frånvaroorsaker) visas bara för regionen, i ett eget avsnitt.',
    ),
  ];
  model.measures.forEach((measure, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(
      h2(measure.label),
      { kind: 'paragraph', text: measure.help },
      dataTable(`${measure.label} per kommun och yrke`, measure, () => measure.kind, {
        note: suppressionFootnote(model.minCount),
        small: measure.columns.length > 7,
      }),
    );
  });
  return { title: 'Personal per kommun och yrke', orientation: 'landscape', blocks };
}

function ratioSection(model: RegionReportModel): DocumentSection {
  const { ratios } = model;
  return {
    title: 'Nyckeltal per kommun',
    orientation: 'landscape',
    blocks: [
      lead('Nyckeltalen för alla yrken tillsammans, per kommun, för regionen totalt och regionens median.'),
      dataTable('Nyckeltal per kommun, alla yrken', ratios, (i) => ratios.units[i] ?? 'number', {
        extraRows: [{ name: MEDIAN_LABEL, values: ratios.median }],
        note: `${suppressionFootnote(model.minCount)} Ett nyckeltal döljs när något av talen det räknas fram ur är dolt.`,
        small: true,
      }),
      h2('Så räknas nyckeltalen'),
      {
        kind: 'list',
        items: ratios.columns.map((c, i) => [{ text: `${c.label}: `, strong: true }, ratios.formulas[i] ?? '']),
      },
    ],
  };
}

function ratioChartsSection(model: RegionReportModel): DocumentSection {
  const { ratios } = model;
  const blocks: DocumentBlock[] = [
    lead('Staplarna visar kommunerna; den streckade linjen visar regionen totalt. Dolda värden saknar stapel.'),
  ];
  ratios.columns.forEach((column, i) => {
    const unit = ratios.units[i] ?? 'number';
    const rows = ratios.rows.map((r) => ({ name: r.name, value: r.values[i] ?? null }));
    const total = ratios.total[i] ?? null;
    blocks.push({
      kind: 'figure',
      svg: ratioChartSvg(rows, total, unit),
      alt: ratioChartAlt(column.label, rows, total, unit),
      caption: `${column.label}. Regionen totalt: ${formatCell(total, unit)}. Median: ${formatCell(ratios.median[i] ?? null, unit)}.`,
      widthPercent: 92,
    });
  });
  return { title: 'Nyckeltal i diagram', blocks };
}

function breakdownSection(model: RegionReportModel): DocumentSection {
  const blocks: DocumentBlock[] = [
    lead(
      'Fördelningarna publiceras bara för regionen som helhet, aldrig per kommun, så att små grupper inte kan pekas ut.',
    ),
  ];
  for (const b of model.breakdowns) {
    blocks.push(h2(b.title), { kind: 'paragraph', text: b.lead });
    blocks.push({
      kind: 'table',
      caption: b.title,
      columns: [
        { label: b.kind === 'specialty' ? 'Yrke och inriktning' : 'Yrke', width: 1 },
        ...b.columns.map((c) => ({ label: c.label, align: 'right' as const })),
      ],
      rows: b.rows.map((r, i) => ({
        cells: [r.name, ...r.values.map((v) => formatCell(v, b.unit))],
        ...(b.kind !== 'specialty' && i === b.rows.length - 1 ? { emphasis: true } : {}),
      })),
      note: suppressionFootnote(model.minCount),
    });
  }
  return { title: 'Fördelningar i regionen', orientation: 'landscape', blocks };
}

function trendSection(model: RegionReportModel): DocumentSection {
  const t = model.trends;
  if (!t) throw new Error('no trends');
  return {
    title: 'Utveckling över tid',
    orientation: t.periods.length > 4 ? 'landscape' : 'portrait',
    blocks: [
      lead(
        `Regionens siffror för de senaste publicerade perioderna (${t.periods.join(', ')}), ur varje periods ` +
          'publicerade statistik. Kommuner som inte hade godkänd rapport en period ingår inte det året.',
      ),
      textTable(
        'Antal anställda i regionen per yrke och period',
        ['Yrke', ...t.periods],
        t.headcount.map((r) => [r.name, ...r.values.map((v) => formatCell(v, 'persons'))]),
        { lastEmphasis: true, note: suppressionFootnote(model.minCount) },
      ),
      textTable(
        'Regionens nyckeltal per period',
        ['Nyckeltal', ...t.periods],
        t.ratios.map((r) => [r.name, ...r.values.map((v) => formatCell(v, r.unit))]),
      ),
    ],
  };
}

function forecastSections(f: ReportForecast): DocumentSection[] {
  const all = f.professions.find((p) => p.key === 'all');
  const end = f.baseYear + f.horizonYears;
  const summary: DocumentSection = {
    title: 'Prognos: rekryteringsbehov',
    blocks: [
      lead(
        `Hur många personer regionens kommuner behöver rekrytera ${f.baseYear + 1}–${end}, räknat med SKR:s ` +
          'flödesmetod: förändrad efterfrågan när antalet äldre invånare ändras, plus ersättning för dem som går i ' +
          `pension (pensionsålder ${f.retirementAge} år) eller slutar. Basåret ${f.baseYear} är periodens ` +
          'rapporterade personal. Metoden beskrivs i bilagan.',
      ),
      ...(all
        ? [
            {
              kind: 'figure' as const,
              svg: needChartSvg(all.years),
              alt:
                `Stapeldiagram: rekryteringsbehov per år för alla yrken ${f.baseYear + 1}–${end}. ` +
                all.years.map((y) => `${y.year}: ${formatPersons(y.need)}`).join(', ') +
                '.',
              caption: `Rekryteringsbehov per år, alla yrken (${f.baseYear + 1}–${end})`,
            },
          ]
        : []),
      textTable(
        'Ackumulerat rekryteringsbehov per yrke',
        ['Yrke', `Anställda ${f.baseYear}`, 'Behov på 5 år', 'Behov på 10 år'],
        f.professions.map((p) => [
          p.label,
          formatPersons(p.baseHeadcount),
          formatPersons(p.need5),
          formatPersons(p.need10),
        ]),
        { lastEmphasis: true },
      ),
      h2('Scenarier jämfört med grundprognosen'),
      {
        kind: 'list',
        items: f.scenarios.map((s) => [
          { text: `${s.label}: `, strong: true },
          `på 5 år ${lower(s.text5)}; på 10 år ${lower(s.text10)}.`,
        ]),
      },
    ],
  };

  const supply: DocumentSection | null = all
    ? {
        title: 'Prognos: tillgång på personal',
        blocks: [
          lead(
            'Tillgångssidan: hur många av dagens anställda som finns kvar varje år när pensioneringar och ' +
              'personalomsättning räknas bort, mot hur många som behövs. Skillnaden är det som måste rekryteras.',
          ),
          {
            kind: 'figure',
            svg: supplyChartSvg(all.baseHeadcount, all.years),
            alt:
              `Linjediagram, alla yrken: efterfrågan ${formatPersons(all.baseHeadcount)} år ${f.baseYear} och ` +
              `${formatPersons(all.years.at(-1)?.demand)} år ${end}; kvar av dagens personal ` +
              `${formatPersons(all.years.at(-1)?.staffRemaining)} år ${end}. Värdena finns i tabellen.`,
            caption: `Efterfrågan och kvarvarande personal, alla yrken (${f.baseYear}–${end})`,
          },
          textTable(
            'Efterfrågan, kvarvarande personal och gap, alla yrken',
            [
              'År',
              'Efterfrågan',
              'Kvar av dagens personal',
              'Gap (att rekrytera)',
              ...(f.workingAge.length > 0 ? ['Invånare 20–64 år'] : []),
            ],
            [
              [
                `${f.baseYear} (basår)`,
                formatPersons(all.baseHeadcount),
                formatPersons(all.baseHeadcount),
                formatPersons(0),
                ...(f.workingAge.length > 0 ? [formatPersons(f.workingAge[0]?.value)] : []),
              ],
              ...all.years.map((y, i) => [
                String(y.year),
                formatPersons(y.demand),
                formatPersons(y.staffRemaining),
                formatPersons(y.demand - y.staffRemaining),
                ...(f.workingAge.length > 0 ? [formatPersons(f.workingAge[i + 1]?.value)] : []),
              ]),
            ],
          ),
          ...(f.workingAge.length > 1 ? [note(workingAgeSentence(f))] : []),
        ],
      }
    : null;

  const turnover = f.professions.some((p) => p.years.some((y) => y.turnoverLeavers !== 0));
  const perProfession: DocumentBlock[] = [
    lead(
      'Efterfrågan = så många som behövs det året; kvar = dagens personal som inte har gått i pension (eller slutat); ' +
        'behov = förändrad efterfrågan + pensioneringar' +
        (turnover ? ' + personalomsättning' : '') +
        '. Negativt behov betyder att efterfrågan minskar mer än personalen.',
    ),
  ];
  for (const p of f.professions) {
    perProfession.push(
      h2(p.label),
      textTable(
        `Prognos per år: ${p.label.toLowerCase()}`,
        [
          'År',
          'Efterfrågan',
          'Kvar av dagens personal',
          'Pensioneringar',
          ...(turnover ? ['Slutar'] : []),
          'Rekryteringsbehov',
          'Ackumulerat behov',
        ],
        [
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
        ],
      ),
    );
  }

  return [
    summary,
    ...(supply ? [supply] : []),
    { title: 'Prognos per yrke och år', blocks: perProfession },
    {
      title: 'Prognos per kommun',
      blocks: [
        lead(
          'Varje kommuns ackumulerade rekryteringsbehov för alla yrken tillsammans i grundprognosen. ' +
            'Kommuner utan godkänd rapport för perioden ingår inte i regionens siffror.',
        ),
        textTable(
          'Rekryteringsbehov per kommun, alla yrken',
          ['Kommun', 'Behov på 5 år', 'Behov på 10 år'],
          [
            ...f.municipalities.map((m) =>
              m.included
                ? [m.name, formatPersons(m.need5), formatPersons(m.need10)]
                : [m.name, 'ingår inte', 'ingår inte'],
            ),
            [REGION_TOTAL_LABEL, formatPersons(all?.need5), formatPersons(all?.need10)],
          ],
          { lastEmphasis: true },
        ),
      ],
    },
    {
      title: 'Prognosens antaganden',
      blocks: [
        lead('Antagandena i grundprognosen. Regionen ställer in dem under Prognos i Kompetensnav.'),
        textTable(
          'Prognosens antaganden',
          ['Antagande', 'Värde'],
          f.assumptions.map((a) => [a.label, a.value]),
          { textColumns: 2 },
        ),
        ...(f.notes.length > 0 ? [h2('Om underlaget'), { kind: 'list' as const, items: f.notes }] : []),
      ],
    },
  ];
}

function workingAgeSentence(f: ReportForecast): string {
  const first = f.workingAge[0];
  const last = f.workingAge[f.workingAge.length - 1];
  if (!first || !last || first.value === 0) return '';
  const change = (last.value - first.value) / first.value;
  const pct = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(Math.abs(change) * 100);
  const direction = change > 0.001 ? `ökar med ${pct} %` : change < -0.001 ? `minskar med ${pct} %` : 'är oförändrad';
  return (
    `Invånarna i arbetsför ålder (20–64 år) i regionens kommuner ${direction} från ${first.year} till ${last.year}: ` +
    'det är de som personalen ska rekryteras ur.'
  );
}

function lower(text: string | null): string {
  if (!text) return 'går inte att jämföra';
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function appendix(model: RegionReportModel): DocumentSection[] {
  const paragraphs = (list: readonly { heading: string; text: string }[]): DocumentBlock[] =>
    list.flatMap((p) => [h2(p.heading), { kind: 'paragraph' as const, text: p.text }]);
  return [
    { title: 'Bilaga: Om statistiken', blocks: paragraphs(METHOD_STATISTICS(model.minCount)) },
    ...(model.forecast
      ? [{ title: 'Bilaga: Om prognosen', blocks: paragraphs(METHOD_FORECAST(model.forecast.retirementAge)) }]
      : []),
  ];
}
