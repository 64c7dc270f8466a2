/**
 * `tass locality`: the council's localities. `add` creates one (its id is made from its name and
 * never changes), `list` shows them in county-report order, `rename` changes a name.
 */
import type { Command } from 'commander';
import { addLocality, renameLocalityCalled } from '../../organisation/organisation-records';
import { CliError } from '../cli-error';
import { addStoreOptions, type StoreCommandOptions } from '../store-options';
import { withOrganisationStore } from '../with-organisation-store';

function orderOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`--order must be a whole number of 0 or more, not "${value}"`);
  return Number(value);
}

export function registerLocalityCommand(program: Command): void {
  const locality = program.command('locality').description('the localities: add, list and rename them');

  addStoreOptions(
    locality
      .command('add')
      .description('add a locality; its id is made from the name and stays the same if it is renamed')
      .argument('<name>', 'the locality\'s name as reports print it (2 to 80 characters)')
      .option('--order <n>', 'its place in the county report (default: last)')
      .addHelpText('after', '\nExample:\n  tass locality add "West Lancashire" --order 4'),
  ).action(async (name: string, options: StoreCommandOptions & { order?: string }) => {
    const order = options.order === undefined ? undefined : orderOption(options.order);
    await withOrganisationStore(options, async (store) => {
      const saved = await addLocality(store, name, order);
      process.stdout.write(`${saved.id}\t${saved.order}\t${saved.name}\n`);
    });
  });

  addStoreOptions(
    locality
      .command('list')
      .description('every locality in county-report order: id, order and name')
      .option('--json', 'print JSON instead of lines')
      .addHelpText('after', '\nExample:\n  tass locality list --json'),
  ).action(async (options: StoreCommandOptions & { json?: boolean }) => {
    await withOrganisationStore(options, async (store) => {
      const localities = await store.listLocalities();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(localities, null, 2)}\n`);
        return;
      }
      if (localities.length === 0) process.stdout.write('No localities yet: add one with tass locality add NAME.\n');
      for (const l of localities) process.stdout.write(`${l.id}\t${l.order}\t${l.name}\n`);
    });
  });

  addStoreOptions(
    locality
      .command('rename')
      .description('rename a locality; its id, reports and officers stay as they are')
      .argument('<old>', 'the current name (or id)')
      .argument('<new>', 'the new name')
      .addHelpText('after', '\nExample:\n  tass locality rename "Central Lancs" "Central Lancashire"'),
  ).action(async (oldName: string, newName: string, options: StoreCommandOptions) => {
    await withOrganisationStore(options, async (store) => {
      const saved = await renameLocalityCalled(store, oldName, newName);
      process.stdout.write(`${saved.id}\t${saved.order}\t${saved.name}\n`);
    });
  });
}
