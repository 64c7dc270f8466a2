/**
 * Showing findings to the author on an Adaptive Card. TextBlock renders a markdown subset
 * (bold, italic, bulleted and numbered lists, links), so the author's own text is escaped first
 * and only our bold marks render. Only the characters that subset acts on are escaped: some
 * Teams mobile clients print the backslash of an escape (AdaptiveCards #5758, msteams-docs
 * #5793), so escaping everything CommonMark allows would litter the text.
 */
import type { PersonalDataFinding } from './finding';

/** Characters the card's markdown acts on anywhere in a line: emphasis and link brackets. */
const MARKDOWN_CHARACTERS = /[\\*_[\]]/g;

/** Escapes text so an Adaptive Card TextBlock shows it exactly as written. */
export function escapeCardMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_CHARACTERS, (character) => `\\${character}`)
        // A line starting "- ", "+ " or "1. " would become a list item.
        .replace(/^(\s*)([-+])(?=\s)/, '$1\\$2')
        .replace(/^(\s*\d+)\.(?=\s)/, '$1\\.'),
    )
    .join('\n');
}

/**
 * The text with each finding in **bold**, everything else escaped. Findings may come in any
 * order; overlapping ones are merged into one highlight.
 */
export function highlightFindings(text: string, findings: readonly PersonalDataFinding[]): string {
  const spans = [...findings]
    .filter((finding) => finding.start >= 0 && finding.end <= text.length && finding.start < finding.end)
    .sort((a, b) => a.start - b.start)
    .reduce<Array<{ start: number; end: number }>>((merged, finding) => {
      const last = merged[merged.length - 1];
      if (last && finding.start <= last.end) last.end = Math.max(last.end, finding.end);
      else merged.push({ start: finding.start, end: finding.end });
      return merged;
    }, []);
  let result = '';
  let position = 0;
  for (const span of spans) {
    result += escapeCardMarkdown(text.slice(position, span.start));
    result += highlightSpan(text.slice(span.start, span.end));
    position = span.end;
  }
  return result + escapeCardMarkdown(text.slice(position));
}

/** Bold needs no space just inside the marks, so edge spaces stay outside them. */
function highlightSpan(span: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(span);
  const [leading, inner, trailing] = match ? [match[1], match[2], match[3]] : ['', span, ''];
  return `${leading}**${escapeInline(inner)}**${trailing}`;
}

function escapeInline(text: string): string {
  return text.replace(MARKDOWN_CHARACTERS, (character) => `\\${character}`);
}
