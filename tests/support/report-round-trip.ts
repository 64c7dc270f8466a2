/**
 * The round-trip check for imported reports, written apart from the importer so it cannot share
 * its mistakes: every content line of an original report (cleaned, bullets stripped, headings
 * left out) must appear in the compiled text in the same order and unaltered, and the compiled
 * text may add nothing but known framing lines (locality names, term labels, titles).
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { cleanLine, isBulletLine, stripBullet } from '../../src/domain/section-text';
import { termLabel, tryParseTerm } from '../../src/domain/term';

/** The project root: the nearest folder up from here with a package.json (tests run from dist/). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The shared seed reports, beside the project. */
export const SEEDS_DIR = path.resolve(projectRoot(), '../shared/seeds');

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => path.join(SEEDS_DIR, name));
}

const HEADING =
  /^(?:priority(?:\s+\d+)?|intended\s+outcomes?|activit(?:y|ies)\s+(?:(?:in|during|over)\s+)?(?:the\s+)?(?:last|previous)\s+(?:period|term)|planned\s+activit(?:y|ies)\s+(?:(?:for|in|during|over)\s+)?(?:the\s+)?next\s+(?:period|term)|impact\s+(?:so\s+far|to\s+date)|exit\s+strateg(?:y|ies)|education\s+partnership\s+officers?|(?:reporting\s+)?period)(?:\s*$|\s*[-\u2013\u2014:(])/i;

export interface ContentLine {
  readonly line: number;
  readonly text: string;
}

/** A short line that is only a term label becomes the house label (its month kept), since the importer stores the term, not its spelling. */
function normaliseTerm(text: string): string {
  if (text.length > 40 || !/\d/.test(text) || /[.;]$/.test(text)) return text;
  const term = tryParseTerm(text);
  if (!term || !/^[A-Za-z]+\s*\d?\s*[-\u2013\u2014]?\s*[A-Za-z]*\s*\d{2,4}$/.test(text)) return text;
  return termLabel(term);
}

/** The content lines of a report: cleaned, bullets stripped, headings left out, term labels in house form. */
export function contentLines(text: string): ContentLine[] {
  const lines: ContentLine[] = [];
  let officersNext = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const withBullet = cleanLine(raw.replace(/^[\s\u00a0]*[\ue000-\uf8ff]+\s*/, '• '));
    if (!withBullet) return;
    const cleaned = isBulletLine(withBullet) ? stripBullet(withBullet) : withBullet;
    if (!cleaned) return;
    const heading = HEADING.exec(cleaned);
    // "Impact so far: 6 meetings held" carries content after its colon.
    const content = heading ? (/^\s*:\s*(.+)$/.exec(cleaned.slice(heading[0].length - 1))?.[1] ?? '') : cleaned;
    if (officersNext && content) {
      // Joint officers are printed "A/B" however the original joined them.
      lines.push({ line: index + 1, text: content.split(/\s*(?:\/|&|\band\b)\s*/i).join('/') });
      officersNext = false;
      return;
    }
    officersNext = heading !== null && /^education/i.test(cleaned);
    if (content) lines.push({ line: index + 1, text: normaliseTerm(content) });
  });
  return lines;
}

/** Priorities in an original: every priority has exactly one Intended Outcomes heading, with or without a Priority heading. */
export function countOriginalPriorities(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((raw) => /^intended\s+outcomes?(?:\s*$|\s*[-\u2013\u2014:(])/i.test(cleanLine(raw))).length;
}

/** Priorities in the compiled text: its "Priority" heading lines. */
export function countCompiledPriorities(text: string): number {
  return text.split('\n').filter((line) => line === 'Priority').length;
}

/**
 * Returns what is wrong (empty when the round trip holds). Each original line must match the
 * next compiled line in order; a compiled line may also be several original lines joined by a
 * space (an item that wrapped in the original). Compiled lines that match nothing must be in
 * `allowedExtras`.
 */
export function roundTripProblems(original: string, compiled: string, allowedExtras: ReadonlySet<string>): string[] {
  const wanted = contentLines(original);
  const got = contentLines(compiled);
  const problems: string[] = [];
  let at = 0;
  let index = 0;
  while (index < wanted.length) {
    let matchedTo = -1;
    while (at < got.length && matchedTo < 0) {
      let joined = wanted[index].text;
      let end = index;
      if (got[at].text === joined) matchedTo = end;
      while (matchedTo < 0 && end + 1 < wanted.length && got[at].text.startsWith(`${joined} `)) {
        end += 1;
        joined = `${joined} ${wanted[end].text}`;
        if (got[at].text === joined) matchedTo = end;
      }
      if (matchedTo < 0) {
        if (!allowedExtras.has(got[at].text)) problems.push(`compiled line ${got[at].line} is not in the original at this point: "${got[at].text}"`);
        at += 1;
      }
    }
    if (matchedTo < 0) {
      problems.push(`original line ${wanted[index].line} is missing, altered or out of order: "${wanted[index].text}"`);
      return problems;
    }
    at += 1;
    index = matchedTo + 1;
  }
  for (; at < got.length; at += 1) {
    if (!allowedExtras.has(got[at].text)) problems.push(`compiled line ${got[at].line} is not in the original: "${got[at].text}"`);
  }
  return problems;
}
