/**
 * One interface for each card template's data and one for what it submits, with the input ids
 * of each card listed once. The type checks at the bottom fail the build if a submit interface
 * and its id list drift apart; tests/cards check the rendered templates against the same lists.
 */
import type { SectionName } from '../domain/model';
import type { TermKey } from '../domain/term';
import type { CardTemplate } from './render-card';
import type { PersonalDataPanel } from './personal-data-card-models';
import { MANAGER_CARD_INPUTS } from './manager-card-models';
import { CHAT_CARD_INPUTS } from './chat-card-models';

/** Which card an Action.Execute came from, so a refresh can show the same card again. */
export const CARD_VIEWS = ['report', 'section', 'close', 'review'] as const;
export type CardView = (typeof CARD_VIEWS)[number];

/** Carried in the data of every Action.Execute on the wizard's cards. */
export interface ActionContext {
  readonly localityId: string;
  readonly term: TermKey;
  /** Empty on report-level actions. */
  readonly priorityId: string;
  /** Empty when the action is not about one section. */
  readonly section: SectionName | '';
  /** The version of what the card showed (priority update, priority or report). */
  readonly version: number;
  /** A fingerprint of the text the card was based on, so unrelated saves by a co-author do not conflict. */
  readonly basis: string;
  readonly view: CardView;
}

/** The `refresh` block: which card to re-render and for whom. */
export interface CardRefresh {
  readonly data: ActionContext;
  /** Teams user ids (29:...) of the co-authors whose card refreshes automatically. */
  readonly userIds: readonly string[];
}

export interface ChoiceOption {
  readonly title: string;
  readonly value: string;
}

/** Text already escaped with escapeCardText. */
type ShownText = string;

// ---- report-card.json ----

export interface ReportCardPriority {
  readonly title: ShownText;
  /** "4 of 6 sections done". */
  readonly progress: string;
  readonly statusLabel: string;
  readonly closingNote?: ShownText;
  /** "Continue this priority": while some of its sections are not done. */
  readonly canContinue: boolean;
  readonly canClose: boolean;
  readonly continueData: ActionContext;
  readonly closeData: ActionContext;
  /**
   * Once all six sections are done: "Edit a section", one button per section, in rows of three
   * (a Teams action set shows at most five buttons).
   */
  readonly editRows: ReadonlyArray<{ readonly sections: ReadonlyArray<{ readonly heading: string; readonly data: ActionContext }> }>;
}

export interface ReportCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly officers: ShownText;
  readonly statusLabel: string;
  readonly notice?: ShownText;
  /**
   * Under the notice, once a priority's last section is saved: "Next: <title>" (continuing the
   * next unfinished priority, `continueData`) or, when every priority is done, "Review and submit".
   * The title is plain text (buttons do not render Markdown).
   */
  readonly nextStep?: { readonly title: string; readonly continueData?: ActionContext };
  readonly returnComment?: ShownText;
  readonly submittedLine?: ShownText;
  readonly priorities: readonly ReportCardPriority[];
  readonly hasPriorities: boolean;
  readonly editable: boolean;
  readonly addData: ActionContext;
  readonly reviewData: ActionContext;
  readonly refresh: CardRefresh;
}

export const REPORT_CARD_INPUT_IDS = [] as const;
export type ReportCardSubmit = Record<never, never>;
export const REPORT_CARD: CardTemplate<ReportCardData> = { file: 'report-card.json' };

// ---- section-card.json (all six sections; the Activity last period card adds carry-forward) ----

export interface CarryForwardRow {
  /** `carryOutcome_<index>`, an id from SECTION_CARD_INPUT_IDS. */
  readonly inputId: string;
  /** The dropdown's label: its item, cut if long, so screen readers can tell the rows apart (plain text). */
  readonly label: string;
  /** The whole item, shown above the dropdown when the label had to cut it. */
  readonly fullItem?: ShownText;
  readonly value: string;
  readonly choices: readonly ChoiceOption[];
}

export interface SectionCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly priorityTitle: ShownText;
  readonly heading: string;
  /** "Section 3 of 6". */
  readonly stepLabel: string;
  readonly guidance: string;
  /** What goes into the box: raw text, since input values are not rendered as Markdown. */
  readonly text: string;
  readonly placeholder: string;
  /** The box's height with its label, e.g. "240px" (a Container minHeight the box stretches into). */
  readonly boxHeight: string;
  /** Under the box: how what is typed becomes the report ("One item per line: …"). */
  readonly inputHint: string;
  readonly maxLength: number;
  readonly notice?: ShownText;
  readonly problems: readonly { readonly text: ShownText }[];
  readonly conflict?: { readonly line: ShownText; readonly text: ShownText };
  /** Shown when the personal-data guard held the save. */
  readonly personalData?: PersonalDataPanel;
  readonly reference?: { readonly heading: string; readonly text: ShownText };
  readonly carryForward: readonly CarryForwardRow[];
  readonly carryForwardHeading: string;
  /** Impact so far only: its status and figures. */
  readonly impact?: ImpactCardInputs;
  /** Intended Outcomes only: the priority's themes. */
  readonly themes?: ThemeCardInput;
  readonly nextTitle: string;
  readonly backData: ActionContext;
  readonly saveData: ActionContext;
  readonly refresh: CardRefresh;
}

