/**
 * The status and figures asked on the Impact so far card: the priority's RAG status (on track,
 * some concerns, off track) and up to three figures, each a number and what it counts. Read
 * from the card's inputs, checked with validateImpactFigure, and offered back to the card with
 * figures found in the officer's own text as suggestions.
 */
import { z } from 'zod';
import { RAG_STATUSES, type ImpactFigure, type PriorityUpdate, type RagStatus, type SectionText } from '../../domain/model';
import { extractImpactFigures, validateImpactFigure } from '../../domain/impact-figures';

/** How many figure rows the card shows. */
export const FIGURE_ROWS = 3;

export const RAG_CHOICES: ReadonlyArray<{ readonly title: string; readonly value: RagStatus }> = [
  { title: 'On track', value: 'on track' },
  { title: 'Some concerns', value: 'some concerns' },
  { title: 'Off track', value: 'off track' },
];

/** What the Impact so far card's status and figure inputs sent, as typed. */
export interface TypedImpact {
  readonly rag: RagStatus | '';
  readonly figures: ReadonlyArray<{ readonly value: string; readonly counts: string }>;
}

const RawImpactSchema = z
  .object({ rag: z.union([z.enum(RAG_STATUSES), z.literal('')]).default('') })
  .catchall(z.unknown());

export class InvalidImpactInputError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`The card sent a status or figure the bot cannot read: ${issues.join('; ')}`);
    this.name = 'InvalidImpactInputError';
  }
}

function text(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.slice(0, 500) : '';
}

/** Reads `rag`, `figureValue_<n>` and `figureCounts_<n>` from an action's data; other keys are ignored. */
export function readTypedImpact(raw: unknown): TypedImpact {
  const parsed = RawImpactSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidImpactInputError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const data = parsed.data as Record<string, unknown>;
  const figures = Array.from({ length: FIGURE_ROWS }, (_, index) => ({
    value: text(data[`figureValue_${index}`]).trim(),
    counts: text(data[`figureCounts_${index}`]).trim(),
  }));
  return { rag: parsed.data.rag, figures };
}

export interface CheckedImpact {
  readonly rag?: RagStatus;
  readonly figures: readonly ImpactFigure[];
  readonly problems: readonly string[];
}

/**
 * Checks what was typed. Empty rows are skipped; a row with only a number or only words, or a
 * figure validateImpactFigure refuses, is a problem naming the row. The status is asked for but
 * not required: a priority without one shows as "not rated" in the outcomes.
 */
export function checkTypedImpact(typed: TypedImpact): CheckedImpact {
  const problems: string[] = [];
  const figures: ImpactFigure[] = [];
  typed.figures.forEach((row, index) => {
    if (row.value === '' && row.counts === '') return;
    const name = `Figure ${index + 1}`;
    const value = Number(row.value.replace(/,/g, ''));
    if (row.value === '' || !Number.isFinite(value)) {
      problems.push(`${name}: give the number as digits, e.g. 16.`);
      return;
    }
    if (row.counts === '') {
      problems.push(`${name}: say what the figure counts, e.g. "schools signed up to Positive Footsteps".`);
      return;
    }
    const checked = validateImpactFigure({ value, counts: row.counts });
    if (checked.ok) figures.push(checked.figure);
    else problems.push(...checked.problems.map((problem) => `${name}: ${problem.replace(/^(value|counts): /, '')}.`));
  });
  return { ...(typed.rag !== '' ? { rag: typed.rag } : {}), figures, problems };
}

/** One figure row of the card. */
export interface FigureRow {
  readonly valueId: string;
  readonly countsId: string;
  readonly value: string;
  readonly counts: string;
}

/**
 * The status and figure rows to show: what was typed (after a problem), else what is stored,
 * else figures found in the Impact so far text as suggestions.
 */
export function impactFields(update: Pick<PriorityUpdate, 'rag' | 'figures'>, impactText: SectionText, typed?: TypedImpact): { rag: string; figures: FigureRow[] } {
  const shown = typed
    ? typed.figures
    : (update.figures.length > 0 ? update.figures : extractImpactFigures(impactText)).map((figure) => ({ value: String(figure.value), counts: figure.counts }));
  return {
    rag: typed ? typed.rag : update.rag ?? '',
    figures: Array.from({ length: FIGURE_ROWS }, (_, index) => ({
      valueId: `figureValue_${index}`,
      countsId: `figureCounts_${index}`,
      value: shown[index]?.value ?? '',
      counts: shown[index]?.counts ?? '',
    })),
  };
}

/** Whether the status or figures differ from what is stored. */
export function impactChanged(update: Pick<PriorityUpdate, 'rag' | 'figures'>, checked: CheckedImpact): boolean {
  return update.rag !== checked.rag || JSON.stringify(update.figures) !== JSON.stringify(checked.figures);
}
