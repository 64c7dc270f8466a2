/**
 * `tass start` refuses clearly, in one line and before starting anything, when it cannot run.
 * (The run itself, with the playground in a browser, is tests/e2e/local-run.test.ts.)
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../../src/local-run/port-check';
import { runTass } from '../../support/run-tass-cli';

function listenOn(port: number, host?: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host }, () => resolve(server));
  });
}

describe('tass start, when it cannot run', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-cli-start-'));
    env = { TASS_DATA_DIR: dir, TASS_CAMPAIGN_CRON: 'off' };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the bot', '--port', '127.0.0.1'],
    ['the Agents Playground', '--playground-port', undefined],
  ])('says which port is taken (%s) and which option to change', async (purpose, option, host) => {
    const [botPort, playgroundPort] = [await findFreePort(), await findFreePort()];
    const taken = option === '--port' ? botPort : playgroundPort;
    const blocker = await listenOn(taken, host);
    try {
      const run = await runTass(['start', '--db', path.join(dir, 'tass.db'), '--port', String(botPort), '--playground-port', String(playgroundPort), '--playground-config', path.join(dir, 'pg.yml')], { env });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`tass: port ${taken} (${purpose}) is already in use: stop what is using it, or pass ${option} <another port>\n`);
      expect(fs.existsSync(path.join(dir, 'tass.db'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('says what to do with a database file that is not a TASS database', async () => {
    const db = path.join(dir, 'notes.db');
    fs.writeFileSync(db, 'these are my notes, not a database');
    const run = await runTass(['start', '--db', db, '--port', String(await findFreePort()), '--playground-port', String(await findFreePort()), '--playground-config', path.join(dir, 'pg.yml')], { env });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tass: .*notes\.db is not a TASS database .*--db/);
    expect(fs.existsSync(path.join(dir, 'pg.yml'))).toBe(false);
  });

  it.each([
    [['--port', 'eighty'], /--port must be a port number, not "eighty"/],
    [['--playground-port', '70000'], /--playground-port must be a port number, not "70000"/],
    [['--as', 'partner'], /argument 'partner' is invalid.*Allowed choices are epo, manager/],
  ])('rejects %j', async (args, message) => {
    const run = await runTass(['start', '--db', path.join(dir, 'tass.db'), ...args], { env });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });
});
