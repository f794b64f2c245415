// The annual follow-up as an accessible PDF (PDF/UA-1) through the platform's document pipeline (decision 017): the
// chart with its alternative text, the networks' table and the municipalities' table with header rows.
import type { DocumentModel } from '../../platform/server/documents/document-model.ts';
import { renderDocumentPdf } from '../../platform/server/documents/document-pdf.ts';
import type { FollowUpTask } from './follow-up.worker.ts';
import { stepLabels } from './follow-up-chart.ts';

const num = (v: number | string | null, sv: boolean) =>
  v === null ? '–' : typeof v === 'number' ? v.toLocaleString(sv ? 'sv-SE' : 'en-GB') : v;

export function followUpDocument({ model, locale, chart }: FollowUpTask): DocumentModel {
  const sv = locale === 'sv';
  const l = stepLabels(locale);
  const title = sv
    ? `Gemensamma utbildningar – uppföljning ${model.year}`
    : `Joint trainings – follow-up ${model.year}`;
  const alt = model.cycles
    .map(
      (c) =>
        `${c.network}: ${l.needs} ${c.needs}, ${l.decided} ${c.decided}, ${l.ordered} ${c.ordered}, ${l.delivered} ${c.delivered}`,
    )
    .join('. ');
  return {
    title,
    subtitle: sv ? 'Årlig uppföljning för styrgruppen' : 'Annual follow-up for the steering group',
    language: locale,
    subject: sv ? 'Uppföljning' : 'Follow-up',
    runningHeader: title,
    cover: [
      {
        kind: 'facts',
        items: [
          { label: sv ? 'Behov' : 'Needs', value: num(model.totals.needs, sv) },
          { label: sv ? 'Beslutade' : 'Decided', value: num(model.totals.decided, sv) },
          { label: sv ? 'Beställda' : 'Ordered', value: num(model.totals.ordered, sv) },
          { label: sv ? 'Levererade' : 'Delivered', value: num(model.totals.delivered, sv) },
          { label: sv ? 'Kostnad (kr)' : 'Cost (SEK)', value: num(model.totals.cost, sv) },
        ],
      },
    ],
    sections: [
      {
        title: sv ? 'Per nätverk' : 'Per network',
        blocks: [
          {
            kind: 'figure',
            svg: chart,
            alt: alt || '–',
            caption: sv ? 'Från behov till leverans per nätverk.' : 'From need to delivery per network.',
            widthPercent: 100,
          },
          {
            kind: 'table',
            caption: sv ? 'Utbildningsplaner' : 'Training plans',
            columns: [
              { label: sv ? 'Nätverk' : 'Network', width: 3 },
              ...[
                l.needs,
                l.decided,
                l.ordered,
                l.delivered,
                sv ? 'Deltog' : 'Attended',
                sv ? 'Svar' : 'Answers',
                sv ? 'Betyg' : 'Rating',
                sv ? 'Kostnad (kr)' : 'Cost (SEK)',
              ].map((label) => ({ label, align: 'right' as const })),
            ],
            rows: model.cycles.map((c) => ({
              cells: [
                c.network,
                ...[c.needs, c.decided, c.ordered, c.delivered, c.attended, c.answered, c.meanRating, c.cost].map((v) =>
                  num(v, sv),
                ),
              ],
            })),
            note: sv
              ? `".." = färre än ${model.minCount} eller dolt så att ett litet antal inte kan räknas fram. Betyg: medel av utvärderingens frågor 1–5.`
              : `".." = fewer than ${model.minCount} or hidden so that a small count cannot be worked out. Rating: mean of the evaluation's questions 1–5.`,
            small: true,
          },
        ],
        orientation: 'landscape',
      },
      {
        title: sv ? 'Per kommun' : 'Per municipality',
        blocks: [
          {
            kind: 'table',
            caption: sv
              ? 'Kommunernas behov, platser, deltagande och kostnad'
              : "The municipalities' needs, seats, attendance and cost",
            columns: [
              { label: sv ? 'Kommun' : 'Municipality', width: 3 },
              ...[
                sv ? 'Behov' : 'Needed',
                sv ? 'Beställt' : 'Ordered',
                sv ? 'Platser' : 'Seats',
                sv ? 'Deltog' : 'Attended',
                sv ? 'Kostnad (kr)' : 'Cost (SEK)',
              ].map((label) => ({
                label,
                align: 'right' as const,
              })),
            ],
            rows: model.municipalities.map((m) => ({
              cells: [
                m.organisation.name,
                ...[m.needed, m.ordered, m.seats, m.attended, m.cost].map((v) => num(v, sv)),
              ],
            })),
          },
        ],
      },
    ],
  };
}

export async function followUpPdfBytes(task: FollowUpTask): Promise<Uint8Array> {
  return (await renderDocumentPdf(followUpDocument(task))).pdf;
}
