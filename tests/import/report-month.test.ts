/**
 * A past report written in an unusual month ("Autumn – December 2024") is imported and compiled
 * back: every format, the county report and `compile --all` say December, as the original did.
 * A report in the season's usual month stores no month and compiles as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describeImportPlan, importReportFile } from '../../src/import/import-report-file';
import { compileAllReports } from '../../src/reports/compile-all-reports';
import { compileCountyReportFile, compileLocalityReportFile } from '../../src/reports/compile-report-file';
import { renderText } from '../../src/reports/render-text';
import type { ReportFormat } from '../../src/reports/report-document';
import type { ReportStore } from '../../src/store/report-store';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';

const NOW = new Date('2025-01-10T09:00:00Z');
const AUTUMN = '2024-25-autumn';

function pastReport(locality: string, term: string): string {
  return [
    locality,
    'Education Partnership Officer',
    'Alison Walsh',
    'Period',
    term,
    'Priority',
    'Post 16 pathways',
    'Intended Outcomes',
    '- More year 11 pupils with a college place by June.',
    'Exit Strategy',
    'Handed to the locality group.',
  ].join('\n');
}

/** What a reader sees of a compiled file: Word documents through their text. */
async function readable(content: Buffer | string): Promise<string> {
  if (typeof content === 'string') return content;
  return (await mammoth.extractRawText({ buffer: content })).value;
}

describe('a report label naming an unusual month', () => {
  let dir: string;
  let store: ReportStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-month-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importText(name: string, text: string): Promise<ReturnType<typeof importReportFile>> {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return importReportFile(store, target, { now: NOW });
  }

  async function localityId(name: string): Promise<string> {
    const found = (await store.listLocalities()).find((locality) => locality.name === name);
    if (!found) throw new Error(`${name} was not imported`);
    return found.id;
  }

  it('plans the import as "Autumn – December 2024" and stores December with the report', async () => {
    const result = await importText('preston.txt', pastReport('Preston', 'Autumn – December 2024'));
    expect(describeImportPlan(result.plan!)[0]).toBe('Preston (new locality), Autumn – December 2024');
    await expect(store.getLocalityReport(await localityId('Preston'), AUTUMN)).resolves.toMatchObject({ termMonth: 12 });
  });

  it.each<[ReportFormat]>([['docx'], ['html'], ['md'], ['text']])(
    'compiles an imported "Autumn – December 2024" report back as December in %s',
    async (format) => {
      await importText('preston.txt', pastReport('Preston', 'Autumn – December 2024'));
      const file = await compileLocalityReportFile(store, await localityId('Preston'), AUTUMN, format);
      const text = await readable(file.content);
      expect(text).toContain('Autumn – December 2024');
      expect(text).not.toContain('October');
    },
  );

  it('keeps the spelling-independent month: "Autumn Dec 24" compiles as "Autumn – December 2024"', async () => {
    await importText('preston.txt', pastReport('Preston', 'Autumn Dec 24'));
    const file = await compileLocalityReportFile(store, await localityId('Preston'), AUTUMN, 'text');
    expect(file.content).toContain('Autumn – December 2024');
  });

  it('stores no month for a report in the usual month, which compiles as before', async () => {
    await importText('preston.txt', pastReport('Preston', 'Autumn - October 24'));
    const report = await store.getLocalityReport(await localityId('Preston'), AUTUMN);
    expect(report && 'termMonth' in report).toBe(false);
    const file = await compileLocalityReportFile(store, await localityId('Preston'), AUTUMN, 'text');
    expect(file.content).toContain('Autumn – October 2024');
  });

  it('titles the county report with the month most localities named, and each locality with its own', async () => {
    await importText('preston.txt', pastReport('Preston', 'Autumn – December 2024'));
    await importText('west.txt', pastReport('West Lancashire', 'Autumn – December 2024'));
    await importText('central.txt', pastReport('Central', 'Autumn – October 2024'));
    const county = await readable((await compileCountyReportFile(store, AUTUMN, 'text')).content);
    expect(county.split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 2)).toEqual(['TASS in action', 'Autumn – December 2024']);
    expect(county).toContain('Locality reports, Autumn – December 2024');
    // Central's own report, inside the county report, keeps the October it was written in.
    expect(county).toMatch(/Central\s*\n\s*Education Partnership Officer\s*\n\s*Alison Walsh\s*\n\s*Period\s*\n\s*Autumn – October 2024/);

    const everything = renderText(await compileAllReports(store));
    const labels = everything.split('\n').filter((line) => /^Autumn – /.test(line.trim()));
    expect(new Set(labels.map((line) => line.trim()))).toEqual(new Set(['Autumn – December 2024', 'Autumn – October 2024']));
  });

  it('reads its own compiled December .docx back as December', async () => {
    await importText('preston.txt', pastReport('Preston', 'Autumn – December 2024'));
    const docx = await compileLocalityReportFile(store, await localityId('Preston'), AUTUMN, 'docx');
    const other = SqliteReportStore.open(path.join(dir, 'other.db'));
    try {
      const target = path.join(dir, docx.fileName);
      writeFileSync(target, docx.content);
      await importReportFile(other, target, { now: NOW });
      const [preston] = await other.listLocalities();
      await expect(other.getLocalityReport(preston.id, AUTUMN)).resolves.toMatchObject({ termMonth: 12 });
    } finally {
      await other.close();
    }
  });
});
