/**
 * `tass outcomes`: how priorities' statuses moved between two terms, by theme and locality, with
 * their figures and a chart, as Word, HTML, Markdown or plain text.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { TermRangeError } from '../../domain/outcomes';
import { parseTerm, termKey, TermLabelError } from '../../domain/term';
import { compileOutcomesReportFile } from '../../reports/outcomes-report';
import { parseReportFormat, REPORT_FORMATS } from '../../reports/report-document';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, storeConfigForCommand, type StoreCommandOptions } from '../store-options';
import { THEMES_OPTION, themesForCommand } from '../theme-options';

interface OutcomesOptions extends StoreCommandOptions {
  readonly from: string;
  readonly to: string;
  readonly format: string;
  readonly out?: string;
  readonly themes?: string;
}

function termKeyOf(label: string, option: string): string {
  try {
    return termKey(parseTerm(label));
  } catch (error) {
    if (error instanceof TermLabelError) throw new CliError(`${option}: ${error.message}`);
    throw error;
  }
}

/** --out as a directory (existing, or ending in a slash) takes the file's own name. */
async function outputPath(out: string, fileName: string): Promise<string> {
  if (/[\\/]$/.test(out)) return path.join(out, fileName);
  const info = await stat(out).catch(() => undefined);
  return info?.isDirectory() ? path.join(out, fileName) : out;
}

export function registerOutcomesCommand(program: Command): void {
  addStoreOptions(
    program
      .command('outcomes')
      .description('outcomes across terms: each priority\'s status term by term and its figures, by theme and locality, with a chart')
      .requiredOption('--from <term>', 'the first term, e.g. "Autumn 2024"')
      .requiredOption('--to <term>', 'the last term, e.g. "Summer 2025"')
      .option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`, 'text')
      .option('--out <path>', 'a file, or a directory to write the file under its own name; text formats go to standard output without it')
      .option(...THEMES_OPTION)
      .addHelpText('after', '\nExamples:\n  tass outcomes --from "Autumn 2024" --to "Summer 2025"\n  tass outcomes --from "Autumn 2024" --to "Summer 2025" --format docx --out reports/'),
  ).action(async (options: OutcomesOptions) => {
    const format = parseReportFormat(options.format);
    if (!format) throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${options.format}"`);
    const fromTerm = termKeyOf(options.from, '--from');
    const toTerm = termKeyOf(options.to, '--to');
    const themes = themesForCommand(options.themes ?? storeConfigForCommand(options).themesPath);
    const store = await openStoreForCommand(options);
    try {
      const file = await compileOutcomesReportFile(store, fromTerm, toTerm, format, themes);
      if (options.out === undefined) {
        if (Buffer.isBuffer(file.content)) throw new CliError('a .docx report needs --out FILE or --out DIR');
        process.stdout.write(file.content);
        return;
      }
      const target = await outputPath(options.out, file.fileName);
      await mkdir(path.dirname(path.resolve(target)), { recursive: true });
      await writeFile(target, file.content);
      process.stderr.write(`wrote ${target}\n`);
    } catch (error) {
      if (error instanceof TermRangeError) throw new CliError(error.message);
      throw error;
    } finally {
      await store.close();
    }
  });
}
