/** The publisher's library adapter: term keys become term-label folders in the site's library. */
import { parseTerm, termFromKey } from '../../src/domain/term';
import { TermCalendar } from '../../src/domain/term-calendar';
import { createLogger } from '../../src/logging/logger';
import { createReportLibrary } from '../../src/graph/report-library';
import { sharePointDocumentLibrary } from '../../src/graph/sharepoint-document-library';
import { startLocalGraph, type LocalGraph } from '../support/local-graph/local-graph-server';
import { connectTo } from '../support/local-graph/sharepoint-fixture';

describe('SharePoint document library for the report publisher', () => {
  let graph: LocalGraph;

  beforeEach(async () => {
    graph = await startLocalGraph();
  });

  afterEach(async () => {
    await graph.close();
  });

  it.each([
    ['a term key', '2024-25-autumn', 'Autumn – October 2024'],
    ['a half-term key', '2023-24-summer-1', 'Summer 1 – May 2024'],
    ['any other folder name', 'County', 'County'],
  ])('stores a compiled report under %s as a readable folder and returns its SharePoint URL', async (_label, folder, expectedFolder) => {
    const library = sharePointDocumentLibrary(
      createReportLibrary({ connection: connectTo(graph), siteId: graph.siteId, uploadSessionThreshold: 1024 * 1024, logger: createLogger({ level: 'silent' }) }),
    );
    const content = Buffer.from('PK\u0003\u0004 a Word document');
    const { url } = await library.save(
      { content, fileName: 'West-Lancashire-2024-25-autumn.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      folder,
    );
    expect(url).toBe(`${graph.webUrl}/Shared%20Documents/${encodeURIComponent(expectedFolder)}/West-Lancashire-2024-25-autumn.docx`);
    expect(graph.fileContent(`${expectedFolder}/West-Lancashire-2024-25-autumn.docx`)?.equals(content)).toBe(true);
  });

  it("names a term's folder as the council's calendar names the term", async () => {
    const calendar = new TermCalendar([{ term: parseTerm('Autumn 2025'), due: '2025-12-05' }]);
    const library = sharePointDocumentLibrary(
      createReportLibrary({ connection: connectTo(graph), siteId: graph.siteId, uploadSessionThreshold: 1024 * 1024, logger: createLogger({ level: 'silent' }) }),
      (term) => calendar.datesOf(termFromKey(term)).label,
    );
    const content = Buffer.from('PK\u0003\u0004 a Word document');
    await library.save({ content, fileName: 'Preston-2025-26-autumn.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, '2025-26-autumn');
    expect(graph.fileContent('Autumn – December 2025/Preston-2025-26-autumn.docx')?.equals(content)).toBe(true);
  });
});
