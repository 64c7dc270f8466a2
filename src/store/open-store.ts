/**
 * Picks the configured store. The SQLite store is built here; the SharePoint store is loaded only
 * when configured, so that the embedded default never pulls in Graph. Tests may pass their own
 * SharePoint factory (pointed at the local Graph server).
 */
import type { Config } from '../config/config';
import { createLogger } from '../logging/logger';
import type { ReportStore } from './report-store';
import { SqliteReportStore } from './sqlite/sqlite-store';

/** Builders for stores that live in other modules. */
export interface StoreFactories {
  readonly sharepoint?: (config: Config) => Promise<ReportStore>;
}

/** Opens the store named by `config.store` (TASS_STORE): the SQLite file at `config.dbPath`, or SharePoint. */
export async function openStore(config: Config, factories: StoreFactories = {}): Promise<ReportStore> {
  switch (config.store) {
    case 'sqlite':
      return SqliteReportStore.open(config.dbPath);
    case 'sharepoint':
      if (factories.sharepoint) return factories.sharepoint(config);
      return (await import('./sharepoint/from-config')).sharePointStoreFromConfig(config, createLogger({ level: config.logLevel }));
  }
}
