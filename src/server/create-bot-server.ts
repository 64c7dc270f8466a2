/**
 * The HTTP transport of the bot: restify receives Bot Framework activities on
 * `POST /api/messages`, the CloudAdapter authenticates them, and the teams-ai Application routes
 * them. Routing lives in src/bot; this module only receives HTTP and answers health checks.
 */
import { registerLocalReportFiles } from './local-report-files';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import restify from 'restify';
import { ActivityTypes, ConfigurationBotFrameworkAuthentication, INVOKE_RESPONSE_KEY, type CloudAdapter, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../bot/bot-deps';
import { createApp, type CreateAppOptions } from '../bot/create-app';
import { createProactiveMessenger } from '../bot/proactive-messenger';
import { createCampaignLock, type CampaignLock } from '../bot/campaign/campaign-lock';
import type { ProactiveMessenger } from '../bot/bot-deps';
import { findPackageRoot } from '../cards/package-root';
import { adapterAuthenticationSettings, type ChannelAuthenticationEndpoints } from './bot-authentication';
import { createRequestGate } from './request-gate';
import { correlationIdFor, createTurnLogging } from '../bot/turn-logging';

/** What the server is built from: the bot's dependencies plus server-only options. */
export type BotServerDeps = BotDeps &
  CreateAppOptions & {
    /** Reported by `GET /healthz`; defaults to the package version. */
    readonly version?: string;
    /** Where the Bot Framework signing keys are read from; the public cloud unless a test serves its own. */
    readonly channelAuthentication?: ChannelAuthenticationEndpoints;
  };

export interface BotServer {
  readonly server: restify.Server;
  readonly adapter: CloudAdapter;
  readonly app: Application;
  /** Sends proactive messages through this adapter, using the stored conversation references. */
  readonly messenger: ProactiveMessenger;
  /** Keeps campaign runs (chat and scheduler) from overlapping. */
  readonly campaignLock: CampaignLock;
  /** Starts listening; resolves to the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** Thrown by `listen` when the port is taken, so callers can print one clear line. */
export class PortInUseError extends Error {
  constructor(readonly port: number, readonly host: string) {
    super(`port ${port} on ${host} is already in use; stop the other process or set PORT to a free port`);
    this.name = 'PortInUseError';
  }
}

/** The adapter configured from `config.bot`; without an app id it runs anonymously (local testing only). */
export function createAdapter(deps: Pick<BotServerDeps, 'config' | 'logger' | 'channelAuthentication'>): TeamsAdapter {
  const adapter = new TeamsAdapter(adapterAuthenticationSettings(deps.config.bot, deps.channelAuthentication));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    deps.logger.error(
      { err: { type: error.name, message: error.message }, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'unhandled error in a bot turn',
    );
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute.');
    } else if (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: CARD_ACTION_FAILED } });
    }
  };
  return adapter;
}

/**
 * The answer to a card button whose work failed on our side (say SharePoint refused a write):
 * Universal Actions' error response, so Teams keeps the card as it was, with whatever the officer
 * typed still in its boxes, and shows the message; without it botbuilder would answer an empty 501.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/universal-action-model
 */
export const CARD_ACTION_FAILED = {
  statusCode: 500,
  type: 'application/vnd.microsoft.error',
  value: {
    code: 'InternalServerError',
    message: 'That did not go through: something went wrong on our side. Nothing you saved before is lost. Please press the button again in a minute.',
  },
} as const;

/** True when no MicrosoftAppId is configured: requests are not authenticated, so bind to loopback only. */
export function isAnonymous(deps: Pick<BotDeps, 'config'>): boolean {
  return !deps.config.bot.appId;
}

export function createBotServer(serverDeps: BotServerDeps): BotServer {
  // Everything the bot logs during a turn carries that turn's correlationId.
  const turns = createTurnLogging(serverDeps.logger);
  const deps: BotServerDeps = { ...serverDeps, logger: turns.logger };
  const adapter = createAdapter(deps);
  const messenger = createProactiveMessenger({ adapter, store: deps.store, logger: deps.logger, appId: deps.config.bot.appId ?? '', pacing: deps.pacing });
  const campaignLock = createCampaignLock();
  const app = createApp(deps, { messenger, pacing: deps.pacing, campaignLock });
  const version = deps.version ?? readPackageVersion();
  const server = restify.createServer({ name: 'tass-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  const gate = createRequestGate(adapter);
  server.post('/api/messages', async (req, res) => {
    await turns.runTurn(correlationIdFor(req.body), async () => {
      // Malformed or unauthenticated requests stop here with 400/401 and never reach a turn.
      const verdict = await gate.check(req.body, req.header('authorization'));
      if (!verdict.ok) {
        deps.logger.warn({ status: verdict.status, reason: verdict.reason }, 'request to /api/messages refused');
        res.send(verdict.status, { error: verdict.reason });
        return;
      }
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    });
  });

  if (isAnonymous(deps) && deps.store.kind === 'sqlite') {
    registerLocalReportFiles(server, path.join(deps.config.dataDir, 'reports'));
  }

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true, store: deps.store.kind, version: version });
    return next();
  });

  return {
    server,
    adapter,
    app,
    messenger,
    campaignLock,
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
        };
        // restify re-emits the http server's errors on itself; with no listener they would crash the process.
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/** Read from package.json at runtime (not imported, so the build does not copy it into dist/). */
function readPackageVersion(): string {
  const file = path.join(findPackageRoot(__dirname), 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
