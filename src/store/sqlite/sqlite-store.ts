/**
 * The embedded store: one SQLite file (better-sqlite3). Every write that checks a version runs
 * in an IMMEDIATE transaction, so the check and the write cannot be split by another process.
 */
import type Database from 'better-sqlite3';
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
import { isPublished, type PublishedUpdate } from '../../domain/published-update';
import type { TermKey } from '../../domain/term';
import { ConflictError, NotFoundError } from '../errors';
import type { OfficerFilter, PriorityUpdateFilter, PublishedUpdateFilter, ReportStore } from '../report-store';
import { columnsOf, openDatabase, preparedStatements, translateSqliteError, upsertSql, type PreparedStatements } from './sqlite-database';
import { SqliteMessagingTables } from './sqlite-messaging';
import * as rows from './sqlite-rows';

const PRIORITY_ORDER = 'ORDER BY sort_order, id';
const UPDATE_ORDER = 'ORDER BY l.sort_order, l.name, u.locality_id, p.sort_order, u.priority_id, u.term';

export class SqliteReportStore implements ReportStore {
  readonly kind = 'sqlite';

  private readonly messaging: SqliteMessagingTables;
  /** Each SQL text prepared once for this connection. */
  private readonly sql: PreparedStatements;

  private constructor(private readonly db: Database.Database) {
    this.sql = preparedStatements(db);
    this.messaging = new SqliteMessagingTables(this.sql);
  }

  /** Opens or creates the database at `dbPath` (its folder too); `':memory:'` for a throwaway store. */
  static open(dbPath: string): SqliteReportStore {
    return new SqliteReportStore(openDatabase(dbPath));
  }

