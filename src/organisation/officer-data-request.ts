/**
 * Data subject requests (UK GDPR) for an officer: everything TASS stores about them, and erasing
 * them. The locality reports are the council's records, so erasure keeps them and puts
 * FORMER_OFFICER_ID where the officer's id was (history, `updatedBy`, `submittedBy`, authors).
 */
import type { CampaignDelivery, ConversationLink, CoverAssignment, LocalityReport, Officer, PriorityUpdate, ReportEvent } from '../domain/model';
import { FORMER_OFFICER_ID } from '../domain/organisation';
import type { ReportStore } from '../store/report-store';
import { officerWithEmail } from './organisation-records';

/** A priority update the officer saved last: a reference to it, not its text. */
export interface UpdateReference {
  readonly localityId: string;
  readonly term: string;
  readonly priorityId: string;
  readonly priorityTitle: string;
  readonly updatedAt?: string;
  /** The officer confirmed flagged personal data in this update (the record the guard keeps). */
  readonly confirmedPersonalData: boolean;
}

/** A locality report the officer submitted or is named as an author of: a reference to it. */
export interface ReportReference {
  readonly localityId: string;
  readonly term: string;
  readonly status: string;
  readonly submitted: boolean;
  readonly author: boolean;
  readonly submittedAt?: string;
}

export interface OfficerDataExport {
  readonly explanation: string;
  readonly officer: Officer;
  readonly conversationLink: ConversationLink | null;
  readonly deliveries: readonly CampaignDelivery[];
  readonly covers: readonly CoverAssignment[];
  readonly reportEvents: readonly ReportEvent[];
  readonly prioritiesLastSaved: readonly UpdateReference[];
  readonly reports: readonly ReportReference[];
}

export const EXPORT_EXPLANATION =
  'Everything TASS stores about this officer. Priority updates and locality reports are referenced by locality, ' +
  'term and priority rather than copied: their text is the council\'s record, often written with others, and may ' +
  'name other people; it can be read in the compiled reports.';

/** Everything that refers to the officer, read once. */
interface OfficerFootprint {
  readonly link?: ConversationLink;
  readonly deliveries: CampaignDelivery[];
  readonly covers: CoverAssignment[];
  readonly events: ReportEvent[];
  readonly updates: PriorityUpdate[];
  readonly reports: LocalityReport[];
}

const confirmersOf = (update: PriorityUpdate): string[] => Object.values(update.personalDataConfirmations ?? {}).flatMap((c) => (c ? [c.confirmedBy] : []));

async function footprintOf(store: ReportStore, officerId: string): Promise<OfficerFootprint> {
  const [link, deliveries, allCovers, allReports, allUpdates] = await Promise.all([
    store.getConversationLink(officerId),
    store.listDeliveriesTo(officerId),
    store.listCovers(),
    store.listLocalityReports(),
    store.listPriorityUpdates({}),
  ]);
  const events: ReportEvent[] = [];
  for (const report of allReports) events.push(...(await store.listReportEvents(report.localityId, report.term)).filter((e) => e.by === officerId));
  return {
    ...(link ? { link } : {}),
    deliveries,
    covers: allCovers.filter((c) => [c.coverOfficerId, c.absentOfficerId, c.assignedBy].includes(officerId)),
    events,
    updates: allUpdates.filter((u) => u.updatedBy === officerId || confirmersOf(u).includes(officerId)),
    reports: allReports.filter((r) => r.submittedBy === officerId || r.officerIds.includes(officerId)),
  };
}

