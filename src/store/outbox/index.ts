/** The durable outbox in front of the SharePoint store: saves survive a Graph outage and reach SharePoint in order. */
// sharepoint-with-outbox.ts is imported directly: it pulls in the Graph client, which the wizard does not need.
export { OutboxReportStore, syncStatusOf, type HeldWrite, type OutboxStoreOptions, type SyncState, type SyncStatus } from './outbox-store';
export { updateKeyOf, reportKeyOf, type EntityKind } from './outbox-writes';
export type { ReplayLoopOptions, ReplayPass } from './outbox-replay';
