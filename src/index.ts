/**
 * The bot process: load the configuration, open the store, build the app and listen. The same
 * as `tass serve`, for hosts that start `node dist/src/index.js`.
 */
import { loadConfig } from './config/config';
import { createLogger } from './logging/logger';
import { publisherFor } from './server/bot-publisher';
import { runBotServer } from './server/run-bot-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const running = await runBotServer({ config, logger, publisherFor });
  const shutdown = () => {
    running.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`tass-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
