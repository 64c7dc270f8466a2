/** The production SharePoint store: Graph behind the durable outbox, replaying in the background. */
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { sharePointStoreFromConfig } from '../sharepoint/from-config';
import { outboxPathFor } from './outbox-file';
import { OutboxReportStore } from './outbox-store';

/**
 * For `openStore(config, { sharepoint: (config) => Promise.resolve(sharePointWithOutbox(config, logger)) })`.
 * Replays whatever a previous run left in the outbox as soon as Graph answers.
 */
export function sharePointWithOutbox(config: Config, logger: Logger): OutboxReportStore {
  const store = OutboxReportStore.open(sharePointStoreFromConfig(config, logger), { path: outboxPathFor(config), logger });
  store.startReplay();
  return store;
}
