/**
 * The data and submits of the bot's chat cards: not registered, help (and welcome), a one-line
 * message, the managers' status, outstanding and report-links cards, and the officers list. None
 * of them has an input; as in card-models.ts each template's (empty) id list is stated once and
 * the type checks at the bottom fail the build if a submit interface gains an id the list lacks.
 */
import type { CardTemplate } from './render-card';
import type { InputIdOf } from './card-models';

/** Text already escaped with escapeCardText. */
type ShownText = string;

// ---- not-registered-card.json ----

export interface NotRegisteredCardData {
  /** "the TASS programme administrator", or the administrators' names joined with "or". */
  readonly askWho: ShownText;
}

export const NOT_REGISTERED_CARD_INPUT_IDS = [] as const;
export type NotRegisteredCardSubmit = Record<never, never>;
export const NOT_REGISTERED_CARD: CardTemplate<NotRegisteredCardData> = { file: 'not-registered-card.json' };

// ---- help-card.json (also the welcome card) ----

export interface HelpCardCommand {
  /** "report TERM [LOCALITY]": placeholders in capitals, since Markdown drops `<term>` as a tag. */
  readonly command: string;
  readonly what: string;
}

export interface HelpCardData {
  /** "Here is what I can do" or "Welcome to TASS reporting, Ann Smith". */
  readonly heading: ShownText;
  readonly commands: readonly HelpCardCommand[];
}

export const HELP_CARD_INPUT_IDS = [] as const;
export type HelpCardSubmit = Record<never, never>;
export const HELP_CARD: CardTemplate<HelpCardData> = { file: 'help-card.json' };

// ---- message-card.json (answers that are a sentence, refusals) ----

export interface MessageCardData {
  readonly text: ShownText;
}

export const MESSAGE_CARD_INPUT_IDS = [] as const;
export type MessageCardSubmit = Record<never, never>;
export const MESSAGE_CARD: CardTemplate<MessageCardData> = { file: 'message-card.json' };

// ---- status-card.json ----

export interface StatusCardRow {
  readonly localityName: ShownText;
  /** The locality's EPOs, or "no EPO assigned". */
  readonly officers: ShownText;
  /** "✅ Submitted", "✏️ In progress" or "⬜ Not started". */
  readonly statusLabel: string;
  /** "20 Mar by Ann Smith", only for a submitted report. */
  readonly submittedLine?: ShownText;
}

export interface StatusCardData {
  /** "Spring – March 2025: 2 of 3 submitted". */
  readonly heading: string;
  readonly rows: readonly StatusCardRow[];
}

export const STATUS_CARD_INPUT_IDS = [] as const;
export type StatusCardSubmit = Record<never, never>;
export const STATUS_CARD: CardTemplate<StatusCardData> = { file: 'status-card.json' };

// ---- outstanding-card.json ----

export interface OutstandingCardRow {
  readonly localityName: ShownText;
  /** "not started (Ann Smith)". */
  readonly line: ShownText;
}

export interface OutstandingCardData {
  /** "Spring – March 2025 reports are due 28 March: 2 outstanding", or "...: every locality has submitted.". */
  readonly heading: string;
  readonly rows: readonly OutstandingCardRow[];
  readonly hasRows: boolean;
}

export const OUTSTANDING_CARD_INPUT_IDS = [] as const;
export type OutstandingCardSubmit = Record<never, never>;
export const OUTSTANDING_CARD: CardTemplate<OutstandingCardData> = { file: 'outstanding-card.json' };

// ---- report-links-card.json ----

export interface ReportLinksCardData {
  /** "Spring – March 2025 reports". */
  readonly heading: string;
  readonly noneSubmitted: boolean;
  /** The localities not yet submitted, joined; absent when there are none. */
  readonly notSubmitted?: ShownText;
  /** The localities whose compiling failed, joined; absent when there are none. */
  readonly failed?: ShownText;
  /**
   * One Action.OpenUrl per compiled document, as the card's buttons, when there are at most
   * MAX_CARD_ACTIONS; a button's title is shown as written.
   */
  readonly actionLinks: readonly ReportLink[];
  /** Otherwise one clickable row per document in the body (titles escaped), so none is dropped. */
  readonly listedLinks: readonly ReportLink[];
}

export interface ReportLink {
  readonly title: string;
  readonly url: string;
}

/** The most buttons a card may carry: the adaptivecards renderer's default host config allows 5. */
export const MAX_CARD_ACTIONS = 5;

export const REPORT_LINKS_CARD_INPUT_IDS = [] as const;
export type ReportLinksCardSubmit = Record<never, never>;
export const REPORT_LINKS_CARD: CardTemplate<ReportLinksCardData> = { file: 'report-links-card.json' };

// ---- officers-card.json ----

export interface OfficersCardRow {
  readonly name: ShownText;
  /** "EPO, Manager · Preston, West Lancashire". */
  readonly line: ShownText;
}

/** What "Previous" and "Next" send back: which list (all visible officers, or one locality's) and which page. */
export interface OfficersPageData {
  /** Empty for every officer the manager may see. */
  readonly localityId: string;
  /** 0-based. */
  readonly page: number;
}

export interface OfficersCardData {
  /** "Officers" or "Officers of Preston". */
  readonly heading: ShownText;
  readonly rows: readonly OfficersCardRow[];
  readonly hasRows: boolean;
  /** "Officers 26–50 of 300 (page 2 of 12)", when there is more than one page. */
  readonly pageLine?: string;
  readonly previousData?: OfficersPageData;
  readonly nextData?: OfficersPageData;
  /** Set when rows were shortened to keep the card under Teams' size limit. */
  readonly previewNote?: string;
}

export const OFFICERS_CARD_INPUT_IDS = [] as const;
export type OfficersCardSubmit = Record<never, never>;
export const OFFICERS_CARD: CardTemplate<OfficersCardData> = { file: 'officers-card.json' };

/** The templates above with their input ids, for CARD_INPUTS in card-models.ts. */
export const CHAT_CARD_INPUTS = {
  'not-registered-card.json': NOT_REGISTERED_CARD_INPUT_IDS,
  'help-card.json': HELP_CARD_INPUT_IDS,
  'message-card.json': MESSAGE_CARD_INPUT_IDS,
  'status-card.json': STATUS_CARD_INPUT_IDS,
  'outstanding-card.json': OUTSTANDING_CARD_INPUT_IDS,
  'report-links-card.json': REPORT_LINKS_CARD_INPUT_IDS,
  'officers-card.json': OFFICERS_CARD_INPUT_IDS,
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** Compile-time: each submit interface has exactly the ids its card lists. */
export type ChatInputIdsMatchSubmitInterfaces = [
  Holds<Same<keyof NotRegisteredCardSubmit, InputIdOf<(typeof NOT_REGISTERED_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof HelpCardSubmit, InputIdOf<(typeof HELP_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof MessageCardSubmit, InputIdOf<(typeof MESSAGE_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof StatusCardSubmit, InputIdOf<(typeof STATUS_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof OutstandingCardSubmit, InputIdOf<(typeof OUTSTANDING_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof ReportLinksCardSubmit, InputIdOf<(typeof REPORT_LINKS_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof OfficersCardSubmit, InputIdOf<(typeof OFFICERS_CARD_INPUT_IDS)[number]>>>,
];
