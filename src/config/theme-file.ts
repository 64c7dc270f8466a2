/**
 * Reads a council's own theme list from a JSON file (TASS_THEMES or --themes): the same shape as
 * DEFAULT_THEMES, which `tass themes` prints for a council to copy and edit:
 *
 *   [ { "id": "youth-voice", "name": "Youth voice", "keywords": ["youth council", "pupil voice"] } ]
 *
 * Priorities keep theme ids, so an id must stay the same once priorities use it; a theme dropped
 * from the list still shows under its id in the outcomes.
 */
import fs from 'node:fs';
import type { z } from 'zod';
import { DEFAULT_THEMES, themeSchema, type Theme } from '../domain/themes';

/** A misspelt field ("keyword") is a problem, not silently dropped. */
const ThemeFileEntrySchema = themeSchema.strict();

export class ThemeFileError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`Theme file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ThemeFileError';
  }
}

/** "[2].keywords[0]": where in the file a problem is. */
function pathOf(index: number, path: ReadonlyArray<string | number>): string {
  return `[${index}]${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('')}`;
}

function problemsOf(index: number, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${pathOf(index, issue.path)}: ${issue.message}`);
}

/**
 * Validates a theme list read from a file. Every entry is checked on its own, so one error lists
 * every problem at once, with where it is.
 */
export function parseThemeFile(json: unknown, file = 'themes'): Theme[] {
  if (!Array.isArray(json)) throw new ThemeFileError(file, ['(top): must be a list of themes, like the output of `tass themes`']);
  if (json.length === 0) throw new ThemeFileError(file, ['(top): must list at least one theme']);
  const problems: string[] = [];
  const themes: Theme[] = [];
  const firstIndexOf = new Map<string, number>();
  json.forEach((entry, index) => {
    const parsed = ThemeFileEntrySchema.safeParse(entry);
    if (!parsed.success) problems.push(...problemsOf(index, parsed.error));
    else themes.push(parsed.data);
    const id: unknown = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = firstIndexOf.get(id);
    if (first === undefined) firstIndexOf.set(id, index);
    else problems.push(`${pathOf(index, ['id'])}: "${id}" is already the id of [${first}]; theme ids must be unique`);
  });
  if (problems.length > 0) throw new ThemeFileError(file, problems);
  return themes;
}

/** The council's themes from a file, or the defaults when no file is named. */
export function loadThemes(file: string | undefined): readonly Theme[] {
  if (!file) return DEFAULT_THEMES;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ThemeFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ThemeFileError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  return parseThemeFile(json, file);
}
