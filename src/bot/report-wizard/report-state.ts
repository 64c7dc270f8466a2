/**
 * Everything a wizard card shows, read fresh from the store on every action: nothing about a
 * draft lives in memory, so drafts survive a restart and co-authors always see the same state.
 */
import {
  EMPTY_SECTION,
  SECTION_NAMES,
  type Locality,
  type LocalityReport,
  type Officer,
  type Priority,
  type PriorityUpdate,
  type SectionName,
  type SectionText,
} from '../../domain/model';
import { compareTerms, previousTerm, termFromKey, termKey, type Term, type TermKey } from '../../domain/term';
import { sectionLines } from '../../domain/section-text';
import type { ReportStore } from '../../store/report-store';

/** One priority of the report with this term's update (as stored, or started from last term). */
export interface PriorityInReport {
  readonly priority: Priority;
  readonly update: PriorityUpdate;
  /** False while nobody has saved anything for this priority this term. */
  readonly stored: boolean;
  readonly previous?: PriorityUpdate;
}

export interface ReportState {
  readonly locality: Locality;
  readonly term: Term;
  readonly termKey: TermKey;
  readonly report?: LocalityReport;
  /** The report's authors: its officerIds once it exists, else the locality's EPOs. */
  readonly officers: readonly Officer[];
  readonly priorities: readonly PriorityInReport[];
}

export class LocalityNotFoundError extends Error {
  constructor(readonly localityId: string) {
    super(`Locality ${localityId} does not exist`);
    this.name = 'LocalityNotFoundError';
  }
}

/** A section of an update as SectionText; the title is kept as a one-paragraph section. */
export function sectionOf(update: PriorityUpdate, section: SectionName): SectionText {
  if (section === 'priority') return update.title ? { kind: 'prose', paragraphs: [update.title] } : EMPTY_SECTION;
  return update[section];
}

/** This term's update of a priority when nobody has written it yet: outcomes and exit strategy carry over. */
export function startUpdate(priority: Priority, term: TermKey, previous: PriorityUpdate | undefined): PriorityUpdate {
  return {
    priorityId: priority.id,
    localityId: priority.localityId,
    term,
    title: previous?.title ?? priority.title,
    intendedOutcomes: previous?.intendedOutcomes ?? priority.intendedOutcomes,
    activityLastPeriod: EMPTY_SECTION,
    plannedActivityNextPeriod: EMPTY_SECTION,
    impactSoFar: EMPTY_SECTION,
    exitStrategy: previous?.exitStrategy ?? priority.exitStrategy,
    carryForward: [],
    sectionsDone: [],
    figures: [],
    version: 0,
  };
}

/** Whether a priority belongs in this term's report: open then, or closed this term. */
function belongsToTerm(priority: Priority, term: Term, hasUpdate: boolean): boolean {
  if (hasUpdate) return true;
  if (compareTerms(termFromKey(priority.openedTerm), term) > 0) return false;
  if (priority.status === 'active') return true;
  return priority.closedTerm !== undefined && compareTerms(termFromKey(priority.closedTerm), term) >= 0;
}

export async function loadPriorityInReport(
  store: ReportStore,
  priority: Priority,
  term: Term,
): Promise<PriorityInReport> {
  const key = termKey(term);
  const [current, previous] = await Promise.all([
    store.getPriorityUpdate(priority.id, key),
    store.getPriorityUpdate(priority.id, termKey(previousTerm(term))),
  ]);
  return {
    priority,
    update: current ?? startUpdate(priority, key, previous),
    stored: current !== undefined,
    ...(previous ? { previous } : {}),
  };
}

export async function loadReportState(store: ReportStore, localityId: string, key: TermKey): Promise<ReportState> {
  const term = termFromKey(key);
  const locality = await store.getLocality(localityId);
  if (!locality) throw new LocalityNotFoundError(localityId);
  const [report, priorities, updates] = await Promise.all([
    store.getLocalityReport(localityId, key),
    store.listPriorities(localityId),
    store.listPriorityUpdates({ localityId, term: key }),
  ]);
  const withUpdate = new Set(updates.map((update) => update.priorityId));
  const inReport = priorities.filter((priority) => belongsToTerm(priority, term, withUpdate.has(priority.id)));
  const loaded = await Promise.all(inReport.map((priority) => loadPriorityInReport(store, priority, term)));
  const labelled = report?.termMonth ? { ...term, month: report.termMonth } : term;
  return { locality, term: labelled, termKey: key, report, officers: await reportOfficers(store, localityId, report), priorities: loaded };
}

async function reportOfficers(store: ReportStore, localityId: string, report: LocalityReport | undefined): Promise<Officer[]> {
  if (report && report.officerIds.length > 0) {
    const found = await Promise.all(report.officerIds.map((id) => store.getOfficer(id)));
    return found.filter((officer): officer is Officer => officer !== undefined);
  }
  return store.listOfficers({ localityId, role: 'epo' });
}

/** Sections finished, counting only sections that also have text. */
export function sectionsDoneCount(update: PriorityUpdate): number {
  return SECTION_NAMES.filter((name) => update.sectionsDone.includes(name) && sectionLines(sectionOf(update, name)).length > 0).length;
}

/** Last term's planned items: what the Activity last period card asks about. */
export function carriedItems(entry: PriorityInReport): readonly string[] {
  return entry.previous ? sectionLines(entry.previous.plannedActivityNextPeriod) : [];
}
