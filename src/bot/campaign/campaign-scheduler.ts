/**
 * Runs the campaign once a day (croner, Europe/London), so prompts, reminders and the managers'
 * outstanding list go out on the calendar's dates without anyone starting them.
 */
import { Cron } from 'croner';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { runCampaignDay } from './campaign-day';
import { createCampaignLock, type CampaignLock } from './campaign-lock';

export interface CampaignSchedule {
  /** A cron pattern; default 08:00 every day. */
  readonly cron?: string;
  /** Default Europe/London, so 08:00 stays 08:00 across the clock change. */
  readonly timezone?: string;
  /** Shared with `open campaign` in chat so runs never overlap. */
  readonly lock?: CampaignLock;
}

export const DEFAULT_CAMPAIGN_CRON = '0 8 * * *';

export interface CampaignScheduler {
  /** When the next run is due, or undefined when stopped. */
  nextRun(): Date | undefined;
  stop(): void;
}

/** TASS_CAMPAIGN_CRON is not a pattern croner can read. */
export class InvalidCampaignCronError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`TASS_CAMPAIGN_CRON "${pattern}" is not a valid cron pattern (${reason}); write it like "0 8 * * *" or "off"`);
    this.name = 'InvalidCampaignCronError';
  }
}

export function startCampaignScheduler(deps: BotDeps, messenger: ProactiveMessenger, schedule: CampaignSchedule = {}): CampaignScheduler {
  const pattern = schedule.cron ?? DEFAULT_CAMPAIGN_CRON;
  let job: Cron;
  try {
    job = createJob(deps, messenger, pattern, schedule.timezone ?? 'Europe/London', schedule.lock ?? createCampaignLock());
  } catch (error) {
    throw new InvalidCampaignCronError(pattern, error instanceof Error ? error.message : String(error));
  }
  return {
    nextRun: () => job.nextRun() ?? undefined,
    stop: () => job.stop(),
  };
}

function createJob(deps: BotDeps, messenger: ProactiveMessenger, pattern: string, timezone: string, lock: CampaignLock): Cron {
  return new Cron(
    pattern,
    {
      timezone,
      protect: true,
      catch: (error) => deps.logger.error({ err: { type: error instanceof Error ? error.name : typeof error } }, 'daily campaign run failed'),
    },
    async () => {
      const results = await lock.exclusive(() => runCampaignDay(deps, messenger, deps.clock()));
      deps.logger.info({ events: results.length }, 'daily campaign run finished');
    },
  );
}
