/**
 * Managers' sign-off of a submitted locality report: approve it, or return it to its EPOs with
 * a comment. Pure rules: the caller reads the report, applies the decision here, then saves the
 * report and appends the event. Deciding twice is harmless (the second press changes nothing),
 * and a card about an earlier submission never acts on a newer one.
 */
import type { LocalityReport, Officer, ReportEvent } from './model';

export const SIGN_OFF_DECISIONS = ['approve', 'return'] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

/** The longest return comment kept; it is shown on the EPOs' report card. */
export const RETURN_COMMENT_MAX_LENGTH = 2000;

export interface SignOffRequest {
  readonly decision: SignOffDecision;
  readonly by: Officer;
  /** ISO time of the decision. */
  readonly at: string;
  /** Required to return a report; ignored on approval. */
  readonly comment?: string;
  /**
   * `submittedAt` of the submission the manager was shown. When the report has been returned
   * and submitted again since, the decision is about an old submission and is refused.
   */
  readonly submittedAt?: string;
}

export type SignOffRefusal =
  | 'not a manager of the locality'
  | 'not submitted'
  | 'comment required'
  | 'comment too long'
  | 'stale submission';

export type SignOffOutcome =
  /** The report changed: save `report` (based on the version read) and append `event`. */
  | { readonly kind: 'decided'; readonly report: LocalityReport; readonly event: ReportEvent }
  /** Already in the state asked for (a second press, or a co-manager got there first). */
  | { readonly kind: 'unchanged'; readonly report: LocalityReport; readonly reason: 'already approved' | 'already returned' }
  | { readonly kind: 'refused'; readonly reason: SignOffRefusal };

/**
 * Whether an officer signs off a locality's reports: managers of that locality. A manager with
 * no localities listed manages every locality (as elsewhere in TASS). Admins do not sign off
 * unless they are also managers: approval is a management decision.
 */
export function maySignOff(officer: Officer, localityId: string): boolean {
  if (!officer.roles.includes('manager')) return false;
  return officer.localityIds.length === 0 || officer.localityIds.includes(localityId);
}

/** The managers who sign off a locality's reports, from every officer. */
export function signOffManagers(officers: readonly Officer[], localityId: string): Officer[] {
  return officers.filter((officer) => maySignOff(officer, localityId));
}

/** Whether a report is submitted and waiting for a manager. */
export function awaitsSignOff(report: LocalityReport | undefined): boolean {
  return report?.status === 'submitted' && (report.approval === undefined || report.approval === 'pending');
}

/** Whether a report may go into the county report by default: submitted and approved. */
export function isApproved(report: LocalityReport | undefined): boolean {
  return report?.status === 'submitted' && report.approval === 'approved';
}

/** Applies a manager's decision to the report as stored now. */
export function decideSignOff(report: LocalityReport | undefined, request: SignOffRequest): SignOffOutcome {
  if (!maySignOff(request.by, report?.localityId ?? '')) return { kind: 'refused', reason: 'not a manager of the locality' };
  if (!report) return { kind: 'refused', reason: 'not submitted' };
  if (request.submittedAt !== undefined && report.submittedAt !== undefined && request.submittedAt !== report.submittedAt) {
    return { kind: 'refused', reason: 'stale submission' };
  }
  if (request.decision === 'approve') return approve(report, request);
  return returnForChanges(report, request);
}

function approve(report: LocalityReport, request: SignOffRequest): SignOffOutcome {
  if (report.status === 'submitted' && report.approval === 'approved') return { kind: 'unchanged', report, reason: 'already approved' };
  if (report.approval === 'returned') return { kind: 'unchanged', report, reason: 'already returned' };
  if (report.status !== 'submitted') return { kind: 'refused', reason: 'not submitted' };
  const { returnComment: _dropped, ...rest } = report;
  return {
    kind: 'decided',
    report: { ...rest, approval: 'approved' },
    event: { localityId: report.localityId, term: report.term, kind: 'approved', by: request.by.id, at: request.at },
  };
}

function returnForChanges(report: LocalityReport, request: SignOffRequest): SignOffOutcome {
  if (report.approval === 'returned' && report.status !== 'submitted') return { kind: 'unchanged', report, reason: 'already returned' };
  if (report.status === 'submitted' && report.approval === 'approved') return { kind: 'unchanged', report, reason: 'already approved' };
  if (report.status !== 'submitted') return { kind: 'refused', reason: 'not submitted' };
  const comment = (request.comment ?? '').trim();
  if (comment.length === 0) return { kind: 'refused', reason: 'comment required' };
  if (comment.length > RETURN_COMMENT_MAX_LENGTH) return { kind: 'refused', reason: 'comment too long' };
  return {
    kind: 'decided',
    report: { ...report, status: 'in progress', approval: 'returned', returnComment: comment },
    event: { localityId: report.localityId, term: report.term, kind: 'returned', by: request.by.id, at: request.at, comment },
  };
}

/** What each refusal means, in words for a card or a command line. */
export const SIGN_OFF_REFUSALS: Record<SignOffRefusal, string> = {
  'not a manager of the locality': 'Only the managers of this locality can approve or return its report.',
  'not submitted': 'This report is not submitted, so there is nothing to approve or return.',
  'comment required': 'Say what needs changing: the comment is shown to the EPOs on their report card.',
  'comment too long': `Keep the comment under ${RETURN_COMMENT_MAX_LENGTH.toLocaleString('en-GB')} characters.`,
  'stale submission': 'This card is about an earlier submission. The report has been submitted again since; use the newest card.',
};

const EVENT_WORDS: Record<ReportEvent['kind'], string> = {
  submitted: 'Submitted',
  returned: 'Returned for changes',
  approved: 'Approved',
  reopened: 'Reopened',
  compiled: 'Document compiled',
};

/** One line of a report's history, ready to show. */
export interface HistoryLine {
  readonly at: string;
  readonly what: string;
  /** The officer's name, or their id when they are no longer known. */
  readonly who: string;
  readonly comment?: string;
}

/**
 * A report's history for people to read: oldest first, names instead of ids. Compiled-document
 * events are left out unless asked for: they repeat each submission.
 */
export function reportHistory(
  events: readonly ReportEvent[],
  officers: ReadonlyMap<string, Pick<Officer, 'name'>>,
  options: { includeCompiled?: boolean } = {},
): HistoryLine[] {
  return events
    .filter((event) => options.includeCompiled || event.kind !== 'compiled')
    .map((event) => ({
      at: event.at,
      what: EVENT_WORDS[event.kind],
      who: officers.get(event.by)?.name ?? event.by,
      ...(event.comment ? { comment: event.comment } : {}),
    }));
}
