/**
 * The lines of a past report, cleaned once: stray characters gone, bullets recognised (including
 * Word's private-use symbol bullets), indentation measured, headings matched.
 */
import { cleanLine, isBulletLine, stripBullet } from '../domain/section-text';
import { type HeadingMatch, matchHeading } from './report-headings';

export interface ReportLine {
  /** 1-based line number in the file. */
  readonly number: number;
  /** The cleaned line, bullet mark still on. */
  readonly text: string;
  /** The cleaned line without its bullet mark. */
  readonly content: string;
  readonly bullet: boolean;
  /** Leading white space of the raw line, for telling a wrapped item from a new one. */
  readonly indent: number;
  /** Whether a blank line came before this one. */
  readonly blankBefore: boolean;
  readonly heading?: HeadingMatch;
}

/** Word symbol-font bullets (, , ...) arrive as private-use characters; any of them starting a line is a bullet. */
const PRIVATE_USE_BULLET = /^([\s\u00a0]*)[\ue000-\uf8ff]+\s*/;
/** Word's second-level "o" bullet, which pastes as the letter o and a tab. */
const LETTER_O_BULLET = /^([\s\u00a0]*)o\t+/;

function indentOf(raw: string): number {
  const match = /^[\s\u00a0\u2000-\u200b\ufeff]*/.exec(raw);
  return match ? match[0].replace(/\t/g, '    ').length : 0;
}

/** Splits text into its non-empty lines. */
export function readReportLines(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  let blankBefore = false;
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((original, index) => {
    const raw = original.replace(PRIVATE_USE_BULLET, '$1• ').replace(LETTER_O_BULLET, '$1• ');
    const cleaned = cleanLine(raw);
    if (cleaned === '') {
      blankBefore = true;
      return;
    }
    const bullet = isBulletLine(cleaned);
    const heading = bullet ? undefined : matchHeading(cleaned);
    lines.push({
      number: index + 1,
      text: cleaned,
      content: bullet ? stripBullet(cleaned) : cleaned,
      bullet,
      indent: indentOf(raw),
      blankBefore,
      ...(heading ? { heading } : {}),
    });
    blankBefore = false;
  });
  return lines;
}

/**
 * True when `line` continues the item or paragraph on `previous` rather than starting a new
 * one: no blank line between, no bullet of its own, and either indented past the previous
 * line (a wrapped bullet) or starting in lower case after a line that did not end a sentence.
 */
export function continuesLine(previous: ReportLine | undefined, line: ReportLine, previousIsItem: boolean): boolean {
  if (!previous || line.blankBefore || line.bullet || line.heading) return false;
  if (previousIsItem && line.indent > previous.indent) return true;
  return /^[a-z]/.test(line.content) && !/[.!?:]$/.test(previous.content);
}
