/**
 * A reporting term: an academic year plus Autumn, Spring or Summer, optionally a half-term
 * ("Summer 1"). Reports carry a month in their label ("Spring – March 2025"), which we keep
 * so that an imported label renders back as it was written.
 */

export const SEASONS = ['Autumn', 'Spring', 'Summer'] as const;
export type Season = (typeof SEASONS)[number];

export interface Term {
  /** The calendar year the academic year starts in: 2024 for 2024/25. */
  readonly academicYear: number;
  readonly season: Season;
  readonly half?: 1 | 2;
  /** Month (1-12) named in the report label; optional, defaults come from the calendar. */
  readonly month?: number;
}

/** A stable key for storage and card data, e.g. "2024-25-spring" or "2023-24-summer-1". */
export type TermKey = string;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** The month a report for this season is usually written in, when the label names none. */
const DEFAULT_MONTH: Record<Season, number> = { Autumn: 10, Spring: 3, Summer: 7 };
const DEFAULT_HALF_MONTH: Record<Season, [number, number]> = {
  Autumn: [10, 12],
  Spring: [2, 3],
  Summer: [5, 7],
};

export class TermLabelError extends Error {
  constructor(readonly label: string, reason: string) {
    super(`Cannot read term "${label}": ${reason}. Write it like "Spring – March 2025" or "Summer 1 - May 2024".`);
    this.name = 'TermLabelError';
  }
}

/** The calendar year in which a term of this academic year falls. */
export function calendarYearOf(term: Pick<Term, 'academicYear' | 'season'>): number {
  return term.season === 'Autumn' ? term.academicYear : term.academicYear + 1;
}

export function monthOf(term: Term): number {
  return term.month ?? usualMonthOf(term);
}

/** The month a report for this term names when nothing says otherwise (Autumn October, ...). */
export function usualMonthOf(term: Pick<Term, 'season' | 'half'>): number {
  return term.half ? DEFAULT_HALF_MONTH[term.season][term.half - 1] : DEFAULT_MONTH[term.season];
}

/**
 * The month to record beside a term key: the label's month when it is not the usual one, else
 * undefined, so reports written in the usual month store nothing extra.
 */
export function unusualMonthOf(term: Term): number | undefined {
  return term.month !== undefined && term.month !== usualMonthOf(term) ? term.month : undefined;
}

/** The full label of a stored term key with its recorded month: ("2024-25-autumn", 12) -> "Autumn – December 2024". */
export function termLabelOf(key: TermKey, month?: number): string {
  const term = termFromKey(key);
  return termLabel(month ? { ...term, month } : term);
}

export function termKey(term: Term): TermKey {
  const next = String((term.academicYear + 1) % 100).padStart(2, '0');
  const base = `${term.academicYear}-${next}-${term.season.toLowerCase()}`;
  return term.half ? `${base}-${term.half}` : base;
}

const KEY_PATTERN = /^(\d{4})-(\d{2})-(autumn|spring|summer)(?:-([12]))?$/;

export function isTermKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

export function termFromKey(key: TermKey): Term {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new TermLabelError(key, 'not a term key');
  const season = (match[3][0].toUpperCase() + match[3].slice(1)) as Season;
  const half = match[4] ? (Number(match[4]) as 1 | 2) : undefined;
  return { academicYear: Number(match[1]), season, ...(half ? { half } : {}) };
}

/** The house label: "Spring – March 2025", "Summer 1 – May 2024". */
export function termLabel(term: Term): string {
  const name = term.half ? `${term.season} ${term.half}` : term.season;
  return `${name} – ${MONTH_NAMES[monthOf(term) - 1]} ${calendarYearOf(term)}`;
}

/** A short label without the month: "Spring 2025", used in buttons and lists. */
export function termShortLabel(term: Term): string {
  const name = term.half ? `${term.season} ${term.half}` : term.season;
  return `${name} ${calendarYearOf(term)}`;
}

/** Chronological order: academic year, then season, then half. */
export function compareTerms(a: Term, b: Term): number {
  if (a.academicYear !== b.academicYear) return a.academicYear - b.academicYear;
  const bySeason = SEASONS.indexOf(a.season) - SEASONS.indexOf(b.season);
  if (bySeason !== 0) return bySeason;
  return (a.half ?? 0) - (b.half ?? 0);
}

export function sameTerm(a: Term, b: Term): boolean {
  return termKey(a) === termKey(b);
}

/** The term before this one in the reporting cycle (half-terms step through their halves). */
export function previousTerm(term: Term): Term {
  if (term.half === 2) return { academicYear: term.academicYear, season: term.season, half: 1 };
  const index = SEASONS.indexOf(term.season);
  if (index === 0) return { academicYear: term.academicYear - 1, season: 'Summer' };
  return { academicYear: term.academicYear, season: SEASONS[index - 1] };
}

const MONTH_LOOKUP: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, index) => [
    [name.toLowerCase(), index + 1],
    [name.slice(0, 3).toLowerCase(), index + 1],
    ...(name === 'September' ? [['sept', index + 1]] : []),
  ]),
);

/**
 * Reads a term label in any spelling the reports use: "Summer 1 - May 2024",
 * "Autumn - October 24", "Autumn October 24", "Spring- March 2025", "Spring – March 25",
 * "Spring 2025", "2024-25 Autumn", or a term key. Non-breaking spaces and stray dashes are fine.
 */
export function parseTerm(label: string): Term {
  const cleaned = label
    .replace(/[\u00a0\u2000-\u200b\u202f\u2060\ufeff]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim();
  if (!cleaned) throw new TermLabelError(label, 'it is empty');
  if (isTermKey(cleaned.toLowerCase())) return termFromKey(cleaned.toLowerCase());

  const seasonMatch = /\b(autumn|spring|summer)\b(?:\s*(?:term)?\s*([12])\b)?/i.exec(cleaned);
  if (!seasonMatch) throw new TermLabelError(label, 'no Autumn, Spring or Summer in it');
  const seasonWord = seasonMatch[1].toLowerCase();
  const season = (seasonWord[0].toUpperCase() + seasonWord.slice(1)) as Season;
  const half = seasonMatch[2] ? (Number(seasonMatch[2]) as 1 | 2) : undefined;

  const rest = cleaned.slice(0, seasonMatch.index) + ' ' + cleaned.slice(seasonMatch.index + seasonMatch[0].length);
  const academicRange = /\b(\d{4})\s*[-/]\s*(\d{2,4})\b/.exec(rest);
  let month: number | undefined;
  for (const word of rest.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (MONTH_LOOKUP[word]) {
      month = MONTH_LOOKUP[word];
      break;
    }
  }

  let academicYear: number;
  if (academicRange) {
    academicYear = Number(academicRange[1]);
  } else {
    const yearMatch = /(?:^|[^\d])(\d{4}|\d{2})(?!\d)/.exec(rest);
    if (!yearMatch) throw new TermLabelError(label, 'no year in it');
    const raw = Number(yearMatch[1]);
    const calendarYear = yearMatch[1].length === 2 ? 2000 + raw : raw;
    academicYear = season === 'Autumn' ? calendarYear : calendarYear - 1;
  }
  if (academicYear < 2000 || academicYear > 2100) throw new TermLabelError(label, 'the year is out of range');
  return { academicYear, season, ...(half ? { half } : {}), ...(month ? { month } : {}) };
}

/** Like parseTerm, but returns undefined instead of throwing. */
export function tryParseTerm(label: string): Term | undefined {
  try {
    return parseTerm(label);
  } catch {
    return undefined;
  }
}
