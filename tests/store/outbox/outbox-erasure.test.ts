/**
 * Erasing an officer through the outbox store: refused while writes wait for SharePoint (a
 * queued write replayed afterwards could bring the data back), done straight through otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../src/logging/logger';
import { StoreUnavailableError } from '../../../src/store/errors';
import { OutboxReportStore } from '../../../src/store/outbox';
import { createSharePointStore } from '../../../src/store/sharepoint/sharepoint-store';
import { aConversationLink, aDelivery, aLocality, anEvent, anOfficer } from '../../support/builders';
import { FAST_TRANSPORT, openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';

const silent = createLogger({ level: 'silent' });

describe('erasing an officer through the outbox', () => {
  let sharepoint: LocalSharePoint;
  let dir: string;
  let outbox: OutboxReportStore;
  const alison = anOfficer();

  beforeEach(async () => {
    sharepoint = await openLocalSharePoint();
    await sharepoint.store.upsertLocality(aLocality());
    await sharepoint.store.upsertOfficer(alison);
    await sharepoint.store.saveConversationLink(aConversationLink());
    await sharepoint.store.recordDelivery(aDelivery());
    await sharepoint.store.appendReportEvent(anEvent());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-outbox-erasure-'));
    const { graph } = sharepoint;
    const inner = createSharePointStore({ ...graph, logger: silent, transport: FAST_TRANSPORT });
    outbox = OutboxReportStore.open(inner, { path: path.join(dir, 'outbox.db'), logger: silent, replay: { initialDelayMs: 50, maxDelayMs: 400 } });
  });

  afterEach(async () => {
    await outbox.close();
    await sharepoint.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every erasing write while a write waits, and does them once it has reached SharePoint', async () => {
    sharepoint.graph.faults.setOutage(true);
    await outbox.recordDelivery(aDelivery({ kind: 'reminder:2024-10-17', status: 'failed', sentAt: undefined }));
    expect(outbox.syncState().pending).toBe(1);
    for (const erase of [
      () => outbox.deleteOfficer(alison.id),
      () => outbox.deleteConversationLink(alison.id),
      () => outbox.deleteDeliveriesTo(alison.id),
      () => outbox.reassignReportEvents(alison.id, 'former-officer'),
    ]) {
      await expect(erase()).rejects.toBeInstanceOf(StoreUnavailableError);
    }

    sharepoint.graph.faults.setOutage(false);
    // Read before the replay: the queued delivery is laid over what SharePoint holds.
    await expect(outbox.listDeliveriesTo(alison.id)).resolves.toHaveLength(2);
    await expect(outbox.deleteOfficer(alison.id)).rejects.toBeInstanceOf(StoreUnavailableError);
    await outbox.replayNow();
    expect(outbox.syncState().pending).toBe(0);
    await outbox.deleteDeliveriesTo(alison.id);
    await expect(outbox.reassignReportEvents(alison.id, 'former-officer')).resolves.toBe(1);
    await outbox.deleteConversationLink(alison.id);
    await outbox.deleteOfficer(alison.id);
    await expect(sharepoint.store.listDeliveriesTo(alison.id)).resolves.toEqual([]);
    await expect(sharepoint.store.getConversationLink(alison.id)).resolves.toBeUndefined();
    await expect(sharepoint.store.getOfficer(alison.id)).resolves.toBeUndefined();
  });
});
