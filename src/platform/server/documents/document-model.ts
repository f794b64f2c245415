// The platform's document model (decision 017): what a report says, as plain data, with no layout in it. A module
// builds a DocumentModel from its own figures; renderDocumentPdf (document-pdf.ts) lays it out as a tagged,
// accessible PDF (PDF/UA-1). Every text is plain text: nothing in it is read as markup, so names and free text from
// users need no escaping. The model is JSON, so it crosses to a worker thread as it is.

/** Plain text, or runs of text of which some are strong or emphasised. */
export type Inline = string | readonly (string | InlineRun)[];
export interface InlineRun {
  text: string;
  strong?: boolean;
  emph?: boolean;
}

export interface TableColumn {
  label: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** A share of the free width (1 = one part); without it the column is as wide as its content. */
  width?: number;
}

export interface TableRow {
  cells: readonly string[];
  /** A total or otherwise emphasised row (bold). */
  emphasis?: boolean;
}

export type DocumentBlock =
  /** A sub-heading within a section (the section's own heading is level 1). */
  | { kind: 'heading'; level: 2 | 3; text: string; outlined?: boolean }
  | { kind: 'paragraph'; text: Inline; style?: 'normal' | 'lead' | 'note' }
  | { kind: 'list'; items: readonly Inline[]; ordered?: boolean }
  /** A table with one header row (repeated on every page it runs over) and a caption; the note is printed under it. */
  | {
      kind: 'table';
      caption: string;
      columns: readonly TableColumn[];
      rows: readonly TableRow[];
      note?: string;
      small?: boolean;
    }
  /** A chart or picture as SVG, with the alternative text a screen reader reads and a visible caption. */
  | { kind: 'figure'; svg: string; alt: string; caption: string; widthPercent?: number }
  /** Label–value pairs (a cover's facts). */
  | { kind: 'facts'; items: readonly { label: string; value: string }[] }
  /** A framed notice (a demo's warning). */
  | { kind: 'callout'; text: Inline }
  | { kind: 'pageBreak' };

export interface DocumentSection {
  /** The section's level-1 heading, listed in the contents. */
  title: string;
  blocks: readonly DocumentBlock[];
  /** Wide tables: the section is laid out on landscape pages. */
  orientation?: 'portrait' | 'landscape';
  /** Whether a portrait section starts on a new page (default true). */
  newPage?: boolean;
}

export interface DocumentModel {
  /** The document's title: the cover's heading and the PDF's title (shown in the reader's title bar). */
  title: string;
  subtitle?: string;
  language: 'sv' | 'en';
  author?: string;
  subject?: string;
  keywords?: readonly string[];
  /** Text at the top of every page (an artifact, not read twice by a screen reader). */
  runningHeader?: string;
  /** Text at the bottom of every page, beside "Sida X av Y". */
  footerNote?: string;
  /** A word across every page and in every page's header, e.g. "DEMODATA". */
  watermark?: string;
  /** Blocks on the cover, under the title. */
  cover?: readonly DocumentBlock[];
  /** A table of contents (the sections) on the cover. */
  contents?: boolean;
  sections: readonly DocumentSection[];
  /** When the document was made (the PDF's creation date). */
  createdAt?: Date;
}
