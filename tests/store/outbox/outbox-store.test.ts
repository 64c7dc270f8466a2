/**
 * The durable outbox in front of the SharePoint store, over real HTTP to the local Graph server
 * and its fault injection: saves during an outage return normally, are read back, survive a
 * restart, and reach SharePoint exactly once and in order when Graph returns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../src/logging/logger';
import { ConflictError, StoreUnavailableError } from '../../../src/store/errors';
import { OutboxReportStore, syncStatusOf, updateKeyOf } from '../../../src/store/outbox';
import type { ReportStore } from '../../../src/store/report-store';
import { aLocality, anEvent, anUpdate, aPriority, aReport, items } from '../../support/builders';
import { findList } from '../../support/local-graph/graph-state';
import type { LocalGraph } from '../../support/local-graph/local-graph-server';
import { openLocalSharePoint, sharePointStoreOn, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';

const UPDATES_LIST = 'TASS Priority Updates';
const silent = createLogger({ level: 'silent' });

function storedUpdates(graph: LocalGraph): Array<Record<string, unknown>> {
  return [...(findList(graph.site, UPDATES_LIST)?.items.values() ?? [])].map((item) => item.fields);
}

/** A second SharePoint store on the same local Graph: a restarted bot, or another writer. */
function sharePointOn(graph: LocalGraph): ReportStore {
  return sharePointStoreOn(graph, { logger: silent });
}

/** The writes (not reads, not token requests) that reached Graph, in order. */
function itemWrites(graph: LocalGraph): string[] {
  return graph.log
    .graphRequests()
    .filter((r) => r.status > 0 && (r.method === 'POST' || r.method === 'PATCH') && /\/items/.test(r.path))
    .map((r) => `${r.method} ${r.status}`);
}

const first = anUpdate({ version: 0, impactSoFar: items('Draft one'), sectionsDone: [] });

