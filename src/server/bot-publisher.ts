/**
 * Which ReportPublisher the running bot uses: compiled documents go to the SharePoint site's
 * library when the store is SharePoint, and under `<data dir>/reports/` with the embedded store.
 * When the last locality of a term submits, the county report is compiled and stored beside them.
 */
import path from 'node:path';
import type { Config } from '../config/config';
import type { ReportPublisher } from '../bot/bot-deps';
import { loadCalendar } from '../config/calendar-file';
import { termFromKey, type TermKey } from '../domain/term';
import type { Theme } from '../domain/themes';
import type { Logger } from '../logging/logger';
import { createLogger } from '../logging/logger';
import type { ReportStore } from '../store/report-store';
import { compileCountyReportFile } from '../reports/compile-report-file';
import { createReportPublisher, folderDocumentLibrary, type ReportDocumentLibrary } from '../reports/report-publisher';
import { reportLibraryFromConfig, sharePointDocumentLibrary } from '../graph/sharepoint-document-library';
import { localReportUrl } from './local-report-files';

/** Where compiled documents are kept for this configuration. */
export function documentLibraryFor(config: Config, logger: Logger): ReportDocumentLibrary {
  if (config.store === 'sharepoint') {
    // One folder per term, named as the council's calendar names the term.
    const calendar = loadCalendar(config.calendarPath);
    return sharePointDocumentLibrary(reportLibraryFromConfig(config, logger), (term) => calendar.datesOf(termFromKey(term)).label);
  }
  // Anonymous mode listens on loopback and serves the files itself (local-report-files.ts).
  const served = !config.bot.appId && config.port > 0;
  const base = `http://127.0.0.1:${config.port}`;
  return folderDocumentLibrary(path.join(config.dataDir, 'reports'), served ? (folder, file) => localReportUrl(base, folder, file) : undefined);
}

/** True when every locality has a submitted report for the term. */
async function everyLocalitySubmitted(store: ReportStore, term: TermKey): Promise<boolean> {
  const [localities, reports] = await Promise.all([store.listLocalities(), store.listLocalityReports(term)]);
  const submitted = new Set(reports.filter((report) => report.status === 'submitted').map((report) => report.localityId));
  return localities.length > 0 && localities.every((locality) => submitted.has(locality.id));
}

/** What a publisher is built with besides the store and config; each has a default for the CLI. */
export interface PublisherOptions {
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** The council's themes, for the county report's outcomes by theme; the defaults when absent. */
  readonly themes?: readonly Theme[];
}

/**
 * The publisher the bot calls on submit. `clock`, `logger` and `themes` default to the real ones
 * (and the default themes) so that callers that only have a store and a config (the CLI) can use it.
 */
export function publisherFor(store: ReportStore, config: Config, options: PublisherOptions = {}): ReportPublisher {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const library = documentLibraryFor(config, logger);
  const localityPublisher = createReportPublisher({ store, library, clock, logger });
  return {
    async publishLocalityReport(localityId, term, submittedBy) {
      const published = await localityPublisher.publishLocalityReport(localityId, term, submittedBy);
      if (await everyLocalitySubmitted(store, term)) {
        const county = await compileCountyReportFile(store, term, 'docx', { intro: config.countyIntro, ...(options.themes ? { themes: options.themes } : {}) });
        await library.save(county, term);
        logger.info({ term, bytes: county.content.length }, 'every locality has submitted: county report compiled');
      }
      return published;
    },
  };
}
