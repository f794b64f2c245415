// The region report's forecast sections (region-report-pdf.ts): the need to recruit, scenarios, demand against the
// staff that remains, each profession, each municipality and the forecast's assumptions.
import type { DocumentBlock, DocumentSection } from '../../../platform/server/documents/document-model.ts';
import { needChartSvg, supplyChartSvg } from './region-report-charts.ts';
import { forecastYearColumns, formatPersons } from './region-report-format.ts';
import { REGION_TOTAL_LABEL, type ReportForecast } from './region-report-model.ts';
import { h2, lead, note, textTable } from './region-report-pdf-blocks.ts';

export function forecastSections(f: ReportForecast): DocumentSection[] {
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
      textTable(`Prognos per år: ${p.label.toLowerCase()}`, forecastYearColumns(turnover), [
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
      ]),
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
