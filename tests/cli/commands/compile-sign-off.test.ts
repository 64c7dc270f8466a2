/**
 * `tass compile` and managers' sign-off: the county report prints approved reports only, unless
 * --include-unapproved, when it says so plainly near the top. It also carries the outcomes
 * section with its chart.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { loadConfig } from '../../../src/config/config';
import { openStore } from '../../../src/store/open-store';
import { aReport } from '../../support/builders';
import { SUMMER_2025, seedOutcomes } from '../../support/outcomes-fixture';
import { runTass } from '../../support/run-tass-cli';

jest.setTimeout(180_000);

describe('tass compile with sign-off', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-sign-off-'));
    db = path.join(dir, 'tass.db');
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    await seedOutcomes(store);
    const report = { term: SUMMER_2025, returnComment: undefined, documentUrl: undefined, officerIds: [] };
    await store.saveLocalityReport(aReport({ ...report, localityId: 'west-lancs', approval: 'approved' }), 0);
    await store.saveLocalityReport(aReport({ ...report, localityId: 'central-lancs', approval: 'pending' }), 0);
    await store.saveLocalityReport(aReport({ ...report, localityId: 'preston', status: 'in progress', approval: 'returned', returnComment: 'Add figures' }), 0);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints only approved reports by default and names those waiting for approval', async () => {
    const run = await runTass(['compile', '--term', 'Summer 2025', '--format', 'text', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Emotional wellbeing in primary schools');
    expect(run.stdout).not.toContain('School Avoidance- what support is available');
    expect(run.stdout).toContain("Submitted and waiting for a manager's approval, so not printed here: Central Lancs.");
    expect(run.stdout).not.toContain('Not yet approved: this document includes');
  });

  it('--include-unapproved prints them and says so near the top', async () => {
    const run = await runTass(['compile', '--term', 'Summer 2025', '--format', 'text', '--include-unapproved', '--db', db]);
    expect(run.code).toBe(0);
    const notice = run.stdout.indexOf('Not yet approved: this document includes a locality report that no manager has approved yet (Central Lancs).');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(run.stdout.indexOf('Summary'));
    expect(run.stdout).toContain('School Avoidance- what support is available');
  });

  it('the county report carries the outcomes of the year so far, with the chart in Word', async () => {
    const out = path.join(dir, 'county.docx');
    const run = await runTass(['compile', '--term', 'Summer 2025', '--format', 'docx', '--out', out, '--db', db]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('Outcomes across terms');
    expect(body).toContain('Autumn 2024 to Summer 2025');
  });
});
