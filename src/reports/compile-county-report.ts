/**
 * The county report, "TASS in action": an introduction, contents, a summary table of every
 * locality, then each locality's report in turn and who has not submitted yet.
 */
import type { LocalityReport } from '../domain/model';
import type { TermKey } from '../domain/term';
import { type LocalityReportInput, localityReportBlocks, officerNames, prioritiesInTerm } from './compile-locality-report';
import { awaitingApprovalLine, countyInclusion, unapprovedNotice } from './county-sign-off';
import { outcomesBlocks, type OutcomesInput } from './outcomes-report';
import { anchorFor, type ReportBlock, type ReportDocument } from './report-document';

const SUMMARY_ANCHOR = 'summary';
const NOT_SUBMITTED_ANCHOR = 'not_submitted';

export const COUNTY_REPORT_TITLE = 'TASS in action';

export const DEFAULT_COUNTY_INTRO =
  'Team Around the School and Setting (TASS) brings schools, settings and partners together in each ' +
  'locality to tackle the priorities they share. This report gathers what each locality has done this ' +
  'period, what it plans next and the difference it is making.';

export interface CountyReportInput {
  readonly term: TermKey;
  readonly termLabel: string;
  /** The introduction paragraph (config.countyIntro), else DEFAULT_COUNTY_INTRO. */
  readonly intro?: string;
  /** Every locality in county order, each with its report for the term if there is one. */
  readonly localities: readonly LocalityReportInput[];
  /** Print reports not yet submitted in full too (marked as drafts); by default only approved ones are. */
  readonly includeDrafts?: boolean;
  /** Print submitted reports no manager has approved yet (the document says so near the top). */
  readonly includeUnapproved?: boolean;
  /** Outcomes across terms (the academic year so far), printed after the summary with their charts. */
  readonly outcomes?: OutcomesInput;
}

const OUTCOMES_ANCHOR = 'outcomes';

function statusText(report: LocalityReport | undefined): string {
  if (!report) return 'not started';
  if (report.status !== 'submitted') return report.status;
  return report.approval && report.approval !== 'pending' ? `submitted (${report.approval})` : 'submitted';
}

/** Anchors use the locality id, which is unique, so two localities with similar names never share one. */
function localityAnchor(input: LocalityReportInput): string {
  return anchorFor('locality', input.locality.id);
}

function isSubmitted(input: LocalityReportInput): boolean {
  return input.report?.status === 'submitted';
}

/** The county report as a document. */
export function compileCountyReport(input: CountyReportInput): ReportDocument {
  // Managers' sign-off decides what is printed in full: approved reports, unless asked otherwise.
  const inclusion = countyInclusion(input.localities, input);
  const inFull = inclusion.inFull;
  const missing = inclusion.notSubmitted;
  const notice = unapprovedNotice(inclusion);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: COUNTY_REPORT_TITLE },
    { kind: 'paragraph', text: input.termLabel },
    ...(notice ? [{ kind: 'paragraph', text: notice } as const] : []),
    { kind: 'paragraph', text: input.intro?.trim() || DEFAULT_COUNTY_INTRO },
    { kind: 'heading', level: 2, text: 'Contents' },
    {
      kind: 'contents',
      entries: [
        { text: 'Summary', anchor: SUMMARY_ANCHOR },
        ...(input.outcomes ? [{ text: 'Outcomes across terms', anchor: OUTCOMES_ANCHOR }] : []),
        ...inFull.map((locality) => ({ text: locality.locality.name, anchor: localityAnchor(locality) })),
        { text: 'Not yet submitted', anchor: NOT_SUBMITTED_ANCHOR },
      ],
    },
    { kind: 'heading', level: 2, text: 'Summary', anchor: SUMMARY_ANCHOR },
    {
      kind: 'table',
      caption: `Locality reports, ${input.termLabel}`,
      header: ['Locality', 'Officers', 'Priorities', 'Status'],
      rows: input.localities.map((locality) => [
        locality.locality.name,
        officerNames(locality.officers) || '–',
        String(prioritiesInTerm(locality).length),
        statusText(locality.report),
      ]),
    },
  ];
  if (input.outcomes) blocks.push({ kind: 'pageBreak' }, ...outcomesBlocks(input.outcomes, 2, { anchor: OUTCOMES_ANCHOR }));
  for (const locality of inFull) {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(...localityReportBlocks(locality, 2, localityAnchor(locality)));
    if (!isSubmitted(locality)) blocks.push({ kind: 'paragraph', text: `Draft: this report is ${statusText(locality.report)}.` });
    else if (inclusion.unapprovedIncluded.includes(locality)) blocks.push({ kind: 'paragraph', text: 'Not yet approved by a manager.' });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Not yet submitted', anchor: NOT_SUBMITTED_ANCHOR });
  blocks.push({
    kind: 'paragraph',
    text:
      missing.length === 0
        ? 'Every locality has submitted its report.'
        : `Not yet submitted: ${missing.map((locality) => locality.locality.name).join(', ')}.`,
  });
  const awaiting = awaitingApprovalLine(inclusion);
  if (awaiting) blocks.push({ kind: 'paragraph', text: awaiting });
  return {
    title: `${COUNTY_REPORT_TITLE} – ${input.termLabel}`,
    description: `TASS county report, ${input.termLabel}`,
    blocks,
  };
}
