/** The Action.Execute verbs of the cover card, as written in cards/cover-card.json. */
export const COVER_VERBS = {
  /** Sets the cover described by the card's inputs. */
  set: 'tass.cover.set',
  /** Ends one cover today. */
  end: 'tass.cover.end',
} as const;

export type CoverVerb = (typeof COVER_VERBS)[keyof typeof COVER_VERBS];

export const ALL_COVER_VERBS: readonly CoverVerb[] = Object.values(COVER_VERBS);
