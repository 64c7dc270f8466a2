/** The durable outbox in front of the SharePoint store: saves survive a Graph outage and reach SharePoint in order. */
// sharepoint-with-outbox.ts is imported directly: it pulls in the Graph client, which the wizard does not need.
export { OutboxReportStore, syncStatusOf, type OutboxStoreOptions } from './outbox-store';
export type { HeldWrite, SyncState, SyncStatus } from './pending-writes';
export { updateKeyOf, reportKeyOf, type EntityKind } from './outbox-writes';
export type { ReplayLoopOptions, ReplayPass } from './outbox-replay';
export { outboxPathFor, type OutboxItem } from './outbox-file';
