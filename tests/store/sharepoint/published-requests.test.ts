/**
 * What keeping `TASS Published Updates` in step costs in Graph requests, and that it stays right
 * when the store has not seen the report before (another bot instance, a `tass` command): report
 * saves that leave the publication alone (the first section save of a term, storing the Word
 * document's link) cost what they did before; a Return reads what is published and withdraws it
 * together with the report.
 */
import { createLogger } from '../../../src/logging/logger';
import { createSharePointStore } from '../../../src/store/sharepoint/sharepoint-store';
import { aLocality, anUpdate, aPriority, aReport } from '../../support/builders';
import { findList } from '../../support/local-graph/graph-state';
import { FAST_TRANSPORT, openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';

const TERM = anUpdate().term;

describe('TASS Published Updates: Graph requests of report saves', () => {
  let sharepoint: LocalSharePoint;

  beforeEach(async () => {
    sharepoint = await openLocalSharePoint();
    await sharepoint.store.upsertLocality(aLocality());
    await sharepoint.store.savePriority(aPriority(), 0);
    await sharepoint.store.savePriorityUpdate(anUpdate(), 0);
  });

  afterEach(async () => {
    await sharepoint.cleanup();
  });

  const publishedItemCount = (): number => findList(sharepoint.graph.site, 'TASS Published Updates')?.items.size ?? 0;
  const requests = (): string[] => sharepoint.graph.log.graphRequests().map((r) => `${r.method} ${r.path.replace(/\/sites\/.*\/lists\/[^/]+\/items/, '/items')}`);

  it('costs nothing extra when a draft report is started or changed', async () => {
    const { store, graph } = sharepoint;
    graph.log.clear();
    const started = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined, returnComment: undefined, submittedAt: undefined }), 0);
    expect(requests()).toEqual(['POST /items']);

    const read = await store.getLocalityReport(started.localityId, TERM);
    graph.log.clear();
    await store.saveLocalityReport({ ...read!, officerIds: ['officer-claire-fox'] }, read!.version);
    expect(requests()).toEqual([expect.stringMatching(/^PATCH \/items\/\d+\/fields$/)]);
    expect(publishedItemCount()).toBe(0);
  });

  it('costs nothing extra to store the Word document link of a submitted report', async () => {
    const { store, graph } = sharepoint;
    const draft = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined, returnComment: undefined }), 0);
    const update = (await store.getPriorityUpdate(anUpdate().priorityId, TERM))!;
    const { report } = await store.saveReportWithUpdates({ ...draft, status: 'submitted', approval: 'pending' }, draft.version, [{ update, expectedVersion: update.version }]);
    expect(publishedItemCount()).toBe(1);
    graph.log.clear();
    await store.saveLocalityReport({ ...report, documentUrl: 'https://lancashire.sharepoint.com/r.docx' }, report.version);
    expect(graph.log.graphRequests().map((r) => r.method)).toEqual(['PATCH']);
    expect(publishedItemCount()).toBe(1);
  });

  it('withdraws on Return in one read batch and one write batch, even from a store that never saw the report', async () => {
    const { store, graph } = sharepoint;
    const draft = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined, returnComment: undefined }), 0);
    const update = (await store.getPriorityUpdate(anUpdate().priorityId, TERM))!;
    const { report } = await store.saveReportWithUpdates({ ...draft, status: 'submitted', approval: 'pending' }, draft.version, [{ update, expectedVersion: update.version }]);
    expect(publishedItemCount()).toBe(1);

    // Another instance (say, a second bot process) applies the manager's Return.
    const other = createSharePointStore({ ...graph, logger: createLogger({ level: 'silent' }), transport: FAST_TRANSPORT });
    await other.listLocalities(); // resolves the list ids, as any first request does
    graph.log.clear();
    await other.saveLocalityReport({ ...report, status: 'in progress', approval: 'returned', returnComment: 'Add the figures' }, report.version);
    expect(graph.log.graphRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch', 'POST /$batch']);
    expect(publishedItemCount()).toBe(0);
    await expect(store.listPublishedUpdates({})).resolves.toEqual([]);
    await other.close();
  });
});
