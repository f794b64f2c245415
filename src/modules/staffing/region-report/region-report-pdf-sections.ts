// The region report's sections on the period's figures (region-report-pdf.ts): the cover, the summary, the headline
// figure, the ratios per profession, the context, the measures, the ratios and their charts, breakdowns and trends.
import type { DocumentBlock, DocumentSection } from '../../../platform/server/documents/document-model.ts';
import type { MeasureKind } from '../staffing-measures.ts';
import { ratioChartSvg } from './region-report-charts.ts';
import { formatCell, formatDate, formatDateTime, formatPersons, suppressionFootnote } from './region-report-format.ts';
import { MEDIAN_LABEL, type RegionReportModel } from './region-report-model.ts';
import { dataTable, h2, lead, ratioChartAlt, textTable, type Unit } from './region-report-pdf-blocks.ts';

export function cover(model: RegionReportModel): DocumentBlock[] {
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

export function summarySection(model: RegionReportModel): DocumentSection {
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

export function headlineSection(model: RegionReportModel): DocumentSection {
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

export function professionRatiosSection(model: RegionReportModel): DocumentSection {
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

export function contextSection(model: RegionReportModel): DocumentSection {
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

export function measuresSection(model: RegionReportModel): DocumentSection {
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

export function ratioSection(model: RegionReportModel): DocumentSection {
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

export function ratioChartsSection(model: RegionReportModel): DocumentSection {
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

export function breakdownSection(model: RegionReportModel): DocumentSection {
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

export function trendSection(model: RegionReportModel): DocumentSection {
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
