/**
 * Picks the configured store. The SQLite store is built here; the SharePoint store comes in as a
 * factory so that this module (and every `tass` command) does not pull in Graph when unused.
 */
import { ConfigError, type Config } from '../config/config';
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
      if (!factories.sharepoint) {
        throw new ConfigError([
          'TASS_STORE: "sharepoint" is not available in this build; use TASS_STORE=sqlite (or --store sqlite)',
        ]);
      }
      return factories.sharepoint(config);
  }
}
