// The career path model and the task matrix as documents through the platform's pipeline (decision 017): the model's
// printable version (the picture, the roles with their education requirements, the ways, the matrix) as a tagged PDF,
// and the matrix with a municipality's deviations as a PDF and an XLSX workbook.
import type { DocumentBlock, DocumentModel, DocumentSection } from '../../platform/server/documents/document-model.ts';
import type { CareerModel, CellValue, DeviationDto } from './career-paths.contracts.ts';
import { graphDescription, graphScene, graphSvg } from './model-graph.ts';

export type MatrixDocumentInput = {
  model: CareerModel;
  version: number;
  decisionDate: string | null;
  municipality: string | null;
  deviations: DeviationDto[];
  locale: 'sv' | 'en';
  generatedOn: string;
  /** Only the task matrix (the matrix export), or the whole model (the printable version). */
  matrixOnly: boolean;
};

export function cellLabel(value: CellValue, locale: 'sv' | 'en'): string {
  const sv = { does: 'Utför', delegated: 'Efter delegering', does_not: 'Utför inte' };
  const en = { does: 'Does', delegated: 'After delegation', does_not: 'Does not' };
  return (locale === 'sv' ? sv : en)[value];
}

/** The matrix as rows: group, task, then per matrix role the value (the municipality's where it deviates, marked). */
export function matrixRows(input: Pick<MatrixDocumentInput, 'model' | 'deviations' | 'locale'>) {
  const { model, locale } = input;
  const roles = model.roles.filter((r) => r.inMatrix);
  const dev = new Map(input.deviations.map((d) => [`${d.taskKey}|${d.roleKey}`, d]));
  const group = new Map(model.taskGroups.map((g) => [g.key, locale === 'sv' ? g.name : g.nameEn]));
  const mark = locale === 'sv' ? ' (lokal avvikelse; regionen: ' : ' (local deviation; region: ';
  return {
    roles,
    rows: model.tasks.map((t) => ({
      group: group.get(t.group) ?? t.group,
      task: t.name,
      cells: roles.map((r) => {
        const regional = t.cells[r.key];
        const local = dev.get(`${t.key}|${r.key}`);
        if (!regional) return '';
        if (local) return `${cellLabel(local.value, locale)}${mark}${cellLabel(regional.value, locale).toLowerCase()})`;
        return cellLabel(regional.value, locale);
      }),
    })),
  };
}

export function careerDocument(input: MatrixDocumentInput): DocumentModel {
  const sv = input.locale === 'sv';
  const { model } = input;
  const name = (key: string) => {
    const r = model.roles.find((x) => x.key === key);
    return r ? (sv ? r.name : r.nameEn) : key;
  };
  const title = input.matrixOnly
    ? sv
      ? 'Uppgiftsmatris'
      : 'Task matrix'
    : sv
      ? 'Karriärvägsmodell'
      : 'Career path model';
  const { roles, rows } = matrixRows(input);
  const matrix: DocumentSection = {
    title: sv ? 'Uppgiftsfördelning' : 'Task differentiation',
    orientation: 'landscape',
    blocks: [
      {
        kind: 'paragraph',
        text: sv
          ? 'Vem utför vad: "utför", "utför efter delegering" eller "utför inte". Delegering kräver skriftligt beslut av legitimerad personal.'
          : 'Who does what: "does", "does after delegation" or "does not". Delegation needs a written decision by licensed staff.',
      },
      {
        kind: 'table',
        caption: sv ? 'Uppgifter per roll' : 'Tasks per role',
        small: true,
        columns: [
          { label: sv ? 'Grupp' : 'Group', width: 2 },
          { label: sv ? 'Uppgift' : 'Task', width: 4 },
          ...roles.map((r) => ({ label: sv ? r.name : r.nameEn, width: 2 })),
        ],
        rows: rows.map((r) => ({ cells: [r.group, r.task, ...r.cells] })),
        ...(input.deviations.length
          ? {
              note: sv
                ? 'Lokala avvikelser är markerade med regionens värde inom parentes.'
                : "Local deviations show the region's value in brackets.",
            }
          : {}),
      },
    ],
  };
  const sections: DocumentSection[] = input.matrixOnly
    ? [matrix]
    : [
        {
          title: sv ? 'Modellen' : 'The model',
          blocks: [
            {
              kind: 'figure',
              svg: graphSvg(graphScene(model, input.locale), title, graphDescription(model, input.locale)),
              alt: graphDescription(model, input.locale),
              caption: sv ? 'Roller och vägar mellan dem' : 'Roles and the ways between them',
              widthPercent: 100,
            },
            {
              kind: 'table',
              caption: sv ? 'Vägar mellan roller' : 'Ways between roles',
              columns: [
                { label: sv ? 'Från' : 'From', width: 2 },
                { label: sv ? 'Till' : 'To', width: 2 },
                { label: sv ? 'Genom' : 'Through', width: 5 },
              ],
              rows: model.ways.map((w) => ({ cells: [name(w.from), name(w.to), w.via] })),
            },
          ],
        },
        {
          title: sv ? 'Roller och utbildningskrav' : 'Roles and education requirements',
          blocks: model.roles.flatMap((r): DocumentBlock[] => [
            { kind: 'heading', level: 2, text: sv ? r.name : r.nameEn },
            {
              kind: 'facts',
              items: [
                { label: sv ? 'Utbildningskrav' : 'Education', value: r.education.text },
                ...(r.education.points !== null
                  ? [
                      {
                        label: sv ? 'Poäng' : 'Points',
                        value: `${r.education.points} ${r.education.pointsUnit ?? ''}`.trim(),
                      },
                    ]
                  : []),
                {
                  label: sv ? 'Skyddad titel' : 'Protected title',
                  value: r.protectedTitle ? (sv ? 'Ja' : 'Yes') : sv ? 'Nej' : 'No',
                },
                ...(r.areas.length ? [{ label: sv ? 'Områden' : 'Areas', value: r.areas.join(', ') }] : []),
                ...(r.education.toVerify
                  ? [{ label: sv ? 'Att verifiera' : 'To verify', value: r.education.source || '–' }]
                  : [{ label: sv ? 'Källa' : 'Source', value: r.education.source || '–' }]),
              ],
            },
          ]),
        },
        matrix,
      ];
  return {
    title,
    subtitle: [
      `${sv ? 'Version' : 'Version'} ${input.version}${input.decisionDate ? `, ${sv ? 'beslutad' : 'decided'} ${input.decisionDate}` : ''}`,
      input.municipality
        ? `${sv ? 'med lokala avvikelser för' : 'with local deviations of'} ${input.municipality}`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    language: input.locale,
    subject: title,
    keywords: [sv ? 'karriärvägar' : 'career paths'],
    runningHeader: title,
    cover: [{ kind: 'facts', items: [{ label: sv ? 'Skapad' : 'Generated', value: input.generatedOn }] }],
    contents: !input.matrixOnly,
    sections,
  };
}
