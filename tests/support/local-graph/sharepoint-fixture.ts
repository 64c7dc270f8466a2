/**
 * A SharePoint store on a fresh local Graph server with the TASS lists provisioned: what the
 * store contract and the resilience tests open. Retries are shortened so that fault tests run
 * in seconds; everything else is the production code path.
 */
import { createLogger, type Logger } from '../../../src/logging/logger';
import type { ReportStore } from '../../../src/store/report-store';
import { ClientCredentialsAuthProvider } from '../../../src/store/sharepoint/auth';
import { createGraphConnection, type GraphConnection, type GraphConnectionOptions } from '../../../src/store/sharepoint/graph-connection';
import { applyProvisioning, planProvisioning } from '../../../src/store/sharepoint/provision';
import { createSharePointStore } from '../../../src/store/sharepoint/sharepoint-store';
import { startLocalGraph, type LocalGraph, type LocalGraphOptions } from './local-graph-server';

export const FAST_TRANSPORT: Pick<GraphConnectionOptions, 'timeoutMs' | 'maxRetries' | 'retryDelaySeconds' | 'readAttempts'> = {
  timeoutMs: 2_000,
  maxRetries: 3,
  retryDelaySeconds: 0,
  readAttempts: 3,
};

/** A Graph connection to the local server, signed in with its app credentials. */
export function connectTo(graph: LocalGraph, transport = FAST_TRANSPORT): GraphConnection {
  const authProvider = new ClientCredentialsAuthProvider({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: graph.clientSecret,
    tokenUrl: graph.tokenUrl,
  });
  return createGraphConnection({ baseUrl: graph.baseUrl, authProvider, ...transport });
}

export async function provisionLists(graph: LocalGraph): Promise<void> {
  const connection = connectTo(graph);
  await applyProvisioning(connection, graph.siteId, await planProvisioning(connection, graph.siteId));
}

/** The environment (GRAPH_*, SHAREPOINT_SITE_ID) that points the bot or the CLI at the local server. */
export function graphEnvironment(graph: LocalGraph): Record<string, string> {
  return {
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_TOKEN_URL: graph.tokenUrl,
    SHAREPOINT_SITE_ID: graph.siteId,
    GRAPH_TENANT_ID: graph.tenantId,
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_CLIENT_SECRET: graph.clientSecret,
  };
}

/** A SharePoint store on the local server's site (its lists provisioned or not). */
export function sharePointStoreOn(graph: LocalGraph, options: { transport?: typeof FAST_TRANSPORT; logger?: Logger } = {}): ReportStore {
  return createSharePointStore({
    baseUrl: graph.baseUrl,
    siteId: graph.siteId,
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: graph.clientSecret,
    tokenUrl: graph.tokenUrl,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    transport: options.transport ?? FAST_TRANSPORT,
  });
}

export interface LocalSharePoint {
  readonly graph: LocalGraph;
  readonly store: ReportStore;
  cleanup(): Promise<void>;
}

export async function openLocalSharePoint(
  options: { server?: LocalGraphOptions; transport?: typeof FAST_TRANSPORT; logger?: Logger } = {},
): Promise<LocalSharePoint> {
  const graph = await startLocalGraph(options.server);
  await provisionLists(graph);
  graph.log.clear();
  const store = sharePointStoreOn(graph, options);
  return {
    graph,
    store,
    cleanup: async () => {
      await store.close();
      await graph.close();
    },
  };
}
