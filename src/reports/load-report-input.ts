/**
 * Reads what a compile needs from the store, each kind of entity once (one list call per kind,
 * priorities included), since every read may be a Graph request in production.
 */
import type { Locality, LocalityReport, Officer, Priority, PriorityUpdate } from '../domain/model';
import { type TermKey, termFromKey, termLabelOf } from '../domain/term';
import { NotFoundError } from '../store/errors';
import type { ReportStore } from '../store/report-store';
import type { LocalityReportInput } from './compile-locality-report';
import type { CountyReportInput } from './compile-county-report';

export interface LoadOptions {
  /** How a term is printed, given the month its report names; default: the house label. */
  readonly labelOf?: (term: TermKey, month?: number) => string;
}

/**
 * The month the county report of a term names: the one most of the term's reports name (a
 * council whose Autumn reports are due in December gets "Autumn – December"); the season's
 * usual month when there are none, or on a tie with it.
 */
export function countyTermMonth(reports: readonly LocalityReport[], term: TermKey): number | undefined {
  const counts = new Map<number, number>();
  for (const report of reports) {
    if (report.term !== term) continue;
    const month = report.termMonth ?? 0;
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  let chosen = 0;
  for (const [month, count] of [...counts].sort(([a], [b]) => a - b)) {
    if (count > (counts.get(chosen) ?? 0)) chosen = month;
  }
  return chosen === 0 ? undefined : chosen;
}

/** The authors named on the report, else the locality's EPOs. */
function authorsOf(localityId: string, report: LocalityReport | undefined, officers: readonly Officer[]): Officer[] {
  const byId = new Map(officers.map((officer) => [officer.id, officer] as const));
  const named = (report?.officerIds ?? []).map((id) => byId.get(id)).filter((officer): officer is Officer => officer !== undefined);
  if (named.length > 0) return named;
  return officers.filter((officer) => officer.roles.includes('epo') && officer.localityIds.includes(localityId));
}

export async function loadLocalityReportInput(
  store: ReportStore,
  localityId: string,
  term: TermKey,
  options: LoadOptions = {},
): Promise<LocalityReportInput> {
  termFromKey(term);
  const [locality, officers, priorities, updates, report] = await Promise.all([
    store.getLocality(localityId),
    store.listOfficers(),
    store.listPriorities(localityId),
    store.listPriorityUpdates({ localityId, term }),
    store.getLocalityReport(localityId, term),
  ]);
  if (!locality) throw new NotFoundError('Locality', localityId);
  return {
    locality,
    term,
    termLabel: (options.labelOf ?? termLabelOf)(term, report?.termMonth),
    officers: authorsOf(localityId, report, officers),
    priorities,
    updates,
    ...(report ? { report } : {}),
  };
}

/** What every locality report of one term (or of every term) is compiled from, read in one go. */
export interface CountySnapshot {
  readonly localities: readonly Locality[];
  readonly officers: readonly Officer[];
  readonly reports: readonly LocalityReport[];
  readonly updates: readonly PriorityUpdate[];
  /** Priorities of each locality, in the order of `localities`. */
  readonly priorities: readonly (readonly Priority[])[];
}

/** Reads one term's reports and updates, or every term's when `term` is omitted. */
export async function loadCountySnapshot(store: ReportStore, term?: TermKey): Promise<CountySnapshot> {
  if (term !== undefined) termFromKey(term);
  // Every priority in one read rather than one per locality: on SharePoint each read is a request.
  const [localities, officers, reports, updates, allPriorities] = await Promise.all([
    store.listLocalities(),
    store.listOfficers(),
    store.listLocalityReports(term),
    store.listPriorityUpdates(term === undefined ? {} : { term }),
    store.listPriorities(),
  ]);
  const byLocality = new Map<string, Priority[]>();
  for (const priority of allPriorities) {
    const list = byLocality.get(priority.localityId);
    if (list) list.push(priority);
    else byLocality.set(priority.localityId, [priority]);
  }
  const priorities = localities.map((locality) => byLocality.get(locality.id) ?? []);
  return { localities, officers, reports, updates, priorities };
}

/** One term's county input from a snapshot; no store access. */
export function countyInputFromSnapshot(
  snapshot: CountySnapshot,
  term: TermKey,
  options: LoadOptions & { intro?: string; includeDrafts?: boolean } = {},
): CountyReportInput {
  const labelOf = options.labelOf ?? termLabelOf;
  const month = countyTermMonth(snapshot.reports, term);
  const label = labelOf(term, month);
  return {
    term,
    termLabel: label,
    ...(options.intro ? { intro: options.intro } : {}),
    ...(options.includeDrafts ? { includeDrafts: true } : {}),
    localities: snapshot.localities.map((locality, index) => {
      const report = snapshot.reports.find((candidate) => candidate.localityId === locality.id && candidate.term === term);
      return {
        locality,
        term,
        // A locality's report says the month it names (its season's usual one when it names none);
        // a locality with no report yet follows the county's.
        termLabel: report?.termMonth ? labelOf(term, report.termMonth) : report ? labelOf(term) : label,
        officers: authorsOf(locality.id, report, snapshot.officers),
        priorities: snapshot.priorities[index],
        updates: snapshot.updates.filter((update) => update.localityId === locality.id && update.term === term),
        ...(report ? { report } : {}),
      };
    }),
  };
}

export async function loadCountyReportInput(
  store: ReportStore,
  term: TermKey,
  options: LoadOptions & { intro?: string; includeDrafts?: boolean } = {},
): Promise<CountyReportInput> {
  return countyInputFromSnapshot(await loadCountySnapshot(store, term), term, options);
}
