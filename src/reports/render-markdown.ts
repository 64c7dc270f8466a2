/** Markdown: ATX headings, "-" lists and a pipe table; all text escaped so it reads back as written. */
import type { ReportBlock, ReportDocument } from './report-document';

/** Escapes text so Markdown shows it literally, including list or heading marks at its start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

function tableLines(block: Extract<ReportBlock, { kind: 'table' }>): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [`*${escapeMarkdown(block.caption)}*`, '', row(block.header), `|${block.header.map(() => ' --- |').join('')}`, ...block.rows.map(row)];
}

export function renderMarkdown(document: ReportDocument): string {
  const parts: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph':
        parts.push(escapeMarkdown(block.text));
        break;
      case 'bullets':
        parts.push(block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
        break;
      case 'contents':
        parts.push(block.entries.map((entry) => `- ${escapeMarkdown(entry.text)}`).join('\n'));
        break;
      case 'table':
        parts.push(tableLines(block).join('\n'));
        break;
      case 'pageBreak':
        break;
      case 'image':
        parts.push(`*Chart: ${escapeMarkdown(block.altText)}*`);
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
