/**
 * `tass officer import-csv`: a CSV with the header `name,email,roles,localities`, roles and
 * localities separated by `;`. Every row is checked, against the store and against the rows
 * before it, before anything is stored: one bad row and nothing is.
 */
import { parse } from 'csv-parse/sync';
import type { Officer } from '../domain/model';
import { OrganisationRuleError, type OrganisationContext } from '../domain/organisation';
import type { ReportStore } from '../store/report-store';
import { checkNewOfficer, readOrganisation } from './organisation-records';

export const OFFICER_CSV_HEADER = ['name', 'email', 'roles', 'localities'] as const;

/** A problem on one line of the file (line 1 is the header). */
export interface CsvProblem {
  readonly line: number;
  readonly problem: string;
}

/** The file could not be imported; `problems` lists each, with its line number. */
export class OfficerCsvError extends Error {
  constructor(readonly problems: readonly CsvProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.problem}`).join('; '));
    this.name = 'OfficerCsvError';
  }
}

/** The store failed part-way through an import and these officers could not be taken back. */
export class OfficerImportInterruptedError extends Error {
  constructor(
    readonly emails: readonly string[],
    override readonly cause?: unknown,
  ) {
    super(`the import stopped part-way and ${emails.length} officer(s) it had added could not be removed again: ${emails.join(', ')}`);
    this.name = 'OfficerImportInterruptedError';
  }
}

const listOf = (cell: string): string[] =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

function readRecords(text: string): CsvRecord[] {
  try {
    const rows = parse(text.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return rows.map((row) => ({ line: row.info.lines, cells: row.record }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    throw new OfficerCsvError([{ line, problem: `the file is not valid CSV (${error instanceof Error ? error.message : String(error)})` }]);
  }
}

/** Checks every row; returns the officers to add, or throws OfficerCsvError with every problem. */
export function planOfficerImport(text: string, context: OrganisationContext, newId: () => string): Officer[] {
  const records = readRecords(text);
  const header = records[0]?.cells.map((cell) => cell.toLowerCase());
  if (!header || header.join(',') !== OFFICER_CSV_HEADER.join(',')) {
    throw new OfficerCsvError([{ line: records[0]?.line ?? 1, problem: `the first line must be the header ${OFFICER_CSV_HEADER.join(',')}` }]);
  }
  const problems: CsvProblem[] = [];
  const accepted: Officer[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== OFFICER_CSV_HEADER.length) {
      problems.push({ line, problem: `expected ${OFFICER_CSV_HEADER.length} columns, found ${cells.length}` });
      continue;
    }
    const [name, email, roles, localities] = cells;
    try {
      // Earlier rows count as existing officers, so a repeated email is caught within the file too.
      const officer = checkNewOfficer({ name, email, roles: listOf(roles), localities: listOf(localities) }, { ...context, officers: [...context.officers, ...accepted] }, newId());
      accepted.push(officer);
    } catch (error) {
      if (!(error instanceof OrganisationRuleError)) throw error;
      for (const problem of error.problems) problems.push({ line, problem });
    }
  }
  if (problems.length > 0) throw new OfficerCsvError(problems);
  if (accepted.length === 0) throw new OfficerCsvError([{ line: records[0].line, problem: 'the file has no officers after its header' }]);
  return accepted;
}

/** Imports the officers of a CSV file's text: all of them, or none when any row is wrong. */
export async function importOfficersCsv(store: ReportStore, text: string, newId: () => string, options: { dryRun?: boolean } = {}): Promise<Officer[]> {
  const officers = planOfficerImport(text, await readOrganisation(store), newId);
  if (options.dryRun) return officers;
  const saved: Officer[] = [];
  try {
    for (const officer of officers) saved.push(await store.upsertOfficer(officer));
  } catch (error) {
    // The store failed part-way: take back what was added, so the import stays all or nothing.
    const leftBehind: string[] = [];
    for (const officer of saved) {
      try {
        await store.deleteOfficer(officer.id);
      } catch {
        leftBehind.push(officer.email);
      }
    }
    if (leftBehind.length > 0) throw new OfficerImportInterruptedError(leftBehind, error);
    throw error;
  }
  return saved;
}
