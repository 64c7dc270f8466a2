/**
 * The ReportStore on SharePoint lists through Microsoft Graph (production). One list per entity
 * (see schema.ts); reads filter on indexed columns and follow every page; versioned saves cost
 * one request when the item was last seen at the expected version; report submissions go in
 * JSON batches, all or nothing.
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
} from '../../domain/model';
import type { PublishedUpdate } from '../../domain/published-update';
import type { TermKey } from '../../domain/term';
import type { Logger } from '../../logging/logger';
import type { OfficerFilter, PriorityUpdateFilter, PublishedUpdateFilter, ReportStore } from '../report-store';
import { ClientCredentialsAuthProvider } from './auth';
import { createGraphConnection, type GraphConnection, type GraphConnectionOptions } from './graph-connection';
import { statusOf, unavailable } from './graph-failures';
import { saveVersioned, upsert, type WriteContext } from './item-writes';
import { ListItems, type StoredItem } from './list-items';
import {
  coverMapping,
  deliveryMapping,
  eventFields,
  eventFromFields,
  eventReadColumns,
  linkMapping,
  localityMapping,
  officerMapping,
  priorityMapping,
  reportKey,
  reportMapping,
  updateKey,
  updateMapping,
  type EntityMapping,
} from './mapping';
import { publicationOf, publishedMapping } from './published-mapping';
import { reportSaveWrites, submissionWrites } from './published-writes';
import { saveAllOrNothing, type VersionedWrite } from './report-batch';
import { byText, inUpdateOrder, rankBy, termOrder } from './list-order';
import { KEY_COLUMN } from './schema';

export interface SharePointStoreOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0 */
  readonly baseUrl: string;
  /** SHAREPOINT_SITE_ID */
  readonly siteId: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** GRAPH_TOKEN_URL; default https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token */
  readonly tokenUrl?: string;
  readonly logger: Logger;
  /** Timeouts and retries of the Graph client (tests shorten them). */
  readonly transport?: Pick<GraphConnectionOptions, 'timeoutMs' | 'maxRetries' | 'retryDelaySeconds' | 'readAttempts'>;
}

const byItemId = (a: StoredItem, b: StoredItem): number => Number(a.id) - Number(b.id);

export class SharePointReportStore implements ReportStore {
  readonly kind = 'sharepoint';
  private readonly items: ListItems;
  private readonly writes: WriteContext;
  private readonly readsThisTick = new Map<string, Promise<StoredItem[]>>();
  /**
   * Per report, what its published items carried at the version last seen ("none" when not
   * submitted): a save that leaves that unchanged (every section save) costs no extra request.
   */
  private readonly publicationSeen = new Map<string, { readonly version: number; readonly publication: string }>();

  constructor(
    private readonly connection: GraphConnection,
    siteId: string,
    private readonly logger: Logger,
  ) {
    this.items = new ListItems(connection, siteId);
    this.writes = { items: this.items, logger };
  }

  private noteReports(reports: readonly LocalityReport[]): void {
    for (const report of reports) {
      this.publicationSeen.set(reportKey(report.localityId, report.term), { version: report.version, publication: publicationSignature(report) });
    }
  }

