/** deliverOnce: each message at most once, several officers side by side, each officer's messages in order. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProactiveMessenger } from '../../../src/bot/bot-deps';
import { deliverOnce, NO_CONVERSATION, type DeliveryRequest } from '../../../src/bot/campaign/deliveries';
import { createLogger } from '../../../src/logging/logger';
import { SqliteReportStore } from '../../../src/store/sqlite/sqlite-store';

const TERM = '2024-25-spring';
const NOW = new Date('2025-03-14T08:00:00Z');

/** Records what is sent and how many sends overlap; officers named "offline-..." have no conversation. */
function recordingMessenger(sendMs: number, failing: ReadonlySet<string> = new Set()) {
  const sent: Array<[string, string]> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const messenger: ProactiveMessenger = {
    async sendToOfficer(officerId, message) {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, sendMs));
        if (failing.has(officerId)) throw new Error('connector unreachable');
        if (officerId.startsWith('offline-')) return false;
        sent.push([officerId, message.text ?? '']);
        return true;
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { messenger, sent, mostInFlight: () => mostInFlight };
}

function requestsFor(officers: readonly string[], localities: readonly string[]): DeliveryRequest[] {
  return localities.flatMap((localityId) =>
    officers.map((officerId) => ({ localityId, officerId, message: async () => ({ text: `${localityId} for ${officerId}` }) })),
  );
}

describe('deliverOnce', () => {
  let dir: string;
  let store: SqliteReportStore;
  const deps = () => ({ store, clock: () => NOW, logger: createLogger({ level: 'silent' }) });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-deliveries-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [1, 1],
    [3, 3],
    [8, 8],
    [50, 10],
  ])('with concurrency %d keeps at most %d sends in flight and sends every message once', async (concurrency, most) => {
    const officers = Array.from({ length: 10 }, (_, i) => `officer-${i}`);
    const recording = recordingMessenger(5);

    const outcome = await deliverOnce(deps(), recording.messenger, TERM, 'prompt', requestsFor(officers, ['preston', 'west-lancs']), concurrency);

    expect(outcome).toEqual({ sent: 20, alreadySent: 0, noConversation: 0, failed: 0 });
    expect(recording.mostInFlight()).toBe(most);
    expect(new Set(recording.sent.map(([officer, text]) => `${officer}|${text}`)).size).toBe(20);
    const recorded = await store.listDeliveries(TERM, 'prompt');
    expect(recorded.filter((delivery) => delivery.status === 'sent')).toHaveLength(20);
  });

  it('sends each officer their messages one after another, in the order asked', async () => {
    const officers = Array.from({ length: 6 }, (_, i) => `officer-${i}`);
    const recording = recordingMessenger(2);

    await deliverOnce(deps(), recording.messenger, TERM, 'prompt', requestsFor(officers, ['preston', 'central-lancs', 'west-lancs']), 4);

    for (const officer of officers) {
      expect(recording.sent.filter(([to]) => to === officer).map(([, text]) => text)).toEqual([
        `preston for ${officer}`,
        `central-lancs for ${officer}`,
        `west-lancs for ${officer}`,
      ]);
    }
  });

  it('sends nothing the second time', async () => {
    const requests = requestsFor(['officer-1', 'officer-2'], ['preston']);
    await deliverOnce(deps(), recordingMessenger(1).messenger, TERM, 'prompt', requests);
    const again = recordingMessenger(1);

    const outcome = await deliverOnce(deps(), again.messenger, TERM, 'prompt', requests);

    expect(outcome).toEqual({ sent: 0, alreadySent: 2, noConversation: 0, failed: 0 });
    expect(again.sent).toEqual([]);
  });

  it('records officers without a conversation and failed sends, and sends those again next time', async () => {
    const requests = requestsFor(['officer-1', 'offline-2', 'officer-3'], ['preston']);

    const first = await deliverOnce(deps(), recordingMessenger(1, new Set(['officer-3'])).messenger, TERM, 'prompt', requests);
    const retry = recordingMessenger(1);
    const second = await deliverOnce(deps(), retry.messenger, TERM, 'prompt', requests);

    expect(first).toEqual({ sent: 1, alreadySent: 0, noConversation: 1, failed: 1 });
    expect(second).toEqual({ sent: 1, alreadySent: 1, noConversation: 1, failed: 0 });
    expect(retry.sent).toEqual([['officer-3', 'preston for officer-3']]);
    const recorded = new Map((await store.listDeliveries(TERM, 'prompt')).map((delivery) => [delivery.officerId, delivery]));
    expect(recorded.get('offline-2')).toMatchObject({ status: 'failed', lastError: NO_CONVERSATION, attempts: 2 });
    expect(recorded.get('officer-3')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
