import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { compileCountyReportFile, compileLocalityReportFile, fileNamePart } from '../../src/reports/compile-report-file';
import { compileAllReports } from '../../src/reports/compile-all-reports';
import { loadCountyReportInput, loadLocalityReportInput } from '../../src/reports/load-report-input';
import { renderText } from '../../src/reports/render-text';
import { NotFoundError } from '../../src/store/errors';
import type { ReportStore } from '../../src/store/report-store';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, NEXT_TERM, SAMPLE_TERM } from '../support/builders';

/** The real SQLite store, counting the calls made to it. */
function counting(store: ReportStore): { store: ReportStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('compiling from the store', () => {
  let dir: string;
  let store: SqliteReportStore;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-compile-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    for (const [id, name, order] of [['central-lancs', 'Central Lancs', 2], ['preston', 'Preston', 3], ['west', 'West Lancashire', 1]] as const) {
      await store.upsertLocality(aLocality({ id, name, order }));
    }
    await store.upsertOfficer(anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' }));
    await store.upsertOfficer(anOfficer());
    await store.saveReportWithUpdates(aReport({ approval: 'approved' }), 0, [{ update: anUpdate(), expectedVersion: 0 }], [{ priority: aPriority(), expectedVersion: 0 }]);
    const preston = aPriority({ id: 'preston-neet', localityId: 'preston', title: 'Preston NEET', openedTerm: SAMPLE_TERM });
    await store.saveReportWithUpdates(
      aReport({ localityId: 'preston', officerIds: ['officer-alison-walsh'], approval: 'approved' }),
      0,
      [{ update: anUpdate({ priorityId: 'preston-neet', localityId: 'preston', title: 'Preston NEET' }), expectedVersion: 0 }],
      [{ priority: preston, expectedVersion: 0 }],
    );
    await store.saveLocalityReport(aReport({ localityId: 'preston', term: NEXT_TERM, officerIds: ['officer-alison-walsh'], status: 'in progress' }), 0);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each kind of entity once for a locality report', async () => {
    const { store: counted, calls } = counting(store);
    const input = await loadLocalityReportInput(counted, 'central-lancs', SAMPLE_TERM);
    expect(Object.fromEntries(calls)).toEqual({ getLocality: 1, listOfficers: 1, listPriorities: 1, listPriorityUpdates: 1, getLocalityReport: 1 });
    expect(input.officers.map((officer) => officer.name)).toEqual(['Claire Fox', 'Alison Walsh']);
  });

  it('reads each kind once for the county report, priorities included', async () => {
    const { store: counted, calls } = counting(store);
    await loadCountyReportInput(counted, SAMPLE_TERM);
    expect(Object.fromEntries(calls)).toEqual({ listLocalities: 1, listOfficers: 1, listLocalityReports: 1, listPriorityUpdates: 1, listPriorities: 1 });
  });

  it('reads each kind once for the county report file, its outcomes section included', async () => {
    const { store: counted, calls } = counting(store);
    await compileCountyReportFile(counted, SAMPLE_TERM, 'text');
    expect(Object.fromEntries(calls)).toEqual({ listLocalities: 1, listOfficers: 1, listLocalityReports: 1, listPriorityUpdates: 1, listPriorities: 1 });
  });

  it('reads the store once for every term when compiling them all', async () => {
    const { store: counted, calls } = counting(store);
    await compileAllReports(counted);
    expect(Object.fromEntries(calls)).toEqual({ listLocalities: 1, listOfficers: 1, listLocalityReports: 1, listPriorityUpdates: 1, listPriorities: 1 });
  });

  it('returns a locality report file with a safe name and media type', async () => {
    const file = await compileLocalityReportFile(store, 'central-lancs', SAMPLE_TERM, 'docx');
    expect(file.fileName).toBe('Central-Lancs-2024-25-autumn.docx');
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(file.content as Buffer);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('School Avoidance- what support is available for schools');
  });

  it('rejects an unknown locality with NotFoundError', async () => {
    await expect(compileLocalityReportFile(store, 'nowhere', SAMPLE_TERM, 'text')).rejects.toThrow(NotFoundError);
  });

  it('compiles the county report with every locality in order', async () => {
    const file = await compileCountyReportFile(store, SAMPLE_TERM, 'text', { intro: 'Welcome to the county report.' });
    expect(file.fileName).toBe('TASS-in-action-2024-25-autumn.txt');
    const text = file.content as string;
    expect(text.startsWith('TASS in action\n\nAutumn – October 2024\n\nWelcome to the county report.\n')).toBe(true);
    expect(text.indexOf('Central Lancs\n\nEducation Partnership Officers')).toBeLessThan(text.indexOf('Preston\n\nEducation Partnership Officer\n'));
    expect(text).toContain('Not yet submitted: West Lancashire.');
  });

  it('compiles every term, oldest first, with progress', async () => {
    const progress: string[] = [];
    const text = renderText(await compileAllReports(store, { onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.localityName}, ${p.termLabel}`) }));
    expect(progress).toEqual(['1/3 Central Lancs, Autumn – October 2024', '2/3 Preston, Autumn – October 2024', '3/3 Preston, Spring – March 2025']);
    expect(text.indexOf('Autumn – October 2024')).toBeLessThan(text.indexOf('Spring – March 2025'));
  });

  it.each([
    ['West Lancashire', 'West-Lancashire'],
    ['Chorley & South Ribble', 'Chorley-South-Ribble'],
    ['Fylde/Wyre', 'Fylde-Wyre'],
    ['Pendle ', 'Pendle'],
  ])('makes a file name part of %j', (name, part) => {
    expect(fileNamePart(name)).toBe(part);
  });
});
