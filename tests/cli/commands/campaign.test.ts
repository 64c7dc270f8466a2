/** `tass campaign open` as a real process: stored conversation references, a local connector. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { openStore } from '../../../src/store/open-store';
import { startLocalConnector, type LocalConnector } from '../../support/local-connector';
import { OFFICERS, SPRING_2025, seedOrganisation } from '../../support/bot-organisation';

const MAIN = path.resolve(__dirname, '../../../src/cli/main.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { MicrosoftAppId: _appId, MicrosoftAppPassword: _password, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...inherited, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('tass campaign open', () => {
  let dir: string;
  let db: string;
  let connector: LocalConnector;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-campaign-'));
    db = path.join(dir, 'tass.db');
    connector = await startLocalConnector();
    const store = await openStore(loadConfig({ TASS_DB: db }));
    try {
      await seedOrganisation(store);
      for (const officer of [OFFICERS.ann, OFFICERS.bob]) {
        await store.saveConversationLink({
          officerId: officer.id,
          reference: {
            activityId: `activity-${officer.id}`,
            user: { id: `29:${officer.id}`, name: officer.name },
            bot: { id: '28:tass-bot', name: 'TASS' },
            conversation: { id: `a:${officer.id}`, conversationType: 'personal', tenantId: 'tenant-local' },
            channelId: 'msteams',
            serviceUrl: connector.serviceUrl,
          },
          updatedAt: '2025-03-01T09:00:00.000Z',
        });
      }
    } finally {
      await store.close();
    }
  });

  afterEach(async () => {
    await connector.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends each EPO their prompts through the stored conversations, and nothing twice', async () => {
    const first = await run(['campaign', 'open', '--term', 'Spring 2025', '--db', db], { TASS_DATA_DIR: dir });
    expect(first.stdout).toBe('Spring – March 2025 campaign: 3 sent, 0 already sent, 0 without a conversation (bot not installed), 0 failed\n');
    expect(first.code).toBe(0);
    expect(connector.activitiesIn(`a:${OFFICERS.ann.id}`).map((a) => a.activity.text)).toEqual([
      'Spring – March 2025 report for Preston: 3 active priorities, due 28 March',
      'Spring – March 2025 report for West Lancashire: 1 active priority, due 28 March',
    ]);
    expect(connector.activitiesIn(`a:${OFFICERS.bob.id}`)).toHaveLength(1);

    const second = await run(['campaign', 'open', '--term', 'spring – march 2025', '--db', db], { TASS_DATA_DIR: dir });
    expect(second.stdout).toContain('0 sent, 3 already sent');
    expect(connector.activities).toHaveLength(3);

    const store = await openStore(loadConfig({ TASS_DB: db }));
    try {
      expect((await store.listDeliveries(SPRING_2025, 'prompt')).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    } finally {
      await store.close();
    }
  }, 30_000);

  it.each([
    ['2025-03-14', ['Spring – March 2025 opens: 3 sent, 0 already sent, 0 without a conversation (bot not installed), 0 failed']],
    ['2025-03-21', ['Spring – March 2025 reminder: 3 sent, 0 already sent, 0 without a conversation (bot not installed), 0 failed']],
    ['2025-03-17', ['Nothing is scheduled on 2025-03-17.']],
  ])('run-day --date %s sends what the calendar has for the day', async (date, lines) => {
    const result = await run(['campaign', 'run-day', '--date', date, '--db', db], { TASS_DATA_DIR: dir });
    expect(result.stdout.trim().split('\n')).toEqual(lines);
    expect(result.code).toBe(0);
  }, 30_000);

  it('says in one line when the term cannot be read', async () => {
    const result = await run(['campaign', 'open', '--term', 'next week', '--db', db], { TASS_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('tass:'))).toEqual([
      'tass: Cannot read term "next week": no Autumn, Spring or Summer in it. Write it like "Spring – March 2025" or "Summer 1 - May 2024".',
    ]);
    expect(connector.activities).toEqual([]);
  }, 30_000);
});
