/** The edge of the sign-off cards: what an Action.Execute carries, checked with zod before use. */
import { z } from 'zod';
import { isTermKey } from '../../domain/term';
import type { SignOffActionData } from '../../cards/manager-card-models';

/** Far above any real comment; longer input is refused before the comment rules measure it. */
const MAX_RAW_INPUT = 20_000;

const SignOffDataSchema = z.object({
  localityId: z.string().trim().min(1).max(200),
  term: z.string().refine(isTermKey, 'not a term key'),
  submittedAt: z.string().max(40).default(''),
  returnComment: z.string().max(MAX_RAW_INPUT).default(''),
});

export interface SignOffAction {
  readonly data: SignOffActionData;
  readonly comment: string;
}

export class InvalidSignOffDataError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`The card sent data the bot cannot read: ${issues.join('; ')}`);
    this.name = 'InvalidSignOffDataError';
  }
}

/** Reads a sign-off card's action; unknown fields are ignored. */
export function parseSignOffAction(raw: unknown): SignOffAction {
  const result = SignOffDataSchema.safeParse(raw);
  if (!result.success) {
    throw new InvalidSignOffDataError(result.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`));
  }
  const { returnComment, ...data } = result.data;
  return { data, comment: returnComment };
}
