/**
 * A compiled report as structure, before any format: headings, paragraphs, bullet lists and
 * tables. Every renderer (text, Markdown, HTML, Word) reads this, so the layout is decided once.
 */

/** Heading levels as Word numbers them: 1 is the document title. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type ReportBlock =
  /**
   * `spaced`: starts a new part (a priority); plain text leaves an extra blank line before it.
   * `anchor`: a target for the contents list (an HTML id, a Word bookmark).
   */
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: string; readonly spaced?: boolean; readonly anchor?: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  /** A list of links to headings that carry these anchors. */
  | { readonly kind: 'contents'; readonly entries: ReadonlyArray<{ readonly text: string; readonly anchor: string }> }
  | { readonly kind: 'table'; readonly caption: string; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  /** Starts the next block on a new page in paged formats (Word); other formats ignore it. */
  | { readonly kind: 'pageBreak' }
  /** A chart: SVG where it can be shown, PNG as Word's fallback, alt text for everyone (text formats print it). */
  | { readonly kind: 'image'; readonly svg: string; readonly png: Buffer; readonly width: number; readonly height: number; readonly altText: string };

export interface ReportDocument {
  /** The document title, for metadata (Word title, HTML <title>). */
  readonly title: string;
  /** One line saying what the document is, for metadata. */
  readonly description: string;
  readonly blocks: readonly ReportBlock[];
}

/** An anchor from free text that is valid both as an HTML id and a Word bookmark name. */
export function anchorFor(prefix: string, text: string): string {
  const slug = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${prefix}_${slug}`.slice(0, 40);
}

export const REPORT_FORMATS = ['docx', 'html', 'md', 'text'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ReportFormat, string> = {
  docx: 'docx',
  html: 'html',
  md: 'md',
  text: 'txt',
};

/** Reads a format name as typed on a command line ("txt" and "markdown" are accepted too). */
export function parseReportFormat(value: string): ReportFormat | undefined {
  const lowered = value.trim().toLowerCase();
  if (lowered === 'txt') return 'text';
  if (lowered === 'markdown') return 'md';
  return (REPORT_FORMATS as readonly string[]).includes(lowered) ? (lowered as ReportFormat) : undefined;
}
