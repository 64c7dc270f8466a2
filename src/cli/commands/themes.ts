/**
 * `tass themes`: prints the built-in theme list as JSON, for a council to copy into a file, edit
 * and name in TASS_THEMES, so it starts from the defaults rather than a blank page.
 */
import type { Command } from 'commander';
import { DEFAULT_THEMES } from '../../domain/themes';

const HELP = `
The list is JSON: each theme has an "id" (kept on priorities: lower-case words joined by
hyphens; do not change it once priorities use it), a "name" (shown on cards and in reports)
and "keywords" (words and phrases in a priority's title or intended outcomes that suggest the
theme; the first is its headline term; abbreviations in capitals match only in capitals).

To use your own list:
  tass themes > themes.json          # then edit themes.json
  TASS_THEMES=./themes.json tass serve
  tass outcomes --from "Autumn 2024" --to "Summer 2025" --themes ./themes.json

A theme removed from the list still shows in the outcomes under its id.`;

export function registerThemesCommand(program: Command): void {
  program
    .command('themes')
    .description('print the built-in themes as JSON, to copy, edit and name in TASS_THEMES')
    .addHelpText('after', HELP)
    .action(() => {
      process.stdout.write(`${JSON.stringify(DEFAULT_THEMES, null, 2)}\n`);
    });
}
