/**
 * The edge: what an Action.Execute carries is checked here with zod before any handler reads it.
 * Card data (ActionContext) comes back as the card sent it, but a client or a forged invoke can
 * send anything, so every field is validated and unknown input ids are ignored.
 */
import { z } from 'zod';
import { CARRY_FORWARD_OUTCOMES, PRIORITY_STATUSES, SECTION_NAMES, type CarryForwardOutcome } from '../../domain/model';
import { isTermKey } from '../../domain/term';
import { CARD_VIEWS, type ActionContext } from '../../cards/card-models';
import { InvalidImpactInputError, readTypedImpact, type TypedImpact } from '../impact/impact-inputs';
import type { Theme } from '../../domain/themes';
import { readThemeChoice } from '../themes/theme-choice';

/** Far above any real section; longer input is refused before it is measured against the limits. */
const MAX_RAW_INPUT = 100_000;

/** A version as the card sent it: a whole number or its digits. Null, booleans and arrays are refused, not read as 0. */
const VersionSchema = z.union([z.number(), z.string().regex(/^\d{1,9}$/, 'not a version')]).pipe(z.coerce.number().int().min(0));

const ActionContextSchema = z.object({
  localityId: z.string().trim().min(1).max(200),
  term: z.string().refine(isTermKey, 'not a term key'),
  priorityId: z.string().max(200).regex(/^[A-Za-z0-9._:-]*$/, 'not a priority id').default(''),
  section: z.union([z.enum(SECTION_NAMES), z.literal('')]).default(''),
  version: VersionSchema,
  basis: z.string().max(100).default(''),
  view: z.enum(CARD_VIEWS).default('report'),
});

export class InvalidActionDataError extends Error {
  constructor(readonly issues: string[]) {
    super(`The card sent data the bot cannot read: ${issues.join('; ')}`);
    this.name = 'InvalidActionDataError';
  }
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new InvalidActionDataError(result.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`));
  }
  return result.data;
}

/** Every wizard action: the context alone. */
export function parseActionContext(raw: unknown): ActionContext {
  return parseWith(ActionContextSchema, raw);
}

export interface SectionAction {
  readonly context: ActionContext;
  readonly text: string;
  /** Index of last term's planned item -> how it went; unmarked items are absent. */
  readonly carryForward: ReadonlyMap<number, CarryForwardOutcome>;
  /** Impact so far only: the status and figure rows as typed. */
  readonly impact?: TypedImpact;
  /** Intended Outcomes only, when the card had the theme choice: the theme ids ticked. */
  readonly themes?: readonly string[];
}

const SectionInputsSchema = z
  .object({ text: z.string().max(MAX_RAW_INPUT).default('') })
  .catchall(z.unknown());
const CarryOutcomeSchema = z.union([z.enum(CARRY_FORWARD_OUTCOMES), z.literal('')]);

/** A section card's Back, Save and next or Save draft; ticked themes not in `themes` are dropped. */
export function parseSectionAction(raw: unknown, themes: readonly Theme[]): SectionAction {
  const context = parseActionContext(raw);
  if (context.section === '') throw new InvalidActionDataError(['section: missing']);
  const inputs = parseWith(SectionInputsSchema, raw);
  const carryForward = new Map<number, CarryForwardOutcome>();
  for (const [key, value] of Object.entries(inputs)) {
    const match = /^carryOutcome_(\d{1,3})$/.exec(key);
    if (!match) continue;
    const outcome = parseWith(CarryOutcomeSchema, value);
    if (outcome !== '') carryForward.set(Number(match[1]), outcome);
  }
  if (context.section === 'intendedOutcomes' && 'themes' in inputs) {
    return { context, text: inputs.text, carryForward, themes: readThemeChoice(inputs['themes'], themes) };
  }
  if (context.section !== 'impactSoFar') return { context, text: inputs.text, carryForward };
  try {
    return { context, text: inputs.text, carryForward, impact: readTypedImpact(raw) };
  } catch (error) {
    if (error instanceof InvalidImpactInputError) throw new InvalidActionDataError([...error.issues]);
    throw error;
  }
}

export interface ClosePriorityAction {
  readonly context: ActionContext;
  readonly status: 'closed' | 'handed over' | '';
  readonly closingNote: string;
}

const CloseInputsSchema = z.object({
  status: z.union([z.enum(PRIORITY_STATUSES).exclude(['active']), z.literal('')]).default(''),
  closingNote: z.string().max(MAX_RAW_INPUT).default(''),
});

/** The close-or-hand-over card's submit. */
export function parseClosePriorityAction(raw: unknown): ClosePriorityAction {
  const context = parseActionContext(raw);
  const inputs = parseWith(CloseInputsSchema, raw);
  return { context, status: inputs.status, closingNote: inputs.closingNote };
}
