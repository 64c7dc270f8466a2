/**
 * What the section card shows and submits when the personal-data guard holds a save: the
 * flagged lines with the words highlighted, and a "Confirm and save" action that takes a reason.
 * The panel is part of section-card.json; its reason input sits in a show-card, so the card's own
 * Save buttons never ask for it.
 */
import type { ActionContext } from './card-models';

/** Markdown made by highlightFindings: the author's text escaped, the findings in bold. */
type HighlightedText = string;

/** Which button the author pressed before the guard held the save, so confirming finishes it. */
export const PERSONAL_DATA_SAVE_MODES = ['next', 'draft', 'back'] as const;
export type PersonalDataSaveMode = (typeof PERSONAL_DATA_SAVE_MODES)[number];

/** The data of "Confirm and save": the section card's context plus what was shown. */
export interface PersonalDataConfirmData extends ActionContext {
  readonly saveMode: PersonalDataSaveMode;
  /** A fingerprint of the flagged words shown, so a confirmation covers only what the author saw. */
  readonly flagged: string;
}

export interface PersonalDataLine {
  readonly text: HighlightedText;
  /** Why the words were flagged, e.g. "A date of birth identifies a child." */
  readonly why: string;
}

export interface PersonalDataPanel {
  readonly heading: string;
  readonly explanation: string;
  readonly lines: readonly PersonalDataLine[];
  readonly reasonLabel: string;
  readonly reasonPlaceholder: string;
  readonly reasonMaxLength: number;
  readonly confirmData: PersonalDataConfirmData;
}

/** The input id of the reason, listed in SECTION_CARD_INPUT_IDS as present only on a held save. */
export const PERSONAL_DATA_REASON_INPUT_ID = 'personalDataReason';
