/**
 * Figures reported with a priority's impact: "16 schools signed up to Positive Footsteps" is
 * 16 of "schools signed up to Positive Footsteps". Read from what officers already write, so
 * the county report can total them without anyone filling in a second form.
 */
import { z } from 'zod';
import type { ImpactFigure, SectionText } from './model';
import { cleanLine, sectionLines, stripBullet } from './section-text';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100,
};

/** "Over", "around", "approx." and the like: the figure is still the number that follows. */
const QUALIFIER = /^(?:over|more than|almost|nearly|around|about|approx\.?|approximately|roughly|up to|at least|c\.|circa|a total of|total of|in total,?)\s+/i;
const LEADING_NUMBER = new RegExp(
  `^(?:(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?![A-Za-z])|(${Object.keys(NUMBER_WORDS).join('|')})\\b)(?![\\w/:.-]*\\d)(\\s*%|\\s+per\\s*cent)?\\s*`,
  'i',
);
/** Where what is counted stops: the next clause, a bracket, a dash aside. */
const CLAUSE_END = /\s*(?:[,;(]|\s[–—-]\s|\.(?:\s|$)|\s+and\s+(?=\d))/;

/**
 * Reads a figure from the start of a line: "16 schools signed up to Positive Footsteps",
 * "• Over 1,200 young people reached", "85% of pupils ...", "Twelve schools ...". Returns
 * undefined when the line does not start with a count (dates, academic years and times do not).
 */
export function parseImpactFigure(line: string): ImpactFigure | undefined {
  const text = stripBullet(cleanLine(line)).replace(QUALIFIER, '');
  const match = LEADING_NUMBER.exec(text);
  if (!match) return undefined;
  const value = match[1] !== undefined ? Number(match[1].replace(/,/g, '')) : NUMBER_WORDS[match[2].toLowerCase()];
  const rest = text.slice(match[0].length);
  const clauseEnd = CLAUSE_END.exec(rest);
  const counted = (clauseEnd ? rest.slice(0, clauseEnd.index) : rest).trim().replace(/[.:]+$/, '');
  const counts = match[3] ? `% ${counted}`.trim() : counted;
  const checked = validateImpactFigure({ value, counts });
  return checked.ok ? checked.figure : undefined;
}

/** Every figure in a section: the leading count of each line and of each clause after a comma or "and". */
export function extractImpactFigures(section: SectionText): ImpactFigure[] {
  return sectionLines(section).flatMap((line) =>
    stripBullet(line)
      .split(/[,;]\s+|\s+and\s+(?=\d)/)
      .map(parseImpactFigure)
      .filter((figure): figure is ImpactFigure => figure !== undefined),
  );
}

/** A figure as the store keeps it and a card submits it. */
export const impactFigureSchema = z.object({
  value: z.number().finite().nonnegative('a figure cannot be negative').max(10_000_000, 'a figure that large is a typing slip'),
  counts: z
    .string()
    .trim()
    .min(2, 'say what the figure counts, e.g. "schools signed up to Positive Footsteps"')
    .max(200, 'keep what the figure counts under 200 characters')
    .regex(/[A-Za-z]/, 'what the figure counts needs words, not only numbers')
    .refine((counts) => !/^\d/.test(counts), 'what the figure counts should not start with another number'),
});

export type FigureCheck = { readonly ok: true; readonly figure: ImpactFigure } | { readonly ok: false; readonly problems: readonly string[] };

/** Checks a figure typed on a card or read from a line, listing every problem found. */
export function validateImpactFigure(figure: unknown): FigureCheck {
  const result = impactFigureSchema.safeParse(figure);
  if (result.success) return { ok: true, figure: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'figure'}: ${issue.message}`) };
}
