/** Storing compiled report documents in the site's library: simple PUT, upload sessions, replacement. */
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../src/logging/logger';
import { createReportLibrary, DocumentUploadError, FRAGMENT_UNIT, type ReportLibrary } from '../../src/graph/report-library';
import { startLocalGraph, type LocalGraph } from '../support/local-graph/local-graph-server';
import { connectTo } from '../support/local-graph/sharepoint-fixture';

const FOLDER = 'Spring – March 2025';

describe('report library', () => {
  let graph: LocalGraph;
  let library: ReportLibrary;

  beforeEach(async () => {
    graph = await startLocalGraph();
    library = createReportLibrary({
      connection: connectTo(graph),
      siteId: graph.siteId,
      uploadSessionThreshold: 4 * 1024 * 1024,
      logger: createLogger({ level: 'silent' }),
      fragmentSize: 2 * FRAGMENT_UNIT,
      timeoutMs: 2_000,
    });
  });

  afterEach(async () => {
    await graph.close();
  });

  const uploads = () => graph.log.records.filter((r) => !r.inBatch && r.path !== '/token').map((r) => `${r.method} ${r.path.startsWith('/upload/') ? '/upload' : r.path} ${r.status}`);

  it('puts a small document in one request, in the term folder, and returns its webUrl and id', async () => {
    const content = randomBytes(40_000);
    const stored = await library.uploadReportDocument({ folder: FOLDER, fileName: 'Central Lancs.docx', content });
    expect(stored.webUrl).toBe(`${graph.webUrl}/Shared%20Documents/Spring%20%E2%80%93%20March%202025/Central%20Lancs.docx`);
    expect(stored.id).toMatch(/^[0-9A-F-]{36}$/);
    expect(graph.fileContent(`${FOLDER}/Central Lancs.docx`)?.equals(content)).toBe(true);
    expect(uploads()).toEqual([`PUT /sites/${graph.siteId}/drive/root:/${FOLDER}/Central Lancs.docx:/content 201`]);
  });

  it.each([
    ['exactly three fragments', 6 * FRAGMENT_UNIT, 3],
    ['a short last fragment', 5 * FRAGMENT_UNIT + 12_345, 3],
  ])('sends a large document through an upload session in 320 KiB multiples: %s', async (_label, size, fragments) => {
    const content = randomBytes(size);
    const stored = await library.uploadReportDocument({ folder: FOLDER, fileName: 'County report.docx', content, threshold: FRAGMENT_UNIT });
    expect(stored.webUrl).toContain('County%20report.docx');
    expect(graph.fileContent(`${FOLDER}/County report.docx`)?.equals(content)).toBe(true);
    const log = uploads();
    expect(log[0]).toBe(`POST /sites/${graph.siteId}/drive/root:/${FOLDER}/County report.docx:/createUploadSession 200`);
    expect(log.slice(1)).toEqual([...Array(fragments - 1).fill('PUT /upload 202'), 'PUT /upload 201']);
  });

  it('replaces the previous version of the file, whichever way each version was sent', async () => {
    const first = await library.uploadReportDocument({ folder: FOLDER, fileName: 'Preston.docx', content: randomBytes(1000) });
    const second = randomBytes(3 * FRAGMENT_UNIT);
    const replaced = await library.uploadReportDocument({ folder: FOLDER, fileName: 'Preston.docx', content: second, threshold: 1000 });
    const third = randomBytes(500);
    const again = await library.uploadReportDocument({ folder: FOLDER, fileName: 'Preston.docx', content: third });
    expect(new Set([first.id, replaced.id, again.id]).size).toBe(1);
    expect(graph.fileContent(`${FOLDER}/Preston.docx`)?.equals(third)).toBe(true);
    expect(graph.site.files.size).toBe(1);
  });

  it('resumes an upload session from nextExpectedRanges after a fragment fails', async () => {
    graph.faults.unavailable(1, 0, { method: 'PUT', path: /^\/upload\//, skip: 1 });
    graph.faults.drop(1, { method: 'PUT', path: /^\/upload\//, skip: 1 });
    const content = randomBytes(7 * FRAGMENT_UNIT);
    await library.uploadReportDocument({ folder: FOLDER, fileName: 'Lancaster.docx', content, threshold: FRAGMENT_UNIT });
    expect(graph.fileContent(`${FOLDER}/Lancaster.docx`)?.equals(content)).toBe(true);
    expect(uploads().filter((line) => line.startsWith('GET /upload'))).toHaveLength(2);
  });

  it('cleans characters SharePoint refuses out of folder and file names', async () => {
    const stored = await library.uploadReportDocument({ folder: 'Autumn: October 2024', fileName: 'West "Lancs"?.docx', content: Buffer.from('x') });
    expect(stored.webUrl).toContain('Autumn-%20October%202024/West%20-Lancs--.docx');
  });

  it('fails with DocumentUploadError when SharePoint cannot be reached', async () => {
    graph.faults.setOutage(true);
    await expect(library.uploadReportDocument({ folder: FOLDER, fileName: 'x.docx', content: Buffer.from('x') })).rejects.toBeInstanceOf(DocumentUploadError);
  });
});