export async function exportOfficerData(store: ReportStore, email: string): Promise<OfficerDataExport> {
  const officer = await officerWithEmail(store, email);
  const found = await footprintOf(store, officer.id);
  const titles = new Map<string, string>();
  for (const localityId of new Set(found.updates.map((u) => u.localityId))) {
    for (const priority of await store.listPriorities(localityId)) titles.set(priority.id, priority.title);
  }
  return {
    explanation: EXPORT_EXPLANATION,
    officer,
    conversationLink: found.link ?? null,
    deliveries: found.deliveries,
    covers: found.covers,
    reportEvents: found.events,
    prioritiesLastSaved: found.updates.map((u) => ({
      localityId: u.localityId,
      term: u.term,
      priorityId: u.priorityId,
      priorityTitle: u.title || (titles.get(u.priorityId) ?? ''),
      ...(u.updatedBy === officer.id && u.updatedAt ? { updatedAt: u.updatedAt } : {}),
      confirmedPersonalData: confirmersOf(u).includes(officer.id),
    })),
    reports: found.reports.map((r) => ({
      localityId: r.localityId,
      term: r.term,
      status: r.status,
      submitted: r.submittedBy === officer.id,
      author: r.officerIds.includes(officer.id),
      ...(r.submittedBy === officer.id && r.submittedAt ? { submittedAt: r.submittedAt } : {}),
    })),
  };
}

/** What erasing an officer does, counted, so it can be shown before it is done. */
export interface OfficerRemovalPlan {
  readonly officer: Officer;
  readonly conversationLink: boolean;
  readonly deliveries: number;
  readonly coversDeleted: number;
  readonly coversReassigned: number;
  readonly reportEvents: number;
  readonly updates: number;
  readonly reports: number;
}

const isTheirCover = (cover: CoverAssignment, id: string): boolean => cover.coverOfficerId === id || cover.absentOfficerId === id;

function removalPlan(officer: Officer, found: OfficerFootprint): OfficerRemovalPlan {
  return {
    officer,
    conversationLink: found.link !== undefined,
    deliveries: found.deliveries.length,
    coversDeleted: found.covers.filter((c) => isTheirCover(c, officer.id)).length,
    coversReassigned: found.covers.filter((c) => !isTheirCover(c, officer.id)).length,
    reportEvents: found.events.length,
    updates: found.updates.length,
    reports: found.reports.length,
  };
}

/** What `removeOfficer` would do, changing nothing. */
export async function planOfficerRemoval(store: ReportStore, email: string): Promise<OfficerRemovalPlan> {
  const officer = await officerWithEmail(store, email);
  return removalPlan(officer, await footprintOf(store, officer.id));
}

const replaced = (id: string, officerId: string): string => (id === officerId ? FORMER_OFFICER_ID : id);

function withoutOfficer(update: PriorityUpdate, officerId: string): PriorityUpdate {
  const confirmations = update.personalDataConfirmations
    ? Object.fromEntries(Object.entries(update.personalDataConfirmations).map(([section, c]) => [section, c && { ...c, confirmedBy: replaced(c.confirmedBy, officerId) }]))
    : undefined;
  return {
    ...update,
    ...(update.updatedBy !== undefined ? { updatedBy: replaced(update.updatedBy, officerId) } : {}),
    ...(confirmations ? { personalDataConfirmations: confirmations } : {}),
  };
}

function reportWithoutOfficer(report: LocalityReport, officerId: string): LocalityReport {
  return {
    ...report,
    officerIds: report.officerIds.map((id) => replaced(id, officerId)),
    ...(report.submittedBy !== undefined ? { submittedBy: replaced(report.submittedBy, officerId) } : {}),
  };
}

/**
 * Erases the officer: the reports are rewritten first and the officer record goes last, so an
 * interrupted erasure can simply be run again (the officer is still found by email).
 */
export async function removeOfficer(store: ReportStore, email: string): Promise<OfficerRemovalPlan> {
  const officer = await officerWithEmail(store, email);
  const id = officer.id;
  const found = await footprintOf(store, id);
  for (const update of found.updates) await store.savePriorityUpdate(withoutOfficer(update, id), update.version);
  for (const report of found.reports) await store.saveLocalityReport(reportWithoutOfficer(report, id), report.version);
  await store.reassignReportEvents(id, FORMER_OFFICER_ID);
  for (const cover of found.covers) {
    if (isTheirCover(cover, id)) await store.deleteCover(cover.id);
    else await store.saveCover({ ...cover, assignedBy: FORMER_OFFICER_ID });
  }
  await store.deleteDeliveriesTo(id);
  await store.deleteConversationLink(id);
  await store.deleteOfficer(id);
  return removalPlan(officer, found);
}
