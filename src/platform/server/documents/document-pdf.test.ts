// The document pipeline: a model in, a tagged PDF/UA-1 out. Read back with poppler-utils (pdfinfo, pdftotext; CI
// installs them): the structure tree has the sections as H1, tables with header cells, lists and figures; the text
// holds every section and every cell, and characters Typst treats as markup come out as they went in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from './document-model.ts';
import { renderDocumentPdf } from './document-pdf.ts';

/** A heading of the structure tree as pdfinfo -struct-text prints it: the tag, then its text on the next line. */
const heading = (level: number, text: string) =>
  new RegExp(`^\\s*H${level}\\b.*\\n\\s+"${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"$`, 'm');

const work = mkdtempSync(path.join(tmpdir(), 'kn-documents-'));
const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

const MARKUP = 'Tecken som Typst läser: #let x = 1; *fet* _kursiv_ $x^2$ [a] "citat" \\ <b> @ref // inte kommentar';
const chart =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="120" height="20" fill="#1c7ed6"/>' +
  '<text x="2" y="34" font-size="10">Skövde 42 %</text></svg>';

function model(language: 'sv' | 'en'): DocumentModel {
  return {
    title: language === 'sv' ? 'Slutrapport – Äldreomsorgens lyft' : 'Final report',
    subtitle: 'Underrubrik',
    language,
    runningHeader: 'Löpande sidhuvud',
    footerNote: 'Skapad i Kompetensnav',
    watermark: 'DEMODATA',
    contents: true,
    createdAt: new Date('2026-12-07T08:00:00Z'),
    cover: [
      { kind: 'facts', items: [{ label: 'Region', value: 'Skaraborg' }] },
      { kind: 'callout', text: [{ text: 'Observera', strong: true }, ' – påhittade siffror'] },
    ],
    sections: [
      {
        title: 'Sammanfattning',
        blocks: [
          { kind: 'paragraph', text: MARKUP, style: 'lead' },
          { kind: 'heading', level: 2, text: 'Delavsnitt' },
          { kind: 'list', items: ['Första punkten', [{ text: 'Andra', emph: true }, ' punkten']] },
          { kind: 'list', ordered: true, items: ['Steg ett'] },
        ],
      },
      {
        title: 'Tabeller',
        orientation: 'landscape',
        blocks: [
          {
            kind: 'table',
            caption: 'Personal per kommun',
            columns: [
              { label: 'Kommun', width: 2 },
              { label: 'Antal', align: 'right' },
            ],
            rows: [
              ...Array.from({ length: 70 }, (_, i) => ({ cells: [`Kommun ${i + 1}`, String(i * 3)] })),
              { cells: ['Regionen totalt', '7245'], emphasis: true },
            ],
            note: '.. = dolt för att skydda enskilda',
          },
        ],
      },
      {
        title: 'Diagram',
        blocks: [{ kind: 'figure', svg: chart, alt: 'Stapel för Skövde, 42 procent', caption: 'Andel specialister' }],
      },
    ],
  };
}

describe('renderDocumentPdf', () => {
  const files = {} as Record<'sv' | 'en', { file: string; pageCount: number }>;

  beforeAll(async () => {
    for (const language of ['sv', 'en'] as const) {
      const { pdf, pageCount } = await renderDocumentPdf(model(language));
      const file = path.join(work, `${language}.pdf`);
      writeFileSync(file, pdf);
      files[language] = { file, pageCount };
    }
  });

  it('writes a tagged PDF/UA-1 with the title, language and page count', () => {
    const { file, pageCount } = files.sv;
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Slutrapport – Äldreomsorgens lyft$/m);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pageCount}$`, 'm'));
    // The table of 71 rows runs over two landscape pages, after the cover and the summary.
    expect(pageCount).toBeGreaterThanOrEqual(5);
    const meta = poppler('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(meta).toContain('<rdf:li>sv</rdf:li>');
    // The tables' section is landscape; the summary portrait.
    expect(poppler('pdfinfo', ['-f', '2', '-l', '2', file])).toMatch(/Page\s+2 size:\s+595\.\d+ x 841/);
    expect(poppler('pdfinfo', ['-f', '3', '-l', '3', file])).toMatch(/Page\s+3 size:\s+841\.\d+ x 595/);
  });

  it('has a structure tree: sections as H1, sub-headings, lists, a table with header cells and a figure', () => {
    const tree = poppler('pdfinfo', ['-struct-text', files.sv.file]);
    expect(tree.split('\n')[0]).toBe('Document');
    for (const section of ['Sammanfattning', 'Tabeller', 'Diagram']) expect(tree).toMatch(heading(1, section));
    expect(tree).toMatch(heading(2, 'Delavsnitt'));
    expect(tree).toMatch(/\bL\b[\s\S]*\bLI\b[\s\S]*\bLBody\b/);
    expect(tree).toMatch(/Table[\s\S]*THead[\s\S]*TH[\s\S]*"Kommun"[\s\S]*TBody[\s\S]*TD/);
    expect((tree.match(/^\s+TH\b/gm) ?? []).length).toBe(2);
    expect(tree).toMatch(/^\s+Figure\b/m);
    expect(tree).toContain('TOC');
  });

  it('holds every section, cell and text as given, markup characters included', () => {
    const text = poppler('pdftotext', ['-layout', files.sv.file, '-']);
    for (const expected of [
      'Sammanfattning',
      'Delavsnitt',
      'Första punkten',
      'Andra punkten',
      'Steg ett',
      'Personal per kommun',
      'Kommun 70',
      'Regionen totalt',
      '.. = dolt för att skydda enskilda',
      'Andel specialister',
      'Skaraborg',
      'Observera – påhittade siffror',
      'Sida 1 av',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, ' ')).toContain(MARKUP);
  });

  it('says page and contents in the document language', () => {
    const text = poppler('pdftotext', [files.en.file, '-']);
    expect(text).toContain('Contents');
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain('Innehåll');
    expect(poppler('pdfinfo', ['-meta', files.en.file])).toContain('<rdf:li>en</rdf:li>');
  });

  it('refuses a figure without alternative text (PDF/UA)', async () => {
    const bad = model('sv');
    const sections = [{ title: 'X', blocks: [{ kind: 'figure' as const, svg: chart, alt: '', caption: 'Utan text' }] }];
    await expect(renderDocumentPdf({ ...bad, sections })).rejects.toThrow(/alt/i);
  });
});
