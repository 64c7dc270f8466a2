/**
 * Runs the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) as a child process
 * pointed at the bot, and stops it with its whole process group.
 *
 * The playground tries to open a browser with `xdg-open` and exits with code 1 where there is
 * none (servers, containers). A do-nothing `xdg-open` in a temporary folder goes first on the
 * child's PATH, so it runs headless everywhere; `tass start` prints the URL instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class PlaygroundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundError';
  }
}

export interface PlaygroundOptions {
  /** Where the bot receives activities, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  readonly port: number;
  /** The `.m365agentsplayground.yml` to use. */
  readonly configFile: string;
  /** The playground's own log file. */
  readonly logFile: string;
  /** How long to wait for the playground to answer HTTP; default 30 s. */
  readonly startTimeoutMs?: number;
  /** The environment the child starts from; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningPlayground {
  readonly url: string;
  readonly pid: number;
  /** Resolves with the exit code when the playground stops, whoever stopped it. */
  readonly exited: Promise<number | null>;
  /** Stops the playground's process group: SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/** The playground's entry script, or a PlaygroundError saying how to install it. */
export function resolvePlaygroundCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    throw new PlaygroundError('the Microsoft 365 Agents Playground is not installed: run npm install (it is a devDependency of tass-bot)');
  }
}

/** A folder holding a do-nothing `xdg-open`; the caller removes it. */
function createNoOpBrowserOpener(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-playground-'));
  const opener = path.join(dir, 'xdg-open');
  fs.writeFileSync(opener, '#!/bin/sh\n# tass start: the playground must not try to open a browser here.\nexit 0\n', { mode: 0o755 });
  return dir;
}

async function waitForHttp(url: string, deadline: number, exited: () => boolean): Promise<boolean> {
  while (Date.now() < deadline) {
    if (exited()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** What the playground has written to its log since `offset`, or "" when there is no log yet. */
function readLogSince(logFile: string, offset: number): string {
  try {
    return fs.readFileSync(logFile).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * The playground answers HTTP even when it then rejects its config file and exits a moment
 * later; its log says so at once ("Failed to start ... Reason: ..."). Returns that reason.
 */
function startFailureInLog(log: string): string | undefined {
  if (!/Failed to start/.test(log)) return undefined;
  const reason = log.split(/\r?\n/).find((line) => line.startsWith('error Reason:'));
  return (reason ?? 'error Reason: see its log').replace(/^error Reason:\s*/, '');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the whole group the child leads (it was spawned detached).
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts the playground and resolves once it answers HTTP; rejects with its last output if it does not. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = resolvePlaygroundCli();
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const logOffset = fs.existsSync(options.logFile) ? fs.statSync(options.logFile).size : 0;
  const openerDir = createNoOpBrowserOpener();
  const baseEnv = options.env ?? process.env;
  const child = spawn(
    process.execPath,
    [cli, 'start', '--app-endpoint', options.botEndpoint, '--port', String(options.port), '--disable-telemetry'],
    {
      cwd: path.dirname(options.configFile),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...baseEnv,
        PATH: `${openerDir}${path.delimiter}${baseEnv.PATH ?? ''}`,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      },
    },
  );
  // Kept for the error message if it fails to start; the playground's chat traffic is in its log file.
  const recentOutput: string[] = [];
  const remember = (chunk: Buffer) => {
    recentOutput.push(...chunk.toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== ''));
    recentOutput.splice(0, Math.max(0, recentOutput.length - 15));
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let hasExited = false;
  const exited = new Promise<number | null>((resolve) => {
    const done = (code: number | null) => {
      hasExited = true;
      fs.rmSync(openerDir, { recursive: true, force: true });
      resolve(code);
    };
    child.once('exit', done);
    // A process that could not be spawned never exits; count it as exited so nothing waits for it.
    child.once('error', (error) => {
      recentOutput.push(error.message);
      done(null);
    });
  });
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://localhost:${options.port}`;
  const ready = await waitForHttp(url, Date.now() + (options.startTimeoutMs ?? 30_000), () => hasExited);
  const failure = startFailureInLog(readLogSince(options.logFile, logOffset));
  if (!ready || failure) {
    await stop();
    if (failure) throw new PlaygroundError(`the Agents Playground rejected ${options.configFile}: ${failure.split('\n')[0]} (details in ${options.logFile})`);
    const output = recentOutput.length > 0 ? `; it said:\n  ${recentOutput.join('\n  ')}` : '';
    throw new PlaygroundError(`the Agents Playground did not start on port ${options.port}${output} (its log: ${options.logFile})`);
  }
  return { url, pid: child.pid ?? -1, exited, stop };
}
