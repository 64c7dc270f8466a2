/**
 * The SharePoint store against a misbehaving Graph: throttling, outages, dropped connections and
 * slow answers, injected by the local Graph server. Also the request budget of a section save.
 */
import { ConflictError, StoreUnavailableError } from '../../../src/store/errors';
import { aLocality, anUpdate, aPriority, aReport, items } from '../../support/builders';
import type { LocalGraph } from '../../support/local-graph/local-graph-server';
import { openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';
import { findList } from '../../support/local-graph/graph-state';

const UPDATES_LIST = 'TASS Priority Updates';

function storedUpdates(graph: LocalGraph): Array<Record<string, unknown>> {
  return [...(findList(graph.site, UPDATES_LIST)?.items.values() ?? [])].map((item) => item.fields);
}

describe('SharePoint store under faults', () => {
  let sharepoint: LocalSharePoint;

  beforeEach(async () => {
    sharepoint = await openLocalSharePoint();
    await sharepoint.store.upsertLocality(aLocality());
    await sharepoint.store.savePriority(aPriority(), 0);
    sharepoint.graph.log.clear();
  });

  afterEach(async () => {
    await sharepoint.cleanup();
  });

  it('saves a section based on the version last read in exactly one Graph request, with If-Match', async () => {
    const { store, graph } = sharepoint;
    await store.savePriorityUpdate(anUpdate(), 0);
    const read = await store.getPriorityUpdate(anUpdate().priorityId, anUpdate().term);
    graph.log.clear();
    const second = await store.savePriorityUpdate({ ...read!, impactSoFar: items('12 schools attended') }, 1);
    await store.savePriorityUpdate({ ...second, rag: 'some concerns' }, 2);
    expect(graph.log.graphRequests().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 200', 'PATCH 200']);
    await expect(store.getPriorityUpdate(second.priorityId, second.term)).resolves.toEqual({ ...second, rag: 'some concerns', version: 3 });
  });

  it.each([
    ['429 Too Many Requests', 429],
    ['503 Service Unavailable', 503],
  ])('retries after %s with Retry-After and saves exactly once', async (_label, status) => {
    const { store, graph } = sharepoint;
    graph.faults.add({ kind: 'status', status, retryAfterSeconds: 1 }, 2, { method: 'POST', path: /\/items$/ });
    const started = Date.now();
    const saved = await store.savePriorityUpdate(anUpdate(), 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(saved.version).toBe(1);
    expect(graph.log.graphRequests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([status, status, 201]);
    expect(storedUpdates(graph)).toHaveLength(1);
    await expect(store.getPriorityUpdate(saved.priorityId, saved.term)).resolves.toEqual(saved);
  });

  it('gives up with StoreUnavailableError when throttling outlasts the retries, having written nothing', async () => {
    const { store, graph } = sharepoint;
    graph.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 0 }, 10, { method: 'POST', path: /\/items$/ });
    await expect(store.savePriorityUpdate(anUpdate(), 0)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(storedUpdates(graph)).toHaveLength(0);
  });

  it.each([
    ['a new update, answer lost after it was created', 'POST', true, 0],
    ['a new update, connection dropped before it arrived', 'POST', false, 0],
    ['a changed update, answer lost after it was written', 'PATCH', true, 1],
    ['a changed update, connection dropped before it arrived', 'PATCH', false, 1],
  ])('saves %s exactly once', async (_label, method, after, base) => {
    const { store, graph } = sharepoint;
    if (base === 1) await store.savePriorityUpdate(anUpdate(), 0);
    graph.faults.drop(1, { after, method, path: /\/items(\/\d+\/fields)?$/ });
    const saved = await store.savePriorityUpdate(anUpdate({ impactSoFar: items('Saved once') }), base);
    expect(saved.version).toBe(base + 1);
    expect(graph.log.records.some((r) => r.fault?.startsWith('drop'))).toBe(true);
    expect(storedUpdates(graph)).toHaveLength(1);
    expect(storedUpdates(graph)[0].TassVersion).toBe(base + 1);
    await expect(store.getPriorityUpdate(saved.priorityId, saved.term)).resolves.toEqual(saved);
  });

  it('does not duplicate an upserted locality whose create answer was lost', async () => {
    const { store, graph } = sharepoint;
    graph.faults.drop(1, { after: true, method: 'POST', path: /\/items$/ });
    await store.upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 3 }));
    expect((await store.listLocalities()).map((l) => l.id)).toEqual(['central-lancs', 'preston']);
  });

  it('treats an answer slower than the timeout as lost, and still saves exactly once', async () => {
    const { store, graph } = sharepoint;
    await store.savePriorityUpdate(anUpdate(), 0);
    graph.faults.slow(2_500, 1, { method: 'PATCH' });
    const saved = await store.savePriorityUpdate(anUpdate({ rag: 'off track' }), 1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(saved.version).toBe(2);
    expect(storedUpdates(graph)).toHaveLength(1);
    await expect(store.getPriorityUpdate(saved.priorityId, saved.term)).resolves.toEqual(saved);
  });

  it('retries a read whose connection dropped', async () => {
    const { store, graph } = sharepoint;
    graph.faults.drop(2, { method: 'GET', path: /\/items$/ });
    await expect(store.getPriority(aPriority().id)).resolves.toEqual({ ...aPriority(), version: 1 });
  });

  it('raises StoreUnavailableError in a full outage, for reads and writes, and recovers after it', async () => {
    const { store, graph } = sharepoint;
    graph.faults.setOutage(true);
    await expect(store.getPriority(aPriority().id)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.savePriorityUpdate(anUpdate(), 0)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.listLocalities()).rejects.toBeInstanceOf(StoreUnavailableError);
    graph.faults.setOutage(false);
    expect(storedUpdates(graph)).toHaveLength(0);
    await expect(store.savePriorityUpdate(anUpdate(), 0)).resolves.toEqual({ ...anUpdate(), version: 1 });
  });

  it('undoes the writes that landed when another save slips in between the check and the batch', async () => {
    const { store, graph } = sharepoint;
    const second = await store.savePriority(aPriority({ id: 'central-neet', order: 2 }), 0);
    const report = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined }), 0);
    const first = await store.savePriorityUpdate(anUpdate(), 0);
    const other = await store.savePriorityUpdate(anUpdate({ priorityId: second.id }), 0);
    const rival = await openLocalSharePointStoreOn(graph);
    let rivalSave: typeof other | undefined;
    // Let the reading batch through; just before the writing batch, Alison saves the second update.
    graph.faults.before(async () => {
      rivalSave = await rival.savePriorityUpdate({ ...other, rag: 'off track' }, 1);
    }, { method: 'POST', path: /^\/\$batch$/, skip: 1 });
    const newPriority = aPriority({ id: 'central-new', order: 9 });

    const failure = await store
      .saveReportWithUpdates(
        { ...report, status: 'submitted' },
        1,
        [
          { update: { ...first, impactSoFar: items('Overwritten?') }, expectedVersion: 1 },
          { update: { ...other, impactSoFar: items('Overwritten?') }, expectedVersion: 1 },
        ],
        [{ priority: newPriority, expectedVersion: 0 }],
      )
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ConflictError);
    expect(rivalSave?.version).toBe(2);
    expect((failure as ConflictError).current).toEqual(rivalSave);
    await expect(store.getLocalityReport(report.localityId, report.term)).resolves.toEqual(report);
    await expect(store.getPriorityUpdate(first.priorityId, first.term)).resolves.toEqual(first);
    await expect(store.getPriorityUpdate(other.priorityId, other.term)).resolves.toEqual(rivalSave);
    await expect(store.getPriority(newPriority.id)).resolves.toBeUndefined();
    // The store saves again happily once it has read the current versions.
    await expect(store.savePriorityUpdate({ ...first, rag: 'some concerns' }, 1)).resolves.toEqual({ ...first, rag: 'some concerns', version: 2 });
  });

  it('saves a report with 30 updates in batches of at most 20 requests', async () => {
    const { store, graph } = sharepoint;
    const report = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined }), 0);
    const updates = Array.from({ length: 30 }, (_, i) => ({ update: anUpdate({ priorityId: `p-${i}`, title: `Priority ${i}` }), expectedVersion: 0 }));
    graph.log.clear();
    const result = await store.saveReportWithUpdates({ ...report, status: 'submitted' }, 1, updates);
    expect(result.updates).toHaveLength(30);
    expect(result.report.version).toBe(2);
    // Reads: 31 items, plus what is published, the priorities and the locality (34: 2 batches).
    // Writes: 31 items, plus the 30 published updates of the submission (61: 4 batches).
    const batches = graph.log.graphRequests();
    expect(batches.map((r) => `${r.method} ${r.path}`)).toEqual(Array(6).fill('POST /$batch'));
    expect(graph.log.records.filter((r) => r.inBatch).length).toBe(34 + 61);
    await expect(store.listPriorityUpdates({ term: anUpdate().term })).resolves.toHaveLength(30);
    await expect(store.listPublishedUpdates({ term: anUpdate().term })).resolves.toHaveLength(30);
  });

  it('retries requests throttled inside a batch, and writes each exactly once', async () => {
    const { store, graph } = sharepoint;
    const report = await store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined }), 0);
    const first = await store.savePriorityUpdate(anUpdate(), 0);
    graph.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1 }, 1, { method: 'PATCH', inBatch: true, path: /\/fields$/ });
    graph.log.clear();
    const result = await store.saveReportWithUpdates({ ...report, status: 'submitted' }, 1, [{ update: { ...first, rag: 'off track' }, expectedVersion: 1 }]);
    expect(result.report.version).toBe(2);
    expect(graph.log.records.filter((r) => r.inBatch && r.method === 'PATCH').map((r) => r.status)).toEqual([429, 200, 200]);
    expect(graph.log.graphRequests().map((r) => r.path)).toEqual(['/$batch', '/$batch', '/$batch']);
    await expect(store.getPriorityUpdate(first.priorityId, first.term)).resolves.toEqual({ ...first, rag: 'off track', version: 2 });
    await expect(store.getLocalityReport(report.localityId, report.term)).resolves.toEqual(result.report);
  });

  it('signs in again when Graph refuses a revoked token', async () => {
    const { store, graph } = sharepoint;
    const signedIn = graph.tokens.issuedCount;
    graph.tokens.revokeAll();
    await expect(store.getPriority(aPriority().id)).resolves.toEqual({ ...aPriority(), version: 1 });
    expect(graph.tokens.issuedCount).toBe(signedIn + 1);
    expect(graph.log.graphRequests().map((r) => r.status)).toEqual([401, 200]);
  });

  it('saves over a hand edit made in SharePoint, which changed the eTag but is not a TASS save', async () => {
    const { store, graph } = sharepoint;
    const saved = await store.savePriorityUpdate(anUpdate(), 0);
    const item = [...findList(graph.site, UPDATES_LIST)!.items.values()][0];
    item.fields = { ...item.fields, Title: 'Retitled by a partner in SharePoint' };
    item.version += 1;
    graph.log.clear();
    await expect(store.savePriorityUpdate({ ...saved, rag: 'off track' }, 1)).resolves.toEqual({ ...saved, rag: 'off track', version: 2 });
    expect(graph.log.graphRequests().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 412', 'GET 200', 'PATCH 200']);
  });

  it('signs in once and reuses the token across requests', async () => {
    const { store, graph } = sharepoint;
    const signedIn = graph.tokens.issuedCount;
    for (let i = 0; i < 5; i += 1) await store.listLocalities();
    expect(graph.tokens.issuedCount).toBe(signedIn);
    expect(graph.log.records.filter((r) => r.path === '/token')).toHaveLength(0);
  });

  it('refuses a conflicting save with ConflictError even when the cache is stale', async () => {
    const { store, graph } = sharepoint;
    await store.savePriorityUpdate(anUpdate(), 0);
    const rival = await openLocalSharePointStoreOn(graph);
    const winner = await rival.savePriorityUpdate(anUpdate({ rag: 'off track' }), 1);
    graph.log.clear();
    await expect(store.savePriorityUpdate(anUpdate({ rag: 'on track' }), 1)).rejects.toEqual(
      expect.objectContaining({ name: 'ConflictError', current: winner }),
    );
    expect(graph.log.graphRequests().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 412', 'GET 200']);
    await expect(store.savePriorityUpdate(anUpdate({ rag: 'on track' }), 1)).rejects.toBeInstanceOf(ConflictError);
  });
});

/** A second store instance on the same server: another bot process, with its own caches. */
async function openLocalSharePointStoreOn(graph: LocalGraph) {
  const { sharePointStoreOn } = await import('../../support/local-graph/sharepoint-fixture');
  return sharePointStoreOn(graph);
}
