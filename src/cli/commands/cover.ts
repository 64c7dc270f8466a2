/**
 * `tass cover`: cover for absence. `set` gives a locality's prompts, reminders and editing rights
 * to a cover officer for a date range, `list` shows every cover, `end` ends one today.
 */
import type { Command } from 'commander';
import { isIsoDate, isoDay } from '../../domain/cover';
import {
  CoverLookupError,
  CoverNotFoundError,
  CoverRejectedError,
  describeCover,
  endCoverById,
  findLocality,
  findOfficer,
  listCoverRows,
  setCover,
} from '../../cover/cover-assignments';
import type { ReportStore } from '../../store/report-store';
import { CliError } from '../cli-error';
import { addStoreOptions, openStoreForCommand, type StoreCommandOptions } from '../store-options';

interface SetOptions extends StoreCommandOptions {
  readonly locality: string;
  readonly officer: string;
  readonly from: string;
  readonly to: string;
  readonly absent?: string;
  readonly by?: string;
}

/** Runs an action on the store, closing it afterwards and turning known errors into one line. */
async function withStore(options: StoreCommandOptions, action: (store: ReportStore) => Promise<void>): Promise<void> {
  const store = await openStoreForCommand(options);
  try {
    await action(store);
  } catch (error) {
    if (error instanceof CoverRejectedError) throw new CliError(`the cover cannot be set:\n  - ${error.problems.join('\n  - ')}`);
    if (error instanceof CoverLookupError || error instanceof CoverNotFoundError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

function checkedDate(value: string, option: string): string {
  if (!isIsoDate(value)) throw new CliError(`${option} must be a date written as YYYY-MM-DD, not "${value}"`);
  return value;
}

export function registerCoverCommand(program: Command): void {
  const cover = program.command('cover').description('cover for an absent EPO: who writes a locality\'s report, and when');

  addStoreOptions(
    cover
      .command('set')
      .description('give a locality\'s prompts, reminders and editing rights to a cover officer for a date range (inclusive)')
      .requiredOption('--locality <name>', 'the locality, by name or id')
      .requiredOption('--officer <email|name>', 'the cover officer (an EPO)')
      .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
      .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
      .option('--absent <email|name>', 'the absent EPO, who gets no prompts and cannot edit while the cover lasts')
      .option('--by <email|name>', 'the manager or admin setting the cover (recorded with it)')
      .addHelpText('after', '\nExample:\n  tass cover set --locality Preston --officer claire.fox@lancashire.gov.uk --absent "Peter Hale" --from 2025-03-10 --to 2025-03-21'),
  ).action(async (options: SetOptions) => {
    const from = checkedDate(options.from, '--from');
    const to = checkedDate(options.to, '--to');
    await withStore(options, async (store) => {
      const locality = await findLocality(store, options.locality);
      const officer = await findOfficer(store, options.officer);
      const absent = options.absent ? await findOfficer(store, options.absent) : undefined;
      const by = options.by ? await findOfficer(store, options.by) : undefined;
      if (by && !by.roles.some((role) => role === 'manager' || role === 'admin')) throw new CliError(`${by.name} is not a manager or admin`);
      const saved = await setCover(store, {
        localityId: locality.id,
        coverOfficerId: officer.id,
        ...(absent ? { absentOfficerId: absent.id } : {}),
        from,
        to,
        assignedBy: by?.id ?? 'tass-cli',
      });
      const row = (await listCoverRows(store, isoDay(new Date()))).find((candidate) => candidate.cover.id === saved.id);
      process.stdout.write(`${saved.id}\t${row ? describeCover(row) : saved.id}\n`);
    });
  });

  addStoreOptions(
    cover
      .command('list')
      .description('every cover, by start date, with its id and whether it is upcoming, current or ended')
      .option('--json', 'print JSON instead of lines'),
  ).action(async (options: StoreCommandOptions & { json?: boolean }) => {
    await withStore(options, async (store) => {
      const rows = await listCoverRows(store, isoDay(new Date()));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows.map((row) => ({ ...row.cover, status: row.status })), null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        process.stdout.write('No cover is set.\n');
        return;
      }
      for (const row of rows) process.stdout.write(`${row.cover.id}\t${row.status}\t${describeCover(row)}\n`);
    });
  });

  addStoreOptions(
    cover
      .command('end')
      .description('end a cover today: the rights go back to the locality\'s own EPOs')
      .argument('<id>', 'the cover id, as `tass cover list` prints it'),
  ).action(async (id: string, options: StoreCommandOptions) => {
    await withStore(options, async (store) => {
      const ended = await endCoverById(store, id, isoDay(new Date()));
      const words = { removed: 'removed (it had not started)', shortened: `ended: its last day was ${ended.cover.to}`, 'already ended': `had already ended on ${ended.cover.to}` };
      process.stdout.write(`${id} ${words[ended.kind]}\n`);
    });
  });
}
