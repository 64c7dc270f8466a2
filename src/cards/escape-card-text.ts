/**
 * Text typed by people is shown back in cards through TextBlocks, which render a subset of
 * Markdown. Escaping here, once, means a section that says "**urgent**" or "[click](https://…)"
 * is shown as typed instead of turning into bold text or a link.
 */

/** Characters that start Markdown emphasis, links, code, headings, quotes or HTML. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()<>#+!|~]/g;
/** A line that starts like a list item ("- x", "1. x") would become a list. */
const LIST_START = /^(\s*)([-+]|\d+[.)])(\s)/gm;
/** C0/C1 control characters other than newline and tab. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bare web addresses: Teams would turn them into links, so the scheme separator is broken up. */
const SCHEME = /\b(https?|ftp|mailto|file|javascript|data):(\/\/)?/gi;

/** Escapes user text for a TextBlock: no Markdown, no links, no control characters. */
export function escapeCardText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(MARKDOWN_PUNCTUATION, (mark) => `\\${mark}`)
    .replace(LIST_START, (_match, indent: string, marker: string, space: string) =>
      `${indent}${marker.replace(/([-+.)])/, '\\$1')}${space}`,
    )
    .replace(SCHEME, (_match, scheme: string, slashes?: string) => `${scheme}\u200b:${slashes ? '\u200b//' : ''}`)
    .replace(/(www)\./gi, '$1\u200b.');
}

/**
 * Text for input labels and button titles, which cards show as plain text (no Markdown), so
 * escaping would show the backslashes: only control characters and line breaks go.
 */
export function plainCardText(text: string): string {
  return text.replace(CONTROL, '').replace(/[\r\n\t]+/g, ' ');
}

/** Shortens text to at most `max` characters on a word boundary, marking the cut with "…". */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}
