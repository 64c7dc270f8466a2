/** The HTTP side: health, authentication, binding and `tass serve` as a real process. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { loadConfig } from '../../src/config/config';
import { bindHost } from '../../src/server/run-bot-server';
import { createBotServer, PortInUseError } from '../../src/server/create-bot-server';

const MAIN = path.resolve(__dirname, '../../src/cli/main.js');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the bot server', () => {
  let bot: BotHarness | undefined;

  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('answers GET /healthz with the store kind and version', async () => {
    bot = await startBotHarness();
    const response = await fetch(`${bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: 'sqlite', version: '0.1.0' });
  });

  it('rejects a body that is not an activity', async () => {
    bot = await startBotHarness();
    const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('with a MicrosoftAppId, refuses activities that carry no token', async () => {
    bot = await startBotHarness({ env: { MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' } });
    const user = bot.user({ name: 'Ann Parker', email: 'ann.parker@lancashire.gov.uk', aadObjectId: 'aad-ann' });
    await expect(bot.say(user, 'help')).rejects.toThrow(/answered 401/);
    expect(bot.connector.activities).toEqual([]);
  });

  it('reports a port in use as PortInUseError', async () => {
    bot = await startBotHarness();
    const port = Number(new URL(bot.baseUrl).port);
    const second = createBotServer(bot.deps);
    await expect(second.listen(port, '127.0.0.1')).rejects.toThrow(PortInUseError);
    await second.close();
  });

  it.each([
    [{}, '127.0.0.1'],
    [{ HOST: '0.0.0.0' }, '127.0.0.1'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }, '0.0.0.0'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', HOST: '10.0.0.4' }, '10.0.0.4'],
  ])('binds %j to %s', (env, host) => {
    expect(bindHost(loadConfig(env))).toBe(host);
  });
});

describe('tass serve', () => {
  // Each test starts a Node process that loads the whole bot; slow on a busy machine.
  jest.setTimeout(90_000);
  let dir: string;
  let child: ChildProcessWithoutNullStreams | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-serve-'));
  });

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const serve = (env: Record<string, string>) => {
    const { MicrosoftAppId: _appId, MicrosoftAppPassword: _password, ...inherited } = process.env;
    child = spawn(process.execPath, [MAIN, 'serve'], { env: { ...inherited, TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    return { output: () => ({ stdout, stderr }), exited };
  };

  const waitFor = async (condition: () => boolean, ms = 15_000) => {
    const until = Date.now() + ms;
    while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    return condition();
  };

  it('serves on PORT in anonymous mode on loopback, says so, and stops cleanly on SIGTERM', async () => {
    // Another process may take the free port before the child binds it: try a fresh one then.
    let port = 0;
    let run: ReturnType<typeof serve> | undefined;
    for (let attempt = 0; attempt < 3 && !run; attempt += 1) {
      port = await freePort();
      const candidate = serve({ PORT: String(port) });
      await waitFor(() => candidate.output().stdout.includes('bot listening') || candidate.output().stderr.includes('already in use'), 40_000);
      if (candidate.output().stdout.includes('bot listening')) run = candidate;
    }
    if (!run) throw new Error('tass serve did not start');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect((await health.json()) as unknown).toMatchObject({ ok: true, store: 'sqlite' });
    expect(run.output().stdout).toContain('anonymous mode');
    expect(run.output().stdout).toContain('campaign scheduler started');

    child!.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('says in one line when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = serve({ PORT: String(port) });
      expect(await run.exited).toBe(1);
      // restify's dependency http-deceiver prints a Node deprecation warning (DEP0111) on load; not ours to silence.
      const ownLines = run.output().stderr.split('\n').filter((line) => line.startsWith('tass:'));
      expect(ownLines.join('\n')).toBe(`tass: port ${port} on 127.0.0.1 is already in use; stop the other process or set PORT to a free port`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses a campaign schedule it cannot read', async () => {
    const run = serve({ PORT: String(await freePort()), TASS_CAMPAIGN_CRON: 'every morning' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain('TASS_CAMPAIGN_CRON "every morning" is not a valid cron pattern');
  });
});
