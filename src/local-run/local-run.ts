/**
 * `npm start`: the bot on the embedded store with the sample organisation, and the Microsoft 365
 * Agents Playground as its Teams client, chatting as a sample EPO (or manager).
 *
 * Order matters for clear failures: both ports are checked before anything starts, the store is
 * seeded and closed before the bot opens it, and whatever did start is stopped if a later step fails.
 */
import type { Officer } from '../domain/model';
import type { ReportStore } from '../store/report-store';
import { pickPlaygroundOfficer, writePlaygroundConfig, type PlaygroundRole } from './playground-config';
import type { PlaygroundOptions, RunningPlayground } from './playground-process';
import { assertPortFree } from './port-check';

/** The bot as `tass serve` runs it, reduced to what the local run needs. */
export interface LocalBot {
  readonly port: number;
  readonly host: string;
  stop(): Promise<void>;
}

/** Officer ids by role, as the sample organisation seeder reports them. */
export interface SeededOfficers {
  readonly epos: readonly string[];
  readonly managers: readonly string[];
}

export interface LocalRunOptions {
  readonly botPort: number;
  readonly playgroundPort: number;
  /** Who "Me" is in the playground. */
  readonly role: PlaygroundRole;
  /** The `.m365agentsplayground.yml` to write. */
  readonly playgroundConfigFile: string;
  readonly playgroundLogFile: string;
}

export interface LocalRunDeps {
  /** Opens the embedded store (the caller's StoreOpenError says what to do with a bad file). */
  readonly openStore: () => Promise<ReportStore>;
  /**
   * Adds the sample organisation (running it on a seeded store changes nothing) and names its
   * officers by role, main ones first: the playground chats as the first of the chosen role.
   */
  readonly seed: (store: ReportStore) => Promise<SeededOfficers>;
  /** Starts the bot server on `port` over its own connection to the store. */
  readonly startBot: (port: number) => Promise<LocalBot>;
  readonly startPlayground: (options: PlaygroundOptions) => Promise<RunningPlayground>;
}

export interface LocalRun {
  readonly botEndpoint: string;
  readonly playgroundUrl: string;
  /** The officer the playground chats as. */
  readonly officer: Officer;
  readonly playgroundConfigFile: string;
  /** Resolves when the playground exits on its own (or is stopped). */
  readonly playgroundExited: Promise<number | null>;
  /** Stops the playground and the bot; safe to call twice. */
  stop(): Promise<void>;
}

const BOT_NAME = 'TASS reports';

async function seedAndPickOfficer(deps: LocalRunDeps, role: PlaygroundRole): Promise<{ me: Officer; others: Officer[] }> {
  const store = await deps.openStore();
  try {
    const seeded = await deps.seed(store);
    const officers = await store.listOfficers();
    const me = pickPlaygroundOfficer(officers, role, role === 'epo' ? seeded.epos : seeded.managers);
    return { me, others: officers.filter((officer) => officer.id !== me.id) };
  } finally {
    await store.close();
  }
}

export async function startLocalRun(options: LocalRunOptions, deps: LocalRunDeps): Promise<LocalRun> {
  // Port 0 means "any free port", which needs no check; the bot reports the port it got.
  if (options.botPort !== 0) await assertPortFree(options.botPort, '127.0.0.1', 'the bot', '--port');
  await assertPortFree(options.playgroundPort, undefined, 'the Agents Playground', '--playground-port');

  const { me, others } = await seedAndPickOfficer(deps, options.role);
  const playgroundConfigFile = writePlaygroundConfig(options.playgroundConfigFile, { me, others, botName: BOT_NAME });

  const bot = await deps.startBot(options.botPort);
  const botEndpoint = `http://${bot.host}:${bot.port}/api/messages`;
  let playground: RunningPlayground;
  try {
    playground = await deps.startPlayground({
      botEndpoint,
      port: options.playgroundPort,
      configFile: playgroundConfigFile,
      logFile: options.playgroundLogFile,
    });
  } catch (error) {
    await bot.stop();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    botEndpoint,
    playgroundUrl: playground.url,
    officer: me,
    playgroundConfigFile,
    playgroundExited: playground.exited,
    stop: () => {
      stopping ??= (async () => {
        try {
          await playground.stop();
        } finally {
          await bot.stop();
        }
      })();
      return stopping;
    },
  };
}
