/**
 * When each term's report is asked for: the day the prompt campaign opens, the reminder days
 * and the due date. Councils set their own dates in a calendar file; without one, English
 * school-year defaults apply (reports written before the October half-term, before Easter and
 * before the summer break).
 */
import { type Term, type TermKey, termKey, termLabel, compareTerms, calendarYearOf, termFromKey, unusualMonthOf } from './term';

/** An ISO date, "2025-03-28". */
export type IsoDate = string;

export interface TermDates {
  readonly term: Term;
  readonly key: TermKey;
  readonly label: string;
  readonly opens: IsoDate;
  readonly due: IsoDate;
  readonly reminders: readonly IsoDate[];
}

export interface CalendarDefaults {
  /** Days before the due date that the campaign opens. */
  readonly openDaysBefore: number;
  /** Days before the due date that reminders go out. */
  readonly reminderDaysBefore: readonly number[];
  /** Whether the default year uses half-terms (Autumn 1, Autumn 2, ...) or whole terms. */
  readonly halfTerms: boolean;
}

export const DEFAULT_CALENDAR_DEFAULTS: CalendarDefaults = {
  openDaysBefore: 14,
  reminderDaysBefore: [7, 2],
  halfTerms: false,
};

/** The day a report is due by default, by term: [month, day]; stepped back to a weekday. */
const DEFAULT_DUE: Record<string, [number, number]> = {
  Autumn: [10, 24],
  'Autumn 1': [10, 24],
  'Autumn 2': [12, 12],
  Spring: [3, 28],
  'Spring 1': [2, 13],
  'Spring 2': [3, 28],
  Summer: [7, 17],
  'Summer 1': [5, 23],
  'Summer 2': [7, 17],
};

function isoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** The same day if it is a weekday, else the Friday before. */
function weekdayOnOrBefore(date: Date): Date {
  const d = new Date(date);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

function weekdayOnOrBeforeIso(date: IsoDate): IsoDate {
  return isoDate(weekdayOnOrBefore(new Date(`${date}T00:00:00Z`)));
}

/** Dates for a term under the defaults, given only the term. */
export function defaultTermDates(term: Term, defaults: CalendarDefaults = DEFAULT_CALENDAR_DEFAULTS): TermDates {
  const name = term.half ? `${term.season} ${term.half}` : term.season;
  const [month, day] = DEFAULT_DUE[name];
  const due = isoDate(weekdayOnOrBefore(utcDate(calendarYearOf(term), month, day)));
  const withMonth: Term = { ...term, month: term.month ?? month };
  return datesFor(withMonth, due, weekdayOnOrBeforeIso(addDays(due, -defaults.openDaysBefore)), defaults);
}

function datesFor(term: Term, due: IsoDate, opens: IsoDate, defaults: CalendarDefaults, reminders?: readonly IsoDate[]): TermDates {
  const chosen =
    reminders ??
    defaults.reminderDaysBefore.map((days) => weekdayOnOrBeforeIso(addDays(due, -days))).filter((d) => d > opens && d < due);
  return {
    term,
    key: termKey(term),
    label: termLabel(term),
    opens,
    due,
    reminders: [...new Set(chosen)].sort(),
  };
}

/** A council's own date for one term, from the calendar file. */
export interface TermDateOverride {
  readonly term: Term;
  readonly due: IsoDate;
  readonly opens?: IsoDate;
  readonly reminders?: readonly IsoDate[];
}

export class TermCalendar {
  private readonly overrides = new Map<TermKey, TermDateOverride>();

  constructor(
    overrides: readonly TermDateOverride[] = [],
    readonly defaults: CalendarDefaults = DEFAULT_CALENDAR_DEFAULTS,
  ) {
    for (const override of overrides) this.overrides.set(termKey(override.term), override);
  }

  /** The terms reported on in an academic year (2024 for 2024/25), in order. */
  termsOfYear(academicYear: number): Term[] {
    const seasons = ['Autumn', 'Spring', 'Summer'] as const;
    const fromDefaults: Term[] = this.defaults.halfTerms
      ? seasons.flatMap((season) => [1, 2].map((half) => ({ academicYear, season, half: half as 1 | 2 })))
      : seasons.map((season) => ({ academicYear, season }));
    const byKey = new Map(fromDefaults.map((t) => [termKey(t), t] as const));
    for (const override of this.overrides.values()) {
      if (override.term.academicYear === academicYear) byKey.set(termKey(override.term), override.term);
    }
    return [...byKey.values()].sort(compareTerms);
  }

  datesOf(term: Term): TermDates {
    const override = this.overrides.get(termKey(term));
    if (!override) return defaultTermDates(term, this.defaults);
    const opens = override.opens ?? weekdayOnOrBeforeIso(addDays(override.due, -this.defaults.openDaysBefore));
    const withMonth: Term = { ...override.term, month: override.term.month ?? term.month ?? Number(override.due.slice(5, 7)) };
    return datesFor(withMonth, override.due, opens, this.defaults, override.reminders);
  }

  /**
   * The month a new report for this term records beside its key: the month of the calendar's
   * label for the term (its due date's, unless the calendar file's label names another) when
   * that is not the season's usual month; undefined under the defaults.
   */
  reportMonthOf(term: Term | TermKey): number | undefined {
    const { month: _ignored, ...withoutMonth } = typeof term === 'string' ? termFromKey(term) : term;
    return unusualMonthOf(this.datesOf(withoutMonth).term);
  }

  /** Every term of an academic year with its dates. */
  yearDates(academicYear: number): TermDates[] {
    return this.termsOfYear(academicYear).map((term) => this.datesOf(term));
  }

  /**
   * The term an officer is reporting on at `date`: the one whose campaign is open (between its
   * opening and a week after its due date, for late reports), else the next one to open.
   */
  currentTerm(date: Date): TermDates {
    const today = isoDate(date);
    const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
    const candidates = [...this.yearDates(year - 1), ...this.yearDates(year), ...this.yearDates(year + 1)];
    const open = candidates.find((dates) => dates.opens <= today && today <= addDays(dates.due, 7));
    if (open) return open;
    return candidates.find((dates) => dates.opens > today) ?? candidates[candidates.length - 1];
  }

  /** What happens on a given day: campaigns that open, reminders, due dates. */
  eventsOn(date: Date): Array<{ kind: 'opens' | 'reminder' | 'due'; dates: TermDates }> {
    const today = isoDate(date);
    const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
    const events: Array<{ kind: 'opens' | 'reminder' | 'due'; dates: TermDates }> = [];
    for (const dates of [...this.yearDates(year - 1), ...this.yearDates(year)]) {
      if (dates.opens === today) events.push({ kind: 'opens', dates });
      if (dates.reminders.includes(today)) events.push({ kind: 'reminder', dates });
      if (dates.due === today) events.push({ kind: 'due', dates });
    }
    return events;
  }
}

/** "28 March" for messages; the year is in the term label already. */
export function formatDueDate(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
}
