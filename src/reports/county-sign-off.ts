/**
 * Which locality reports the county report prints in full, by managers' sign-off: approved
 * reports always; submitted reports awaiting approval only when the compile asks for them
 * (`tass compile --include-unapproved`), and then the report says so plainly near the top.
 */
import type { LocalityReport } from '../domain/model';
import { isApproved } from '../domain/sign-off';

export interface SignOffInclusionOptions {
  /** Print submitted reports that no manager has approved yet (marked as such). */
  readonly includeUnapproved?: boolean;
  /** Print reports not yet submitted too (marked as drafts). */
  readonly includeDrafts?: boolean;
}

export interface LocalityWithReport {
  readonly locality: { readonly name: string };
  readonly report?: LocalityReport;
}

export interface CountyInclusion<T extends LocalityWithReport> {
  /** Printed in full, in county order. */
  readonly inFull: readonly T[];
  /** Printed although not approved: the report must say so. */
  readonly unapprovedIncluded: readonly T[];
  /** Submitted, waiting for a manager, and left out. */
  readonly awaitingApproval: readonly T[];
  /** Not submitted (not started, in progress, or returned for changes). */
  readonly notSubmitted: readonly T[];
}

function isSubmitted(report: LocalityReport | undefined): boolean {
  return report?.status === 'submitted';
}

/** Sorts the localities by what the county report does with each. */
export function countyInclusion<T extends LocalityWithReport>(localities: readonly T[], options: SignOffInclusionOptions = {}): CountyInclusion<T> {
  const submittedUnapproved = localities.filter((entry) => isSubmitted(entry.report) && !isApproved(entry.report));
  const inFull = localities.filter(
    (entry) =>
      isApproved(entry.report) ||
      (options.includeUnapproved && isSubmitted(entry.report)) ||
      (options.includeDrafts && entry.report !== undefined),
  );
  return {
    inFull,
    unapprovedIncluded: submittedUnapproved.filter((entry) => inFull.includes(entry)),
    awaitingApproval: submittedUnapproved.filter((entry) => !inFull.includes(entry)),
    notSubmitted: localities.filter((entry) => !isSubmitted(entry.report)),
  };
}

function names(entries: readonly LocalityWithReport[]): string {
  return entries.map((entry) => entry.locality.name).join(', ');
}

/** The plain statement printed near the top when unapproved reports are included; undefined when none are. */
export function unapprovedNotice(inclusion: CountyInclusion<LocalityWithReport>): string | undefined {
  if (inclusion.unapprovedIncluded.length === 0) return undefined;
  const count = inclusion.unapprovedIncluded.length;
  return `Not yet approved: this document includes ${count === 1 ? 'a locality report' : `${count} locality reports`} that no manager has approved yet (${names(inclusion.unapprovedIncluded)}). ${count === 1 ? 'It is' : 'They are'} marked where ${count === 1 ? 'it appears' : 'they appear'}.`;
}

/** The line that closes the county report about reports left out while they wait for approval. */
export function awaitingApprovalLine(inclusion: CountyInclusion<LocalityWithReport>): string | undefined {
  if (inclusion.awaitingApproval.length === 0) return undefined;
  return `Submitted and waiting for a manager's approval, so not printed here: ${names(inclusion.awaitingApproval)}.`;
}

/**
 * The updates whose locality report the county report may draw on: approved ones (submitted ones
 * too with `includeUnapproved`, any report with `includeDrafts`), so the outcomes section never
 * shows what the report itself leaves out.
 */
export function signedOffUpdates<T extends { readonly localityId: string; readonly term: string }>(
  updates: readonly T[],
  reports: readonly LocalityReport[],
  options: SignOffInclusionOptions = {},
): T[] {
  const usable = new Set(
    reports
      .filter((report) => isApproved(report) || (options.includeUnapproved && isSubmitted(report)) || options.includeDrafts)
      .map((report) => `${report.localityId}\u0000${report.term}`),
  );
  return updates.filter((update) => usable.has(`${update.localityId}\u0000${update.term}`));
}
