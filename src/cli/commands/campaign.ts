/**
 * `tass campaign open --term LABEL`: a manager opens a term's campaign by hand. Uses the stored
 * conversation references and the Bot Framework adapter (the bot's credentials from the
 * environment), so it works while `tass serve` is running elsewhere. Safe to run again: what was
 * already sent is not sent twice.
 */
import type { Command } from 'commander';
import { loadCalendar, CalendarFileError } from '../../config/calendar-file';
import { createLogger } from '../../logging/logger';
import { parseTerm, termKey, TermLabelError } from '../../domain/term';
import { openCampaign } from '../../bot/campaign/open-campaign';
import { createProactiveMessenger } from '../../bot/proactive-messenger';
import { createAdapter } from '../../server/create-bot-server';
import { publisherFor } from '../../server/bot-publisher';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, storeConfigForCommand, type StoreCommandOptions } from '../store-options';

interface CampaignOpenOptions extends StoreCommandOptions {
  readonly term: string;
  readonly calendar?: string;
}

export function registerCampaignCommand(program: Command): void {
  const campaign = program.command('campaign').description('the term-end report campaign');
  addStoreOptions(
    campaign
      .command('open')
      .description('send every EPO their report card for each locality they serve (only what was not sent before)')
      .requiredOption('--term <label>', 'the term, e.g. "Spring 2025" or "Spring – March 2025"')
      .option('--calendar <file>', 'a JSON calendar file (default: TASS_CALENDAR, else English school-year dates)')
      .addHelpText('after', '\nExample:\n  tass campaign open --term "Spring 2025"'),
  ).action(async (options: CampaignOpenOptions) => {
    let term: string;
    let calendar;
    try {
      term = termKey(parseTerm(options.term));
      calendar = loadCalendar(options.calendar ?? storeConfigForCommand(options).calendarPath);
    } catch (error) {
      if (error instanceof TermLabelError || error instanceof CalendarFileError) throw new CliError(error.message);
      throw error;
    }
    const config = storeConfigForCommand(options);
    const store = await openStoreForCommand(options);
    try {
      const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, destination: process.stderr });
      const adapter = createAdapter({ config, logger });
      const messenger = createProactiveMessenger({ adapter, store, logger, appId: config.bot.appId ?? '' });
      const deps = { config, store, calendar, clock: () => new Date(), logger, publisher: publisherFor(store, config) };
      const outcome = await openCampaign(deps, messenger, term);
      const label = calendar.datesOf(parseTerm(options.term)).label;
      process.stdout.write(
        `${label} campaign: ${outcome.sent} sent, ${outcome.alreadySent} already sent, ` +
          `${outcome.noConversation} without a conversation (bot not installed), ${outcome.failed} failed\n`,
      );
      if (outcome.failed > 0) process.exitCode = 2;
    } finally {
      await store.close();
    }
  });
}
