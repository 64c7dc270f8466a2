/**
 * The shared ReportStore contract against the SharePoint store over real HTTP, to a local Graph
 * server with the TASS lists provisioned. Pages are capped at 100 items, so every listing test
 * that goes past 100 follows @odata.nextLink as it must against real Graph.
 */
import { openLocalSharePoint } from '../support/local-graph/sharepoint-fixture';
import { describeReportStoreContract } from './contract';

describeReportStoreContract('SharePoint lists through a local Graph server', async () => {
  const { store, cleanup } = await openLocalSharePoint({ server: { maxPageSize: 100 } });
  return { store, cleanup };
});
