/**
 * `tass start` end to end: the CLI starts the bot and the Agents Playground on free ports with a
 * new database, headless Chromium opens the playground, and the sample officer types "help" and
 * sees the bot's help card. Screenshots go to tests/e2e/artefacts/ (git-ignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { commandsFor, helpCard } from '../../src/bot/bot-cards';
import { SAMPLE_OFFICERS } from '../../src/sample/sample-organisation';
import { assertPortFree, findFreePort } from '../../src/local-run/port-check';
import { PlaygroundPage } from './playground-page';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const ARTEFACTS = path.join(ROOT, 'tests/e2e/artefacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

jest.setTimeout(60_000);

interface StartedCli {
  readonly child: ChildProcess;
  readonly playgroundUrl: string;
  readonly output: () => string;
}

/** Runs `tass start` and resolves once it prints its banner (or rejects with what it printed). */
function startCli(args: string[], env: NodeJS.ProcessEnv): Promise<StartedCli> {
  const child = spawn(process.execPath, [CLI, 'start', ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tass start printed no banner in 30 s:\n${output}`)), 30_000);
    const poll = setInterval(() => {
      const url = /Playground:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Press Ctrl-C')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, playgroundUrl: url, output: () => output });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`tass start exited with ${code}:\n${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start: the bot with the Agents Playground', () => {
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['epo', 'Claire Fox'],
    ['manager', 'Helen Brooks'],
  ] as const)('chats as the sample %s, who types "help" and sees the help card', async (role, name) => {
    const officer = SAMPLE_OFFICERS.find((candidate) => candidate.name === name)!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-e2e-'));
    const [botPort, playgroundPort] = [await findFreePort(), await findFreePort()];
    const cli = await startCli(
      ['--db', path.join(dir, 'tass.db'), '--port', String(botPort), '--playground-port', String(playgroundPort), '--playground-config', path.join(dir, '.m365agentsplayground.yml'), '--as', role],
      { ...process.env, TASS_DATA_DIR: dir, TASS_CAMPAIGN_CRON: 'off', MicrosoftAppId: '', TASS_STORE: '' },
    );
    try {
      expect(cli.output()).toContain(`You are ${name}`);
      const page = new PlaygroundPage(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
      await page.open(cli.playgroundUrl);
      await page.waitForCard(`Welcome to TASS reporting, ${name}`);
      await page.page.screenshot({ path: path.join(ARTEFACTS, `${role}-welcome.png`) });

      await page.send('help');
      const helpTitle = (helpCard(officer).body as Array<{ text?: string }>)[0].text!;
      const card = await page.waitForCard(helpTitle);
      await page.page.screenshot({ path: path.join(ARTEFACTS, `${role}-help.png`) });
      const cardText = await card.innerText();
      for (const help of commandsFor(officer.roles)) {
        // The whole command: its placeholders are written TERM and [LOCALITY], which the card's
        // Markdown shows as typed (it dropped "<term>" as if it were an HTML tag).
        expect(cardText).toContain(help.command);
        expect(cardText).toContain(help.what);
      }
      // The playground's header shows who "Me" is.
      expect(await page.page.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.logPanelText()).toMatch(/message 200\s+help/);
      await page.page.close();
    } finally {
      process.kill(-cli.child.pid!, 'SIGINT');
    }
    // Ctrl-C stops both and exits cleanly: the ports are free again.
    expect(await exitOf(cli.child)).toBe(0);
    expect(cli.output()).toContain('Stopping the playground and the bot');
    await expect(assertPortFree(playgroundPort, undefined, 'the Agents Playground', '--playground-port')).resolves.toBeUndefined();
    await expect(assertPortFree(botPort, '127.0.0.1', 'the bot', '--port')).resolves.toBeUndefined();
  });
});
