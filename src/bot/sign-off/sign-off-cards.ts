/** The managers' sign-off card and a report's history card, built from a SignOffState. */
import type { RagStatus } from '../../domain/model';
import { awaitsSignOff, maySignOff, reportHistory, RETURN_COMMENT_MAX_LENGTH } from '../../domain/sign-off';
import type { Officer } from '../../domain/model';
import { termLabelOf } from '../../domain/term';
import { escapeCardText, shortenText } from '../../cards/escape-card-text';
import { renderCard, type AdaptiveCardJson } from '../../cards/render-card';
import { renderWithinLimit } from '../../cards/card-size';
import { REPORT_HISTORY_CARD, SIGN_OFF_CARD, type SignOffActionData } from '../../cards/manager-card-models';
import { formatWhen, joinNames } from '../report-wizard/wizard-actor';
import { lastDecision, type SignOffState } from './sign-off-state';
import { notableImpactLines } from '../../domain/impact-highlights';

const RAG_LABELS: Record<RagStatus, string> = { 'on track': 'On track', 'some concerns': 'Some concerns', 'off track': 'Off track' };

export function ragLabel(rag: RagStatus | undefined): string {
  return rag ? RAG_LABELS[rag] : 'Not rated';
}

function nameOf(state: SignOffState, officerId: string): string {
  return state.officers.get(officerId)?.name ?? 'someone no longer in TASS';
}

/** "Waiting for approval", "Approved by Mary Holt", "Returned for changes by Mary Holt", "In progress". */
export function approvalLabel(state: SignOffState): string {
  const report = state.report;
  if (!report) return 'Not started';
  const decision = lastDecision(state);
  const by = decision && decision.kind !== 'submitted' ? ` by ${nameOf(state, decision.by)}` : '';
  if (report.approval === 'returned') return `Returned for changes${by}`;
  if (report.status !== 'submitted') return report.status === 'in progress' ? 'In progress' : 'Not started';
  if (report.approval === 'approved') return `Approved${by}`;
  return 'Waiting for approval';
}

export function actionDataOf(state: SignOffState): SignOffActionData {
  return { localityId: state.locality.id, term: state.term, submittedAt: state.report?.submittedAt ?? '' };
}

export interface SignOffCardOptions {
  readonly viewer: Officer;
  /** Teams user ids whose copy of the card refreshes (the locality's managers). */
  readonly userIds: readonly string[];
  readonly notice?: string;
  readonly comment?: string;
}

/** The card a manager approves or returns a submitted report from. */
export function buildSignOffCard(state: SignOffState, options: SignOffCardOptions): AdaptiveCardJson {
  const report = state.report;
  const data = actionDataOf(state);
  const submitted = report?.submittedAt
    ? `Submitted by ${report.submittedBy ? nameOf(state, report.submittedBy) : 'an EPO'} at ${formatWhen(report.submittedAt)}`
    : 'Not submitted yet';
  return renderWithinLimit((previewChars) =>
    renderCard(SIGN_OFF_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabelOf(state.term, state.report?.termMonth),
      officers: escapeCardText(joinNames(state.authors.map((officer) => officer.name)) || 'No EPO assigned'),
      submittedLine: escapeCardText(submitted),
      statusLabel: escapeCardText(approvalLabel(state)),
      ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
      ...(report?.approval === 'returned' && report.returnComment ? { returnComment: escapeCardText(shortenText(report.returnComment, previewChars ?? 4000)) } : {}),
      ...(report?.documentUrl && report.status === 'submitted' ? { documentUrl: report.documentUrl } : {}),
      priorities: state.updates.map((update) => ({
        title: escapeCardText(shortenText(update.title, previewChars ?? 300)),
        status: ragLabel(update.rag),
      })),
      priorityCount: `${state.updates.length} ${state.updates.length === 1 ? 'priority' : 'priorities'}`,
      impactHighlights: notableImpactLines(state.updates).map((line) => escapeCardText(shortenText(line, previewChars ?? 400))),
      hasImpactHighlights: notableImpactLines(state.updates).length > 0,
      canDecide: awaitsSignOff(report) && maySignOff(options.viewer, state.locality.id),
      comment: options.comment ?? '',
      commentMaxLength: RETURN_COMMENT_MAX_LENGTH,
      actionData: data,
      refresh: { data, userIds: options.userIds },
    }),
  );
}

/** Who did what to a report and when, oldest first. */
export function buildHistoryCard(state: SignOffState): AdaptiveCardJson {
  const lines = reportHistory(state.events, state.officers);
  return renderWithinLimit((previewChars) =>
    renderCard(REPORT_HISTORY_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabelOf(state.term, state.report?.termMonth),
      statusLabel: approvalLabel(state),
      lines: lines.map((line) => ({
        when: formatWhen(line.at),
        what: line.what,
        who: escapeCardText(line.who),
        ...(line.comment ? { comment: escapeCardText(shortenText(line.comment, previewChars ?? 2000)) } : {}),
      })),
      hasLines: lines.length > 0,
      writers: state.updates.flatMap((update) =>
        update.updatedBy
          ? [{
              title: escapeCardText(shortenText(update.title, previewChars ?? 300)),
              line: escapeCardText(`${nameOf(state, update.updatedBy)}${update.updatedAt ? ` at ${formatWhen(update.updatedAt)}` : ''}`),
            }]
          : [],
      ),
    }),
  );
}
