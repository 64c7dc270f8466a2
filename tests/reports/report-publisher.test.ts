import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { createReportPublisher, folderDocumentLibrary } from '../../src/reports/report-publisher';
import { NotFoundError } from '../../src/store/errors';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, SAMPLE_TERM } from '../support/builders';

describe('createReportPublisher', () => {
  let dir: string;
  let store: SqliteReportStore;
  const at = new Date('2024-10-24T16:31:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-publish-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    await store.upsertLocality(aLocality());
    await store.upsertOfficer(anOfficer());
    await store.saveReportWithUpdates(aReport({ documentUrl: undefined }), 0, [{ update: anUpdate(), expectedVersion: 0 }], [{ priority: aPriority(), expectedVersion: 0 }]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compiles the Word document, stores it, and records where it is', async () => {
    const publisher = createReportPublisher({ store, library: folderDocumentLibrary(path.join(dir, 'reports')), clock: () => at });
    const { documentUrl } = await publisher.publishLocalityReport('central-lancs', SAMPLE_TERM, 'officer-alison-walsh');
    const file = fileURLToPath(documentUrl);
    expect(file).toBe(path.join(dir, 'reports', SAMPLE_TERM, 'Central-Lancs-2024-25-autumn.docx'));
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('<w:t xml:space="preserve">Central Lancs</w:t>');
    expect((await store.getLocalityReport('central-lancs', SAMPLE_TERM))?.documentUrl).toBe(documentUrl);
    expect(await store.listReportEvents('central-lancs', SAMPLE_TERM)).toEqual([
      expect.objectContaining({ kind: 'compiled', by: 'officer-alison-walsh', at: at.toISOString() }),
    ]);
  });

  it('rejects an unknown locality and stores nothing', async () => {
    const publisher = createReportPublisher({ store, library: folderDocumentLibrary(path.join(dir, 'reports')), clock: () => at });
    await expect(publisher.publishLocalityReport('nowhere', SAMPLE_TERM, 'x')).rejects.toThrow(NotFoundError);
    expect(await store.listReportEvents('nowhere', SAMPLE_TERM)).toEqual([]);
  });
});
