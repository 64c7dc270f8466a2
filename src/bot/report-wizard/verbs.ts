/** The Action.Execute verbs of the report wizard: one per action, as written in the card templates. */
export const WIZARD_VERBS = {
  /** Automatic refresh: re-renders whichever card the data names, from the store. */
  refresh: 'tass.report.refresh',
  /** Shows the report card. */
  showReport: 'tass.report.show',
  /** Opens the first unfinished section of a priority. */
  continuePriority: 'tass.priority.continue',
  /** Opens one section of a priority, finished or not ("Edit a section" on the report card). */
  openSection: 'tass.section.open',
  /** Opens the Priority (title) card of a new priority. */
  addPriority: 'tass.priority.add',
  /** Opens the close-or-hand-over card of a priority. */
  openClosePriority: 'tass.priority.close.open',
  /** Closes or hands over a priority with a note. */
  closePriority: 'tass.priority.close.save',
  /** Keeps what was typed (as a draft) and goes to the previous section. */
  sectionBack: 'tass.section.back',
  /** Saves the section as done and goes to the next one. */
  sectionSaveNext: 'tass.section.saveNext',
  /** Saves the section as a draft and stays on it. */
  sectionSaveDraft: 'tass.section.saveDraft',
  /** Finishes a save the personal-data guard held, recording the author's reason for keeping the flagged words. */
  sectionConfirmPersonalData: 'tass.section.confirmPersonalData',
  /** Shows the whole report as it will be compiled. */
  review: 'tass.report.review',
  /** Submits the report. */
  submit: 'tass.report.submit',
} as const;

export type WizardVerb = (typeof WIZARD_VERBS)[keyof typeof WIZARD_VERBS];

export const ALL_WIZARD_VERBS: readonly WizardVerb[] = Object.values(WIZARD_VERBS);

export function isWizardVerb(value: string): value is WizardVerb {
  return (ALL_WIZARD_VERBS as readonly string[]).includes(value);
}
