/**
 * Everything a wizard card shows, read fresh from the store on every action: nothing about a
 * draft lives in memory, so drafts survive a restart and co-authors always see the same state.
 * A turn reads it once, with one list read per kind of entity (each read may be a Graph
 * request), and the save and the next card work from it.
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

/** Every locality and officer, as the personal-data check needs them (officers may be named, localities are organisations). */
export interface OrganisationSnapshot {
  readonly localities: readonly Locality[];
  readonly officers: readonly Officer[];
}

export interface ReportState {
  readonly locality: Locality;
  readonly term: Term;
  readonly termKey: TermKey;
  readonly report?: LocalityReport;
  /** The report's authors: its officerIds once it exists, else the locality's EPOs. */
  readonly officers: readonly Officer[];
  readonly priorities: readonly PriorityInReport[];
  /** Read only for turns that check text for personal data (saves, review, submit): see loadReportState. */
  readonly organisation?: OrganisationSnapshot;
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

/** A priority of the report with its update of this term and of last term (from the lists read for the state). */
export function priorityInReport(
  priority: Priority,
  term: TermKey,
  current: PriorityUpdate | undefined,
  previous: PriorityUpdate | undefined,
): PriorityInReport {
  return {
    priority,
    update: current ?? startUpdate(priority, term, previous),
    stored: current !== undefined,
    ...(previous ? { previous } : {}),
  };
}

function byPriority(updates: readonly PriorityUpdate[]): Map<string, PriorityUpdate> {
  return new Map(updates.map((update) => [update.priorityId, update] as const));
}

/** Every locality and officer, for the personal-data check. */
export async function loadOrganisation(store: ReportStore): Promise<OrganisationSnapshot> {
  const [localities, officers] = await Promise.all([store.listLocalities(), store.listOfficers()]);
  return { localities, officers };
}

export interface ReportStateReads {
  /**
   * Also read every locality and officer (`organisation`), for a turn that checks text for
   * personal data; the locality and the report's officers then come from those lists. Left out
   * for cards that only show the report, such as the campaign's prompts to every EPO.
   */
  readonly organisation?: boolean;
}

/**
 * Reads a locality's report for one term, each kind of entity side by side and once, whatever
 * the number of priorities: this term's and last term's updates come as one list each, not one
 * read per priority.
 */
export async function loadReportState(store: ReportStore, localityId: string, key: TermKey, reads: ReportStateReads = {}): Promise<ReportState> {
  const term = termFromKey(key);
  const [found, report, priorities, updates, previousUpdates] = await Promise.all([
    reads.organisation ? loadOrganisation(store) : store.getLocality(localityId),
    store.getLocalityReport(localityId, key),
    store.listPriorities(localityId),
    store.listPriorityUpdates({ localityId, term: key }),
    store.listPriorityUpdates({ localityId, term: termKey(previousTerm(term)) }),
  ]);
  const organisation = found && 'officers' in found ? found : undefined;
  const locality = organisation ? organisation.localities.find((candidate) => candidate.id === localityId) : (found as Locality | undefined);
  if (!locality) throw new LocalityNotFoundError(localityId);
  const current = byPriority(updates);
  const previous = byPriority(previousUpdates);
  const inReport = priorities.filter((priority) => belongsToTerm(priority, term, current.has(priority.id)));
  const labelled = report?.termMonth ? { ...term, month: report.termMonth } : term;
  return {
    locality,
    term: labelled,
    termKey: key,
    report,
    officers: organisation ? reportOfficers(localityId, report, organisation.officers) : await readReportOfficers(store, localityId, report),
    priorities: inReport.map((priority) => priorityInReport(priority, key, current.get(priority.id), previous.get(priority.id))),
    ...(organisation ? { organisation } : {}),
  };
}

async function readReportOfficers(store: ReportStore, localityId: string, report: LocalityReport | undefined): Promise<Officer[]> {
  if (report && report.officerIds.length > 0) {
    const found = await Promise.all(report.officerIds.map((id) => store.getOfficer(id)));
    return found.filter((officer): officer is Officer => officer !== undefined);
  }
  return store.listOfficers({ localityId, role: 'epo' });
}

/** The report's officers that still exist, else the locality's EPOs, from the list of every officer (in name order). */
export function reportOfficers(localityId: string, report: LocalityReport | undefined, officers: readonly Officer[]): Officer[] {
  if (report && report.officerIds.length > 0) {
    const byId = new Map(officers.map((officer) => [officer.id, officer] as const));
    return report.officerIds.map((id) => byId.get(id)).filter((officer): officer is Officer => officer !== undefined);
  }
  return officers.filter((officer) => officer.roles.includes('epo') && officer.localityIds.includes(localityId));
}

/** Sections finished, counting only sections that also have text. */
export function sectionsDoneCount(update: PriorityUpdate): number {
  return SECTION_NAMES.filter((name) => update.sectionsDone.includes(name) && sectionLines(sectionOf(update, name)).length > 0).length;
}

/** Last term's planned items: what the Activity last period card asks about. */
export function carriedItems(entry: PriorityInReport): readonly string[] {
  return entry.previous ? sectionLines(entry.previous.plannedActivityNextPeriod) : [];
}
