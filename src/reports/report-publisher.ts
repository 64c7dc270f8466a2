/**
 * What happens when a locality report is submitted: compile it as a Word document, store the
 * document, record where it is on the report and in its history. Where documents go is a
 * parameter: a folder for the embedded store (below), a SharePoint library in production.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportPublisher } from '../bot/bot-deps';
import type { TermKey } from '../domain/term';
import type { Logger } from '../logging/logger';
import { ConflictError } from '../store/errors';
import type { ReportStore } from '../store/report-store';
import { type CompiledReportFile, compileLocalityReportFile } from './compile-report-file';
import type { LoadOptions } from './load-report-input';

/** Somewhere compiled documents are kept; `folder` groups them (the term key). */
export interface ReportDocumentLibrary {
  save(file: CompiledReportFile, folder: string): Promise<{ url: string }>;
}

/**
 * Keeps documents as files under `root/<folder>/`. The URL is `url(folder, file)` when the files
 * are served over HTTP (the local run), else a file: URL.
 */
export function folderDocumentLibrary(root: string, url?: (folder: string, fileName: string) => string): ReportDocumentLibrary {
  return {
    async save(file, folder) {
      const folderName = folder.replace(/[^A-Za-z0-9-]+/g, '-');
      const dir = path.join(root, folderName);
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, file.fileName);
      await writeFile(target, file.content);
      return { url: url ? url(folderName, file.fileName) : pathToFileURL(target).href };
    },
  };
}

export interface ReportPublisherDeps extends LoadOptions {
  readonly store: ReportStore;
  readonly library: ReportDocumentLibrary;
  readonly clock: () => Date;
  readonly logger?: Logger;
}

/** Records the document's URL on the report, re-reading once if someone saved the report meanwhile. */
async function recordDocumentUrl(store: ReportStore, localityId: string, term: TermKey, url: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const report = await store.getLocalityReport(localityId, term);
    if (!report) return;
    try {
      await store.saveLocalityReport({ ...report, documentUrl: url }, report.version);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 1) throw error;
    }
  }
}

/** The publisher the bot calls on submit. */
export function createReportPublisher(deps: ReportPublisherDeps): ReportPublisher {
  return {
    async publishLocalityReport(localityId, term, submittedBy) {
      const file = await compileLocalityReportFile(deps.store, localityId, term, 'docx', deps);
      const { url } = await deps.library.save(file, term);
      await recordDocumentUrl(deps.store, localityId, term, url);
      await deps.store.appendReportEvent({ localityId, term, kind: 'compiled', by: submittedBy, at: deps.clock().toISOString() });
      deps.logger?.info({ localityId, term, bytes: file.content.length }, 'locality report compiled and stored');
      return { documentUrl: url };
    },
  };
}
