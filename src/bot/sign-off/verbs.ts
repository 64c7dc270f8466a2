/** The Action.Execute verbs of the managers' sign-off and history cards, as written in their templates. */
export const SIGN_OFF_VERBS = {
  /** Automatic refresh: re-renders the sign-off card from the store, for every manager. */
  refresh: 'tass.signoff.refresh',
  /** Approves the submitted report. */
  approve: 'tass.signoff.approve',
  /** Returns the report to its EPOs with the comment typed on the card. */
  returnForChanges: 'tass.signoff.return',
  /** Shows the report's history: submissions, returns and approvals. */
  history: 'tass.report.history',
} as const;

export type SignOffVerb = (typeof SIGN_OFF_VERBS)[keyof typeof SIGN_OFF_VERBS];

export const ALL_SIGN_OFF_VERBS: readonly SignOffVerb[] = Object.values(SIGN_OFF_VERBS);
