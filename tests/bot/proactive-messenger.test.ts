/** Proactive sends through the real adapter to the local connector: paced per app and per conversation. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TurnContext, type Activity } from 'botbuilder';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { createProactiveMessenger } from '../../src/bot/proactive-messenger';
import { DEFAULT_PACING, type PacingOptions } from '../../src/bot/send-pacer';
import { createAdapter } from '../../src/server/create-bot-server';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { startLocalConnector, TEAMS_RATE_LIMITS, type LocalConnector } from '../support/local-connector';

function referenceFor(officerId: string, serviceUrl: string): Record<string, unknown> {
  const activity: Partial<Activity> = {
    id: `install-${officerId}`,
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${officerId}`, name: '' },
    recipient: { id: '28:tass-bot', name: 'TASS' },
    conversation: { id: `a:personal-${officerId}`, conversationType: 'personal', isGroup: false, name: '' },
  };
  return JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
}

describe('proactive messenger pacing', () => {
  let dir: string;
  let store: SqliteReportStore;
  let connector: LocalConnector;

  const messengerWith = (pacing: Partial<PacingOptions>) => {
    const config = loadConfig({ TASS_DB: path.join(dir, 'tass.db') });
    const logger = createLogger({ level: 'silent' });
    return createProactiveMessenger({ adapter: createAdapter({ config, logger }), store, logger, appId: '', pacing });
  };
  const linkOfficers = async (count: number) => {
    const ids = Array.from({ length: count }, (_, i) => `officer-${i}`);
    for (const id of ids) await store.saveConversationLink({ officerId: id, reference: referenceFor(id, connector.serviceUrl), updatedAt: '2025-03-14T08:00:00Z' });
    return ids;
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-messenger-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    connector = await startLocalConnector({ rateLimits: TEAMS_RATE_LIMITS });
  });
  afterEach(async () => {
    await connector.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('spaces the messages to one conversation, but not messages to different ones', async () => {
    const messenger = messengerWith({ ratePerSecond: 100, burst: 10, perConversation: { ratePerSecond: 5, burst: 1 } });
    const [one, ...others] = await linkOfficers(6);

    await Promise.all(Array.from({ length: 4 }, (_, i) => messenger.sendToOfficer(one, { text: `message ${i}` })));
    await Promise.all(others.map((id) => messenger.sendToOfficer(id, { text: 'hello' })));

    const toOne = connector.activitiesIn(`a:personal-${one}`).map((recorded) => recorded.at);
    expect(toOne).toHaveLength(4);
    // Granted 200 ms apart (5 a second, no burst): three intervals, less what network jitter can take off.
    expect(toOne[toOne.length - 1] - toOne[0]).toBeGreaterThanOrEqual(450);
    const toOthers = others.flatMap((id) => connector.activitiesIn(`a:personal-${id}`).map((recorded) => recorded.at));
    // Five different conversations are not spaced at all: well under the 600 ms the four messages to one take.
    expect(Math.max(...toOthers) - Math.min(...toOthers)).toBeLessThan(400);
  });

  it('sends a campaign-sized burst with the default pacing without one 429 from Teams\' limits', async () => {
    const messenger = messengerWith(DEFAULT_PACING);
    const officers = await linkOfficers(60);
    const started = Date.now();

    const delivered = await Promise.all(officers.map((id) => messenger.sendToOfficer(id, { text: 'Spring report' })));

    expect(delivered.every(Boolean)).toBe(true);
    expect(connector.throttled).toBe(0);
    expect(connector.activities).toHaveLength(60);
    // The app-wide bucket: no faster than its rate once the burst is spent.
    expect(Date.now() - started).toBeGreaterThanOrEqual(((60 - DEFAULT_PACING.burst) / DEFAULT_PACING.ratePerSecond) * 1000 - 50);
  });
});
