/**
 * Imports one past report file: read, parse, plan, then (unless it is a dry run) save.
 * Unreadable files, files with problems that are errors, and plans that cannot be made stop
 * before the first write. Each report is then saved with its priorities and updates in one
 * transaction; new localities and officers are written just before.
 */
import { SECTION_NAMES, type SectionName } from '../domain/model';
import { sectionLines } from '../domain/section-text';
import { termLabelOf } from '../domain/term';
import type { ReportStore } from '../store/report-store';
import { parseReportText } from './parse-report-text';
import type { ImportProblem, ParseHints } from './parsed-report';
import { type ImportPlan, planImport } from './plan-import';
import { readReportFile } from './read-report-file';

export interface ImportFileOptions {
  readonly hints?: ParseHints;
  readonly dryRun?: boolean;
  /** Store the file even when some lines could not be placed (they are still reported). */
  readonly acceptProblems?: boolean;
  readonly now: Date;
  readonly newId?: () => string;
}

export interface ImportFileResult {
  readonly file: string;
  readonly problems: readonly ImportProblem[];
  readonly plan?: ImportPlan;
  /** True when the plan was written to the store. */
  readonly stored: boolean;
}

/** Thrown when a file has problems that are errors; nothing of it was stored. */
export class ImportProblemsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ImportProblem[],
  ) {
    super(`${file}: not imported, ${problems.filter((problem) => problem.severity === 'error').length} problem(s) to fix first`);
    this.name = 'ImportProblemsError';
  }
}

/** Writes a plan: new localities and officers, then each report with its priorities and updates in one transaction. */
export async function applyImportPlan(store: ReportStore, plan: ImportPlan): Promise<void> {
  for (const locality of plan.newLocalities) await store.upsertLocality(locality);
  for (const officer of plan.newOfficers) await store.upsertOfficer(officer);
  for (const report of plan.reports) {
    await store.saveReportWithUpdates(
      report.report.value,
      report.report.expectedVersion,
      report.priorities.map((entry) => ({ update: entry.update.value, expectedVersion: entry.update.expectedVersion })),
      report.prioritySaves.map((save) => ({ priority: save.value, expectedVersion: save.expectedVersion })),
    );
  }
}

export async function importReportFile(store: ReportStore, file: string, options: ImportFileOptions): Promise<ImportFileResult> {
  const { text } = await readReportFile(file);
  const { reports, problems } = parseReportText(text, options.hints);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 && !options.acceptProblems) {
    if (options.dryRun) return { file, problems, stored: false };
    throw new ImportProblemsError(file, problems);
  }
  const plan = await planImport(store, reports, { now: options.now, ...(options.newId ? { newId: options.newId } : {}) });
  if (options.dryRun) return { file, problems, plan, stored: false };
  await applyImportPlan(store, plan);
  return { file, problems, plan, stored: true };
}

const SHORT_SECTION_NAMES: Record<Exclude<SectionName, 'priority'>, string> = {
  intendedOutcomes: 'outcomes',
  activityLastPeriod: 'activity',
  plannedActivityNextPeriod: 'planned',
  impactSoFar: 'impact',
  exitStrategy: 'exit',
};

/** The plan as lines for people: what would be stored, with counts of items per section. */
export function describeImportPlan(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const newLocalities = new Set(plan.newLocalities.map((locality) => locality.id));
  const newOfficers = new Set(plan.newOfficers.map((officer) => officer.id));
  for (const report of plan.reports) {
    const officers = report.officers.map((officer) => `${officer.name}${newOfficers.has(officer.id) ? ' (new)' : ''}`).join(', ') || 'none named';
    lines.push(
      `${report.locality.name}${newLocalities.has(report.locality.id) ? ' (new locality)' : ''}, ${termLabelOf(report.term, report.report.value.termMonth)}` +
        `${report.report.expectedVersion > 0 ? ' (replaces the stored report)' : ''}`,
    );
    lines.push(`  officers: ${officers}`);
    report.priorities.forEach((entry, index) => {
      const counts = SECTION_NAMES.filter((name): name is Exclude<SectionName, 'priority'> => name !== 'priority')
        .map((name) => `${SHORT_SECTION_NAMES[name]} ${sectionLines(entry.update.value[name]).length}`)
        .join(', ');
      lines.push(`  priority ${index + 1}${entry.isNew ? ' (new)' : ' (matches a stored priority)'}: ${entry.update.value.title}`);
      lines.push(`    ${counts}`);
    });
  }
  return lines;
}