describe('the SharePoint outbox', () => {
  let sharepoint: LocalSharePoint;
  let dir: string;
  let outboxPath: string;
  let outbox: OutboxReportStore;

  beforeEach(async () => {
    sharepoint = await openLocalSharePoint();
    await sharepoint.store.upsertLocality(aLocality());
    await sharepoint.store.savePriority(aPriority(), 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-outbox-'));
    outboxPath = path.join(dir, 'outbox.db');
    outbox = OutboxReportStore.open(sharePointOn(sharepoint.graph), { path: outboxPath, logger: silent, replay: { initialDelayMs: 50, maxDelayMs: 400 } });
    sharepoint.graph.log.clear();
  });

  afterEach(async () => {
    await outbox.close();
    await sharepoint.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Saves three versions of one section, each based on the one before, as the wizard does. */
  async function saveThreeDrafts(store: ReportStore): Promise<void> {
    const one = await store.savePriorityUpdate(first, 0);
    const two = await store.savePriorityUpdate({ ...one, impactSoFar: items('Draft one', 'Draft two') }, one.version);
    await store.savePriorityUpdate({ ...two, impactSoFar: items('Draft one', 'Draft two', 'Draft three'), sectionsDone: ['impactSoFar'] }, two.version);
  }

  it('writes straight through while SharePoint answers, queuing nothing', async () => {
    const saved = await outbox.savePriorityUpdate(first, 0);
    expect(saved.version).toBe(1);
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
    expect(syncStatusOf(outbox, 'priorityUpdate', updateKeyOf(first))).toBe('synced');
    expect(storedUpdates(sharepoint.graph)).toHaveLength(1);
  });

  it('during a full outage saves return normally, are read back, and reach SharePoint once and in order after recovery', async () => {
    const { graph } = sharepoint;
    graph.faults.setOutage(true);
    await saveThreeDrafts(outbox);
    await outbox.appendReportEvent(anEvent({ kind: 'reopened' }));

    expect(outbox.syncState().pending).toBe(4);
    expect(syncStatusOf(outbox, 'priorityUpdate', updateKeyOf(first))).toBe('syncing');
    const readBack = await outbox.getPriorityUpdate(first.priorityId, first.term);
    expect(readBack?.impactSoFar).toEqual(items('Draft one', 'Draft two', 'Draft three'));
    expect(readBack?.version).toBe(3);
    expect(storedUpdates(graph)).toHaveLength(0);

    graph.faults.setOutage(false);
    graph.log.clear();
    const pass = await outbox.replayNow();
    expect(pass).toEqual({ replayed: 4, held: 0, stoppedUnreachable: false });
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
    // One item, written three times in the order saved: create then two changes, each on the version before.
    expect(itemWrites(graph).slice(0, 3)).toEqual(['POST 201', 'PATCH 200', 'PATCH 200']);
    expect(storedUpdates(graph)).toHaveLength(1);
    const inSharePoint = await sharepoint.store.getPriorityUpdate(first.priorityId, first.term);
    expect(inSharePoint).toEqual(readBack);
    await expect(sharepoint.store.listReportEvents(first.localityId, first.term)).resolves.toEqual([anEvent({ kind: 'reopened' })]);
  });

  it.each([
    ['503 beyond the client\'s retries', (graph: LocalGraph) => graph.faults.unavailable(20, 0, { path: /\/items/ })],
    ['dropped connections', (graph: LocalGraph) => graph.faults.drop(20, { path: /\/items/ })],
    ['answers slower than the client waits', (graph: LocalGraph) => graph.faults.slow(2_500, 20, { path: /\/items/ })],
  ])('keeps a save in the outbox through %s, and replays it once Graph behaves', async (_label, injure) => {
    const { graph } = sharepoint;
    injure(graph);
    const saved = await outbox.savePriorityUpdate(first, 0);
    expect(saved).toEqual({ ...first, version: 1 });
    expect(syncStatusOf(outbox, 'priorityUpdate', updateKeyOf(first))).toBe('syncing');
    graph.faults.clear();
    await outbox.replayNow();
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
    expect(storedUpdates(graph)).toHaveLength(1);
    await expect(sharepoint.store.getPriorityUpdate(first.priorityId, first.term)).resolves.toEqual(saved);
  }, 30_000);

  it('loses nothing when the bot restarts mid-outage (the outbox file is re-opened)', async () => {
    const { graph } = sharepoint;
    graph.faults.setOutage(true);
    const one = await outbox.savePriorityUpdate(first, 0);
    const two = await outbox.savePriorityUpdate({ ...one, impactSoFar: items('Before the restart') }, one.version);
    await outbox.close();

    outbox = OutboxReportStore.open(sharePointOn(graph), { path: outboxPath, logger: silent, replay: { initialDelayMs: 50, maxDelayMs: 400 } });
    expect(outbox.syncState().pending).toBe(2);
    await outbox.savePriorityUpdate({ ...two, impactSoFar: items('Before the restart', 'After the restart') }, two.version);

    graph.faults.setOutage(false);
    await outbox.replayNow();
    expect(outbox.syncState().pending).toBe(0);
    const stored = await sharepoint.store.getPriorityUpdate(first.priorityId, first.term);
    expect(stored?.impactSoFar).toEqual(items('Before the restart', 'After the restart'));
    expect(stored?.version).toBe(3);
    expect(storedUpdates(graph)).toHaveLength(1);
  });

  it('replays by itself with backoff once started, when Graph comes back', async () => {
    const { graph } = sharepoint;
    graph.faults.setOutage(true);
    outbox.startReplay();
    await saveThreeDrafts(outbox);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(outbox.syncState().pending).toBe(3);
    graph.faults.setOutage(false);
    const deadline = Date.now() + 10_000;
    while (outbox.syncState().pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outbox.syncState().pending).toBe(0);
    expect((await sharepoint.store.getPriorityUpdate(first.priorityId, first.term))?.version).toBe(3);
  });

  it('queues later writes behind pending ones even when Graph is back, so nothing overtakes', async () => {
    const { graph } = sharepoint;
    graph.faults.setOutage(true);
    const one = await outbox.savePriorityUpdate(first, 0);
    graph.faults.setOutage(false);
    await outbox.savePriorityUpdate({ ...one, impactSoFar: items('Written after recovery') }, one.version);
    expect(outbox.syncState().pending).toBe(2);
    await outbox.replayNow();
    const stored = await sharepoint.store.getPriorityUpdate(first.priorityId, first.term);
    expect(stored?.impactSoFar).toEqual(items('Written after recovery'));
    expect(stored?.version).toBe(2);
  });

  it('refuses at once a save based on an older version than the one queued', async () => {
    sharepoint.graph.faults.setOutage(true);
    await outbox.savePriorityUpdate(first, 0);
    await expect(outbox.savePriorityUpdate({ ...first, impactSoFar: items('A co-author, from an old card') }, 0)).rejects.toBeInstanceOf(ConflictError);
    expect(outbox.syncState().pending).toBe(1);
  });

  it('holds a replayed write that meets a genuine conflict, surfaces it, and does not drop it', async () => {
    const { graph, store: direct } = sharepoint;
    await direct.savePriorityUpdate(first, 0);
    const base = await outbox.getPriorityUpdate(first.priorityId, first.term);
    graph.faults.setOutage(true);
    await outbox.savePriorityUpdate({ ...base!, impactSoFar: items('Typed by Ann during the outage') }, 1);
    graph.faults.setOutage(false);
    // Meanwhile a co-author on another bot saved the same section in SharePoint.
    await direct.savePriorityUpdate({ ...base!, impactSoFar: items('Typed by Bob') }, 1);

    const pass = await outbox.replayNow();
    expect(pass).toEqual({ replayed: 0, held: 1, stoppedUnreachable: false });
    const state = outbox.syncState();
    expect(state.pending).toBe(0);
    expect(state.held).toEqual([
      expect.objectContaining({ op: 'savePriorityUpdate', state: 'conflict', entities: [{ entity: 'priorityUpdate', key: updateKeyOf(first) }] }),
    ]);
    expect(syncStatusOf(outbox, 'priorityUpdate', updateKeyOf(first))).toBe('held');
    expect((await direct.getPriorityUpdate(first.priorityId, first.term))?.impactSoFar).toEqual(items('Typed by Bob'));
    // Still there after another pass and after a restart, until someone discards it.
    await outbox.replayNow();
    await outbox.close();
    outbox = OutboxReportStore.open(sharePointOn(graph), { path: outboxPath, logger: silent });
    expect(outbox.syncState().held).toHaveLength(1);
    outbox.discardHeld(outbox.syncState().held[0].seq);
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
  });

  it('recognises a queued write that had landed already (its answer was lost) and does not write it twice', async () => {
    const { graph, store: direct } = sharepoint;
    graph.faults.setOutage(true);
    await outbox.savePriorityUpdate(first, 0);
    await outbox.appendReportEvent(anEvent());
    graph.faults.setOutage(false);
    // The first attempts reached SharePoint after all.
    await direct.savePriorityUpdate(first, 0);
    await direct.appendReportEvent(anEvent());

    await expect(outbox.replayNow()).resolves.toEqual({ replayed: 2, held: 0, stoppedUnreachable: false });
    expect(storedUpdates(graph)).toHaveLength(1);
    await expect(direct.listReportEvents(first.localityId, first.term)).resolves.toHaveLength(1);
  });

  it('lists show queued writes: a new update joins, a changed one is replaced', async () => {
    const other = anUpdate({ priorityId: 'central-second', version: 0 });
    await sharepoint.store.savePriority(aPriority({ id: 'central-second', order: 2 }), 0);
    await outbox.savePriorityUpdate(first, 0);
    const listedBefore = await outbox.listPriorityUpdates({ localityId: first.localityId });
    sharepoint.graph.faults.setOutage(true);
    const changed = await outbox.savePriorityUpdate({ ...listedBefore[0], impactSoFar: items('Changed while down') }, 1);
    const added = await outbox.savePriorityUpdate(other, 0);
    sharepoint.graph.faults.setOutage(false);
    await expect(outbox.listPriorityUpdates({ localityId: first.localityId })).resolves.toEqual([changed, added]);
    await expect(outbox.listPriorityUpdates({ localityId: 'preston' })).resolves.toEqual([]);
  });

  it('keeps answering reads through an outage from the last good read, with queued writes laid over it', async () => {
    const { graph } = sharepoint;
    const saved = await outbox.savePriorityUpdate(first, 0);
    const listed = await outbox.listPriorityUpdates({ localityId: first.localityId });
    const priorities = await outbox.listPriorities(first.localityId);
    graph.faults.setOutage(true);
    await expect(outbox.listPriorities(first.localityId)).resolves.toEqual(priorities);
    await expect(outbox.listPriorityUpdates({ localityId: first.localityId })).resolves.toEqual(listed);
    const changed = await outbox.savePriorityUpdate({ ...saved, impactSoFar: items('Saved during the outage') }, saved.version);
    await expect(outbox.listPriorityUpdates({ localityId: first.localityId })).resolves.toEqual([changed]);
    // Nothing read before the outage: the read fails as it would without the outbox.
    await expect(outbox.listCovers('central-lancs')).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 30_000);

  it('publishes a submission only once it reaches SharePoint, and answers what partners read through an outage', async () => {
    const { graph } = sharepoint;
    const draft = await outbox.savePriorityUpdate(first, 0);
    const report = await outbox.saveLocalityReport(aReport({ status: 'in progress', approval: undefined, returnComment: undefined }), 0);
    await expect(outbox.listPublishedUpdates({ localityId: first.localityId })).resolves.toEqual([]);

    graph.faults.setOutage(true);
    await outbox.saveReportWithUpdates({ ...report, status: 'submitted', approval: 'pending' }, report.version, [{ update: draft, expectedVersion: draft.version }]);
    // Queued, not yet in SharePoint: partners see nothing yet (the last good answer).
    await expect(outbox.listPublishedUpdates({ localityId: first.localityId })).resolves.toEqual([]);

    graph.faults.setOutage(false);
    await outbox.replayNow();
    const { updatedBy: _by, ...asSubmitted } = { ...first, version: 2 };
    await expect(outbox.listPublishedUpdates({ localityId: first.localityId })).resolves.toEqual([asSubmitted]);
    graph.faults.setOutage(true);
    await expect(outbox.listPublishedUpdates({ localityId: first.localityId })).resolves.toEqual([asSubmitted]);
  }, 30_000);

  it('answers an outage with what was saved after the last good read, so a save based on it replays cleanly', async () => {
    const { graph } = sharepoint;
    // Read, then saved with nothing read since (the wizard's save turn works from what it read before saving).
    const one = await outbox.savePriorityUpdate(first, 0);
    const listedBefore = await outbox.listPriorityUpdates({ localityId: first.localityId, term: first.term });
    const two = await outbox.savePriorityUpdate({ ...one, impactSoFar: items('Saved before the outage') }, one.version);
    graph.faults.setOutage(true);
    expect(listedBefore.map((update) => update.version)).toEqual([1]);
    const listed = await outbox.listPriorityUpdates({ localityId: first.localityId, term: first.term });
    expect(listed).toEqual([two]);
    await outbox.savePriorityUpdate({ ...listed[0], impactSoFar: items('Saved during the outage') }, listed[0].version);
    graph.faults.setOutage(false);
    await outbox.replayNow();
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
    expect(await sharepoint.store.getPriorityUpdate(first.priorityId, first.term)).toMatchObject({ impactSoFar: items('Saved during the outage'), version: 3 });
  }, 30_000);

  it('refuses a file that is not an outbox with a StoreOpenError naming it', async () => {
    const notOutbox = path.join(dir, 'not-an-outbox.db');
    fs.writeFileSync(notOutbox, 'this is a text file, not SQLite '.repeat(100));
    expect(() => OutboxReportStore.open(sharePointOn(sharepoint.graph), { path: notOutbox, logger: silent })).toThrow(/not-an-outbox\.db/);
  });
});
