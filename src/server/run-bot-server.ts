/**
 * What `tass serve` and src/index.ts run: the bot server on PORT with the configured store, and
 * the daily campaign scheduler. Anonymous mode (no MicrosoftAppId) accepts unauthenticated
 * requests, so it binds to 127.0.0.1 whatever HOST says.
 */
import type { Config } from '../config/config';
import { loadCalendar } from '../config/calendar-file';
import { loadThemes } from '../config/theme-file';
import type { Logger } from '../logging/logger';
import { openStore, type StoreFactories } from '../store/open-store';
import type { ReportPublisher } from '../bot/bot-deps';
import type { PublisherOptions } from './bot-publisher';
import type { ReportStore } from '../store/report-store';
import { startCampaignScheduler, type CampaignScheduler } from '../bot/campaign/campaign-scheduler';
import { createBotServer, isAnonymous } from './create-bot-server';
import { checkBotCredentials } from './bot-authentication';
import { sharePointWithOutbox } from '../store/outbox/sharepoint-with-outbox';

export interface RunningBotServer {
  readonly port: number;
  readonly host: string;
  stop(): Promise<void>;
}

export interface RunBotServerOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Builds what compiles and stores submitted reports, once the store is open (with the council's themes). */
  readonly publisherFor: (store: ReportStore, config: Config, options: Pick<PublisherOptions, 'themes'>) => ReportPublisher;
  readonly storeFactories?: StoreFactories;
}

/** The host to bind: loopback in anonymous mode, else HOST or all interfaces. */
export function bindHost(config: Config): string {
  if (!config.bot.appId) return '127.0.0.1';
  return config.host ?? '0.0.0.0';
}

export async function runBotServer(options: RunBotServerOptions): Promise<RunningBotServer> {
  const { config, logger } = options;
  checkBotCredentials(config);
  // Files first: a bad calendar or theme list stops the start before the store is opened.
  const calendar = loadCalendar(config.calendarPath);
  const themes = loadThemes(config.themesPath);
  const store = await openStore(config, options.storeFactories ?? { sharepoint: async (settings) => sharePointWithOutbox(settings, logger) });
  const deps = { config, store, calendar, themes, clock: () => new Date(), logger, publisher: options.publisherFor(store, config, { themes }) };
  const bot = createBotServer(deps);
  const host = bindHost(config);
  let port: number;
  try {
    port = await bot.listen(config.port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  if (isAnonymous(deps)) {
    logger.warn({ host, port }, 'no MicrosoftAppId: anonymous mode, requests are not authenticated; listening on 127.0.0.1 only');
    if (config.host && config.host !== host) logger.warn({ requestedHost: config.host }, 'HOST ignored in anonymous mode');
  }
  let scheduler: CampaignScheduler | undefined;
  if (config.campaignCron.toLowerCase() !== 'off') {
    try {
      scheduler = startCampaignScheduler(deps, bot.messenger, { cron: config.campaignCron, lock: bot.campaignLock });
    } catch (error) {
      await bot.close();
      await store.close();
      throw error;
    }
    logger.info({ cron: config.campaignCron, nextRun: scheduler.nextRun()?.toISOString() }, 'campaign scheduler started');
  }
  logger.info({ host, port, store: store.kind }, 'bot listening on /api/messages');
  return {
    port,
    host,
    stop: async () => {
      scheduler?.stop();
      await bot.close();
      await store.close();
    },
  };
}
