/**
 * `tass officer`: the officers. `add`, `list`, `update` and `import-csv` manage them; `export`
 * and `remove` answer data subject requests (see officer-data.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ROLES, type Locality, type Officer } from '../../domain/model';
import { isRole } from '../../domain/organisation';
import { importOfficersCsv, OfficerCsvError } from '../../organisation/officer-csv';
import { addOfficer, listOfficersWhere, newOfficerId, updateOfficer } from '../../organisation/organisation-records';
import { CliError } from '../cli-error';
import { addStoreOptions, type StoreCommandOptions } from '../store-options';
import { withOrganisationStore } from '../with-organisation-store';
import { registerOfficerDataCommands } from './officer-data';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** One officer as a line: email, name, roles and locality names. */
export function officerLine(officer: Officer, localities: readonly Locality[]): string {
  const names = officer.localityIds.map((id) => localities.find((l) => l.id === id)?.name ?? id);
  return `${officer.email}\t${officer.name}\t${officer.roles.join(',')}\t${names.join('; ')}`;
}

interface AddOptions extends StoreCommandOptions {
  readonly name: string;
  readonly email: string;
  readonly role: string[];
  readonly locality: string[];
  readonly aadObjectId?: string;
}

interface UpdateOptions extends StoreCommandOptions {
  readonly addLocality: string[];
  readonly removeLocality: string[];
  readonly addRole: string[];
  readonly removeRole: string[];
  readonly name?: string;
  readonly email?: string;
}

export function registerOfficerCommand(program: Command): void {
  const officer = program.command('officer').description('the officers: add, list, update and import them; export or erase one\'s data on request');

  addStoreOptions(
    officer
      .command('add')
      .description('add an officer; an EPO must serve, and a manager manage, at least one locality')
      .requiredOption('--name <name>', 'full name')
      .requiredOption('--email <email>', 'work email (unique)')
      .option('--role <role>', `a role, repeatable: ${ROLES.join('|')}`, collect, [])
      .option('--locality <name>', 'a locality served or managed, repeatable', collect, [])
      .option('--aad-object-id <id>', 'the Entra object id, if known (else filled in when they first talk to the bot)')
      .addHelpText('after', '\nExample:\n  tass officer add --name "Claire Fox" --email claire.fox@lancashire.gov.uk --role epo --locality Preston'),
  ).action(async (options: AddOptions) => {
    await withOrganisationStore(options, async (store) => {
      const saved = await addOfficer(store, {
        name: options.name,
        email: options.email,
        roles: options.role,
        localities: options.locality,
        ...(options.aadObjectId !== undefined ? { aadObjectId: options.aadObjectId } : {}),
      });
      process.stdout.write(`added ${officerLine(saved, await store.listLocalities())}\n`);
    });
  });

  addStoreOptions(
    officer
      .command('list')
      .description('officers by name: email, name, roles and localities')
      .option('--locality <name>', 'only officers of this locality')
      .option('--role <role>', `only officers with this role: ${ROLES.join('|')}`)
      .option('--json', 'print JSON instead of lines')
      .addHelpText('after', '\nExample:\n  tass officer list --locality Preston --role epo'),
  ).action(async (options: StoreCommandOptions & { locality?: string; role?: string; json?: boolean }) => {
    const role = options.role?.trim().toLowerCase();
    if (role !== undefined && !isRole(role)) throw new CliError(`"${role}" is not a role (roles: ${ROLES.join(', ')})`);
    await withOrganisationStore(options, async (store) => {
      const { officers, localities } = await listOfficersWhere(store, { ...(options.locality !== undefined ? { locality: options.locality } : {}), ...(role ? { role } : {}) });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(officers, null, 2)}\n`);
        return;
      }
      if (officers.length === 0) process.stdout.write('No officers match.\n');
      for (const found of officers) process.stdout.write(`${officerLine(found, localities)}\n`);
    });
  });

  addStoreOptions(
    officer
      .command('update')
      .description('change an officer\'s localities, roles, name or email; the result must still follow the rules')
      .argument('<email>', 'the officer\'s current email')
      .option('--add-locality <name>', 'repeatable', collect, [])
      .option('--remove-locality <name>', 'repeatable', collect, [])
      .option('--add-role <role>', `repeatable: ${ROLES.join('|')}`, collect, [])
      .option('--remove-role <role>', 'repeatable', collect, [])
      .option('--name <name>', 'a new name')
      .option('--email <email>', 'a new email')
      .addHelpText('after', '\nExample:\n  tass officer update claire.fox@lancashire.gov.uk --add-locality "West Lancashire" --add-role manager'),
  ).action(async (email: string, options: UpdateOptions) => {
    await withOrganisationStore(options, async (store) => {
      const saved = await updateOfficer(store, email, {
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.email !== undefined ? { email: options.email } : {}),
        addRoles: options.addRole,
        removeRoles: options.removeRole,
        addLocalities: options.addLocality,
        removeLocalities: options.removeLocality,
      });
      process.stdout.write(`updated ${officerLine(saved, await store.listLocalities())}\n`);
    });
  });

  addStoreOptions(
    officer
      .command('import-csv')
      .description('add officers from a CSV file with the header name,email,roles,localities (roles and localities separated by ";"); every row is checked first, and one bad row means nothing is stored')
      .argument('<file>', 'the CSV file (UTF-8)')
      .option('--dry-run', 'check the file and show what would be added, storing nothing')
      .addHelpText('after', '\nExample file:\n  name,email,roles,localities\n  Claire Fox,claire.fox@lancashire.gov.uk,epo,Preston\n  Mary Holt,mary.holt@lancashire.gov.uk,manager;admin,Preston;Central Lancs\n\nExample:\n  tass officer import-csv officers.csv --dry-run'),
  ).action(async (file: string, options: StoreCommandOptions & { dryRun?: boolean }) => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new CliError(`cannot read ${file}`);
    }
    await withOrganisationStore(options, async (store) => {
      let officers: Officer[];
      try {
        officers = await importOfficersCsv(store, text, newOfficerId, { dryRun: options.dryRun === true });
      } catch (error) {
        if (!(error instanceof OfficerCsvError)) throw error;
        const lines = error.problems.map((p) => `  line ${p.line}: ${p.problem}`);
        throw new CliError(`nothing was imported from ${file}:\n${lines.join('\n')}`);
      }
      const localities = await store.listLocalities();
      for (const found of officers) process.stdout.write(`${options.dryRun ? 'would add' : 'added'} ${officerLine(found, localities)}\n`);
      process.stdout.write(`${officers.length} officer(s) ${options.dryRun ? 'would be added (dry run: nothing stored)' : 'added'}\n`);
    });
  });

  registerOfficerDataCommands(officer);
}
