/**
 * A council's theme list on the command line, run as a user runs it (the built CLI, a child
 * process, a real SQLite file): `tass themes` prints the defaults to start from, `tass outcomes`
 * and `tass compile` group by the list TASS_THEMES or --themes names, and a bad list stops them
 * with every problem listed and nothing written.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { DEFAULT_THEMES, parseThemes } from '../../../src/domain/themes';
import { openStore } from '../../../src/store/open-store';
import { seedYouthVoice, writeThemeFile } from '../../support/council-themes';
import { seedOutcomes } from '../../support/outcomes-fixture';
import { runTass } from '../../support/run-tass-cli';

jest.setTimeout(180_000);

const RANGE = ['--from', 'Autumn 2024', '--to', 'Summer 2025'];

describe('themes on the command line', () => {
  let dir: string;
  let db: string;
  let councilFile: string;
  let badFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-themes-'));
    db = path.join(dir, 'tass.db');
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    await seedOutcomes(store);
    await seedYouthVoice(store);
    await store.close();
    councilFile = writeThemeFile(dir);
    badFile = writeThemeFile(dir, [{ id: 'Youth Voice', name: 'Youth voice', keywords: [] }], 'bad-themes.json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tass themes prints the default themes as JSON that reads back as the same list', async () => {
    const run = await runTass(['themes']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(parseThemes(JSON.parse(run.stdout))).toEqual(DEFAULT_THEMES);
  });

  it('tass themes --help says how to use the list with TASS_THEMES', async () => {
    const run = await runTass(['themes', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tass themes > themes.json');
    expect(run.stdout).toContain('TASS_THEMES=./themes.json tass serve');
  });

  it('tass outcomes groups by the list TASS_THEMES names', async () => {
    const run = await runTass(['outcomes', ...RANGE, '--db', db], { env: { TASS_THEMES: councilFile } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nYouth voice\n');
    expect(run.stdout).toContain('\nmental-health\n');
    expect(run.stdout).not.toContain('Mental health and wellbeing');
  });

  it('--themes overrides TASS_THEMES', async () => {
    const run = await runTass(['outcomes', ...RANGE, '--db', db, '--themes', councilFile], { env: { TASS_THEMES: badFile } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nYouth voice\n');
  });

  it.each<[string, string[]]>([
    ['tass outcomes', ['outcomes', ...RANGE, '--format', 'html', '--out']],
    ['tass compile', ['compile', '--term', 'Summer 2025', '--format', 'html', '--out']],
  ])('%s stops at a bad theme list, listing its problems, with nothing written', async (_command, args) => {
    const out = path.join(dir, `${args[0]}-out.html`);
    const run = await runTass([...args, out, '--db', db, '--themes', badFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Theme file ${badFile} is not valid:`);
    expect(run.stderr).toContain('[0].id: use lower-case words joined by hyphens');
    expect(run.stderr).toContain('[0].keywords: Array must contain at least 1 element(s)');
    expect(existsSync(out)).toBe(false);
  });

  it('tass serve does not start with a bad theme list', async () => {
    const run = await runTass(['serve', '--port', '45871'], { env: { TASS_THEMES: badFile, TASS_DB: path.join(dir, 'serve.db'), TASS_CAMPAIGN_CRON: 'off' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[0].id: use lower-case words joined by hyphens');
    expect(existsSync(path.join(dir, 'serve.db'))).toBe(false);
  });
});
