/**
 * `tass compile`: writes a locality report, the county report ("TASS in action") or, with --all,
 * every report in the store, as Word, HTML, Markdown or plain text.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseTerm, termFromKey, termKey, termLabel, TermLabelError } from '../../domain/term';
import { normaliseTitle } from '../../import/plan-import';
import { compileAllReports, termsInStore } from '../../reports/compile-all-reports';
import { type CompiledReportFile, compileCountyReportFile, compileLocalityReportFile, reportFileName } from '../../reports/compile-report-file';
import { renderReport } from '../../reports/render-report';
import { MEDIA_TYPES, parseReportFormat, REPORT_FORMATS, type ReportFormat } from '../../reports/report-document';
import type { ReportStore } from '../../store/report-store';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, storeConfigForCommand, type StoreCommandOptions } from '../store-options';
import { THEMES_OPTION, themesForCommand } from '../theme-options';

interface CompileOptions extends StoreCommandOptions {
  readonly term?: string;
  readonly locality?: string;
  readonly all?: boolean;
  readonly format: string;
  readonly out?: string;
  readonly includeDrafts?: boolean;
  readonly includeUnapproved?: boolean;
  readonly themes?: string;
}

function labelsOf(terms: readonly string[]): string {
  return terms.length > 0 ? terms.map((key) => termLabel(termFromKey(key))).join(', ') : 'none (import or submit reports first)';
}

async function termFor(store: ReportStore, label: string): Promise<string> {
  let key: string;
  try {
    key = termKey(parseTerm(label));
  } catch (error) {
    if (error instanceof TermLabelError) throw new CliError(error.message);
    throw error;
  }
  const terms = await termsInStore(store);
  if (!terms.includes(key)) throw new CliError(`no reports for the term "${label}"; terms in the store: ${labelsOf(terms)}`);
  return key;
}

async function localityFor(store: ReportStore, name: string, term: string): Promise<string> {
  const localities = await store.listLocalities();
  const wanted = normaliseTitle(name);
  const locality = localities.find((candidate) => normaliseTitle(candidate.name) === wanted || candidate.id === name);
  if (!locality) {
    const names = localities.map((candidate) => candidate.name).join(', ') || 'none';
    throw new CliError(`no locality called "${name}"; localities in the store: ${names}`);
  }
  if (!(await store.getLocalityReport(locality.id, term))) {
    const terms = (await store.listLocalityReports()).filter((report) => report.localityId === locality.id).map((report) => report.term);
    throw new CliError(`${locality.name} has no report for ${termLabel(termFromKey(term))}; it has reports for: ${labelsOf(terms)}`);
  }
  return locality.id;
}

/** --out as a directory (existing, or written with a trailing slash) takes the compiled file's own name. */
async function outputPath(out: string, fileName: string): Promise<string> {
  if (/[\\/]$/.test(out)) return path.join(out, fileName);
  try {
    if ((await stat(out)).isDirectory()) return path.join(out, fileName);
  } catch {
    // Not there yet: a file path.
  }
  return out;
}

async function write(file: CompiledReportFile, out: string | undefined): Promise<void> {
  if (out === undefined) {
    if (Buffer.isBuffer(file.content)) throw new CliError('a .docx report needs --out FILE or --out DIR');
    process.stdout.write(file.content);
    return;
  }
  const target = await outputPath(out, file.fileName);
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await writeFile(target, file.content);
  process.stderr.write(`wrote ${target}\n`);
}

export function registerCompileCommand(program: Command): void {
  addStoreOptions(
    program
      .command('compile')
      .description('compile a locality report, the county report, or every stored report')
      .option('--term <label>', 'the term, e.g. "Autumn – October 2024" or "Spring 2025"')
      .option('--locality <name>', 'one locality\'s report; without it, the county report "TASS in action"')
      .option('--all', 'every term and locality in the store, oldest term first, in one document (any format)')
      .requiredOption('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`)
      .option('--out <path>', 'a file, or a directory (existing, or ending in /) to write the file under its own name; text formats go to standard output without it')
      .option('--include-drafts', 'county report: print reports not yet submitted in full too')
      .option(...THEMES_OPTION)
      .option('--include-unapproved', 'county report: print submitted reports no manager has approved yet (the document says so near the top)')
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  tass compile --term "Autumn 2024" --locality Preston --format docx --out reports/\n' +
          '  tass compile --term "Autumn 2024" --format html --out tass-in-action.html\n' +
          '  tass compile --all --format text > archive.txt',
      ),
  ).action(async (options: CompileOptions) => {
    const format: ReportFormat | undefined = parseReportFormat(options.format);
    if (!format) throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${options.format}"`);
    if (options.all && (options.term || options.locality)) throw new CliError('--all compiles every term and locality: leave out --term and --locality');
    if (!options.all && !options.term) throw new CliError('say which term with --term LABEL, or use --all');
    const config = storeConfigForCommand(options);
    // Read before the store opens, so a bad file stops the command with nothing written.
    const themes = themesForCommand(options.themes ?? config.themesPath);
    const store = await openStoreForCommand(options);
    try {
      if (options.all) {
        const document = await compileAllReports(store, {
          onProgress: (progress) => process.stderr.write(`compiling ${progress.done}/${progress.total} ${progress.localityName}, ${progress.termLabel}\n`),
        });
        const content = await renderReport(document, format);
        await write({ content, fileName: reportFileName('TASS-locality-reports', undefined, format), mediaType: MEDIA_TYPES[format] }, options.out);
        return;
      }
      const term = await termFor(store, options.term as string);
      const file = options.locality
        ? await compileLocalityReportFile(store, await localityFor(store, options.locality, term), term, format)
        : await compileCountyReportFile(store, term, format, {
            ...(config.countyIntro ? { intro: config.countyIntro } : {}),
            ...(options.includeDrafts ? { includeDrafts: true } : {}),
            ...(options.includeUnapproved ? { includeUnapproved: true } : {}),
            themes,
          });
      await write(file, options.out);
    } finally {
      await store.close();
    }
  });
}
