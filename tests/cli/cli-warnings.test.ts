/**
 * The bot server (restify) is loaded only by the commands that run it: restify's dependencies
 * print Node's DEP0111 warning when loaded, and every other `tass` command would print it too.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../support/report-round-trip';
import { runTass } from '../support/run-tass-cli';

const WARNINGS_ON = { NODE_NO_WARNINGS: '0' };

describe('tass commands that do not run the server', () => {
  it.each<[string]>([['terms'], ['--help'], ['compile --help'], ['import --help'], ['campaign open --help'], ['serve --help'], ['start --help']])(
    '`tass %s` prints no deprecation warning',
    async (command) => {
      const run = await runTass(command.split(' '), { env: WARNINGS_ON });
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('DeprecationWarning');
    },
  );

  it('while loading the server does print one (so the check above can fail)', async () => {
    const serverModule = path.join(projectRoot(), 'dist/src/server/create-bot-server.js');
    const stderr = await new Promise<string>((resolve) => {
      execFile(process.execPath, ['-e', `require(${JSON.stringify(serverModule)})`], { env: { PATH: process.env.PATH ?? '', ...WARNINGS_ON } }, (_error, _stdout, err) => resolve(err));
    });
    expect(stderr).toContain('DEP0111');
  });
});
