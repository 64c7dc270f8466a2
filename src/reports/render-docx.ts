/**
 * Word documents with real structure: Heading 1-4 styles (so the navigation pane and screen
 * readers can move by heading), true bulleted lists from Word numbering, a table with a
 * repeating header row, and the title, subject and author set in the document properties.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertInchesToTwip,
} from 'docx';
import type { ReportBlock, ReportDocument } from './report-document';

const BULLETS = 'tass-bullets';

const HEADING_STYLES = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

function tableOf(block: Extract<ReportBlock, { kind: 'table' }>, pageBreakBefore: boolean): Array<Paragraph | Table> {
  const cell = (text: string, bold: boolean): TableCell =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return [
    new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })], keepNext: true, pageBreakBefore }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: block.header.map((text) => cell(text, true)) }),
        ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
      ],
    }),
  ];
}

function bodyOf(document: ReportDocument): Array<Paragraph | Table> {
  const body: Array<Paragraph | Table> = [];
  let breakBefore = false;
  for (const block of document.blocks) {
    const pageBreakBefore = breakBefore && body.length > 0;
    if (block.kind !== 'pageBreak') breakBefore = false;
    switch (block.kind) {
      case 'heading':
        body.push(
          new Paragraph({
            heading: HEADING_STYLES[block.level],
            pageBreakBefore,
            children: [block.anchor ? new Bookmark({ id: block.anchor, children: [new TextRun(block.text)] }) : new TextRun(block.text)],
          }),
        );
        break;
      case 'paragraph':
        body.push(new Paragraph({ text: block.text, pageBreakBefore }));
        break;
      case 'bullets':
        body.push(...block.items.map((item, index) => new Paragraph({ text: item, numbering: { reference: BULLETS, level: 0 }, pageBreakBefore: pageBreakBefore && index === 0 })));
        break;
      case 'contents':
        body.push(
          ...block.entries.map(
            (entry, index) =>
              new Paragraph({
                numbering: { reference: BULLETS, level: 0 },
                pageBreakBefore: pageBreakBefore && index === 0,
                children: [new InternalHyperlink({ anchor: entry.anchor, children: [new TextRun({ text: entry.text, style: 'Hyperlink' })] })],
              }),
          ),
        );
        break;
      case 'table':
        body.push(...tableOf(block, pageBreakBefore));
        break;
      case 'pageBreak':
        breakBefore = true;
        break;
      case 'image':
        body.push(imageOf(block, pageBreakBefore));
        break;
    }
  }
  return body;
}

/** The widest an image is shown: the text width of an A4 page with Word's default margins, in pixels. */
const MAX_IMAGE_WIDTH = 600;

/** A chart as SVG with its PNG as the fallback Word requires, alt text included. */
function imageOf(block: Extract<ReportBlock, { kind: 'image' }>, pageBreakBefore: boolean): Paragraph {
  const scale = Math.min(1, MAX_IMAGE_WIDTH / block.width);
  const transformation = { width: Math.round(block.width * scale), height: Math.round(block.height * scale) };
  return new Paragraph({
    pageBreakBefore,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(block.svg, 'utf8'),
        fallback: { type: 'png', data: block.png },
        transformation,
        altText: { name: 'Chart', title: 'Chart', description: block.altText },
      }),
    ],
  });
}

/** The document as a .docx file. */
export async function renderDocx(document: ReportDocument): Promise<Buffer> {
  const word = new Document({
    title: document.title,
    subject: document.description,
    description: document.description,
    creator: 'tass-bot',
    lastModifiedBy: 'tass-bot',
    styles: { default: { document: { run: { font: 'Arial', size: 24, language: { value: 'en-GB' } } } } },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: convertInchesToTwip(0.5), hanging: convertInchesToTwip(0.25) } } },
            },
          ],
        },
      ],
    },
    sections: [{ children: bodyOf(document) }],
  });
  return Packer.toBuffer(word);
}
