/** The report card (the wizard's home), the review card and the notice card. */
import { SECTION_HEADINGS, SECTION_NAMES, type PriorityStatus } from '../../domain/model';
import { termLabel } from '../../domain/term';
import { isSectionEmpty, sectionLength, sectionLines } from '../../domain/section-text';
import { markedItemText } from '../../domain/carry-forward-marks';
import { NOTICE_CARD, REPORT_CARD, REVIEW_CARD, type ActionContext, type ReviewPriority } from '../../cards/card-models';
import { priorityButtons, stepAfter } from './report-card-steps';
import { escapeCardText, shortenText } from '../../cards/escape-card-text';
import { renderCard, type AdaptiveCardJson } from '../../cards/render-card';
import { renderWithinLimit } from '../../cards/card-size';
import { contextFor, refreshFor, reviewStamp, type CardFrame } from './card-context';
import { sectionOf, sectionsDoneCount, type PriorityInReport, type ReportState } from './report-state';
import { SECTION_MAX_LENGTH } from './section-guidance';
import { formatWhen, joinNames } from './wizard-actor';
import { priorityName } from './priority-name';

const PRIORITY_STATUS_LABELS: Record<PriorityStatus, string> = {
  active: 'Active',
  closed: 'Closed',
  'handed over': 'Handed over',
};

export function isSubmitted(state: ReportState): boolean {
  return state.report?.status === 'submitted';
}

function officersLine(state: ReportState): string {
  return escapeCardText(joinNames(state.officers.map((officer) => officer.name)) || 'No EPO assigned yet');
}

function reportStatusLabel(state: ReportState): string {
  if (isSubmitted(state)) {
    if (state.report?.approval === 'approved') return 'Submitted and approved';
    if (state.report?.approval === 'returned') return 'Returned for changes';
    return 'Submitted';
  }
  if (state.report?.approval === 'returned') return 'Returned for changes';
  return state.priorities.some((entry) => entry.stored) ? 'In progress' : 'Not started';
}

/** "Submitted by Claire Fox at 14:05 on 21 March 2025". */
export function submittedLine(state: ReportState, submitterName: string | undefined): string | undefined {
  if (!isSubmitted(state) || !state.report?.submittedAt) return undefined;
  return escapeCardText(`Submitted by ${submitterName ?? 'an EPO'} at ${formatWhen(state.report.submittedAt)}`);
}

function closingLine(entry: PriorityInReport): string | undefined {
  if (entry.priority.status === 'active') return undefined;
  const label = PRIORITY_STATUS_LABELS[entry.priority.status];
  return escapeCardText(entry.priority.closingNote ? `${label}: ${entry.priority.closingNote}` : label);
}

/** The wizard's home: the locality, term, officers and each priority with its progress. */
export function buildReportCard(
  frame: CardFrame,
  options: {
    notice?: string;
    submitterName?: string;
    /** The priority whose last section was just saved: the card offers the step after it. */
    finishedPriorityId?: string;
  } = {},
): AdaptiveCardJson {
  const { state } = frame;
  const editable = !isSubmitted(state);
  const context = contextFor(state, 'report');
  const returned = state.report?.approval === 'returned' && state.report.returnComment;
  return renderWithinLimit((previewChars) =>
    renderCard(REPORT_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabel(state.term),
      officers: officersLine(state),
      statusLabel: reportStatusLabel(state),
      ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
      ...(editable && options.finishedPriorityId ? { nextStep: stepAfter(state, options.finishedPriorityId) } : {}),
      ...(returned ? { returnComment: escapeCardText(shortenText(returned, previewChars ?? 4000)) } : {}),
      ...(submittedLine(state, options.submitterName) ? { submittedLine: submittedLine(state, options.submitterName) } : {}),
      priorities: state.priorities.map((entry) => {
        const closing = closingLine(entry);
        return {
          title: escapeCardText(shortenText(entry.update.title || entry.priority.title, previewChars ?? 300)),
          progress: `${sectionsDoneCount(entry.update)} of ${SECTION_NAMES.length} sections done`,
          statusLabel: PRIORITY_STATUS_LABELS[entry.priority.status],
          ...(closing ? { closingNote: closing } : {}),
          canClose: editable && entry.priority.status === 'active',
          continueData: contextFor(state, 'section', { priorityId: entry.priority.id, version: entry.update.version }),
          closeData: contextFor(state, 'close', { priorityId: entry.priority.id, version: entry.priority.version }),
          ...(editable ? priorityButtons(state, entry) : { canContinue: false, editRows: [] }),
        };
      }),
      hasPriorities: state.priorities.length > 0,
      editable,
      addData: context,
      reviewData: contextFor(state, 'review'),
      refresh: refreshFor(frame, context),
    }),
  );
}

