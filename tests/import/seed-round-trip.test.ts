/**
 * Every real report in the shared seeds goes into a SQLite file and comes back out of
 * `compile --all` as text with every content line intact and in order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importReportFile } from '../../src/import/import-report-file';
import { readReportFile } from '../../src/import/read-report-file';
import { compileAllReports } from '../../src/reports/compile-all-reports';
import { renderText } from '../../src/reports/render-text';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { termLabelOf } from '../../src/domain/term';
import {
  countCompiledPriorities,
  countOriginalPriorities,
  roundTripProblems,
  seedFiles,
} from '../support/report-round-trip';

const NOW = new Date('2025-01-10T09:00:00Z');
/** Only used for seeds without a locality line. */
const FALLBACK_LOCALITY = 'Seed Locality';

describe('importing the seed reports and compiling them back', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-round-trip-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the seeds', () => {
    expect(seedFiles().length).toBeGreaterThanOrEqual(3);
  });

  it.each(seedFiles().map((file) => [path.basename(file), file]))('%s keeps every line, in order', async (_name, file) => {
    const store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    try {
      const result = await importReportFile(store, file, { hints: { locality: FALLBACK_LOCALITY }, now: NOW });
      expect(result.stored).toBe(true);
      const compiled = renderText(await compileAllReports(store));
      // .docx seeds are compared through their text; .txt seeds are read as they are.
      const original = path.extname(file).toLowerCase() === '.docx' ? (await readReportFile(file)).text : readFileSync(file, 'utf8');
      const localities = await store.listLocalities();
      const reports = await store.listLocalityReports();
      const extras = new Set([
        'TASS locality reports',
        ...localities.map((locality) => locality.name),
        ...reports.map((report) => termLabelOf(report.term, report.termMonth)),
      ]);
      expect(roundTripProblems(original, compiled, extras)).toEqual([]);
      expect(countCompiledPriorities(compiled)).toBe(countOriginalPriorities(original));
      expect(countOriginalPriorities(original)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});

describe('a messy file with every quirk at once', () => {
  const NB = '\u00a0';
  const MESSY = [
    `\ufeffWest Lancashire${NB}`,
    `Education Partnership Officers${NB}`,
    'Claire Fox & Alison Walsh',
    `Period${NB}${NB}`,
    'Summer 2 - July 2024',
    'Priority 1',
    'Transition support for',
    '  vulnerable year 6 pupils',
    'Intended Outcomes- Linked to the EET strategy',
    '\uf0b7\tSmoother transition for vulnerable pupils.',
    '\uf0a7 Secondary staff meet year 6 staff.',
    'Activity Last Period',
    '  • Transition meeting held with 9 primary schools and',
    '    3 secondary schools.',
    '  - Data\u200b shared with the Virtual School.',
    'Planned Activity Next Period',
    'Summer school pilot.',
    'Impact So Far: 9 schools engaged.',
    'Exit Strategy',
    '1. Embedded in the cluster calendar.',
    'Attendance in rural schools',
    'Intended Outcomes',
    'Fewer persistent absences.',
    'Exit Strategy',
    'Owned by the attendance network.',
    '',
    'Preston',
    'Education Partnership Officer',
    'Alison Walsh',
    'Summer 2 – July 2024',
    'Priority',
    'Post 16 pathways',
    'Intended Outcomes',
    '- Reduce the number of Not Knowns.',
  ].join('\r\n');

  it('keeps every line, in order, across both reports', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tass-messy-'));
    const store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    try {
      const file = path.join(dir, 'messy.txt');
      writeFileSync(file, MESSY);
      const result = await importReportFile(store, file, { now: NOW });
      expect(result.problems.map((problem) => problem.reason)).toEqual(['heading note "Linked to the EET strategy" is not kept; the house heading is used']);
      const compiled = renderText(await compileAllReports(store));
      const extras = new Set(['TASS locality reports', 'Summer 2 – July 2024']);
      expect(roundTripProblems(MESSY, compiled, extras)).toEqual([]);
      expect(countCompiledPriorities(compiled)).toBe(3);
      expect(compiled).toContain('Education Partnership Officers\n\nClaire Fox/Alison Walsh\n');
      expect(compiled).toContain('  • Transition meeting held with 9 primary schools and 3 secondary schools.\n');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('roundTripProblems (the checker itself)', () => {
  const original = ['West Lancashire', 'Period', 'Summer 1 - May 2024', 'Priority', 'Title one', 'Intended Outcomes', '• First item', '• Second item', 'Third line'].join('\n');
  const compiled = ['West Lancashire', '', 'Period', '', 'Summer 1 – May 2024', '', 'Priority', '', 'Title one', '', 'Intended Outcomes', '', '  • First item', '  • Second item', '', 'Third line', ''].join('\n');
  const extras = new Set(['West Lancashire']);

  it('accepts a faithful copy', () => {
    expect(roundTripProblems(original, compiled, extras)).toEqual([]);
  });

  it('accepts an item that wrapped in the original and was joined', () => {
    const wrapped = original.replace('• Second item', '• Second\n  item');
    expect(roundTripProblems(wrapped, compiled, extras)).toEqual([]);
  });

  it.each([
    ['a dropped line', compiled.replace('  • Second item\n', '')],
    ['reordered lines', compiled.replace('  • First item\n  • Second item', '  • Second item\n  • First item')],
    ['an altered line', compiled.replace('Third line', 'Third line changed')],
    ['an added line', compiled.replace('Third line', 'Third line\n\nInvented line')],
    ['a changed term', compiled.replace('Summer 1 – May 2024', 'Summer 2 – July 2024')],
  ])('rejects %s', (_name, broken) => {
    expect(roundTripProblems(original, broken, extras).length).toBeGreaterThan(0);
  });
});
