/**
 * How far each locality has got with a term's report: the answer to "who has submitted?" and
 * the list of what is outstanding on the due date. Pure: the caller reads the store.
 */
import type { Locality, LocalityReport, Officer, PriorityUpdate, ReportStatus } from './model';

export interface LocalityProgress {
  readonly locality: Locality;
  readonly status: ReportStatus;
  /** Officer ids of the EPOs who serve the locality. */
  readonly epoIds: readonly string[];
  readonly submittedBy?: string;
  readonly submittedAt?: string;
}

/**
 * One row per locality, in report order. A locality with no report record but saved drafts is
 * "in progress"; with neither it is "not started".
 */
export function summariseProgress(
  localities: readonly Locality[],
  reports: readonly LocalityReport[],
  updates: readonly Pick<PriorityUpdate, 'localityId'>[],
  officers: readonly Officer[],
): LocalityProgress[] {
  const reportOf = new Map(reports.map((report) => [report.localityId, report]));
  const drafted = new Set(updates.map((update) => update.localityId));
  return localities.map((locality) => {
    const report = reportOf.get(locality.id);
    const status: ReportStatus = report?.status ?? (drafted.has(locality.id) ? 'in progress' : 'not started');
    const epoIds = officers.filter((o) => o.roles.includes('epo') && o.localityIds.includes(locality.id)).map((o) => o.id);
    return {
      locality,
      status,
      epoIds,
      ...(report?.submittedBy ? { submittedBy: report.submittedBy } : {}),
      ...(report?.submittedAt ? { submittedAt: report.submittedAt } : {}),
    };
  });
}

/** The localities a manager looks after: those listed on them, or every locality when none are. */
export function localitiesManagedBy(officer: Officer, localities: readonly Locality[]): Locality[] {
  if (officer.roles.includes('admin') || officer.localityIds.length === 0) return [...localities];
  return localities.filter((locality) => officer.localityIds.includes(locality.id));
}

export function isManager(officer: Officer): boolean {
  return officer.roles.includes('manager') || officer.roles.includes('admin');
}
