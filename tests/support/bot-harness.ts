/**
 * Runs the real bot server (createBotServer) on 127.0.0.1:0 with a temporary SQLite file, a fixed
 * clock and a local connector, and talks to it the way Teams does: activities POSTed to
 * /api/messages with `serviceUrl` pointing at the local connector, which records what the bot sends.
 *
 *   const bot = await startBotHarness({ now: '2025-03-10T09:00:00Z' });
 *   await bot.store.upsertOfficer({ ... aadObjectId: 'aad-ann' ... });
 *   const ann = bot.user({ aadObjectId: 'aad-ann', name: 'Ann Smith', email: 'ann@lancs.gov.uk' });
 *   await bot.install(ann);
 *   const replies = await bot.say(ann, 'start');          // what the bot posted in reply
 *   const card = await bot.execute(ann, 'someVerb', { ... }); // the card an Action.Execute returns
 *   bot.cardsIn(ann);                                     // every card posted to Ann's chat
 *   await bot.close();
 *
 * Every user gets a personal conversation "a:personal-<id>"; `say`, `install` and `execute`
 * return only what the bot did in answer to that request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config/config';
import { TermCalendar } from '../../src/domain/term-calendar';
import { createLogger } from '../../src/logging/logger';
import { openStore } from '../../src/store/open-store';
import type { ReportStore } from '../../src/store/report-store';
import type { BotDeps, ReportPublisher } from '../../src/bot/bot-deps';
import { createBotServer, type BotServer } from '../../src/server/create-bot-server';
import type { PacingOptions } from '../../src/bot/send-pacer';
import { startLocalConnector, type LocalConnector, type LocalConnectorOptions, type RecordedActivity } from './local-connector';
import { loadThemes } from '../../src/config/theme-file';

export const BOT_ID = '28:tass-bot';
export const TENANT_ID = 'tenant-local';

/** A Teams user in the tests. */
export interface HarnessUser {
  /** Teams user id ("29:..."). */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Entra object id; leave it out to simulate a client that does not send it. */
  readonly aadObjectId?: string;
  /** Their personal conversation with the bot. */
  readonly conversationId: string;
}

/** The body of an `adaptiveCard/action` invoke response. */
export interface InvokeResponseBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

export interface BotHarnessOptions {
  /** The fixed time the bot sees (ISO string or Date); default 2025-03-10T09:00:00Z. */
  readonly now?: string | Date;
  readonly calendar?: TermCalendar;
  /** Defaults to a publisher that fails loudly: pass one when a test compiles reports. */
  readonly publisher?: ReportPublisher;
  /** Pacing of proactive sends; the harness default is fast (100/s) so tests stay quick. */
  readonly pacing?: Partial<PacingOptions>;
  readonly connector?: LocalConnectorOptions;
  /** Extra environment for loadConfig (TASS_DB is set by the harness). */
  readonly env?: Record<string, string>;
}

export interface BotHarness {
  readonly baseUrl: string;
  readonly store: ReportStore;
  readonly connector: LocalConnector;
  readonly bot: BotServer;
  readonly deps: BotDeps;
  readonly config: Config;
  /** Every log line written by the bot, parsed. */
  readonly logs: readonly Record<string, unknown>[];
  /** Moves the bot's clock. */
  setNow(now: string | Date): void;
  /** Makes a Teams user and tells the connector about them (for member lookup by email). */
  user(details: { name: string; email: string; aadObjectId?: string; id?: string }): HarnessUser;
  /** Personal install, as Teams sends it: installationUpdate then conversationUpdate (bot added). */
  install(user: HarnessUser): Promise<RecordedActivity[]>;
  /** A message typed by the user; resolves to what the bot posted in answer. */
  say(user: HarnessUser, text: string): Promise<RecordedActivity[]>;
  /** An Action.Execute press; resolves to the invoke response body (normally the next card). */
  execute(user: HarnessUser, verb: string, data?: Record<string, unknown>): Promise<InvokeResponseBody>;
  /** POSTs any activity to /api/messages; resolves to the HTTP status and body. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** What the bot posted into this user's chat so far. */
  activitiesIn(user: HarnessUser): RecordedActivity[];
  /** The Adaptive Cards (content) posted into this user's chat so far. */
  cardsIn(user: HarnessUser): Record<string, unknown>[];
  close(): Promise<void>;
}

