/**
 * Every locality report of every term in the store, oldest term first, as one document: the
 * archive view `tass compile --all` writes, and what the import round-trip tests read back.
 * The store is read once for all terms.
 */
import { type TermKey, compareTerms, termFromKey } from '../domain/term';
import type { ReportStore } from '../store/report-store';
import { localityReportBlocks } from './compile-locality-report';
import { type LoadOptions, countyInputFromSnapshot, loadCountySnapshot } from './load-report-input';
import type { ReportBlock, ReportDocument } from './report-document';

export interface CompileProgress {
  readonly done: number;
  readonly total: number;
  readonly localityName: string;
  readonly termLabel: string;
}

/** The terms that have a locality report in the store, oldest first. */
export async function termsInStore(store: ReportStore): Promise<TermKey[]> {
  const reports = await store.listLocalityReports();
  return sortedTerms(reports.map((report) => report.term));
}

function sortedTerms(terms: readonly TermKey[]): TermKey[] {
  return [...new Set(terms)].sort((a, b) => compareTerms(termFromKey(a), termFromKey(b)));
}

export async function compileAllReports(
  store: ReportStore,
  options: LoadOptions & { onProgress?: (progress: CompileProgress) => void } = {},
): Promise<ReportDocument> {
  const snapshot = await loadCountySnapshot(store);
  const reports = snapshot.reports;
  const terms = sortedTerms(reports.map((report) => report.term));
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'TASS locality reports' }];
  let done = 0;
  for (const term of terms) {
    const county = countyInputFromSnapshot(snapshot, term, options);
    blocks.push({ kind: 'heading', level: 1, text: county.termLabel, spaced: true });
    county.localities
      .filter((locality) => locality.report)
      .forEach((input, index) => {
        done += 1;
        options.onProgress?.({ done, total: reports.length, localityName: input.locality.name, termLabel: input.termLabel });
        if (index > 0) blocks.push({ kind: 'pageBreak' });
        blocks.push(...localityReportBlocks(input, 2));
      });
    blocks.push({ kind: 'pageBreak' });
  }
  if (blocks[blocks.length - 1]?.kind === 'pageBreak') blocks.pop();
  return {
    title: 'TASS locality reports',
    description: `Every TASS locality report in the store, ${terms.length} term(s)`,
    blocks,
  };
}
