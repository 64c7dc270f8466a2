/** `tass terms`: the reporting dates of an academic year. */
import type { Command } from 'commander';
import { loadCalendar, CalendarFileError } from '../../config/calendar-file';
import { loadConfig } from '../../config/config';
import { CliError } from '../cli-error';
import { formatDueDate } from '../../domain/term-calendar';

export function registerTermsCommand(program: Command): void {
  program
    .command('terms')
    .description('print when each term\'s report campaign opens, the reminder dates and the due date')
    .option('--year <year>', 'academic year, by the year it starts in (2025 for 2025/26); default: the current one')
    .option('--calendar <file>', 'a JSON calendar file (default: TASS_CALENDAR, else English school-year dates)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', '\nExample:\n  tass terms --year 2025\n  tass terms --calendar ./calendar.json --json')
    .action((options: { year?: string; calendar?: string; json?: boolean }) => {
      const config = loadConfig();
      let calendar;
      try {
        calendar = loadCalendar(options.calendar ?? config.calendarPath);
      } catch (error) {
        if (error instanceof CalendarFileError) throw new CliError(error.message);
        throw error;
      }
      const now = new Date();
      const year = options.year !== undefined ? Number(options.year) : calendar.currentTerm(now).term.academicYear;
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new CliError(`--year must be a year like 2025, not "${options.year}"`);
      }
      const dates = calendar.yearDates(year);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(dates, null, 2)}\n`);
        return;
      }
      const current = calendar.currentTerm(now).key;
      process.stdout.write(`Reporting terms ${year}/${String((year + 1) % 100).padStart(2, '0')}\n\n`);
      const rows = [
        ['Term', 'Campaign opens', 'Reminders', 'Due'],
        ...dates.map((d) => [
          `${d.label}${d.key === current ? '  (current)' : ''}`,
          d.opens,
          d.reminders.join(', ') || '-',
          `${d.due} (${formatDueDate(d.due)})`,
        ]),
      ];
      const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
      for (const row of rows) {
        process.stdout.write(`${row.map((cell, col) => cell.padEnd(widths[col])).join('   ').trimEnd()}\n`);
      }
    });
}
