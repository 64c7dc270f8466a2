/**
 * Reads a council's term dates from a JSON file (TASS_CALENDAR or --calendar):
 *
 *   { "defaults": { "openDaysBefore": 14, "reminderDaysBefore": [7, 2], "halfTerms": false },
 *     "terms": [ { "term": "Spring – March 2026", "due": "2026-03-27",
 *                  "opens": "2026-03-09", "reminders": ["2026-03-20"] } ] }
 *
 * Every field is optional; what is missing falls back to English school-year defaults.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_CALENDAR_DEFAULTS, TermCalendar } from '../domain/term-calendar';
import { parseTerm, TermLabelError } from '../domain/term';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-27');

const CalendarFileSchema = z
  .object({
    defaults: z
      .object({
        openDaysBefore: z.number().int().min(1).max(90).optional(),
        reminderDaysBefore: z.array(z.number().int().min(1).max(60)).max(10).optional(),
        halfTerms: z.boolean().optional(),
      })
      .strict()
      .optional(),
    terms: z
      .array(
        z
          .object({
            term: z.string().min(1).max(80),
            due: isoDate,
            opens: isoDate.optional(),
            reminders: z.array(isoDate).max(10).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();

export class CalendarFileError extends Error {
  constructor(readonly file: string, problems: string[]) {
    super(`Calendar file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalendarFileError';
  }
}

export function parseCalendar(json: unknown, file = 'calendar'): TermCalendar {
  const parsed = CalendarFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CalendarFileError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  }
  const problems: string[] = [];
  const overrides = (parsed.data.terms ?? []).flatMap((entry, index) => {
    try {
      const term = parseTerm(entry.term);
      if (entry.opens && entry.opens > entry.due) problems.push(`terms.${index}: opens after it is due`);
      return [{ term, due: entry.due, opens: entry.opens, reminders: entry.reminders }];
    } catch (error) {
      if (error instanceof TermLabelError) {
        problems.push(`terms.${index}.term: ${error.message}`);
        return [];
      }
      throw error;
    }
  });
  if (problems.length > 0) throw new CalendarFileError(file, problems);
  return new TermCalendar(overrides, { ...DEFAULT_CALENDAR_DEFAULTS, ...parsed.data.defaults });
}

/** The calendar from a file, or the defaults when no file is named. */
export function loadCalendar(file: string | undefined): TermCalendar {
  if (!file) return new TermCalendar();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CalendarFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalendarFileError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  return parseCalendar(json, file);
}
