/**
 * Store in, file out: what the bot calls when a report is submitted and what `tass compile`
 * writes. Each returns the content with a file name and media type ready to upload or save.
 */
import { termFromKey, type TermKey } from '../domain/term';
import type { Theme } from '../domain/themes';
import type { ReportStore } from '../store/report-store';
import { compileCountyReport, COUNTY_REPORT_TITLE } from './compile-county-report';
import { compileLocalityReport } from './compile-locality-report';
import { type LoadOptions, countyInputFromSnapshot, loadCountySnapshot, loadLocalityReportInput } from './load-report-input';
import { signedOffUpdates } from './county-sign-off';
import { outcomesInputFromSnapshot, yearStartTerm } from './outcomes-report';
import { renderReport } from './render-report';
import { FILE_EXTENSIONS, MEDIA_TYPES, type ReportFormat } from './report-document';

export interface CompiledReportFile {
  readonly content: Buffer | string;
  /** "West-Lancashire-2024-25-autumn.docx": safe on SharePoint and every file system. */
  readonly fileName: string;
  readonly mediaType: string;
}

export interface CountyCompileOptions extends LoadOptions {
  /** The introduction paragraph (config.countyIntro). */
  readonly intro?: string;
  /** Print unsubmitted reports in full too. */
  readonly includeDrafts?: boolean;
  /** Print submitted reports no manager has approved yet, and say so. */
  readonly includeUnapproved?: boolean;
  /** The council's themes, for the outcomes by theme; the defaults when absent. */
  readonly themes?: readonly Theme[];
}

/** A file name part from free text: letters and digits kept, everything else one hyphen. */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'report'
  );
}

export function reportFileName(name: string, term: TermKey | undefined, format: ReportFormat): string {
  return `${fileNamePart(name)}${term ? `-${term}` : ''}.${FILE_EXTENSIONS[format]}`;
}

/** One locality's report for one term. Throws NotFoundError for an unknown locality. */
export async function compileLocalityReportFile(
  store: ReportStore,
  localityId: string,
  term: TermKey,
  format: ReportFormat,
  options: LoadOptions = {},
): Promise<CompiledReportFile> {
  const input = await loadLocalityReportInput(store, localityId, term, options);
  const content = await renderReport(compileLocalityReport(input), format);
  return { content, fileName: reportFileName(input.locality.name, term, format), mediaType: MEDIA_TYPES[format] };
}

/** The county report ("TASS in action") for one term. */
export async function compileCountyReportFile(
  store: ReportStore,
  term: TermKey,
  format: ReportFormat,
  options: CountyCompileOptions = {},
): Promise<CompiledReportFile> {
  termFromKey(term);
  // One snapshot of every term, one list read per kind: the outcomes section needs every term's
  // updates and reports anyway, and this term's are among them.
  const snapshot = await loadCountySnapshot(store);
  const input = countyInputFromSnapshot(snapshot, term, options);
  const outcomes = outcomesInputFromSnapshot(snapshot, yearStartTerm(term), term, options.themes);
  // The outcomes draw only on reports the county report may print.
  const signedOff = { ...outcomes, updates: signedOffUpdates(outcomes.updates, snapshot.reports, options) };
  const content = await renderReport(
    compileCountyReport({ ...input, ...(options.includeUnapproved ? { includeUnapproved: true } : {}), outcomes: signedOff }),
    format,
  );
  return { content, fileName: reportFileName(COUNTY_REPORT_TITLE, term, format), mediaType: MEDIA_TYPES[format] };
}
