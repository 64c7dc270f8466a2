/**
 * A ReportStore in front of the SharePoint store that keeps working when Graph does not answer.
 * A write that fails with StoreUnavailableError (after the Graph client's own retries) is kept in
 * the durable outbox and the save returns normally, as it will be once stored; later writes queue
 * behind it so SharePoint receives them in the order they were made. Reads see queued writes.
 *
 * The wizard asks `syncStatusOf(store, 'priorityUpdate', updateKeyOf(update))` after a save:
 * 'syncing' means "saved on the bot, on its way to SharePoint".
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
import { ConflictError, StoreUnavailableError } from '../errors';
import type { OfficerFilter, PriorityUpdateFilter, PublishedUpdateFilter, ReportStore } from '../report-store';
import { OutboxFile } from './outbox-file';
import { LastGoodReads } from './last-good-reads';
import { PendingWrites, type SyncState, type SyncStatus } from './pending-writes';
import { StoredVersions } from './stored-versions';
import { describeError, replayPass, ReplayLoop, type ReplayLoopOptions, type ReplayPass } from './outbox-replay';
import {
  deliveryKeyOf,
  reportKeyOf,
  updateKeyOf,
  versionedBases,
  writtenEntities,
  type EntityKind,
  type OutboxWrite,
} from './outbox-writes';

export interface OutboxStoreOptions {
  /** The outbox file, e.g. ./data/outbox.db. */
  readonly path: string;
  readonly logger: Logger;
  /** The time written on queued items. */
  readonly clock?: () => Date;
  readonly replay?: ReplayLoopOptions;
}

