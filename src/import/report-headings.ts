/**
 * Recognising the headings of past reports in all the ways people wrote them: any case,
 * trailing non-breaking spaces, "Planned Activity Next Period", "Intended Outcomes- Linked to
 * the EET strategy", "Priority 2:", "Education Partnership Officers: A/B".
 */
import type { SectionName } from '../domain/model';

export type HeadingKind = SectionName | 'officers' | 'period';

export interface HeadingMatch {
  readonly kind: HeadingKind;
  /** Text after a colon on the heading line: content that belongs under the heading. */
  readonly inline?: string;
  /** Text after a dash or in brackets: a note on the heading itself, not content. */
  readonly qualifier?: string;
}

const HEADING_PATTERNS: ReadonlyArray<readonly [HeadingKind, RegExp]> = [
  ['officers', /^education\s+partnership\s+officers?/i],
  ['period', /^(?:reporting\s+)?(?:period|term)/i],
  ['priority', /^priority(?:\s+(?:\d{1,2}|one|two|three|four|five|six))?/i],
  ['intendedOutcomes', /^intended\s+outcomes?/i],
  ['activityLastPeriod', /^activit(?:y|ies)\s+(?:(?:in|during|over)\s+)?(?:the\s+)?(?:last|previous)\s+(?:period|term)/i],
  ['plannedActivityNextPeriod', /^planned\s+activit(?:y|ies)\s+(?:(?:for|in|during|over)\s+)?(?:the\s+)?next\s+(?:period|term)/i],
  ['impactSoFar', /^impact\s+(?:so\s+far|to\s+date)/i],
  ['exitStrategy', /^exit\s+strateg(?:y|ies)/i],
];

/** Headings are short; a longer line that starts with a heading's words is content. */
const MAX_HEADING_LENGTH = 90;

/**
 * Reads a cleaned, non-bullet line as a heading, or returns undefined. The heading words must
 * be the whole line, or be followed by a separator (":", "-", "–", "(") and a note.
 */
export function matchHeading(line: string): HeadingMatch | undefined {
  if (line.length === 0 || line.length > MAX_HEADING_LENGTH) return undefined;
  for (const [kind, pattern] of HEADING_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const rest = line.slice(match[0].length).trim();
    if (rest === '' || /^[:.]$/.test(rest)) return { kind };
    if (rest.startsWith(':')) return { kind, inline: rest.slice(1).trim() };
    const qualifier = /^(?:[-\u2013\u2014]+|\()\s*(.*?)\)?$/.exec(rest);
    if (qualifier) return { kind, qualifier: qualifier[1].trim() };
  }
  return undefined;
}
