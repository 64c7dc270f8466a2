/**
 * The data and submits of the managers' cards: sign-off (approve or return a submitted report),
 * a report's history, cover for absence, and outcomes across terms. As in card-models.ts, each
 * template has one data interface, one submit interface and its input ids listed once; the type
 * checks at the bottom fail the build if they drift apart.
 */
import type { TermKey } from '../domain/term';
import type { CardTemplate } from './render-card';
import type { ChoiceOption, InputIdOf } from './card-models';

/** Text already escaped with escapeCardText. */
type ShownText = string;

/** Carried by every Action.Execute of the sign-off and history cards. */
export interface SignOffActionData {
  readonly localityId: string;
  readonly term: TermKey;
  /** The submission the card is about, so a card from an earlier submission cannot decide a later one. */
  readonly submittedAt: string;
}

// ---- sign-off-card.json ----

export interface SignOffCardPriority {
  readonly title: ShownText;
  /** "On track", "Some concerns", "Off track" or "Not rated". */
  readonly status: string;
}

export interface SignOffCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly officers: ShownText;
  readonly submittedLine: ShownText;
  /** "Waiting for approval", "Approved by Mary Holt", "Returned for changes by Mary Holt". */
  readonly statusLabel: ShownText;
  readonly notice?: ShownText;
  readonly returnComment?: ShownText;
  readonly documentUrl?: string;
  readonly priorities: readonly SignOffCardPriority[];
  /** "2 priorities". */
  readonly priorityCount: string;
  /** Up to three of the most notable "Impact so far" lines, escaped. */
  readonly impactHighlights: readonly ShownText[];
  readonly hasImpactHighlights: boolean;
  readonly canDecide: boolean;
  /** What the manager typed, kept when the card comes back with a problem. */
  readonly comment: string;
  readonly commentMaxLength: number;
  readonly actionData: SignOffActionData;
  readonly refresh: { readonly data: SignOffActionData; readonly userIds: readonly string[] };
}

export const SIGN_OFF_CARD_INPUT_IDS = ['returnComment'] as const;
export interface SignOffCardSubmit {
  readonly returnComment: string;
}
export const SIGN_OFF_CARD: CardTemplate<SignOffCardData> = { file: 'sign-off-card.json' };

// ---- report-history-card.json ----

export interface HistoryCardLine {
  readonly when: string;
  readonly what: string;
  readonly who: ShownText;
  readonly comment?: ShownText;
}

export interface ReportHistoryCardData {
  readonly localityName: ShownText;
  readonly termLabel: string;
  readonly statusLabel: string;
  readonly lines: readonly HistoryCardLine[];
  readonly hasLines: boolean;
  /** Who last saved each priority this term: "Peter Hale at 10:02 on 12 March 2025". */
  readonly writers: readonly { readonly title: ShownText; readonly line: ShownText }[];
}

export const REPORT_HISTORY_CARD_INPUT_IDS = [] as const;
export type ReportHistoryCardSubmit = Record<never, never>;
export const REPORT_HISTORY_CARD: CardTemplate<ReportHistoryCardData> = { file: 'report-history-card.json' };

// ---- cover-card.json ----

export interface CoverCardRow {
  readonly id: string;
  /** "Peter Hale covers Central Lancs for Alison Walsh, 10 March to 21 March 2025". */
  readonly line: ShownText;
  /** "Current", "Upcoming" or "Ended". */
  readonly status: string;
  readonly canEnd: boolean;
  readonly endData: { readonly coverId: string };
}

export interface CoverCardData {
  readonly notice?: ShownText;
  readonly problems: readonly { readonly text: ShownText }[];
  readonly covers: readonly CoverCardRow[];
  readonly hasCovers: boolean;
  readonly localityChoices: readonly ChoiceOption[];
  readonly officerChoices: readonly ChoiceOption[];
  readonly absentChoices: readonly ChoiceOption[];
  readonly localityId: string;
  readonly coverOfficerId: string;
  readonly absentOfficerId: string;
  readonly from: string;
  readonly to: string;
}

export const COVER_CARD_INPUT_IDS = ['localityId', 'coverOfficerId', 'absentOfficerId', 'from', 'to'] as const;
export interface CoverCardSubmit {
  readonly localityId: string;
  readonly coverOfficerId: string;
  readonly absentOfficerId: string;
  readonly from: string;
  readonly to: string;
}
export const COVER_CARD: CardTemplate<CoverCardData> = { file: 'cover-card.json' };

// ---- outcomes-card.json ----

export interface OutcomesCardPriority {
  readonly title: ShownText;
  readonly localityName: ShownText;
  /** "Off track → Some concerns → On track". */
  readonly trend: string;
  readonly direction: string;
  readonly figures?: ShownText;
}

export interface OutcomesCardGroup {
  readonly name: ShownText;
  /** "3 on track, 1 some concerns, 0 off track, 1 not rated". */
  readonly counts: string;
  readonly priorities: readonly OutcomesCardPriority[];
}

export interface OutcomesCardData {
  readonly rangeLabel: string;
  /** "5 priorities in 3 localities. Latest status: 2 on track, ...". */
  readonly countyCounts: string;
  readonly notice?: ShownText;
  readonly themes: readonly OutcomesCardGroup[];
  readonly localities: readonly { readonly name: ShownText; readonly counts: string }[];
  readonly hasPriorities: boolean;
}

export const OUTCOMES_CARD_INPUT_IDS = [] as const;
export type OutcomesCardSubmit = Record<never, never>;
export const OUTCOMES_CARD: CardTemplate<OutcomesCardData> = { file: 'outcomes-card.json' };

/** The templates above with their input ids, for CARD_INPUTS in card-models.ts. */
export const MANAGER_CARD_INPUTS = {
  'sign-off-card.json': SIGN_OFF_CARD_INPUT_IDS,
  'report-history-card.json': REPORT_HISTORY_CARD_INPUT_IDS,
  'cover-card.json': COVER_CARD_INPUT_IDS,
  'outcomes-card.json': OUTCOMES_CARD_INPUT_IDS,
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** Compile-time: each submit interface has exactly the ids its card lists. */
export type ManagerInputIdsMatchSubmitInterfaces = [
  Holds<Same<keyof SignOffCardSubmit, InputIdOf<(typeof SIGN_OFF_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof ReportHistoryCardSubmit, InputIdOf<(typeof REPORT_HISTORY_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof CoverCardSubmit, InputIdOf<(typeof COVER_CARD_INPUT_IDS)[number]>>>,
  Holds<Same<keyof OutcomesCardSubmit, InputIdOf<(typeof OUTCOMES_CARD_INPUT_IDS)[number]>>>,
];
