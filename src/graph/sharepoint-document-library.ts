/**
 * The report publisher's document library in production: compiled reports go to the SharePoint
 * site's library, one folder per term named by its label ("Autumn – October 2024").
 */
import type { Config } from '../config/config';
import { isTermKey, termFromKey, termLabel, type TermKey } from '../domain/term';
import type { Logger } from '../logging/logger';
import type { ReportDocumentLibrary } from '../reports/report-publisher';
import { graphConnectionFromConfig } from '../store/sharepoint/from-config';
import { createReportLibrary, type ReportLibrary } from './report-library';

/**
 * Adapts the report library to what `createReportPublisher` expects; `folder` may be a term key,
 * named by `labelOf` (the council's calendar label, so a December Autumn gets a December folder).
 */
export function sharePointDocumentLibrary(
  library: ReportLibrary,
  labelOf: (term: TermKey) => string = (term) => termLabel(termFromKey(term)),
): ReportDocumentLibrary {
  return {
    async save(file, folder) {
      const stored = await library.uploadReportDocument({
        folder: isTermKey(folder) ? labelOf(folder) : folder,
        fileName: file.fileName,
        content: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content,
        mediaType: file.mediaType,
      });
      return { url: stored.webUrl };
    },
  };
}

/** The report library of the configured site (SHAREPOINT_SITE_ID, GRAPH_*). */
export function reportLibraryFromConfig(config: Config, logger: Logger): ReportLibrary {
  const { connection, siteId } = graphConnectionFromConfig(config);
  return createReportLibrary({ connection, siteId, uploadSessionThreshold: config.graph.uploadSessionThreshold, logger });
}