/** The Adaptive Card contents of a recorded activity. */
export function cardsOf(recorded: RecordedActivity): Record<string, unknown>[] {
  const attachments = (recorded.activity.attachments as Array<{ contentType?: string; content?: Record<string, unknown> }> | undefined) ?? [];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content).map((a) => a.content!);
}

/** All the text in a card (TextBlocks, facts, rich text), joined with newlines: for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
      if (typeof record[key] === 'string') parts.push(record[key] as string);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return parts.join('\n');
}

const FAILING_PUBLISHER: ReportPublisher = {
  publishLocalityReport: async () => {
    throw new Error('this test did not give the harness a ReportPublisher');
  },
};

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-bot-'));
  const config = loadConfig({ TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir, LOG_LEVEL: 'info', ...options.env });
  const store = await openStore(config);
  const connector = await startLocalConnector(options.connector);
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  let now = new Date(options.now ?? '2025-03-10T09:00:00Z');
  const deps: BotDeps = {
    config,
    store,
    calendar: options.calendar ?? new TermCalendar(),
    // As the server does: TASS_THEMES in `env` names the council's list.
    themes: loadThemes(config.themesPath),
    clock: () => new Date(now),
    logger: createLogger({ level: 'info', destination }),
    publisher: options.publisher ?? FAILING_PUBLISHER,
  };
  let bot: BotServer;
  let port: number;
  try {
    bot = createBotServer({ ...deps, pacing: { ratePerSecond: 100, burst: 20, backoffMs: 50, ...options.pacing } });
    port = await bot.listen(0, '127.0.0.1');
  } catch (error) {
    await connector.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;

  const baseActivity = (user: HarnessUser): Record<string, unknown> => ({
    id: randomUUID(),
    timestamp: new Date(now).toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}) },
    recipient: { id: BOT_ID, name: 'TASS' },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
  });

  const post = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  /** Posts and returns what the bot sent while handling it. */
  const exchange = async (activity: Record<string, unknown>) => {
    const before = connector.activities.length;
    const result = await post(activity);
    if (result.status >= 400) throw new Error(`the bot answered ${result.status}: ${JSON.stringify(result.body)}`);
    return { ...result, sent: connector.activities.slice(before) };
  };

  return {
    baseUrl,
    store,
    connector,
    bot,
    deps,
    config,
    logs,
    setNow: (value) => {
      now = new Date(value);
    },
    user: (details) => {
      const id = details.id ?? `29:${details.email.toLowerCase()}`;
      const user: HarnessUser = { ...details, id, conversationId: `a:personal-${id}` };
      connector.addMember({ id, name: details.name, email: details.email, aadObjectId: details.aadObjectId, tenantId: TENANT_ID });
      return user;
    },
    install: async (user) => {
      const installation = await exchange({ ...baseActivity(user), type: 'installationUpdate', action: 'add' });
      const update = await exchange({
        ...baseActivity(user),
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT_ID }],
      });
      return [...installation.sent, ...update.sent];
    },
    say: async (user, text) => (await exchange({ ...baseActivity(user), type: 'message', text, textFormat: 'plain' })).sent,
    execute: async (user, verb, data = {}) => {
      const result = await exchange({
        ...baseActivity(user),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      return result.body as InvokeResponseBody;
    },
    post,
    activitiesIn: (user) => connector.activitiesIn(user.conversationId),
    cardsIn: (user) => connector.activitiesIn(user.conversationId).flatMap(cardsOf),
    close: async () => {
      await bot.close();
      await connector.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
