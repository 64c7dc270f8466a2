/**
 * `tass start` as a person runs it, for end-to-end tests: the built CLI in its own process group
 * on free ports, with a database and data folder the test chooses. Resolves once the banner says
 * both the bot and the Agents Playground are up; `stop()` presses Ctrl-C and waits for the exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../src/local-run/port-check';
import type { PlaygroundRole } from '../../src/local-run/playground-config';
import { CLI_MAIN } from './run-tass-cli';
import { projectRoot } from './report-round-trip';

export interface TassStartOptions {
  /** The SQLite file: a new path seeds the sample organisation, an existing one is reused. */
  readonly db: string;
  /** TASS_DATA_DIR: logs, the playground config and compiled reports go here. */
  readonly dataDir: string;
  readonly as: PlaygroundRole;
  /** How long to wait for the banner; default 30 s. */
  readonly startTimeoutMs?: number;
}

export interface TassStartRun {
  readonly child: ChildProcess;
  readonly botPort: number;
  readonly playgroundPort: number;
  readonly playgroundUrl: string;
  /** Everything the CLI printed so far. */
  output(): string;
  /** Ctrl-C, then the exit code once both the playground and the bot have stopped. */
  stop(): Promise<number | null>;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * The environment of a local run: whatever the shell says about stores, apps and calendars is
 * dropped, so the run is the embedded store on default term dates, with no campaign timer.
 */
function localRunEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TASS_DATA_DIR: dataDir, TASS_CAMPAIGN_CRON: 'off', MicrosoftAppId: '', TASS_STORE: '' };
  delete env.TASS_CALENDAR;
  delete env.TASS_DB;
  return env;
}

export async function startTassStart(options: TassStartOptions): Promise<TassStartRun> {
  const [botPort, playgroundPort] = [await findFreePort(), await findFreePort()];
  const args = [
    CLI_MAIN,
    'start',
    '--db', options.db,
    '--port', String(botPort),
    '--playground-port', String(playgroundPort),
    '--playground-config', path.join(options.dataDir, '.m365agentsplayground.yml'),
    '--as', options.as,
  ];
  const child = spawn(process.execPath, args, { cwd: projectRoot(), env: localRunEnv(options.dataDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let stopping: Promise<number | null> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
      return exitOf(child);
    })();
    return stopping;
  };
  const playgroundUrl = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      clearInterval(poll);
      void stop().then(() => reject(new Error(`tass start printed no banner in ${timeoutMs / 1000} s:\n${output}`)));
    }, timeoutMs);
    const poll = setInterval(() => {
      const url = /Playground:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Press Ctrl-C')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(url);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`tass start exited with ${code}:\n${output}`));
    });
  });
  return { child, botPort, playgroundPort, playgroundUrl, output: () => output, stop };
}