/** The Impact so far card's status and figure rows. */
export interface ImpactCardInputs {
  readonly ragChoices: readonly ChoiceOption[];
  readonly rag: string;
  readonly figures: ReadonlyArray<{ readonly valueId: string; readonly countsId: string; readonly value: string; readonly counts: string }>;
}

/** The Intended Outcomes card's theme choice (a multi-select, comma-separated ids). */
export interface ThemeCardInput {
  readonly label: string;
  readonly choices: readonly ChoiceOption[];
  readonly value: string;
}

export const SECTION_CARD_INPUT_IDS = ['text', 'carryOutcome_#', 'personalDataReason?', 'rag?', 'figureValue_#', 'figureCounts_#', 'themes?'] as const;
export interface SectionCardSubmit {
  readonly text: string;
  readonly [carryOutcome: `carryOutcome_${number}`]: string;
  /** Impact so far only: the priority's status. */
  readonly rag?: string;
  readonly [figureValue: `figureValue_${number}`]: string;
  readonly [figureCounts: `figureCounts_${number}`]: string;
  /** Intended Outcomes only: the theme ids ticked, comma-separated. */
  readonly themes?: string;
  /** Only on a save the personal-data guard held, and only sent by "Confirm and save". */
  readonly personalDataReason?: string;
}
export const SECTION_CARD: CardTemplate<SectionCardData> = { file: 'section-card.json' };

// ---- close-priority-card.json ----

export interface ClosePriorityCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly priorityTitle: ShownText;
  readonly notice?: ShownText;
  readonly problems: readonly { readonly text: ShownText }[];
  readonly statusChoices: readonly ChoiceOption[];
  readonly status: string;
  readonly closingNote: string;
  readonly closingNoteMaxLength: number;
  readonly closeData: ActionContext;
  readonly backData: ActionContext;
  readonly refresh: CardRefresh;
}

export const CLOSE_PRIORITY_CARD_INPUT_IDS = ['status', 'closingNote'] as const;
export interface ClosePriorityCardSubmit {
  readonly status: string;
  readonly closingNote: string;
}
export const CLOSE_PRIORITY_CARD: CardTemplate<ClosePriorityCardData> = { file: 'close-priority-card.json' };

// ---- review-card.json ----

export interface ReviewSection {
  readonly heading: string;
  readonly lines: readonly { readonly text: ShownText }[];
  readonly missing: boolean;
}

export interface ReviewPriority {
  readonly statusLine?: ShownText;
  readonly sections: readonly ReviewSection[];
}

export interface ReviewCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly officers: ShownText;
  readonly notice?: ShownText;
  readonly previewNote?: string;
  readonly submittedLine?: ShownText;
  readonly documentUrl?: string;
  readonly problems: readonly { readonly text: ShownText }[];
  readonly priorities: readonly ReviewPriority[];
  readonly canSubmit: boolean;
  readonly editable: boolean;
  readonly submitData: ActionContext;
  readonly backData: ActionContext;
  readonly refresh: CardRefresh;
}

export const REVIEW_CARD_INPUT_IDS = [] as const;
export type ReviewCardSubmit = Record<never, never>;
export const REVIEW_CARD: CardTemplate<ReviewCardData> = { file: 'review-card.json' };

// ---- notice-card.json (not allowed, not found, submitted already) ----

export interface NoticeCardData {
  readonly title: string;
  readonly message: ShownText;
  readonly backData?: ActionContext;
}

export const NOTICE_CARD_INPUT_IDS = [] as const;
export type NoticeCardSubmit = Record<never, never>;
export const NOTICE_CARD: CardTemplate<NoticeCardData> = { file: 'notice-card.json' };

/** Every template with its input ids, for tests and tooling. */
export const CARD_INPUTS = {
  'report-card.json': REPORT_CARD_INPUT_IDS,
  'section-card.json': SECTION_CARD_INPUT_IDS,
  'close-priority-card.json': CLOSE_PRIORITY_CARD_INPUT_IDS,
  'review-card.json': REVIEW_CARD_INPUT_IDS,
  'notice-card.json': NOTICE_CARD_INPUT_IDS,
  ...MANAGER_CARD_INPUTS,
  ...CHAT_CARD_INPUTS,
} as const;

/**
 * An id list entry ending in `_#` stands for ids numbered from 0: `carryOutcome_0`, `carryOutcome_1`, ...
 * One ending in `?` is an input the card has only sometimes, e.g. `personalDataReason?`.
 */
export type InputIdOf<Entry extends string> = Entry extends `${infer Id}?`
  ? Id
  : Entry extends `${infer Prefix}_#`
    ? `${Prefix}_${number}`
    : Entry;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** Compile-time: each submit interface has exactly the ids its card lists. */
export type InputIdsMatchSubmitInterfaces = [
  Holds<Same<keyof ReportCardSubmit, InputIdOf<(typeof REPORT_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof SectionCardSubmit, InputIdOf<(typeof SECTION_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof ClosePriorityCardSubmit, InputIdOf<(typeof CLOSE_PRIORITY_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof ReviewCardSubmit, InputIdOf<(typeof REVIEW_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof NoticeCardSubmit, InputIdOf<(typeof NOTICE_CARD_INPUT_IDS)[number]>>>,
];

/** The runtime form of an id list: does `id` belong to it? */
export function isListedInputId(list: readonly string[], id: string): boolean {
  return list.some((entry) =>
    entry.endsWith('_#') ? new RegExp(`^${entry.slice(0, -2)}_\\d+$`).test(id) : entry.replace(/\?$/, '') === id,
  );
}