/** What stops the report being submitted, in words an EPO can act on. */
export function submitProblems(state: ReportState): string[] {
  if (state.priorities.length === 0) return ['Add at least one priority.'];
  return state.priorities.flatMap((entry) => {
    const name = priorityName(entry, 'sentence start');
    return SECTION_NAMES.flatMap((section) => {
      const text = sectionOf(entry.update, section);
      if (isSectionEmpty(text)) return [`${name}: ${SECTION_HEADINGS[section]} is not written yet.`];
      if (sectionLength(text) > SECTION_MAX_LENGTH[section]) {
        return [`${name}: ${SECTION_HEADINGS[section]} is longer than ${SECTION_MAX_LENGTH[section].toLocaleString('en-GB')} characters.`];
      }
      return [];
    });
  });
}

function reviewPriority(entry: PriorityInReport, previewChars: number | undefined): ReviewPriority {
  const closing = closingLine(entry);
  return {
    ...(closing ? { statusLine: closing } : {}),
    sections: SECTION_NAMES.map((section) => {
      const text = sectionOf(entry.update, section);
      const written = sectionLines(text).map((line) => (text.kind === 'items' ? `• ${line}` : line));
      // Last term's planned items and how each went, as the compiled report prints them.
      const marks = section === 'activityLastPeriod' ? entry.update.carryForward.map((mark) => `• ${markedItemText(mark)}`) : [];
      const lines = [...written, ...marks];
      const shown = previewChars === undefined ? lines : shortenLines(lines, previewChars);
      return {
        heading: SECTION_HEADINGS[section],
        lines: shown.map((line) => ({ text: escapeCardText(line) })),
        missing: written.length === 0,
      };
    }),
  };
}

/** Keeps the first lines of a section up to a character budget. */
function shortenLines(lines: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used >= budget) {
      kept.push('…');
      break;
    }
    const shortened = shortenText(line, Math.max(budget - used, 1));
    kept.push(shortened);
    used += shortened.length;
  }
  return kept;
}

/** The whole report as it will be compiled, with Submit (or, once submitted, who submitted it and when). */
export function buildReviewCard(
  frame: CardFrame,
  options: { notice?: string; submitterName?: string; personalDataProblems?: readonly string[] } = {},
): AdaptiveCardJson {
  const { state } = frame;
  const editable = !isSubmitted(state);
  // Personal-data problems come highlighted (card Markdown, already escaped); the others are plain.
  const problems = editable ? [...submitProblems(state).map(escapeCardText), ...(options.personalDataProblems ?? [])] : [];
  const context = contextFor(state, 'review', { basis: reviewStamp(state) });
  const line = submittedLine(state, options.submitterName);
  return renderWithinLimit((previewChars) =>
    renderCard(REVIEW_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabel(state.term),
      officers: officersLine(state),
      ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
      ...(previewChars !== undefined
        ? { previewNote: 'This is a shortened preview so the card fits in Teams. Everything you wrote is saved and goes into the compiled report in full.' }
        : {}),
      ...(line ? { submittedLine: line } : {}),
      ...(state.report?.documentUrl ? { documentUrl: state.report.documentUrl } : {}),
      problems: problems.map((text) => ({ text })),
      priorities: state.priorities.map((entry) => reviewPriority(entry, previewChars)),
      canSubmit: editable && problems.length === 0,
      editable,
      submitData: context,
      backData: contextFor(state, 'report'),
      refresh: refreshFor(frame, context),
    }),
  );
}

/** A plain message card: not allowed, not found, already submitted. */
export function buildNoticeCard(title: string, message: string, backData?: ActionContext): AdaptiveCardJson {
  return renderCard(NOTICE_CARD, { title, message: escapeCardText(message), ...(backData ? { backData } : {}) });
}
