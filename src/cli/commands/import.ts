/**
 * `tass import FILE...`: reads past reports (.txt or .docx, in the reports' usual layout) into the
 * store, so carry-forward works from the first term. A file with problems stores nothing.
 */
import type { Command } from 'commander';
import { type Term, parseTerm, TermLabelError } from '../../domain/term';
import { describeImportPlan, importReportFile, ImportProblemsError } from '../../import/import-report-file';
import type { ImportProblem } from '../../import/parsed-report';
import { ImportPlanError } from '../../import/plan-import';
import { ImportFileError } from '../../import/read-report-file';
import { safeLogField } from '../../logging/logger';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, type StoreCommandOptions } from '../store-options';

interface ImportOptions extends StoreCommandOptions {
  readonly locality?: string;
  readonly term?: string;
  readonly dryRun?: boolean;
  readonly acceptProblems?: boolean;
}

function problemLine(file: string, problem: ImportProblem): string {
  const text = problem.text ? `: "${safeLogField(problem.text, 70)}"` : '';
  return `${file}:${problem.line}: ${problem.severity}: ${problem.reason}${text}\n`;
}

export function registerImportCommand(program: Command): void {
  addStoreOptions(
    program
      .command('import')
      .description('import past locality reports (.txt or .docx) into the store as submitted and approved')
      .argument('<files...>', 'report files; one file may hold several reports')
      .option('--locality <name>', 'the locality, for reports that do not name one')
      .option('--term <label>', 'the term, for reports that do not name one, e.g. "Autumn – October 2024"')
      .option('--dry-run', 'show what would be stored (localities, officers, term, priorities, items per section) and store nothing')
      .option('--accept-problems', 'store a file even when some of its lines could not be placed (they are still listed)')
      .addHelpText(
        'after',
        '\nA file that cannot be read, or has lines that cannot be placed, stores nothing; each report in a\n' +
          'file is saved in one transaction. Importing the same file again updates what it stored:\n' +
          'priorities are matched by locality and title, officers by name.\n\nExamples:\n' +
          '  tass import --dry-run reports/*.txt\n  tass import --locality Preston preston-autumn-2024.docx --db ./data/tass.db',
      ),
  ).action(async (files: string[], options: ImportOptions) => {
    let term: Term | undefined;
    try {
      term = options.term !== undefined ? parseTerm(options.term) : undefined;
    } catch (error) {
      if (error instanceof TermLabelError) throw new CliError(error.message);
      throw error;
    }
    const hints = { ...(options.locality?.trim() ? { locality: options.locality.trim() } : {}), ...(term ? { term } : {}) };
    const store = await openStoreForCommand(options);
    let failed = 0;
    try {
      for (const file of files) {
        try {
          const result = await importReportFile(store, file, {
            hints,
            now: new Date(),
            ...(options.dryRun ? { dryRun: true } : {}),
            ...(options.acceptProblems ? { acceptProblems: true } : {}),
          });
          for (const problem of result.problems) process.stderr.write(problemLine(file, problem));
          if (!result.plan) {
            failed += 1;
            process.stdout.write(`${file}: would not be imported until the errors above are fixed\n`);
            continue;
          }
          const verb = result.stored ? 'imported' : 'would import';
          process.stdout.write(`${file}: ${verb} ${result.plan.reports.length} report(s)\n`);
          for (const line of describeImportPlan(result.plan)) process.stdout.write(`  ${line}\n`);
        } catch (error) {
          failed += 1;
          if (error instanceof ImportProblemsError) {
            for (const problem of error.problems) process.stderr.write(problemLine(file, problem));
            process.stderr.write(`tass: ${error.message}\n`);
          } else if (error instanceof ImportFileError || error instanceof ImportPlanError) {
            process.stderr.write(`tass: ${error instanceof ImportPlanError ? `${file}: ` : ''}${error.message}; nothing stored\n`);
          } else {
            throw error;
          }
        }
      }
    } finally {
      await store.close();
    }
    if (failed > 0) {
      process.stderr.write(`tass: ${failed} of ${files.length} file(s) not imported\n`);
      process.exitCode = 1;
    }
  });
}
