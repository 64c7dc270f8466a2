/**
 * `tass start` (what `npm start` runs): the bot on the embedded SQLite store with the sample
 * organisation, and the Microsoft 365 Agents Playground as its Teams client. No tenant, tunnel or
 * app registration is needed: the bot runs anonymously on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CalendarFileError, loadCalendar } from '../../config/calendar-file';
import { loadThemes, ThemeFileError } from '../../config/theme-file';
import { ConfigError, loadConfig, type Config } from '../../config/config';
import { createLogger } from '../../logging/logger';
import { InvalidCampaignCronError } from '../../bot/campaign/campaign-scheduler';
import { PLAYGROUND_CONFIG_FILE, PLAYGROUND_ROLES, PlaygroundConfigError, type PlaygroundRole } from '../../local-run/playground-config';
import { PlaygroundError, resolvePlaygroundCli, startPlayground } from '../../local-run/playground-process';
import { PortTakenError } from '../../local-run/port-check';
import { startLocalRun, type LocalRun } from '../../local-run/local-run';
import { seedSampleOrganisation } from '../../sample/sample-organisation';
import { publisherFor } from '../../server/bot-publisher';
import { StoreOpenError } from '../../store/errors';
import { openStore } from '../../store/open-store';
import { CliError } from '../cli-error';

/** The playground's own default port. */
const DEFAULT_PLAYGROUND_PORT = 56150;

/** Errors the person running `npm start` fixes themselves: one line, no stack. PortInUseError is added once the server is loaded. */
const USER_ERRORS = [
  ConfigError,
  CalendarFileError,
  ThemeFileError,
  StoreOpenError,
  InvalidCampaignCronError,
  PortTakenError,
  PlaygroundError,
  PlaygroundConfigError,
];

interface StartOptions {
  port?: string;
  playgroundPort: string;
  db?: string;
  as: PlaygroundRole;
  playgroundConfig: string;
}

function parsePort(value: string, option: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`${option} must be a port number, not "${value}"`);
  return port;
}

/**
 * The local run is always the embedded store and always anonymous, whatever the shell's settings
 * say. Bot Framework accepts an anonymous bot only as MultiTenant (SingleTenant demands an app id).
 */
function localConfig(options: StartOptions): Config {
  const loaded = loadConfig(process.env, { dbPath: options.db, port: options.port, store: 'sqlite' });
  return { ...loaded, bot: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined } };
}

function startBanner(run: LocalRun, config: Config, logFile: string, role: PlaygroundRole): string {
  const here = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const other = role === 'epo' ? 'manager' : 'epo';
  return [
    `TASS bot running on the embedded store ${here(config.dbPath)}, with the sample organisation.`,
    '',
    `  Bot:         ${run.botEndpoint}`,
    `  Playground:  ${run.playgroundUrl}    <- open this in your browser`,
    '',
    `  You are ${run.officer.name} (${role === 'epo' ? 'an EPO' : 'a manager'}) in the playground's Personal Chat: say "help" to begin.`,
    `  To chat as ${other === 'epo' ? 'an EPO' : 'a manager'} instead, stop and run: npm start -- --as ${other}`,
    `  Playground users: ${here(run.playgroundConfigFile)}. Bot log: ${here(logFile)}.`,
    '',
    'Press Ctrl-C to stop both.',
    '',
  ].join('\n');
}

/** Waits for Ctrl-C (or SIGTERM), or for the playground to exit on its own. */
function untilStopped(run: LocalRun): Promise<'signal' | 'playground exited'> {
  return new Promise((resolve) => {
    const finish = (outcome: 'signal' | 'playground exited') => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(outcome);
    };
    const onSignal = () => finish('signal');
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    run.playgroundExited.then(() => finish('playground exited'));
  });
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the bot on the embedded store with the sample organisation, and the Microsoft 365 Agents Playground to chat with it')
    .option('--port <port>', 'the bot\'s port (default: PORT, else 3978)')
    .option('--playground-port <port>', 'the Agents Playground\'s port', String(DEFAULT_PLAYGROUND_PORT))
    .option('--db <path>', 'the SQLite database file (default: TASS_DB, else ./data/tass.db)')
    .addOption(new Option('--as <role>', 'who you are in the playground: a sample EPO or manager').choices([...PLAYGROUND_ROLES]).default('epo'))
    .option('--playground-config <file>', 'where to write the playground\'s users', PLAYGROUND_CONFIG_FILE)
    .addHelpText('after', '\nExample:\n  npm start\n  npm start -- --as manager --port 3979')
    .action(async (options: StartOptions) => {
      const botPort = options.port === undefined ? undefined : parsePort(options.port, '--port');
      const playgroundPort = parsePort(options.playgroundPort, '--playground-port');
      // Loaded here, not at the top: restify's dependencies print a Node deprecation warning
      // when loaded, which every other `tass` command would otherwise print too.
      const [{ runBotServer }, { PortInUseError }] = await Promise.all([import('../../server/run-bot-server'), import('../../server/create-bot-server')]);
      let run: LocalRun;
      let logFile: string;
      let config: Config;
      try {
        // Before anything starts: without the playground there is nothing to chat in.
        resolvePlaygroundCli();
        config = localConfig(options);
        const calendar = loadCalendar(config.calendarPath);
        // Checked here too (the bot reads it again), so a bad file stops before the playground starts.
        loadThemes(config.themesPath);
        logFile = path.join(config.dataDir, 'tass-start.log');
        fs.mkdirSync(config.dataDir, { recursive: true });
        const logger = createLogger({ level: config.logLevel, destination: fs.createWriteStream(logFile, { flags: 'a' }) });
        const runConfig = config;
        run = await startLocalRun(
          {
            botPort: botPort ?? config.port,
            playgroundPort,
            role: options.as,
            playgroundConfigFile: path.resolve(options.playgroundConfig),
            playgroundLogFile: path.join(config.dataDir, 'm365agentsplayground.log'),
          },
          {
            openStore: () => openStore(runConfig),
            seed: async (store) => (await seedSampleOrganisation(store, { calendar, today: new Date() })).officers,
            startBot: (port) => runBotServer({ config: { ...runConfig, port }, logger, publisherFor }),
            startPlayground,
          },
        );
      } catch (error) {
        if ([...USER_ERRORS, PortInUseError].some((type) => error instanceof type)) throw new CliError((error as Error).message);
        throw error;
      }
      process.stdout.write(startBanner(run, config, logFile, options.as));

      const outcome = await untilStopped(run);
      process.stdout.write(outcome === 'signal' ? '\nStopping the playground and the bot...\n' : '\nThe Agents Playground stopped; stopping the bot.\n');
      await run.stop();
      if (outcome === 'playground exited') process.exitCode = 1;
    });
}
