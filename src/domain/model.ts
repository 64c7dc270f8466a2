/**
 * The TASS domain: localities, officers, priorities and their termly updates, and the
 * locality report that gathers them. Nothing here knows about Teams, Graph or storage.
 */
import type { PersonalDataConfirmation } from './personal-data/finding';
import type { TermKey } from './term';

export const ROLES = ['epo', 'manager', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Officer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Entra (Azure AD) object id; absent until the officer first talks to the bot or is imported. */
  readonly aadObjectId?: string;
  readonly roles: readonly Role[];
  /** Ids of the localities this officer serves (as EPO) or manages (as manager). */
  readonly localityIds: readonly string[];
}

export interface Locality {
  readonly id: string;
  /** "West Lancashire", "Central Lancs", "Preston". */
  readonly name: string;
  /** Order in the county report. */
  readonly order: number;
}

/** The six sections of a priority's report, in the report's order. */
export const SECTION_NAMES = [
  'priority',
  'intendedOutcomes',
  'activityLastPeriod',
  'plannedActivityNextPeriod',
  'impactSoFar',
  'exitStrategy',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The headings exactly as the reports print them. */
export const SECTION_HEADINGS: Record<SectionName, string> = {
  priority: 'Priority',
  intendedOutcomes: 'Intended Outcomes',
  activityLastPeriod: 'Activity last period',
  plannedActivityNextPeriod: 'Planned activity next period',
  impactSoFar: 'Impact so far',
  exitStrategy: 'Exit Strategy',
};

/**
 * What an author wrote in a section: either a list (one bullet per item) or prose
 * (paragraphs). We keep whichever they wrote rather than forcing one shape.
 */
export type SectionText =
  | { readonly kind: 'items'; readonly items: readonly string[] }
  | { readonly kind: 'prose'; readonly paragraphs: readonly string[] };

export const EMPTY_SECTION: SectionText = { kind: 'items', items: [] };

export const PRIORITY_STATUSES = ['active', 'closed', 'handed over'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

/** A piece of work a locality pursues across terms. */
export interface Priority {
  readonly id: string;
  readonly localityId: string;
  readonly title: string;
  /** The current wording; each term's PriorityUpdate keeps what was written that term. */
  readonly intendedOutcomes: SectionText;
  readonly exitStrategy: SectionText;
  readonly themes: readonly string[];
  readonly status: PriorityStatus;
  /** Why it closed or to whom it was handed over, e.g. "now closed to the Locality Group". */
  readonly closingNote?: string;
  readonly openedTerm: TermKey;
  readonly closedTerm?: TermKey;
  /** Position within the locality's report. */
  readonly order: number;
  readonly version: number;
}

/** How last term's planned item went, marked on the Activity last period card. */
export const CARRY_FORWARD_OUTCOMES = ['done', 'partly done', 'not done', 'carried forward'] as const;
export type CarryForwardOutcome = (typeof CARRY_FORWARD_OUTCOMES)[number];

export interface CarryForwardMark {
  readonly item: string;
  readonly outcome: CarryForwardOutcome;
}

export const RAG_STATUSES = ['on track', 'some concerns', 'off track'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/** A figure reported with the impact, e.g. 16 "schools signed up to Positive Footsteps". */
export interface ImpactFigure {
  readonly value: number;
  readonly counts: string;
}

/** One priority in one term. */
export interface PriorityUpdate {
  readonly priorityId: string;
  readonly localityId: string;
  readonly term: TermKey;
  /** The priority's title as written this term. */
  readonly title: string;
  readonly intendedOutcomes: SectionText;
  readonly activityLastPeriod: SectionText;
  readonly plannedActivityNextPeriod: SectionText;
  readonly impactSoFar: SectionText;
  readonly exitStrategy: SectionText;
  /** Last term's planned items and how each went. */
  readonly carryForward: readonly CarryForwardMark[];
  /** Sections the author has finished ("Save and next"); drafts are saved but not done. */
  readonly sectionsDone: readonly SectionName[];
  readonly rag?: RagStatus;
  readonly figures: readonly ImpactFigure[];
  /**
   * Sections whose flagged text the author chose to keep, with their reason: the record the
   * personal-data guard asks for. Absent when nothing has been confirmed.
   */
  readonly personalDataConfirmations?: Partial<Record<SectionName, PersonalDataConfirmation>>;
  /** Officer id of the last person to save, and when. */
  readonly updatedBy?: string;
  readonly updatedAt?: string;
  readonly version: number;
}

export const REPORT_STATUSES = ['not started', 'in progress', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'returned'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** One locality in one term. */
export interface LocalityReport {
  readonly localityId: string;
  readonly term: TermKey;
  /**
   * The month (1-12) the report's label names ("Autumn – December 2024"), kept only when it is
   * not the season's usual month; absent means the usual one.
   */
  readonly termMonth?: number;
  /** Officer ids of the authors, in the order their names are printed. */
  readonly officerIds: readonly string[];
  readonly status: ReportStatus;
  readonly submittedBy?: string;
  readonly submittedAt?: string;
  /** Managers' sign-off of a submitted report. */
  readonly approval?: ApprovalStatus;
  readonly returnComment?: string;
  /** Where the compiled document was stored, once it has been. */
  readonly documentUrl?: string;
  readonly version: number;
}

export const REPORT_EVENT_KINDS = ['submitted', 'returned', 'approved', 'reopened', 'compiled'] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

/** The history of a locality report: submissions, returns and approvals. */
export interface ReportEvent {
  readonly localityId: string;
  readonly term: TermKey;
  readonly kind: ReportEventKind;
  readonly by: string;
  readonly at: string;
  readonly comment?: string;
}

/** The Bot Framework conversation reference kept for proactive messages, as opaque JSON. */
export interface ConversationLink {
  readonly officerId: string;
  readonly reference: Record<string, unknown>;
  readonly updatedAt: string;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message of a campaign to one officer: recorded so a resumed campaign sends only what is missing. */
export interface CampaignDelivery {
  readonly term: TermKey;
  readonly localityId: string;
  readonly officerId: string;
  /** "prompt", "reminder:2025-03-21", "outstanding:2025-03-28", ... */
  readonly kind: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly sentAt?: string;
  readonly lastError?: string;
}

/** Who covers for an absent EPO, for which locality, over which dates (inclusive, ISO dates). */
export interface CoverAssignment {
  readonly id: string;
  readonly localityId: string;
  readonly coverOfficerId: string;
  readonly absentOfficerId?: string;
  readonly from: string;
  readonly to: string;
  readonly assignedBy: string;
}
