/**
 * Fills the published list with reports that were submitted before it existed (a site upgraded
 * to a version with `TASS Published Updates`): each submitted report whose priorities are not all
 * published is saved again as it stands, which publishes it exactly as a Submit would. Reports
 * that are published already, and drafts, are left alone, so running it again changes nothing.
 */
import type { LocalityReport } from '../domain/model';
import type { ReportStore } from './report-store';

export interface MissingSubmissions {
  /** Submitted reports whose priorities are not all in the published list. */
  readonly reports: readonly LocalityReport[];
}

const keyOf = (localityId: string, term: string): string => `${localityId}|${term}`;

/** Which submitted reports the published list lacks (wholly or in part); reads only. */
export async function findMissingSubmissions(store: ReportStore): Promise<MissingSubmissions> {
  const [reports, updates, published] = await Promise.all([store.listLocalityReports(), store.listPriorityUpdates({}), store.listPublishedUpdates({})]);
  const idsByReport = (list: ReadonlyArray<{ localityId: string; term: string; priorityId: string }>): Map<string, Set<string>> => {
    const ids = new Map<string, Set<string>>();
    for (const update of list) {
      const key = keyOf(update.localityId, update.term);
      ids.set(key, (ids.get(key) ?? new Set()).add(update.priorityId));
    }
    return ids;
  };
  const written = idsByReport(updates);
  const publishedIds = idsByReport(published);
  const missing = reports.filter((report) => {
    if (report.status !== 'submitted') return false;
    const have = publishedIds.get(keyOf(report.localityId, report.term)) ?? new Set<string>();
    return [...(written.get(keyOf(report.localityId, report.term)) ?? [])].some((priorityId) => !have.has(priorityId));
  });
  return { reports: missing };
}

/** Publishes each report `findMissingSubmissions` found, calling `onPublished` after each. */
export async function publishMissingSubmissions(
  store: ReportStore,
  missing: MissingSubmissions,
  onPublished: (report: LocalityReport, priorities: number) => void = () => undefined,
): Promise<number> {
  for (const report of missing.reports) {
    const updates = await store.listPriorityUpdates({ localityId: report.localityId, term: report.term });
    await store.saveReportWithUpdates(
      report,
      report.version,
      updates.map((update) => ({ update, expectedVersion: update.version })),
    );
    onPublished(report, updates.length);
  }
  return missing.reports.length;
}
