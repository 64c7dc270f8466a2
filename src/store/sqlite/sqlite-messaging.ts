/**
 * The SQLite tables around the reports: report events, conversation links, campaign deliveries
 * and cover. Synchronous; SqliteReportStore wraps each call and translates its errors.
 */
import type { CampaignDelivery, ConversationLink, CoverAssignment, ReportEvent } from '../../domain/model';
import type { TermKey } from '../../domain/term';
import { columnsOf, upsertSql, type PreparedStatements } from './sqlite-database';
import * as rows from './sqlite-messaging-rows';

export class SqliteMessagingTables {
  /** `sql` prepares each statement once for the connection, shared with the store. */
  constructor(private readonly sql: PreparedStatements) {}

  private write(table: string, row: object, key: readonly string[]): void {
    this.sql(upsertSql(table, columnsOf(row), key)).run(row);
  }

  /** Events are only ever appended; `seq` keeps the order they were written in. */
  appendReportEvent(event: ReportEvent): void {
    const row = rows.eventToRow(event);
    const columns = columnsOf(row);
    this.sql(`INSERT INTO report_events (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }

  listReportEvents(localityId: string, term: TermKey): ReportEvent[] {
    const found = this.sql('SELECT * FROM report_events WHERE locality_id = ? AND term = ? ORDER BY seq').all(localityId, term);
    return (found as rows.ReportEventRow[]).map(rows.rowToEvent);
  }

  /** Rewrites the officer id on their events; `seq` is untouched, so the order stays. */
  reassignReportEvents(officerId: string, replacementId: string): number {
    return this.sql('UPDATE report_events SET by_officer = ? WHERE by_officer = ?').run(replacementId, officerId).changes;
  }

  saveConversationLink(link: ConversationLink): void {
    this.write('conversation_links', rows.linkToRow(link), ['officer_id']);
  }

  getConversationLink(officerId: string): ConversationLink | undefined {
    const row = this.sql('SELECT * FROM conversation_links WHERE officer_id = ?').get(officerId) as
      | rows.ConversationLinkRow
      | undefined;
    return row && rows.rowToLink(row);
  }

  deleteConversationLink(officerId: string): void {
    this.sql('DELETE FROM conversation_links WHERE officer_id = ?').run(officerId);
  }

  /** A replaced delivery is updated in place, so it keeps its `seq` and its place in the list. */
  recordDelivery(delivery: CampaignDelivery): void {
    this.write('campaign_deliveries', rows.deliveryToRow(delivery), ['term', 'locality_id', 'officer_id', 'kind']);
  }

  listDeliveries(term: TermKey, kind?: string): CampaignDelivery[] {
    const found =
      kind === undefined
        ? this.sql('SELECT * FROM campaign_deliveries WHERE term = ? ORDER BY seq').all(term)
        : this.sql('SELECT * FROM campaign_deliveries WHERE term = ? AND kind = ? ORDER BY seq').all(term, kind);
    return (found as rows.DeliveryRow[]).map(rows.rowToDelivery);
  }

  listDeliveriesTo(officerId: string): CampaignDelivery[] {
    const found = this.sql('SELECT * FROM campaign_deliveries WHERE officer_id = ? ORDER BY seq').all(officerId);
    return (found as rows.DeliveryRow[]).map(rows.rowToDelivery);
  }

  deleteDeliveriesTo(officerId: string): void {
    this.sql('DELETE FROM campaign_deliveries WHERE officer_id = ?').run(officerId);
  }

  saveCover(cover: CoverAssignment): void {
    this.write('cover_assignments', rows.coverToRow(cover), ['id']);
  }

  deleteCover(id: string): void {
    this.sql('DELETE FROM cover_assignments WHERE id = ?').run(id);
  }

  listCovers(localityId?: string): CoverAssignment[] {
    const found =
      localityId === undefined
        ? this.sql('SELECT * FROM cover_assignments ORDER BY date_from, id').all()
        : this.sql('SELECT * FROM cover_assignments WHERE locality_id = ? ORDER BY date_from, id').all(localityId);
    return (found as rows.CoverRow[]).map(rows.rowToCover);
  }
}
