/** The production SharePoint store: Graph behind the durable outbox, replaying in the background. */
import path from 'node:path';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { sharePointStoreFromConfig } from '../sharepoint/from-config';
import { OutboxReportStore } from './outbox-store';

/** The outbox file: beside the compiled reports in TASS_DATA_DIR. */
export function outboxPathFor(config: Config): string {
  return path.join(config.dataDir, 'outbox.db');
}

/**
 * For `openStore(config, { sharepoint: (config) => Promise.resolve(sharePointWithOutbox(config, logger)) })`.
 * Replays whatever a previous run left in the outbox as soon as Graph answers.
 */
export function sharePointWithOutbox(config: Config, logger: Logger): OutboxReportStore {
  const store = OutboxReportStore.open(sharePointStoreFromConfig(config, logger), { path: outboxPathFor(config), logger });
  store.startReplay();
  return store;
}
