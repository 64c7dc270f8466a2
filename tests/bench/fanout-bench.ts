/**
 * Campaign fan-out at Teams' rate limits: the real openCampaign, a real SQLite store, the real
 * proactive messenger on the bot's CloudAdapter, and conversation references pointing at the
 * local connector on loopback, which answers 429 beyond Teams' documented limits (per
 * conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; per app 50/s). The campaign's own pacing is
 * what is measured: nothing here is tuned for the benchmark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TurnContext, type Activity } from 'botbuilder';
import { loadConfig } from '../../src/config/config';
import { TermCalendar } from '../../src/domain/term-calendar';
import type { Locality, Officer, Priority } from '../../src/domain/model';
import { createLogger } from '../../src/logging/logger';
import { openStore } from '../../src/store/open-store';
import type { ReportStore } from '../../src/store/report-store';
import type { BotDeps } from '../../src/bot/bot-deps';
import { openCampaign } from '../../src/bot/campaign/open-campaign';
import { createProactiveMessenger } from '../../src/bot/proactive-messenger';
import { createAdapter } from '../../src/server/create-bot-server';
import { startLocalConnector, TEAMS_RATE_LIMITS, type LocalConnector } from '../support/local-connector';
import type { BenchOutput } from './bench-output';
import { DEFAULT_THEMES } from '../../src/domain/themes';

/** Teams' per-app limit the ratio is taken against. */
export const APP_SENDS_PER_SECOND = TEAMS_RATE_LIMITS.perApp[0].limit;
const TERM = '2024-25-spring';
/** Spring 2025 opens on 14 March under the default calendar. */
const OPENING_DAY = '2025-03-14T08:00:00Z';
const EPOS_PER_LOCALITY = 4;
const PRIORITIES_PER_LOCALITY = 3;
const TENANT = 'tenant-bench';

export interface FanoutResult {
  readonly officers: number;
  readonly delivered: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly throttled: number;
  readonly wallSeconds: number;
  /** Sends per second from the first delivered message to the last. */
  readonly sendsPerSecond: number;
  readonly recordedSent: number;
}

function conversationOf(officerId: string): string {
  return `a:personal-${officerId}`;
}