  private async read<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error, doing);
    }
  }

  /**
   * Identical list reads started in the same tick share one request: a county compile asks for
   * the localities three times at once (itself, and to order reports and updates). The share
   * ends when the tick does, before any write can have completed, so no read sees stale items.
   */
  private all<T>(mapping: EntityMapping<T>, equals: Readonly<Record<string, string>> = {}): Promise<T[]> {
    const key = `${mapping.list}\u0000${JSON.stringify(equals)}`;
    let found = this.readsThisTick.get(key);
    if (!found) {
      found = this.read(`reading ${mapping.list}`, () => this.items.query(mapping.list, equals, mapping.readColumns));
      this.readsThisTick.set(key, found);
      queueMicrotask(() => this.readsThisTick.delete(key));
    }
    return found.then((items) => [...items].sort(byItemId).map((item) => mapping.fromFields(item.fields)));
  }

  private async one<T>(mapping: EntityMapping<T>, key: string): Promise<T | undefined> {
    const item = await this.read(`reading a ${mapping.entityName}`, () => this.items.findByKey(mapping.list, key, mapping.readColumns));
    return item ? mapping.fromFields(item.fields) : undefined;
  }

  private async first<T>(mapping: EntityMapping<T>, equals: Readonly<Record<string, string>>, exact: (entity: T) => boolean): Promise<T | undefined> {
    return (await this.all(mapping, equals)).find(exact);
  }

  upsertLocality(locality: Locality): Promise<Locality> {
    return upsert(this.writes, localityMapping, locality);
  }

  getLocality(id: string): Promise<Locality | undefined> {
    return this.one(localityMapping, id);
  }

  async listLocalities(): Promise<Locality[]> {
    return (await this.all(localityMapping)).sort((a, b) => a.order - b.order || byText(a.name, b.name));
  }

  upsertOfficer(officer: Officer): Promise<Officer> {
    return upsert(this.writes, officerMapping, officer);
  }

  getOfficer(id: string): Promise<Officer | undefined> {
    return this.one(officerMapping, id);
  }

  findOfficerByAadObjectId(aadObjectId: string): Promise<Officer | undefined> {
    return this.first(officerMapping, { AadObjectId: aadObjectId }, (officer) => officer.aadObjectId === aadObjectId);
  }

  findOfficerByEmail(email: string): Promise<Officer | undefined> {
    const wanted = email.trim().toLowerCase();
    return this.first(officerMapping, { EmailKey: wanted }, (officer) => officer.email.toLowerCase() === wanted);
  }

  async listOfficers(filter: OfficerFilter = {}): Promise<Officer[]> {
    // Officers are few (tens), and localities and roles are multi-valued: filter here.
    return (await this.all(officerMapping))
      .filter((officer) => !filter.localityId || officer.localityIds.includes(filter.localityId))
      .filter((officer) => !filter.role || officer.roles.includes(filter.role))
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  }

  deleteOfficer(id: string): Promise<void> {
    return this.removeByKey(officerMapping, id);
  }

  /** Deletes the item with this key, if there is one; an item deleted meanwhile is not an error. */
  private async removeByKey<T>(mapping: EntityMapping<T>, key: string): Promise<void> {
    const item = await this.read(`reading a ${mapping.entityName}`, () => this.items.findByKey(mapping.list, key, [KEY_COLUMN]));
    if (item) await this.removeItem(mapping, item.id, key);
  }

  private async removeItem<T>(mapping: EntityMapping<T>, itemId: string, key: string): Promise<void> {
    try {
      await this.items.remove(mapping.list, itemId, key);
    } catch (error) {
      if (statusOf(error) !== 404) throw unavailable(error, `deleting a ${mapping.entityName}`);
    }
  }

  savePriority(priority: Priority, expectedVersion: number): Promise<Priority> {
    return saveVersioned(this.writes, priorityMapping, priority, expectedVersion);
  }

  getPriority(id: string): Promise<Priority | undefined> {
    return this.one(priorityMapping, id);
  }

  async listPriorities(localityId?: string): Promise<Priority[]> {
    const priorities = await this.all(priorityMapping, localityId === undefined ? {} : { LocalityId: localityId });
    return priorities
      .filter((p) => localityId === undefined || p.localityId === localityId)
      .sort((a, b) => byText(a.localityId, b.localityId) || a.order - b.order || byText(a.id, b.id));
  }

  savePriorityUpdate(update: PriorityUpdate, expectedVersion: number): Promise<PriorityUpdate> {
    return saveVersioned(this.writes, updateMapping, update, expectedVersion);
  }

  getPriorityUpdate(priorityId: string, term: TermKey): Promise<PriorityUpdate | undefined> {
    return this.one(updateMapping, updateKey(priorityId, term));
  }

  async listPriorityUpdates(filter: PriorityUpdateFilter): Promise<PriorityUpdate[]> {
    const equals: Record<string, string> = {};
    if (filter.localityId) equals.LocalityId = filter.localityId;
    if (filter.term) equals.Term = filter.term;
    if (filter.priorityId) equals.PriorityId = filter.priorityId;
    const [updates, localities, priorities] = await Promise.all([this.all(updateMapping, equals), this.all(localityMapping), this.all(priorityMapping)]);
    const wanted = updates
      .filter((u) => (!filter.localityId || u.localityId === filter.localityId) && (!filter.term || u.term === filter.term))
      .filter((u) => !filter.priorityId || u.priorityId === filter.priorityId);
    return inUpdateOrder(wanted, localities, priorities);
  }

  async saveLocalityReport(report: LocalityReport, expectedVersion: number): Promise<LocalityReport> {
    const seen = this.publicationSeen.get(reportKey(report.localityId, report.term));
    const before = expectedVersion === 0 ? NOT_PUBLISHED : seen?.version === expectedVersion ? seen.publication : undefined;
    let saved: LocalityReport;
    if (before === publicationSignature(report)) {
      saved = await saveVersioned(this.writes, reportMapping, report, expectedVersion);
    } else {
      // Returned, approved, or not known: the published items follow in the same save.
      const context = this.batchContext();
      const write: VersionedWrite<LocalityReport> = { mapping: reportMapping, entity: report, expectedVersion };
      saved = (await saveAllOrNothing(context, [write as VersionedWrite<{ readonly version: number }>], await reportSaveWrites(context, report)))[0] as LocalityReport;
    }
    this.noteReports([saved]);
    return saved;
  }

  async getLocalityReport(localityId: string, term: TermKey): Promise<LocalityReport | undefined> {
    const report = await this.one(reportMapping, reportKey(localityId, term));
    if (report) this.noteReports([report]);
    return report;
  }

  async listLocalityReports(term?: TermKey): Promise<LocalityReport[]> {
    const [reports, localities] = await Promise.all([this.all(reportMapping, term ? { Term: term } : {}), this.listLocalities()]);
    const localityRank = rankBy(localities.map((l) => l.id));
    this.noteReports(reports);
    return reports
      .filter((r) => !term || r.term === term)
      .sort((a, b) => termOrder(a.term, b.term) || localityRank(a.localityId) - localityRank(b.localityId) || byText(a.localityId, b.localityId));
  }

  async saveReportWithUpdates(
    report: LocalityReport,
    expectedReportVersion: number,
    updates: ReadonlyArray<{ update: PriorityUpdate; expectedVersion: number }>,
    priorities: ReadonlyArray<{ priority: Priority; expectedVersion: number }> = [],
  ): Promise<{ report: LocalityReport; updates: PriorityUpdate[]; priorities: Priority[] }> {
    const writes = [
      ...priorities.map(({ priority, expectedVersion }): VersionedWrite<Priority> => ({ mapping: priorityMapping, entity: priority, expectedVersion })),
      ...updates.map(({ update, expectedVersion }): VersionedWrite<PriorityUpdate> => ({ mapping: updateMapping, entity: update, expectedVersion })),
      { mapping: reportMapping, entity: report, expectedVersion: expectedReportVersion } satisfies VersionedWrite<LocalityReport>,
    ] as ReadonlyArray<VersionedWrite<{ readonly version: number }>>;
    const context = this.batchContext();
    const pick = (stored: ReadonlyArray<{ readonly version: number }>) => ({
      priorities: stored.slice(0, priorities.length) as Priority[],
      updates: stored.slice(priorities.length, priorities.length + updates.length) as PriorityUpdate[],
      report: stored[stored.length - 1] as LocalityReport,
    });
    const saved = await saveAllOrNothing(context, writes, await submissionWrites(context, report.localityId, report.term, pick));
    this.noteReports([saved[saved.length - 1] as LocalityReport]);
    return {
      priorities: saved.slice(0, priorities.length) as Priority[],
      updates: saved.slice(priorities.length, priorities.length + updates.length) as PriorityUpdate[],
      report: saved[saved.length - 1] as LocalityReport,
    };
  }

  async listPublishedUpdates(filter: PublishedUpdateFilter): Promise<PublishedUpdate[]> {
    const equals: Record<string, string> = {};
    if (filter.localityId) equals.LocalityId = filter.localityId;
    if (filter.term) equals.Term = filter.term;
    const [items, localities, priorities] = await Promise.all([this.all(publishedMapping, equals), this.all(localityMapping), this.all(priorityMapping)]);
    const published = items
      .map((item) => item.update)
      .filter((u) => (!filter.localityId || u.localityId === filter.localityId) && (!filter.term || u.term === filter.term));
    return inUpdateOrder(published, localities, priorities);
  }

  private batchContext() {
    return { connection: this.connection, items: this.items, logger: this.logger };
  }

  async appendReportEvent(event: ReportEvent): Promise<void> {
    const fields = eventFields(event, `event-${globalThis.crypto.randomUUID()}`);
    // The key is fresh, so a resend after a lost answer could duplicate the event: events are not resent.
    await this.read('recording a report event', () => this.items.create('events', fields));
  }

  async listReportEvents(localityId: string, term: TermKey): Promise<ReportEvent[]> {
    const found = await this.read('reading report events', () => this.items.query('events', { LocalityId: localityId, Term: term }, eventReadColumns));
    return found
      .sort(byItemId)
      .map((item) => eventFromFields(item.fields))
      .filter((event) => event.localityId === localityId && event.term === term);
  }

  async reassignReportEvents(officerId: string, replacementId: string): Promise<number> {
    // `By` is not indexed (events are read per report), and erasing an officer is rare: read all.
    const found = await this.read('reading report events', () => this.items.query('events', {}, eventReadColumns));
    const theirs = found.sort(byItemId).filter((item) => eventFromFields(item.fields).by === officerId);
    for (const item of theirs) {
      const event = { ...eventFromFields(item.fields), by: replacementId };
      await this.read('rewriting a report event', () => this.items.update('events', item.id, eventFields(event, String(item.fields[KEY_COLUMN]))));
    }
    return theirs.length;
  }

  async saveConversationLink(link: ConversationLink): Promise<void> {
    await upsert(this.writes, linkMapping, link);
  }

  getConversationLink(officerId: string): Promise<ConversationLink | undefined> {
    return this.one(linkMapping, officerId);
  }

  deleteConversationLink(officerId: string): Promise<void> {
    return this.removeByKey(linkMapping, officerId);
  }

  async recordDelivery(delivery: CampaignDelivery): Promise<void> {
    await upsert(this.writes, deliveryMapping, delivery);
  }

  async listDeliveries(term: TermKey, kind?: string): Promise<CampaignDelivery[]> {
    const deliveries = await this.all(deliveryMapping, kind ? { Term: term, Kind: kind } : { Term: term });
    return deliveries.filter((d) => d.term === term && (!kind || d.kind === kind));
  }

  /** Deliveries are filtered here: `OfficerId` is not indexed, and this is only for data requests. */
  private async deliveryItemsTo(officerId: string): Promise<StoredItem[]> {
    const found = await this.read('reading campaign deliveries', () => this.items.query(deliveryMapping.list, {}, deliveryMapping.readColumns));
    return found.sort(byItemId).filter((item) => deliveryMapping.fromFields(item.fields).officerId === officerId);
  }

  async listDeliveriesTo(officerId: string): Promise<CampaignDelivery[]> {
    return (await this.deliveryItemsTo(officerId)).map((item) => deliveryMapping.fromFields(item.fields));
  }

  async deleteDeliveriesTo(officerId: string): Promise<void> {
    for (const item of await this.deliveryItemsTo(officerId)) await this.removeItem(deliveryMapping, item.id, String(item.fields[KEY_COLUMN]));
  }

  async saveCover(cover: CoverAssignment): Promise<void> {
    await upsert(this.writes, coverMapping, cover);
  }

  deleteCover(id: string): Promise<void> {
    return this.removeByKey(coverMapping, id);
  }

  async listCovers(localityId?: string): Promise<CoverAssignment[]> {
    const covers = await this.all(coverMapping, localityId ? { LocalityId: localityId } : {});
    return covers.filter((c) => !localityId || c.localityId === localityId).sort((a, b) => byText(a.from, b.from) || byText(a.id, b.id));
  }

  async close(): Promise<void> {
    // Nothing to release: Graph requests hold no connection between calls.
  }
}

const NOT_PUBLISHED = 'none';

/** What a report's published items carry, as one comparable string. */
function publicationSignature(report: LocalityReport): string {
  return report.status === 'submitted' ? JSON.stringify(publicationOf(report)) : NOT_PUBLISHED;
}

/** Builds the SharePoint store: client-credentials sign-in and the Graph client's middleware. */
export function createSharePointStore(options: SharePointStoreOptions): ReportStore {
  const authProvider = new ClientCredentialsAuthProvider({
    tenantId: options.tenantId,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    tokenUrl: options.tokenUrl,
  });
  const connection = createGraphConnection({ baseUrl: options.baseUrl, authProvider, ...options.transport });
  return new SharePointReportStore(connection, options.siteId, options.logger);
}

