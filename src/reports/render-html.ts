/** A standalone, semantic HTML page built element by element; every piece of text is escaped. */
import type { ReportBlock, ReportDocument } from './report-document';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function element(tag: string, text: string): string {
  return `<${tag}>${escapeHtml(text)}</${tag}>`;
}

function tableHtml(block: Extract<ReportBlock, { kind: 'table' }>): string {
  const head = block.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = block.rows
    .map((row) => `<tr>${row.map((cell, column) => (column === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : element('td', cell))).join('')}</tr>`)
    .join('\n');
  return `<table>\n${element('caption', block.caption)}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function blockHtml(block: ReportBlock): string | undefined {
  switch (block.kind) {
    case 'heading':
      return block.anchor
        ? `<h${block.level} id="${escapeHtml(block.anchor)}">${escapeHtml(block.text)}</h${block.level}>`
        : element(`h${block.level}`, block.text);
    case 'paragraph':
      return element('p', block.text);
    case 'bullets':
      return `<ul>\n${block.items.map((item) => element('li', item)).join('\n')}\n</ul>`;
    case 'contents':
      return `<nav aria-label="Contents">\n<ul>\n${block.entries
        .map((entry) => `<li><a href="#${escapeHtml(entry.anchor)}">${escapeHtml(entry.text)}</a></li>`)
        .join('\n')}\n</ul>\n</nav>`;
    case 'table':
      return tableHtml(block);
    case 'pageBreak':
      return undefined;
    case 'image':
      return `<figure><img src="data:image/svg+xml;base64,${Buffer.from(block.svg, 'utf8').toString('base64')}" width="${block.width}" height="${block.height}" alt="${escapeHtml(block.altText)}"></figure>`;
  }
}

const STYLE = [
  'body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem}',
  'table{border-collapse:collapse}th,td{border:1px solid #666;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'caption{text-align:left;font-weight:bold}',
].join('');

export function renderHtml(document: ReportDocument): string {
  const body = document.blocks.map(blockHtml).filter((html): html is string => html !== undefined).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${escapeHtml(document.description)}">`,
    element('title', document.title),
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
