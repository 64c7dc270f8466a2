/** What the importer reads out of a past report, before anything is stored. */
import type { Term } from '../domain/term';
import type { ParsedPriority } from './parse-priorities';

export type { ParsedPriority };

/**
 * Something in the file the importer could not use. Errors stop the file being stored (unless
 * the user accepts them); warnings are printed and the import goes ahead.
 */
export interface ImportProblem {
  /** 1-based line number in the file (for .docx, the paragraph number). */
  readonly line: number;
  readonly text: string;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedReport {
  /** Line where the report starts. */
  readonly line: number;
  readonly locality?: string;
  readonly officers: readonly string[];
  readonly term?: Term;
  readonly priorities: readonly ParsedPriority[];
}

export interface ParseHints {
  /** Used when a report has no locality line. */
  readonly locality?: string;
  /** Used when a report names no term. */
  readonly term?: Term;
}

export interface ParseResult {
  readonly reports: ParsedReport[];
  readonly problems: ImportProblem[];
}
