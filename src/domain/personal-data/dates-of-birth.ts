/**
 * Dates of birth. A date is one when the text says so ("DOB", "born", "date of birth",
 * "birthday"), or when it is a full date in a year a child could have been born in and the
 * sentence is about one child. Meeting dates ("21.01.2025", "(4/11/24)") are neither.
 */
import { type PersonalDataFinding, findingAt } from './finding';
import { SINGLE_PERSON_SOURCE } from './person-words';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';

/** A date written any way the reports write one; `year` is absent for "14th May". */
interface DateSpan {
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  /** Whether the year was written in full, e.g. 2012 rather than 12. */
  readonly fullYear: boolean;
}

const NUMERIC_DATE = /(?<![\d/.-])(0?[1-9]|[12]\d|3[01])([/.-])(0?[1-9]|1[0-2])\2(\d{4}|\d{2})(?![\d/.-]?\d)/g;
const ISO_DATE = /(?<![\d/.-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])/g;
const DAY_MONTH_DATE = new RegExp(`(?<![\\w])${DAY}(?:\\s+of)?\\s+(?:${MONTHS})\\.?(?:,?\\s+(\\d{4}))?(?![\\w])`, 'gi');
const MONTH_DAY_DATE = new RegExp(`(?<![\\w])(?:${MONTHS})\\.?\\s+${DAY}(?:,?\\s+(\\d{4}))?(?![\\w])`, 'gi');
const MONTH_YEAR_DATE = new RegExp(`(?<![\\w])(?:${MONTHS})\\.?,?\\s+(\\d{4})(?![\\w])`, 'gi');

/** "DOB", "D.O.B.", "date of birth", "born", "birthday", then only small joining words before the date. */
const CUE_BEFORE = /(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bborn\b|\bbirthday\b|\bb[-'’]?day\b)[\s:=\-–(,]*(?:(?:is|was|on|the|in|of|date|dated|approx\.?|around|c\.)[\s:=\-–(,]+)*$/i;
const CUE_AFTER = /^\s*[(\-–,]?\s*(?:d\.?\s?o\.?\s?b\b|date\s+of\s+birth|birthday)/i;
const SINGLE_PERSON = new RegExp(SINGLE_PERSON_SOURCE, 'i');
/** Words that make a date an event: "since 15/03/2022", "started on 01/09/2021", "between ... and ...". */
const EVENT_BEFORE = /\b(?:since|from|on|until|till|by|before|after|at|in|started|starting|began|excluded|moved|attended|dated|as\s+of|w\/c|commencing|between|and|to|of)[\s:,]*$/i;

function allDates(text: string): DateSpan[] {
  const spans: DateSpan[] = [];
  const push = (match: RegExpMatchArray, yearText: string | undefined): void => {
    const start = match.index ?? 0;
    const year = yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)) : undefined;
    spans.push({ start, end: start + match[0].length, year, fullYear: yearText?.length === 4 });
  };
  for (const match of text.matchAll(NUMERIC_DATE)) push(match, match[4]);
  for (const match of text.matchAll(ISO_DATE)) push(match, match[1]);
  for (const match of text.matchAll(DAY_MONTH_DATE)) push(match, match[1]);
  for (const match of text.matchAll(MONTH_DAY_DATE)) push(match, match[1]);
  const covered = (start: number, end: number): boolean => spans.some((span) => span.start <= start && span.end >= end);
  for (const match of text.matchAll(MONTH_YEAR_DATE)) {
    const start = match.index ?? 0;
    if (!covered(start, start + match[0].length)) push(match, match[1]);
  }
  return spans;
}

/** The sentence around a position: from the last full stop, semicolon or line break to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('. ', start - 1), text.lastIndexOf(';', start - 1)) + 1;
  const stops = ['\n', '. ', ';'].map((stop) => text.indexOf(stop, end)).filter((index) => index >= 0);
  const to = stops.length > 0 ? Math.min(...stops) : text.length;
  return text.slice(from, to);
}

/**
 * Dates of birth in the text. `referenceYear` is the year the report is written in: a bare
 * full date counts only if it is 4 to 25 years before it (Reception to the end of SEND 0–25
 * support) and is not introduced as an event ("since", "on", "started").
 */
export function findDatesOfBirth(text: string, referenceYear: number): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const date of allDates(text)) {
    const before = text.slice(Math.max(0, date.start - 40), date.start);
    const after = text.slice(date.end, date.end + 30);
    if (CUE_BEFORE.test(before) || CUE_AFTER.test(after)) {
      findings.push(findingAt(text, 'date-of-birth', date.start, date.end, 'A date of birth identifies a child.'));
      continue;
    }
    if (!date.fullYear || date.year === undefined) continue;
    const age = referenceYear - date.year;
    if (age < 4 || age > 25 || EVENT_BEFORE.test(before)) continue;
    const sentence = sentenceAround(text, date.start, date.end);
    if (SINGLE_PERSON.test(sentence)) {
      findings.push(
        findingAt(text, 'date-of-birth', date.start, date.end, "A full date from a child's birth years, next to a child, may be a date of birth."),
      );
    }
  }
  return findings;
}
