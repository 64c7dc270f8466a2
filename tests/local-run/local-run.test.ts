/**
 * startLocalRun with the real pieces: a SQLite file, the sample organisation seeder, the bot
 * server as `tass serve` runs it, and the real Agents Playground.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/config';
import { TermCalendar } from '../../src/domain/term-calendar';
import { createLogger } from '../../src/logging/logger';
import { startLocalRun, type LocalRunDeps } from '../../src/local-run/local-run';
import { PlaygroundError, startPlayground } from '../../src/local-run/playground-process';
import { assertPortFree, findFreePort } from '../../src/local-run/port-check';
import { seedSampleOrganisation, SAMPLE_OFFICER_IDS } from '../../src/sample/sample-organisation';
import { publisherFor } from '../../src/server/bot-publisher';
import { runBotServer } from '../../src/server/run-bot-server';
import { openStore } from '../../src/store/open-store';

function localDeps(config: Config, overrides: Partial<LocalRunDeps> = {}): LocalRunDeps {
  const calendar = new TermCalendar();
  const logger = createLogger({ level: 'silent' });
  return {
    openStore: () => openStore(config),
    seed: async (store) => (await seedSampleOrganisation(store, { calendar, today: new Date('2026-03-02T09:00:00Z') })).officers,
    startBot: (port) => runBotServer({ config: { ...config, port }, logger, publisherFor }),
    startPlayground,
    ...overrides,
  };
}

describe('startLocalRun', () => {
  let dir: string;
  let config: Config;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-local-run-'));
    const loaded = loadConfig({ TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir, TASS_CAMPAIGN_CRON: 'off' });
    config = { ...loaded, bot: { appType: 'MultiTenant' } };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['epo', SAMPLE_OFFICER_IDS.claireFox],
    ['manager', SAMPLE_OFFICER_IDS.helenBrooks],
  ] as const)('seeds, serves the bot and the playground as the main sample %s, and stops both', async (role, officerId) => {
    const [botPort, playgroundPort] = [await findFreePort(), await findFreePort()];
    const options = { botPort, playgroundPort, role, playgroundConfigFile: path.join(dir, 'pg.yml'), playgroundLogFile: path.join(dir, 'pg.log') };
    const run = await startLocalRun(options, localDeps(config));
    try {
      expect(run.officer.id).toBe(officerId);
      expect(run.botEndpoint).toBe(`http://127.0.0.1:${botPort}/api/messages`);
      const health = (await (await fetch(`http://127.0.0.1:${botPort}/healthz`)).json()) as { ok: boolean; store: string };
      expect(health).toMatchObject({ ok: true, store: 'sqlite' });
      expect((await fetch(run.playgroundUrl)).status).toBe(200);
      expect(fs.readFileSync(run.playgroundConfigFile, 'utf8')).toContain(`aadObjectId: "${run.officer.aadObjectId}"`);
    } finally {
      await run.stop();
    }
    await run.stop();
    await expect(assertPortFree(botPort, '127.0.0.1', 'the bot', '--port')).resolves.toBeUndefined();
    await expect(assertPortFree(playgroundPort, undefined, 'the Agents Playground', '--playground-port')).resolves.toBeUndefined();
  });

  it('stops the bot again when the playground cannot start', async () => {
    const botPort = await findFreePort();
    const options = { botPort, playgroundPort: await findFreePort(), role: 'epo' as const, playgroundConfigFile: path.join(dir, 'pg.yml'), playgroundLogFile: path.join(dir, 'pg.log') };
    const deps = localDeps(config, {
      startPlayground: async () => {
        throw new PlaygroundError('the Agents Playground did not start');
      },
    });
    await expect(startLocalRun(options, deps)).rejects.toThrow(PlaygroundError);
    await expect(assertPortFree(botPort, '127.0.0.1', 'the bot', '--port')).resolves.toBeUndefined();
  });
});