/** The reference Teams would give us when the officer installed the bot, built by botbuilder itself. */
function referenceFor(officerId: string, serviceUrl: string): Record<string, unknown> {
  const activity: Partial<Activity> = {
    id: `install-${officerId}`,
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${officerId}`, name: '', aadObjectId: `aad-${officerId}` },
    recipient: { id: '28:tass-bot', name: 'TASS' },
    conversation: { id: conversationOf(officerId), conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    locale: 'en-GB',
  };
  return JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
}

/** N EPOs, four to a locality, each locality with three active priorities, each EPO with a conversation. */
async function seedCounty(store: ReportStore, officers: number, serviceUrl: string): Promise<string[]> {
  const localityCount = Math.ceil(officers / EPOS_PER_LOCALITY);
  const ids: string[] = [];
  for (let l = 0; l < localityCount; l += 1) {
    const locality: Locality = { id: `locality-${l}`, name: `Locality ${l}`, order: l + 1 };
    await store.upsertLocality(locality);
    for (let p = 0; p < PRIORITIES_PER_LOCALITY; p += 1) {
      const priority: Priority = {
        id: `locality-${l}-priority-${p}`,
        localityId: locality.id,
        title: `Priority ${p + 1} of ${locality.name}`,
        intendedOutcomes: { kind: 'items', items: ['Schools know the local mental health offer.'] },
        exitStrategy: { kind: 'prose', paragraphs: ['The locality group takes the work on.'] },
        themes: [],
        status: 'active',
        openedTerm: '2024-25-autumn',
        order: p + 1,
        version: 0,
      };
      await store.savePriority(priority, 0);
    }
  }
  for (let i = 0; i < officers; i += 1) {
    const officer: Officer = {
      id: `epo-${i}`,
      name: `Officer ${i}`,
      email: `epo-${i}@bench.test`,
      aadObjectId: `aad-epo-${i}`,
      roles: ['epo'],
      localityIds: [`locality-${Math.floor(i / EPOS_PER_LOCALITY)}`],
    };
    await store.upsertOfficer(officer);
    await store.saveConversationLink({ officerId: officer.id, reference: referenceFor(officer.id, serviceUrl), updatedAt: OPENING_DAY });
    ids.push(officer.id);
  }
  return ids;
}

function countOutcome(connector: LocalConnector, officerIds: readonly string[]) {
  const perConversation = new Map<string, number>();
  for (const recorded of connector.activities) {
    if (recorded.method !== 'POST') continue;
    perConversation.set(recorded.conversationId, (perConversation.get(recorded.conversationId) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  for (const id of officerIds) {
    const count = perConversation.get(conversationOf(id)) ?? 0;
    if (count === 0) lost += 1;
    if (count > 1) duplicated += count - 1;
  }
  const times = connector.activities.map((recorded) => recorded.at);
  const spanSeconds = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : Number.NaN;
  return { lost, duplicated, delivered: times.length, sendsPerSecond: times.length > 1 ? (times.length - 1) / spanSeconds : Number.NaN };
}

/** Opens one campaign to `officers` EPOs through a rate-limited local connector. */
export async function measureFanout(officers: number, output: BenchOutput): Promise<FanoutResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-bench-fanout-'));
  const connector = await startLocalConnector({ rateLimits: TEAMS_RATE_LIMITS });
  const config = loadConfig({ TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir, TASS_CAMPAIGN_CRON: 'off' });
  const store = await openStore(config);
  try {
    output.progress(`fan-out: seeding ${officers} EPOs`);
    const officerIds = await seedCounty(store, officers, connector.serviceUrl);
    const logger = createLogger({ level: 'silent' });
    const deps: BotDeps = {
      config,
      store,
      calendar: new TermCalendar(),
      themes: DEFAULT_THEMES,
      clock: () => new Date(OPENING_DAY),
      logger,
      publisher: {
        publishLocalityReport: async () => {
          throw new Error('the fan-out benchmark publishes nothing');
        },
      },
    };
    const adapter = createAdapter(deps);
    const messenger = createProactiveMessenger({ adapter, store, logger, appId: '' });
    output.progress(`fan-out: opening the campaign to ${officers} EPOs`);
    const started = performance.now();
    const outcome = await openCampaign(deps, messenger, TERM);
    const wallSeconds = (performance.now() - started) / 1000;
    const counted = countOutcome(connector, officerIds);
    const recordedSent = (await store.listDeliveries(TERM, 'prompt')).filter((delivery) => delivery.status === 'sent').length;
    output.progress(`fan-out: ${outcome.sent} sent, ${outcome.failed} failed, ${connector.throttled} answered 429, in ${wallSeconds.toFixed(1)} s`);
    return { officers, ...counted, throttled: connector.throttled, wallSeconds, recordedSent };
  } finally {
    await store.close();
    await connector.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the fan-out for each size and prints the figures; larger sizes show how cost grows. */
export async function runFanoutBench(output: BenchOutput, sizes: readonly number[] = [200, 2000]): Promise<void> {
  output.machine();
  const results: FanoutResult[] = [];
  for (const size of sizes) {
    const result = await measureFanout(size, output);
    results.push(result);
    const suffix = `n${size}`;
    output.figure({ name: `fanout.ratio_of_limit.${suffix}`, value: result.sendsPerSecond / APP_SENDS_PER_SECOND, unit: 'ratio', target: { atLeast: 0.9 } });
    output.figure({ name: `fanout.lost.${suffix}`, value: result.lost, unit: 'messages', target: { equals: 0 } });
    output.figure({ name: `fanout.duplicated.${suffix}`, value: result.duplicated, unit: 'messages', target: { equals: 0 } });
    output.figure({ name: `fanout.http_429.${suffix}`, value: result.throttled, unit: 'responses' });
    output.figure({ name: `fanout.wall_s.${suffix}`, value: result.wallSeconds, unit: 's' });
  }
  for (const result of results) {
    output.summary(
      `${result.officers} EPOs: ${result.delivered} prompts delivered at ${result.sendsPerSecond.toFixed(1)} sends/s ` +
        `(${((100 * result.sendsPerSecond) / APP_SENDS_PER_SECOND).toFixed(0)}% of Teams' ${APP_SENDS_PER_SECOND}/s per app), ` +
        `${result.throttled} answered 429, ${result.lost} lost, ${result.duplicated} duplicated, ${result.recordedSent} recorded as sent; ` +
        `whole campaign ${result.wallSeconds.toFixed(1)} s.`,
    );
  }
  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]];
    output.summary(
      `Cost per EPO: ${((1000 * small.wallSeconds) / small.officers).toFixed(1)} ms at ${small.officers}, ` +
        `${((1000 * large.wallSeconds) / large.officers).toFixed(1)} ms at ${large.officers} (rate = sends between the first and last delivery).`,
    );
  }
}
