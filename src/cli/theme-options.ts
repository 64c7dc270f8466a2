/**
 * `--themes <file>`, shared by the commands that group priorities by theme (`tass outcomes`,
 * `tass compile`): a council's theme list overriding TASS_THEMES, as `--calendar` overrides
 * TASS_CALENDAR for `tass terms`.
 */
import { loadThemes, ThemeFileError } from '../config/theme-file';
import type { Theme } from '../domain/themes';
import { CliError } from './cli-error';

export const THEMES_OPTION = [
  '--themes <file>',
  'a JSON theme list (default: TASS_THEMES, else the built-in themes that `tass themes` prints)',
] as const;

/** The themes from `file`, else the built-in ones; a bad file becomes one CLI message listing its problems. */
export function themesForCommand(file: string | undefined): readonly Theme[] {
  try {
    return loadThemes(file);
  } catch (error) {
    if (error instanceof ThemeFileError) throw new CliError(error.message);
    throw error;
  }
}
