/**
 * The one storage contract. Two implementations: SQLite (embedded default) and SharePoint
 * lists through Microsoft Graph (production). tests/store/contract.ts runs against both.
 *
 * Versioning: every versioned entity starts at version 1 when first saved. A save passes the
 * version it was based on (`expectedVersion`, 0 for "this is new"); if the stored version differs
 * the save throws ConflictError carrying what is stored now, and nothing is written. A successful
 * save returns the entity as stored, with its new version.
 *
 * Lists come back in a stable order: localities by `order` then name; officers by name;
 * priorities by `order` then id; updates by locality, then priority order; reports by locality
 * order; events and deliveries in the order they were written (a replaced delivery keeps its
 * place); covers by start date then id.
 */
import type {
  CampaignDelivery,
  ConversationLink,
  CoverAssignment,
  Locality,
  LocalityReport,
  Officer,
  Priority,
  PriorityUpdate,
  ReportEvent,
  Role,
} from '../domain/model';
import type { PublishedUpdate } from '../domain/published-update';
import type { TermKey } from '../domain/term';

export interface OfficerFilter {
  readonly localityId?: string;
  readonly role?: Role;
}

export interface PriorityUpdateFilter {
  readonly localityId?: string;
  readonly term?: TermKey;
  readonly priorityId?: string;
}

export interface PublishedUpdateFilter {
  readonly localityId?: string;
  readonly term?: TermKey;
}

export interface ReportStore {
  /** Short name for logs and errors: "sqlite" or "sharepoint". */
  readonly kind: string;

  // Organisation
  upsertLocality(locality: Locality): Promise<Locality>;
  getLocality(id: string): Promise<Locality | undefined>;
  listLocalities(): Promise<Locality[]>;

  upsertOfficer(officer: Officer): Promise<Officer>;
  getOfficer(id: string): Promise<Officer | undefined>;
  /** Matches the Entra object id exactly. */
  findOfficerByAadObjectId(aadObjectId: string): Promise<Officer | undefined>;
  /** Matches the email case-insensitively. */
  findOfficerByEmail(email: string): Promise<Officer | undefined>;
  listOfficers(filter?: OfficerFilter): Promise<Officer[]>;
  /** Removes an officer record; removing one that does not exist is not an error. */
  deleteOfficer(id: string): Promise<void>;

  // Priorities across terms
  savePriority(priority: Priority, expectedVersion: number): Promise<Priority>;
  getPriority(id: string): Promise<Priority | undefined>;
  /** A locality's priorities; without a locality, every priority, by locality id first (one read for a county compile). */
  listPriorities(localityId?: string): Promise<Priority[]>;

  // One priority in one term (drafts included: a report not yet submitted is a draft)
  savePriorityUpdate(update: PriorityUpdate, expectedVersion: number): Promise<PriorityUpdate>;
  getPriorityUpdate(priorityId: string, term: TermKey): Promise<PriorityUpdate | undefined>;
  listPriorityUpdates(filter: PriorityUpdateFilter): Promise<PriorityUpdate[]>;

  // One locality in one term
  saveLocalityReport(report: LocalityReport, expectedVersion: number): Promise<LocalityReport>;
  getLocalityReport(localityId: string, term: TermKey): Promise<LocalityReport | undefined>;
  /** Every locality report of a term, or of every term when `term` is omitted (oldest first). */
  listLocalityReports(term?: TermKey): Promise<LocalityReport[]>;

  /**
   * Saves a set of priority updates and a locality report together: all or nothing
   * (one transaction in SQLite, one `$batch` in SharePoint). Used by submit and import.
   */
  saveReportWithUpdates(
    report: LocalityReport,
    expectedReportVersion: number,
    updates: ReadonlyArray<{ update: PriorityUpdate; expectedVersion: number }>,
    priorities?: ReadonlyArray<{ priority: Priority; expectedVersion: number }>,
  ): Promise<{ report: LocalityReport; updates: PriorityUpdate[]; priorities: Priority[] }>;

  /**
   * What partners read: the updates of submitted locality reports, as submitted (without
   * `updatedBy` and personal-data confirmations), in the order of `listPriorityUpdates`.
   * Submitting a report (saveReportWithUpdates with status "submitted") publishes exactly the
   * updates it was saved with, replacing what an earlier submission published; saving a report
   * whose status is no longer "submitted" (a manager's Return) withdraws them. Drafts never appear.
   */
  listPublishedUpdates(filter: PublishedUpdateFilter): Promise<PublishedUpdate[]>;

  appendReportEvent(event: ReportEvent): Promise<void>;
  listReportEvents(localityId: string, term: TermKey): Promise<ReportEvent[]>;
  /**
   * Rewrites `by` on every event recorded by `officerId` to `replacementId`, in every report,
   * keeping each event's place; returns how many were rewritten. Used when an officer's data is erased.
   */
  reassignReportEvents(officerId: string, replacementId: string): Promise<number>;

  // Proactive messaging
  saveConversationLink(link: ConversationLink): Promise<void>;
  getConversationLink(officerId: string): Promise<ConversationLink | undefined>;
  /** Removes an officer's conversation link; removing one that does not exist is not an error. */
  deleteConversationLink(officerId: string): Promise<void>;

  /** Inserts or replaces the delivery identified by (term, localityId, officerId, kind). */
  recordDelivery(delivery: CampaignDelivery): Promise<void>;
  listDeliveries(term: TermKey, kind?: string): Promise<CampaignDelivery[]>;
  /** Every delivery to one officer, in every term, in the order written. */
  listDeliveriesTo(officerId: string): Promise<CampaignDelivery[]>;
  /** Removes every delivery to one officer, in every term. */
  deleteDeliveriesTo(officerId: string): Promise<void>;

  // Cover for absence
  /** Inserts or replaces the cover with this id. */
  saveCover(cover: CoverAssignment): Promise<void>;
  /** Removes a cover; removing one that does not exist is not an error. */
  deleteCover(id: string): Promise<void>;
  listCovers(localityId?: string): Promise<CoverAssignment[]>;

  close(): Promise<void>;
}