  /** Runs `work` synchronously and turns SQLite failures into the store's typed errors. */
  private async attempt<T>(work: () => T, missing?: { entity: string; key: string }): Promise<T> {
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error, missing);
    }
  }

  private write(table: string, row: object, key: readonly string[]): void {
    this.sql(upsertSql(table, columnsOf(row), key)).run(row);
  }

  private requireLocality(id: string): void {
    if (!this.sql('SELECT 1 FROM localities WHERE id = ?').get(id)) throw new NotFoundError('Locality', id);
  }

  // Organisation

  upsertLocality(locality: Locality): Promise<Locality> {
    return this.attempt(() => {
      this.write('localities', rows.localityToRow(locality), ['id']);
      return this.getLocalitySync(locality.id) as Locality;
    });
  }

  private getLocalitySync(id: string): Locality | undefined {
    const row = this.sql('SELECT * FROM localities WHERE id = ?').get(id) as rows.LocalityRow | undefined;
    return row && rows.rowToLocality(row);
  }

  getLocality(id: string): Promise<Locality | undefined> {
    return this.attempt(() => this.getLocalitySync(id));
  }

  listLocalities(): Promise<Locality[]> {
    return this.attempt(() =>
      (this.sql('SELECT * FROM localities ORDER BY sort_order, name, id').all() as rows.LocalityRow[]).map(rows.rowToLocality),
    );
  }

  upsertOfficer(officer: Officer): Promise<Officer> {
    return this.attempt(() => {
      this.write('officers', rows.officerToRow(officer), ['id']);
      return this.officerWhere('id = ?', officer.id) as Officer;
    });
  }

  private officerWhere(condition: string, value: string): Officer | undefined {
    const row = this.sql(`SELECT * FROM officers WHERE ${condition} ORDER BY name COLLATE NOCASE, id LIMIT 1`)
      .get(value) as rows.OfficerRow | undefined;
    return row && rows.rowToOfficer(row);
  }

  getOfficer(id: string): Promise<Officer | undefined> {
    return this.attempt(() => this.officerWhere('id = ?', id));
  }

  findOfficerByAadObjectId(aadObjectId: string): Promise<Officer | undefined> {
    return this.attempt(() => this.officerWhere('aad_object_id = ?', aadObjectId));
  }

  findOfficerByEmail(email: string): Promise<Officer | undefined> {
    return this.attempt(() => this.officerWhere('email_key = ?', rows.emailKey(email)));
  }

  listOfficers(filter: OfficerFilter = {}): Promise<Officer[]> {
    return this.attempt(() => {
      const conditions: string[] = [];
      const values: string[] = [];
      if (filter.localityId !== undefined) {
        conditions.push('EXISTS (SELECT 1 FROM json_each(officers.locality_ids) WHERE value = ?)');
        values.push(filter.localityId);
      }
      if (filter.role !== undefined) {
        conditions.push('EXISTS (SELECT 1 FROM json_each(officers.roles) WHERE value = ?)');
        values.push(filter.role);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const found = this.sql(`SELECT * FROM officers ${where} ORDER BY name COLLATE NOCASE, id`).all(...values);
      return (found as rows.OfficerRow[]).map(rows.rowToOfficer);
    });
  }

  deleteOfficer(id: string): Promise<void> {
    return this.attempt(() => {
      this.sql('DELETE FROM officers WHERE id = ?').run(id);
    });
  }

  // Priorities

  private getPrioritySync(id: string): Priority | undefined {
    const row = this.sql('SELECT * FROM priorities WHERE id = ?').get(id) as rows.PriorityRow | undefined;
    return row && rows.rowToPriority(row);
  }

  private savePrioritySync(priority: Priority, expectedVersion: number): Priority {
    const current = this.getPrioritySync(priority.id);
    if ((current?.version ?? 0) !== expectedVersion) throw new ConflictError('Priority', priority.id, current);
    this.requireLocality(priority.localityId);
    this.write('priorities', rows.priorityToRow(priority, expectedVersion + 1), ['id']);
    return this.getPrioritySync(priority.id) as Priority;
  }

  savePriority(priority: Priority, expectedVersion: number): Promise<Priority> {
    return this.attempt(() => this.db.transaction(() => this.savePrioritySync(priority, expectedVersion)).immediate(), {
      entity: 'Locality',
      key: priority.localityId,
    });
  }

  getPriority(id: string): Promise<Priority | undefined> {
    return this.attempt(() => this.getPrioritySync(id));
  }

  listPriorities(localityId?: string): Promise<Priority[]> {
    return this.attempt(() => {
      const found =
        localityId === undefined
          ? this.sql('SELECT * FROM priorities ORDER BY locality_id, sort_order, id').all()
          : this.sql(`SELECT * FROM priorities WHERE locality_id = ? ${PRIORITY_ORDER}`).all(localityId);
      return (found as rows.PriorityRow[]).map(rows.rowToPriority);
    });
  }

  // Priority updates

  private getUpdateSync(priorityId: string, term: TermKey): PriorityUpdate | undefined {
    const row = this.sql('SELECT * FROM priority_updates WHERE priority_id = ? AND term = ?').get(priorityId, term) as
      | rows.PriorityUpdateRow
      | undefined;
    return row && rows.rowToUpdate(row);
  }

  private saveUpdateSync(update: PriorityUpdate, expectedVersion: number): PriorityUpdate {
    const current = this.getUpdateSync(update.priorityId, update.term);
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new ConflictError('PriorityUpdate', `${update.priorityId} ${update.term}`, current);
    }
    if (!this.getPrioritySync(update.priorityId)) throw new NotFoundError('Priority', update.priorityId);
    this.requireLocality(update.localityId);
    this.write('priority_updates', rows.updateToRow(update, expectedVersion + 1), ['priority_id', 'term']);
    return this.getUpdateSync(update.priorityId, update.term) as PriorityUpdate;
  }

  savePriorityUpdate(update: PriorityUpdate, expectedVersion: number): Promise<PriorityUpdate> {
    return this.attempt(() => this.db.transaction(() => this.saveUpdateSync(update, expectedVersion)).immediate(), {
      entity: 'Priority',
      key: update.priorityId,
    });
  }

  getPriorityUpdate(priorityId: string, term: TermKey): Promise<PriorityUpdate | undefined> {
    return this.attempt(() => this.getUpdateSync(priorityId, term));
  }

  listPriorityUpdates(filter: PriorityUpdateFilter): Promise<PriorityUpdate[]> {
    return this.attempt(() => {
      const conditions: string[] = [];
      const values: string[] = [];
      for (const [column, value] of [
        ['u.locality_id', filter.localityId],
        ['u.term', filter.term],
        ['u.priority_id', filter.priorityId],
      ] as const) {
        if (value === undefined) continue;
        conditions.push(`${column} = ?`);
        values.push(value);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const found = this.sql(
          `SELECT u.* FROM priority_updates u LEFT JOIN localities l ON l.id = u.locality_id ` +
            `LEFT JOIN priorities p ON p.id = u.priority_id ${where} ${UPDATE_ORDER}`,
        )
        .all(...values);
      return (found as rows.PriorityUpdateRow[]).map(rows.rowToUpdate);
    });
  }

  // Locality reports

  private getReportSync(localityId: string, term: TermKey): LocalityReport | undefined {
    const row = this.sql('SELECT * FROM locality_reports WHERE locality_id = ? AND term = ?').get(localityId, term) as
      | rows.LocalityReportRow
      | undefined;
    return row && rows.rowToReport(row);
  }

  private saveReportSync(report: LocalityReport, expectedVersion: number): LocalityReport {
    const current = this.getReportSync(report.localityId, report.term);
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new ConflictError('LocalityReport', `${report.localityId} ${report.term}`, current);
    }
    this.requireLocality(report.localityId);
    this.write('locality_reports', rows.reportToRow(report, expectedVersion + 1), ['locality_id', 'term']);
    // A report that is no longer submitted (a manager's Return) is withdrawn from partners.
    if (!isPublished(report)) this.withdrawSync(report.localityId, report.term);
    return this.getReportSync(report.localityId, report.term) as LocalityReport;
  }

  private withdrawSync(localityId: string, term: TermKey): void {
    this.sql('DELETE FROM published_updates WHERE locality_id = ? AND term = ?').run(localityId, term);
  }

  /** Publishes exactly these updates for the report's locality and term, replacing an earlier submission's. */
  private publishSync(report: LocalityReport, updates: readonly PriorityUpdate[]): void {
    this.withdrawSync(report.localityId, report.term);
    for (const update of updates) this.write('published_updates', rows.publishedToRow(update), ['priority_id', 'term']);
  }

  saveLocalityReport(report: LocalityReport, expectedVersion: number): Promise<LocalityReport> {
    return this.attempt(() => this.db.transaction(() => this.saveReportSync(report, expectedVersion)).immediate(), {
      entity: 'Locality',
      key: report.localityId,
    });
  }

  getLocalityReport(localityId: string, term: TermKey): Promise<LocalityReport | undefined> {
    return this.attempt(() => this.getReportSync(localityId, term));
  }

  listLocalityReports(term?: TermKey): Promise<LocalityReport[]> {
    return this.attempt(() => {
      const where = term === undefined ? '' : 'WHERE r.term = ?';
      const found = this.sql(
          `SELECT r.* FROM locality_reports r LEFT JOIN localities l ON l.id = r.locality_id ${where} ` +
            'ORDER BY r.term, l.sort_order, l.name, r.locality_id',
        )
        .all(...(term === undefined ? [] : [term]));
      return (found as rows.LocalityReportRow[]).map(rows.rowToReport);
    });
  }

  saveReportWithUpdates(
    report: LocalityReport,
    expectedReportVersion: number,
    updates: ReadonlyArray<{ update: PriorityUpdate; expectedVersion: number }>,
    priorities: ReadonlyArray<{ priority: Priority; expectedVersion: number }> = [],
  ): Promise<{ report: LocalityReport; updates: PriorityUpdate[]; priorities: Priority[] }> {
    // Priorities first: new updates may belong to priorities created in the same call.
    const saveAll = this.db.transaction(() => {
      const savedPriorities = priorities.map((p) => this.savePrioritySync(p.priority, p.expectedVersion));
      const savedUpdates = updates.map((u) => this.saveUpdateSync(u.update, u.expectedVersion));
      const savedReport = this.saveReportSync(report, expectedReportVersion);
      if (isPublished(savedReport)) this.publishSync(savedReport, savedUpdates);
      return { report: savedReport, updates: savedUpdates, priorities: savedPriorities };
    });
    return this.attempt(() => saveAll.immediate(), { entity: 'Locality', key: report.localityId });
  }

  listPublishedUpdates(filter: PublishedUpdateFilter): Promise<PublishedUpdate[]> {
    return this.attempt(() => {
      const conditions: string[] = [];
      const values: string[] = [];
      if (filter.localityId !== undefined) {
        conditions.push('u.locality_id = ?');
        values.push(filter.localityId);
      }
      if (filter.term !== undefined) {
        conditions.push('u.term = ?');
        values.push(filter.term);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const found = this.db
        .prepare(
          `SELECT u.* FROM published_updates u LEFT JOIN localities l ON l.id = u.locality_id ` +
            `LEFT JOIN priorities p ON p.id = u.priority_id ${where} ${UPDATE_ORDER}`,
        )
        .all(...values);
      return (found as rows.PublishedUpdateRow[]).map(rows.rowToPublished);
    });
  }

  appendReportEvent(event: ReportEvent): Promise<void> {
    return this.attempt(() => this.messaging.appendReportEvent(event));
  }

  listReportEvents(localityId: string, term: TermKey): Promise<ReportEvent[]> {
    return this.attempt(() => this.messaging.listReportEvents(localityId, term));
  }

  reassignReportEvents(officerId: string, replacementId: string): Promise<number> {
    return this.attempt(() => this.messaging.reassignReportEvents(officerId, replacementId));
  }

  // Proactive messaging

  saveConversationLink(link: ConversationLink): Promise<void> {
    return this.attempt(() => this.messaging.saveConversationLink(link));
  }

  getConversationLink(officerId: string): Promise<ConversationLink | undefined> {
    return this.attempt(() => this.messaging.getConversationLink(officerId));
  }

  deleteConversationLink(officerId: string): Promise<void> {
    return this.attempt(() => this.messaging.deleteConversationLink(officerId));
  }

  recordDelivery(delivery: CampaignDelivery): Promise<void> {
    return this.attempt(() => this.messaging.recordDelivery(delivery));
  }

  listDeliveries(term: TermKey, kind?: string): Promise<CampaignDelivery[]> {
    return this.attempt(() => this.messaging.listDeliveries(term, kind));
  }

  listDeliveriesTo(officerId: string): Promise<CampaignDelivery[]> {
    return this.attempt(() => this.messaging.listDeliveriesTo(officerId));
  }

  deleteDeliveriesTo(officerId: string): Promise<void> {
    return this.attempt(() => this.messaging.deleteDeliveriesTo(officerId));
  }

  // Cover for absence

  saveCover(cover: CoverAssignment): Promise<void> {
    return this.attempt(() => this.messaging.saveCover(cover));
  }

  deleteCover(id: string): Promise<void> {
    return this.attempt(() => this.messaging.deleteCover(id));
  }

  listCovers(localityId?: string): Promise<CoverAssignment[]> {
    return this.attempt(() => this.messaging.listCovers(localityId));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
