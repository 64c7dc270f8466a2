/**
 * `tass campaign open --term LABEL`: a manager opens a term's campaign by hand.
 * `tass campaign run-day [--date DATE]`: does what the daily scheduler does on that day (for a
 * day the server missed). Both use the stored conversation references and the Bot Framework
 * adapter (the bot's credentials from the environment), so they work while `tass serve` runs
 * elsewhere, and both are safe to run again: what was already sent is not sent twice.
 */
import type { Command } from 'commander';
import { loadCalendar, CalendarFileError } from '../../config/calendar-file';
import { createLogger } from '../../logging/logger';
import { parseTerm, termKey, TermLabelError } from '../../domain/term';
import type { TermCalendar } from '../../domain/term-calendar';
import type { BotDeps, ProactiveMessenger } from '../../bot/bot-deps';
import { openCampaign } from '../../bot/campaign/open-campaign';
import { runCampaignDay } from '../../bot/campaign/campaign-day';
import type { DeliveryOutcome } from '../../bot/campaign/deliveries';
import { createProactiveMessenger } from '../../bot/proactive-messenger';
import { publisherFor } from '../../server/bot-publisher';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, storeConfigForCommand, type StoreCommandOptions } from '../store-options';
import { themesForCommand } from '../theme-options';

interface CampaignOptions extends StoreCommandOptions {
  readonly calendar?: string;
}

function readCalendar(options: CampaignOptions): TermCalendar {
  try {
    return loadCalendar(options.calendar ?? storeConfigForCommand(options).calendarPath);
  } catch (error) {
    if (error instanceof CalendarFileError) throw new CliError(error.message);
    throw error;
  }
}

/** Opens the store and the adapter, runs `work`, and closes the store whatever happens. */
async function withCampaignDeps(
  options: CampaignOptions,
  calendar: TermCalendar,
  now: Date,
  work: (deps: BotDeps, messenger: ProactiveMessenger) => Promise<void>,
): Promise<void> {
  const config = storeConfigForCommand(options);
  const themes = themesForCommand(config.themesPath);
  const store = await openStoreForCommand(options);
  try {
    const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, destination: process.stderr });
    // Loaded here, not at the top: restify's dependencies print a Node deprecation warning when
    // loaded, which every other `tass` command would otherwise print too.
    const { createAdapter } = await import('../../server/create-bot-server');
    const messenger = createProactiveMessenger({ adapter: createAdapter({ config, logger }), store, logger, appId: config.bot.appId ?? '' });
    await work({ config, store, calendar, themes, clock: () => now, logger, publisher: publisherFor(store, config, { themes }) }, messenger);
  } finally {
    await store.close();
  }
}

function describeOutcome(outcome: DeliveryOutcome): string {
  return (
    `${outcome.sent} sent, ${outcome.alreadySent} already sent, ` +
    `${outcome.noConversation} without a conversation (bot not installed), ${outcome.failed} failed`
  );
}

const CALENDAR_OPTION = ['--calendar <file>', 'a JSON calendar file (default: TASS_CALENDAR, else English school-year dates)'] as const;

export function registerCampaignCommand(program: Command): void {
  const campaign = program.command('campaign').description('the term-end report campaign');

  addStoreOptions(
    campaign
      .command('open')
      .description('send every EPO their report card for each locality they serve (only what was not sent before)')
      .requiredOption('--term <label>', 'the term, e.g. "Spring 2025" or "Spring – March 2025"')
      .option(...CALENDAR_OPTION)
      .addHelpText('after', '\nExample:\n  tass campaign open --term "Spring 2025"'),
  ).action(async (options: CampaignOptions & { term: string }) => {
    let term;
    try {
      term = parseTerm(options.term);
    } catch (error) {
      if (error instanceof TermLabelError) throw new CliError(error.message);
      throw error;
    }
    const calendar = readCalendar(options);
    await withCampaignDeps(options, calendar, new Date(), async (deps, messenger) => {
      const outcome = await openCampaign(deps, messenger, termKey(term));
      process.stdout.write(`${calendar.datesOf(term).label} campaign: ${describeOutcome(outcome)}\n`);
      if (outcome.failed > 0) process.exitCode = 2;
    });
  });

  addStoreOptions(
    campaign
      .command('run-day')
      .description("send what the calendar has for a day (campaign opening, reminders, managers' outstanding list)")
      .option('--date <date>', 'the day, like 2025-03-21 (default: today)')
      .option(...CALENDAR_OPTION)
      .addHelpText('after', '\nExample:\n  tass campaign run-day --date 2025-03-21'),
  ).action(async (options: CampaignOptions & { date?: string }) => {
    if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
      throw new CliError(`--date must be a date like 2025-03-21, not "${options.date}"`);
    }
    const day = options.date ? new Date(`${options.date}T08:00:00Z`) : new Date();
    if (Number.isNaN(day.getTime())) throw new CliError(`--date must be a real date, not "${options.date}"`);
    const calendar = readCalendar(options);
    await withCampaignDeps(options, calendar, day, async (deps, messenger) => {
      const results = await runCampaignDay(deps, messenger, day);
      if (results.length === 0) process.stdout.write(`Nothing is scheduled on ${day.toISOString().slice(0, 10)}.\n`);
      for (const result of results) {
        process.stdout.write(`${calendar.datesOf(parseTerm(result.term)).label} ${result.kind}: ${describeOutcome(result.outcome)}\n`);
        if (result.outcome.failed > 0) process.exitCode = 2;
      }
    });
  });
}
