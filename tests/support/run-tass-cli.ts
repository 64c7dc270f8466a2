/** Runs the built `tass` command line as a child process, as a user would. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './report-round-trip';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const CLI_MAIN = path.join(projectRoot(), 'dist/src/cli/main.js');

export function runTass(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      {
        cwd: options.cwd,
        env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1', ...options.env },
        maxBuffer: 32 * 1024 * 1024,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
