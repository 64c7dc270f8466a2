import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteReportStore } from '../../../src/store/sqlite/sqlite-store';
import { seedFiles, SEEDS_DIR } from '../../support/report-round-trip';
import { runTass } from '../../support/run-tass-cli';

const SEED_WEST = path.join(SEEDS_DIR, '000_d2b204fbebc8193d.txt');
const SEED_PRESTON = path.join(SEEDS_DIR, '003_d9d31ebbef2fe78d.txt');

// Each run starts the whole CLI in a child process; on a busy machine that takes seconds.
jest.setTimeout(180_000);

describe('tass import', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-import-'));
    db = path.join(dir, 'tass.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function storedReports(): Promise<number> {
    const store = SqliteReportStore.open(db);
    try {
      return (await store.listLocalityReports()).length;
    } finally {
      await store.close();
    }
  }

  it('--dry-run shows localities, officers, term and items per section, and stores nothing', async () => {
    const run = await runTass(['import', '--dry-run', '--db', db, SEED_WEST]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would import 1 report(s)');
    expect(run.stdout).toContain('West Lancashire (new locality), Summer 1 – May 2024');
    expect(run.stdout).toContain('officers: Claire Fox (new)');
    expect(run.stdout).toContain('outcomes 4, activity 5, planned 4, impact 1, exit 1');
    expect(await storedReports()).toBe(0);
  });

  it('asks for --locality when a report has none, with the line number', async () => {
    const run = await runTass(['import', '--db', db, SEED_PRESTON]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${SEED_PRESTON}:1: error: the report names no locality: pass --locality NAME`);
    expect(await storedReports()).toBe(0);
  });

  it('imports every seed, and again without duplicating anything', async () => {
    const first = await runTass(['import', '--locality', 'Preston', '--db', db, ...seedFiles()]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Preston (new locality), Autumn – October 2024');
    const again = await runTass(['import', '--locality', 'Preston', '--db', db, ...seedFiles()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(replaces the stored report)');
    expect(again.stdout).not.toContain('(new)');
    expect(await storedReports()).toBe(seedFiles().length);
  });

  it.each<[string, string | Buffer, RegExp]>([
    ['empty.txt', '', /empty\.txt: is empty; nothing stored/],
    ['binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02, 0x01]), /binary\.txt: is a binary file/],
    ['junk.txt', 'Just some notes\nwith nothing like a report\n', /junk\.txt:1: error: text before the first priority cannot be placed/],
  ])('refuses %s with a clear error and stores nothing', async (name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const run = await runTass(['import', '--db', db, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await storedReports()).toBe(0);
  });

  it('refuses an unreadable --term', async () => {
    const run = await runTass(['import', '--term', 'next week', '--db', db, SEED_WEST]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tass: Cannot read term "next week"/);
  });
});
