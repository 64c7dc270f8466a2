/** Builds the SharePoint store and the Graph connection from the validated configuration. */
import { ConfigError, envNameOf, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import type { ReportStore } from '../report-store';
import { ClientCredentialsAuthProvider } from './auth';
import { createGraphConnection, type GraphConnection } from './graph-connection';
import { createSharePointStore } from './sharepoint-store';

/** The Graph settings the SharePoint store and `tass provision` need, checked present. */
export interface GraphSettings {
  readonly baseUrl: string;
  readonly siteId: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenUrl?: string;
}

/** The Graph settings from the configuration; a ConfigError names every one that is missing. */
export function graphSettings(config: Config): GraphSettings {
  const { siteId, tenantId, clientId, clientSecret } = config.graph;
  const missing = (['siteId', 'tenantId', 'clientId', 'clientSecret'] as const).filter((key) => !config.graph[key]);
  if (!siteId || !tenantId || !clientId || !clientSecret) {
    throw new ConfigError(missing.map((key) => `${envNameOf(`graph.${key}`)}: required to reach SharePoint`));
  }
  return { baseUrl: config.graph.baseUrl, siteId, tenantId, clientId, clientSecret, tokenUrl: config.graph.tokenUrl };
}

/** A signed-in Graph connection and the site id, for `tass provision` and the report library. */
export function graphConnectionFromConfig(config: Config): { connection: GraphConnection; siteId: string } {
  const settings = graphSettings(config);
  const authProvider = new ClientCredentialsAuthProvider(settings);
  return { connection: createGraphConnection({ baseUrl: settings.baseUrl, authProvider }), siteId: settings.siteId };
}

/** For `openStore(config, { sharepoint: ... })`. */
export function sharePointStoreFromConfig(config: Config, logger: Logger): ReportStore {
  return createSharePointStore({ ...graphSettings(config), logger });
}
