/**
 * Plain text in the reports' own layout: one heading, paragraph or item per line with a blank
 * line after each, items as "  • ..." lines, and an extra blank line before each priority.
 */
import type { ReportBlock, ReportDocument } from './report-document';

function tableLines(block: Extract<ReportBlock, { kind: 'table' }>): string[] {
  const rows = [block.header, ...block.rows];
  const widths = block.header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('   ').trimEnd());
}

export function renderText(document: ReportDocument): string {
  const lines: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.spaced && lines.length > 0) lines.push('');
        lines.push(block.text, '');
        break;
      case 'paragraph':
        lines.push(block.text, '');
        break;
      case 'bullets':
        lines.push(...block.items.map((item) => `  • ${item}`), '');
        break;
      case 'contents':
        lines.push(...block.entries.map((entry) => `  • ${entry.text}`), '');
        break;
      case 'table':
        lines.push(block.caption, '', ...tableLines(block), '');
        break;
      case 'pageBreak':
        if (lines.length > 0) lines.push('');
        break;
      case 'image':
        lines.push(`[Chart] ${block.altText}`, '');
        break;
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
