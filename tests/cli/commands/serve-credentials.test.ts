/**
 * `tass serve` and the bot's credentials, run as a user runs it (the built CLI, a child process):
 * a partial credential set is refused in one line before anything opens; without an app id the
 * bot runs anonymously on 127.0.0.1 only, whatever HOST says, and logs that it does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI_MAIN, runTass } from '../../support/run-tass-cli';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether something accepts TCP connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function nonLoopbackAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

describe('tass serve and the bot credentials', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-serve-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['an app id alone (SingleTenant)', { MicrosoftAppId: 'app-id' }, /MicrosoftAppPassword and MicrosoftAppTenantId are not/],
    ['SingleTenant without a tenant id', { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'S3cr3t-Value', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId is not/],
    ['MultiTenant without a password', { MicrosoftAppId: 'app-id', MicrosoftAppType: 'MultiTenant' }, /MicrosoftAppPassword is not/],
    ['UserAssignedMSI without a tenant id', { MicrosoftAppId: 'app-id', MicrosoftAppType: 'UserAssignedMSI' }, /MicrosoftAppTenantId is not/],
    ['a password without an app id', { MicrosoftAppPassword: 'S3cr3t-Value' }, /MicrosoftAppPassword is set but MicrosoftAppId is not/],
    ['a tenant id without an app id', { MicrosoftAppTenantId: 'tenant' }, /MicrosoftAppTenantId is set but MicrosoftAppId is not/],
  ])('refuses to start with %s, in one line, before opening anything', async (_label, credentials, message) => {
    const db = path.join(dir, 'tass.db');
    const run = await runTass(['serve'], {
      env: { TASS_DB: db, TASS_DATA_DIR: dir, PORT: String(await freePort()), TASS_CAMPAIGN_CRON: 'off', ...credentials },
    });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tass: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toContain('S3cr3t-Value');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('runs anonymously on 127.0.0.1 only when there is no app id, ignoring HOST, and says so', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI_MAIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1', TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir, PORT: String(port), HOST: '0.0.0.0', TASS_CAMPAIGN_CRON: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`tass serve did not start: ${output}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (output.includes('bot listening')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', () => reject(new Error(`tass serve exited: ${output}`)));
      });
      const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => String(line.msg).includes('anonymous mode'))).toMatchObject({ host: '127.0.0.1', port });
      expect(lines.find((line) => line.msg === 'HOST ignored in anonymous mode')).toMatchObject({ requestedHost: '0.0.0.0' });
      expect(lines.find((line) => line.msg === 'bot listening on /api/messages')).toMatchObject({ host: '127.0.0.1', port });
      await expect(accepts('127.0.0.1', port)).resolves.toBe(true);
      const outside = nonLoopbackAddress();
      if (outside) await expect(accepts(outside, port)).resolves.toBe(false);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
