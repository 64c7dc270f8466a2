/** `tass serve`: the bot server alone, as a cloud host runs it. */
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../config/config';
import { CalendarFileError } from '../../config/calendar-file';
import { ThemeFileError } from '../../config/theme-file';
import { createLogger } from '../../logging/logger';
import { StoreOpenError } from '../../store/errors';
import { InvalidCampaignCronError } from '../../bot/campaign/campaign-scheduler';
import { publisherFor } from '../../server/bot-publisher';
import { BotCredentialsError } from '../../server/bot-authentication';
import { CliError } from '../cli-error';

/** Errors an admin fixes by changing settings: one line, no stack. PortInUseError is added once the server is loaded. */
const SETTINGS_ERRORS = [ConfigError, CalendarFileError, ThemeFileError, StoreOpenError, InvalidCampaignCronError, BotCredentialsError];

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Teams bot: POST /api/messages and GET /healthz on PORT (default 3978), plus the daily campaign')
    .option('--port <port>', 'port to listen on (default: PORT, else 3978)')
    .addHelpText(
      'after',
      '\nWithout MicrosoftAppId the bot runs anonymously (for local testing) and listens on 127.0.0.1 only.\n' +
        'Example:\n  PORT=3978 TASS_DB=./data/tass.db tass serve',
    )
    .action(async (options: { port?: string }) => {
      // Loaded here, not at the top: restify's dependencies print a Node deprecation warning
      // when loaded, which every other `tass` command would otherwise print too.
      const [{ runBotServer }, { PortInUseError }] = await Promise.all([import('../../server/run-bot-server'), import('../../server/create-bot-server')]);
      let running;
      try {
        const config = loadConfig(process.env, options.port ? { port: options.port } : {});
        const logger = createLogger({ level: config.logLevel });
        running = await runBotServer({ config, logger, publisherFor });
      } catch (error) {
        if ([...SETTINGS_ERRORS, PortInUseError].some((type) => error instanceof type)) throw new CliError((error as Error).message);
        throw error;
      }
      const server = running;
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          server.stop().then(resolve, (error: unknown) => {
            process.stderr.write(`tass: stopping the server failed: ${error instanceof Error ? error.message : String(error)}\n`);
            resolve();
          });
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      });
    });
}
