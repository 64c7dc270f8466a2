/** `tass outcomes` run as a child process against a real SQLite file. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { loadConfig } from '../../../src/config/config';
import { openStore } from '../../../src/store/open-store';
import { seedOutcomes } from '../../support/outcomes-fixture';
import { runTass } from '../../support/run-tass-cli';

jest.setTimeout(180_000);

describe('tass outcomes', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-outcomes-'));
    db = path.join(dir, 'tass.db');
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    await seedOutcomes(store);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the outcomes as text by default', async () => {
    const run = await runTass(['outcomes', '--from', 'Autumn 2024', '--to', 'Summer 2025', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Outcomes across terms\n\nAutumn 2024 to Summer 2025');
    expect(run.stdout).toContain('Autumn 2024: off track → Spring 2025: some concerns → Summer 2025: on track   improving   12 young people back in school full time');
    expect(run.stdout).toContain('[Chart] Priorities by status, term by term.');
  });

  it('writes a Word document with the charts as images', async () => {
    const out = path.join(dir, 'out') + path.sep;
    const run = await runTass(['outcomes', '--from', 'Autumn 2024', '--to', 'Summer 2025', '--format', 'docx', '--out', out, '--db', db]);
    expect(run.code).toBe(0);
    const file = path.join(out, 'TASS-outcomes-2024-25-autumn-to-2024-25-summer.docx');
    expect(run.stderr).toBe(`wrote ${file}\n`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.png')).length).toBe(2);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('NEET and post-16');
  });

  it.each<[string, string[], RegExp]>([
    ['a backwards range', ['--from', 'Summer 2025', '--to', 'Autumn 2024'], /runs backwards; give the earlier term first/],
    ['a term it cannot read', ['--from', 'sometime', '--to', 'Summer 2025'], /--from: Cannot read term "sometime"/],
    ['docx without --out', ['--from', 'Autumn 2024', '--to', 'Summer 2025', '--format', 'docx'], /a \.docx report needs --out/],
  ])('refuses %s', async (_what, args, message) => {
    const run = await runTass(['outcomes', ...args, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});