export class OutboxReportStore implements ReportStore {
  readonly kind: string;
  private readonly loop: ReplayLoop;
  private readonly pending: PendingWrites;
  private readonly reads: LastGoodReads;
  private readonly stored = new StoredVersions();
  private writeChain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly inner: ReportStore,
    private readonly file: OutboxFile,
    private readonly options: OutboxStoreOptions,
  ) {
    this.kind = inner.kind;
    this.pending = new PendingWrites(file);
    this.reads = new LastGoodReads(options.logger);
    this.loop = new ReplayLoop(() => this.replayPass(), () => this.pending.count(), options.replay);
  }

  /** Opens the outbox file (anything left in it from before a restart is replayed once the loop starts). */
  static open(inner: ReportStore, options: OutboxStoreOptions): OutboxReportStore {
    return new OutboxReportStore(inner, OutboxFile.open(options.path), options);
  }

  /** Starts replaying in the background. */
  startReplay(): void {
    this.loop.start();
  }

  async stopReplay(): Promise<void> {
    await this.loop.stop();
  }

  /** One replay pass now, e.g. at start-up or from a test. */
  replayNow(): Promise<ReplayPass> {
    return this.loop.runPass();
  }

  syncState(): SyncState {
    return this.pending.syncState();
  }

  /** Whether this entity's last save has reached SharePoint. */
  syncStatus(entity: EntityKind, key: string): SyncStatus {
    return this.pending.syncStatus(entity, key);
  }

  /** Drops a held write once someone has dealt with it. */
  discardHeld(seq: number): void {
    const item = this.file.items().find((candidate) => candidate.seq === seq);
    if (item && item.state !== 'pending') this.file.remove(seq);
  }

  private replayPass(): Promise<ReplayPass> {
    return replayPass(this.file, this.inner, this.options.logger);
  }

  /** Writes one at a time, so a write never overtakes one queued before it. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writeChain.then(work, work);
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private write<T>(write: OutboxWrite, direct: () => Promise<T>, queued: () => T): Promise<T> {
    return this.exclusive(async () => {
      for (const base of versionedBases(write)) {
        const pending = this.pending.valueOf(base.entity, base.key);
        const version = (pending.value as { version?: number } | undefined)?.version;
        if (pending.found && version !== base.expectedVersion) throw new ConflictError(base.entity, base.key, pending.value);
      }
      if (this.pending.count() === 0) {
        try {
          const result = await direct();
          this.stored.remember(write);
          return result;
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) throw error;
          this.options.logger.warn({ op: write.op, reason: describeError(error) }, 'SharePoint unreachable: write kept in the outbox');
        }
      }
      const seq = this.file.append(write, (this.options.clock ?? (() => new Date()))().toISOString());
      this.options.logger.info({ op: write.op, outboxSeq: seq }, 'write queued in the outbox');
      this.loop.wake();
      return queued();
    });
  }

  /**
   * Erasing an officer's data goes straight to SharePoint and only when nothing is queued: a
   * queued write replayed afterwards could bring the erased data back.
   */
  private erase<T>(doing: string, work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const waiting = this.pending.count();
      if (waiting > 0) throw new StoreUnavailableError(`cannot ${doing} while ${waiting} write(s) wait in the outbox for SharePoint; try again once they are stored`);
      try {
        return await work();
      } finally {
        // No copy of erased data stays in the outage answers.
        this.reads.forget();
        this.stored.forget();
      }
    });
  }

  private queuedValue<T>(write: OutboxWrite, index = 0): T {
    return writtenEntities(write)[index].value as T;
  }

  private async readOne<T>(entity: EntityKind, key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const pending = this.pending.valueOf(entity, key);
    return pending.found ? (pending.value as T | undefined) : read();
  }

  upsertLocality(locality: Locality): Promise<Locality> {
    const write: OutboxWrite = { op: 'upsertLocality', locality };
    return this.write(write, () => this.inner.upsertLocality(locality), () => locality);
  }
  getLocality(id: string): Promise<Locality | undefined> {
    return this.readOne('locality', id, () => this.reads.read('getLocality', [id], () => this.inner.getLocality(id)));
  }
  async listLocalities(): Promise<Locality[]> {
    const list = this.pending.overlay('locality', await this.reads.read('listLocalities', [], () => this.inner.listLocalities()), (l) => l.id, () => true);
    return list.sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  upsertOfficer(officer: Officer): Promise<Officer> {
    return this.write({ op: 'upsertOfficer', officer }, () => this.inner.upsertOfficer(officer), () => officer);
  }
  getOfficer(id: string): Promise<Officer | undefined> {
    return this.readOne('officer', id, () => this.reads.read('getOfficer', [id], () => this.inner.getOfficer(id)));
  }
  async findOfficerByAadObjectId(aadObjectId: string): Promise<Officer | undefined> {
    const queued = [...this.pending.ofKind<Officer>('officer').values()].find((o) => o?.aadObjectId === aadObjectId);
    return queued ?? this.readOverlaid(await this.reads.read('findOfficerByAadObjectId', [aadObjectId], () => this.inner.findOfficerByAadObjectId(aadObjectId)), (o) => o.aadObjectId === aadObjectId);
  }
  async findOfficerByEmail(email: string): Promise<Officer | undefined> {
    const wanted = email.trim().toLowerCase();
    const matches = (o: Officer) => o.email.toLowerCase() === wanted;
    const queued = [...this.pending.ofKind<Officer>('officer').values()].find((o) => o !== undefined && matches(o));
    return queued ?? this.readOverlaid(await this.reads.read('findOfficerByEmail', [email], () => this.inner.findOfficerByEmail(email)), matches);
  }
  private readOverlaid(found: Officer | undefined, matches: (o: Officer) => boolean): Officer | undefined {
    if (!found) return undefined;
    const pending = this.pending.valueOf('officer', found.id);
    if (!pending.found) return found;
    const queued = pending.value as Officer;
    return matches(queued) ? queued : undefined;
  }
  async listOfficers(filter: OfficerFilter = {}): Promise<Officer[]> {
    const belongs = (o: Officer) =>
      (!filter.localityId || o.localityIds.includes(filter.localityId)) && (!filter.role || o.roles.includes(filter.role));
    const list = this.pending.overlay('officer', await this.reads.read('listOfficers', [filter], () => this.inner.listOfficers(filter)), (o) => o.id, belongs);
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  }

  deleteOfficer(id: string): Promise<void> {
    return this.erase('delete an officer', () => this.inner.deleteOfficer(id));
  }

  savePriority(priority: Priority, expectedVersion: number): Promise<Priority> {
    const write: OutboxWrite = { op: 'savePriority', priority, expectedVersion };
    return this.write(write, () => this.inner.savePriority(priority, expectedVersion), () => this.queuedValue<Priority>(write));
  }
  getPriority(id: string): Promise<Priority | undefined> {
    return this.readOne('priority', id, async () => this.stored.newest('priority', id, await this.reads.read('getPriority', [id], () => this.inner.getPriority(id))));
  }
  async listPriorities(localityId?: string): Promise<Priority[]> {
    const belongs = (p: Priority) => localityId === undefined || p.localityId === localityId;
    const read = this.stored.overlay('priority', await this.reads.read('listPriorities', [localityId], () => this.inner.listPriorities(localityId)), (p) => p.id, belongs);
    const list = this.pending.overlay('priority', read, (p) => p.id, belongs);
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return list.sort((a, b) => byText(a.localityId, b.localityId) || a.order - b.order || byText(a.id, b.id));
  }

  savePriorityUpdate(update: PriorityUpdate, expectedVersion: number): Promise<PriorityUpdate> {
    const write: OutboxWrite = { op: 'savePriorityUpdate', update, expectedVersion };
    return this.write(write, () => this.inner.savePriorityUpdate(update, expectedVersion), () => this.queuedValue<PriorityUpdate>(write));
  }
  getPriorityUpdate(priorityId: string, term: TermKey): Promise<PriorityUpdate | undefined> {
    const key = updateKeyOf({ priorityId, term });
    return this.readOne('priorityUpdate', key, async () =>
      this.stored.newest('priorityUpdate', key, await this.reads.read('getPriorityUpdate', [priorityId, term], () => this.inner.getPriorityUpdate(priorityId, term))),
    );
  }
  async listPriorityUpdates(filter: PriorityUpdateFilter): Promise<PriorityUpdate[]> {
    const belongs = (u: PriorityUpdate) =>
      (!filter.localityId || u.localityId === filter.localityId) &&
      (!filter.term || u.term === filter.term) &&
      (!filter.priorityId || u.priorityId === filter.priorityId);
    // New updates join the end: their priority's place is known only to the full listing.
    const read = this.stored.overlay('priorityUpdate', await this.reads.read('listPriorityUpdates', [filter], () => this.inner.listPriorityUpdates(filter)), updateKeyOf, belongs);
    return this.pending.overlay('priorityUpdate', read, updateKeyOf, belongs);
  }

  saveLocalityReport(report: LocalityReport, expectedVersion: number): Promise<LocalityReport> {
    const write: OutboxWrite = { op: 'saveLocalityReport', report, expectedVersion };
    return this.write(write, () => this.inner.saveLocalityReport(report, expectedVersion), () => this.queuedValue<LocalityReport>(write));
  }
  getLocalityReport(localityId: string, term: TermKey): Promise<LocalityReport | undefined> {
    const key = reportKeyOf({ localityId, term });
    return this.readOne('localityReport', key, async () =>
      this.stored.newest('localityReport', key, await this.reads.read('getLocalityReport', [localityId, term], () => this.inner.getLocalityReport(localityId, term))),
    );
  }
  async listLocalityReports(term?: TermKey): Promise<LocalityReport[]> {
    const belongs = (r: LocalityReport) => !term || r.term === term;
    const read = this.stored.overlay('localityReport', await this.reads.read('listLocalityReports', [term], () => this.inner.listLocalityReports(term)), reportKeyOf, belongs);
    return this.pending.overlay('localityReport', read, reportKeyOf, belongs);
  }

  /**
   * Passed through (with the last good answer through an outage), without queued writes laid
   * over it: a submission still in the outbox is not yet published, and partners see only what
   * SharePoint holds.
   */
  listPublishedUpdates(filter: PublishedUpdateFilter): Promise<PublishedUpdate[]> {
    return this.reads.read('listPublishedUpdates', [filter], () => this.inner.listPublishedUpdates(filter));
  }

  saveReportWithUpdates(
    report: LocalityReport,
    expectedReportVersion: number,
    updates: ReadonlyArray<{ update: PriorityUpdate; expectedVersion: number }>,
    priorities: ReadonlyArray<{ priority: Priority; expectedVersion: number }> = [],
  ): Promise<{ report: LocalityReport; updates: PriorityUpdate[]; priorities: Priority[] }> {
    const write: OutboxWrite = { op: 'saveReportWithUpdates', report, expectedReportVersion, updates, priorities };
    return this.write(
      write,
      () => this.inner.saveReportWithUpdates(report, expectedReportVersion, updates, priorities),
      () => {
        const values = writtenEntities(write).map((written) => written.value);
        return {
          priorities: values.slice(0, priorities.length) as Priority[],
          updates: values.slice(priorities.length, priorities.length + updates.length) as PriorityUpdate[],
          report: values[values.length - 1] as LocalityReport,
        };
      },
    );
  }

  appendReportEvent(event: ReportEvent): Promise<void> {
    return this.write({ op: 'appendReportEvent', event }, () => this.inner.appendReportEvent(event), () => undefined);
  }
  async listReportEvents(localityId: string, term: TermKey): Promise<ReportEvent[]> {
    const stored = await this.reads.read('listReportEvents', [localityId, term], () => this.inner.listReportEvents(localityId, term));
    const queued = this.pending.items().flatMap((item) =>
      item.write.op === 'appendReportEvent' && item.write.event.localityId === localityId && item.write.event.term === term ? [item.write.event] : [],
    );
    return [...stored, ...queued];
  }

  reassignReportEvents(officerId: string, replacementId: string): Promise<number> {
    return this.erase('rewrite report events', () => this.inner.reassignReportEvents(officerId, replacementId));
  }

  saveConversationLink(link: ConversationLink): Promise<void> {
    return this.write({ op: 'saveConversationLink', link }, () => this.inner.saveConversationLink(link), () => undefined);
  }
  getConversationLink(officerId: string): Promise<ConversationLink | undefined> {
    return this.readOne('conversationLink', officerId, () => this.reads.read('getConversationLink', [officerId], () => this.inner.getConversationLink(officerId)));
  }

  deleteConversationLink(officerId: string): Promise<void> {
    return this.erase('delete a conversation link', () => this.inner.deleteConversationLink(officerId));
  }

  recordDelivery(delivery: CampaignDelivery): Promise<void> {
    return this.write({ op: 'recordDelivery', delivery }, () => this.inner.recordDelivery(delivery), () => undefined);
  }
  async listDeliveries(term: TermKey, kind?: string): Promise<CampaignDelivery[]> {
    const belongs = (d: CampaignDelivery) => d.term === term && (!kind || d.kind === kind);
    return this.pending.overlay('delivery', await this.reads.read('listDeliveries', [term, kind], () => this.inner.listDeliveries(term, kind)), deliveryKeyOf, belongs);
  }

  async listDeliveriesTo(officerId: string): Promise<CampaignDelivery[]> {
    return this.pending.overlay('delivery', await this.reads.read('listDeliveriesTo', [officerId], () => this.inner.listDeliveriesTo(officerId)), deliveryKeyOf, (d) => d.officerId === officerId);
  }
  deleteDeliveriesTo(officerId: string): Promise<void> {
    return this.erase('delete campaign deliveries', () => this.inner.deleteDeliveriesTo(officerId));
  }

  saveCover(cover: CoverAssignment): Promise<void> {
    return this.write({ op: 'saveCover', cover }, () => this.inner.saveCover(cover), () => undefined);
  }
  deleteCover(id: string): Promise<void> {
    return this.write({ op: 'deleteCover', id }, () => this.inner.deleteCover(id), () => undefined);
  }
  async listCovers(localityId?: string): Promise<CoverAssignment[]> {
    const list = this.pending.overlay('cover', await this.reads.read('listCovers', [localityId], () => this.inner.listCovers(localityId)), (c) => c.id, (c) => !localityId || c.localityId === localityId);
    return list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Stops the replay loop and closes the outbox file and the SharePoint store; queued writes stay in the file. */
  async close(): Promise<void> {
    await this.loop.stop();
    await this.writeChain;
    this.file.close();
    await this.inner.close();
  }
}

/** Whether an entity's last save has reached SharePoint: always 'synced' for a store without an outbox. */
export function syncStatusOf(store: ReportStore, entity: EntityKind, key: string): SyncStatus {
  return store instanceof OutboxReportStore ? store.syncStatus(entity, key) : 'synced';
}
