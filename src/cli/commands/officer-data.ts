/**
 * `tass officer export` and `tass officer remove`: data subject requests (UK GDPR) for one
 * officer. Registered on `tass officer` by officer.ts.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FORMER_OFFICER_ID } from '../../domain/organisation';
import { exportOfficerData, planOfficerRemoval, removeOfficer, type OfficerRemovalPlan } from '../../organisation/officer-data-request';
import { CliError } from '../cli-error';
import { addStoreOptions, type StoreCommandOptions } from '../store-options';
import { withOrganisationStore } from '../with-organisation-store';

function describePlan(plan: OfficerRemovalPlan): string[] {
  return [
    `delete the officer record of ${plan.officer.email}`,
    `delete their conversation link (${plan.conversationLink ? 'one' : 'none stored'})`,
    `delete ${plan.deliveries} campaign message record(s) sent to them`,
    `delete ${plan.coversDeleted} cover(s) they gave or were absent for, and mark ${plan.coversReassigned} cover(s) they set as set by "${FORMER_OFFICER_ID}"`,
    `replace their id with "${FORMER_OFFICER_ID}" in ${plan.reportEvents} report history event(s), ${plan.updates} priority update(s) and ${plan.reports} locality report(s); the reports themselves are kept`,
  ];
}

export function registerOfficerDataCommands(officer: Command): void {
  addStoreOptions(
    officer
      .command('export')
      .description('write everything TASS stores about an officer as JSON (a subject access request)')
      .argument('<email>', 'the officer\'s email')
      .option('--out <file>', 'write to this file instead of standard output')
      .addHelpText(
        'after',
        '\nIncluded in full: the officer record, their conversation link, campaign messages sent to them, covers that\n' +
          'name them, and report history events they recorded. Priority updates they last saved and locality reports\n' +
          'they submitted or wrote are referenced by locality, term and priority, not copied: that text is the\n' +
          'council\'s record, often written with others, and may name other people.\n' +
          '\nExample:\n  tass officer export claire.fox@lancashire.gov.uk --out claire-fox.json',
      ),
  ).action(async (email: string, options: StoreCommandOptions & { out?: string }) => {
    await withOrganisationStore(options, async (store) => {
      const json = `${JSON.stringify(await exportOfficerData(store, email), null, 2)}\n`;
      if (!options.out) {
        process.stdout.write(json);
        return;
      }
      try {
        await writeFile(options.out, json, { encoding: 'utf8', mode: 0o600 });
      } catch {
        throw new CliError(`cannot write ${options.out}`);
      }
      process.stdout.write(`wrote ${options.out}\n`);
    });
  });

  addStoreOptions(
    officer
      .command('remove')
      .description('erase an officer (a request for erasure): without --yes, only shows what it would do')
      .argument('<email>', 'the officer\'s email')
      .option('--yes', 'do it')
      .addHelpText(
        'after',
        `\nDeletes the officer record, their conversation link, campaign messages to them and covers they gave or were\n` +
          `absent for; puts "${FORMER_OFFICER_ID}" where their id was in report history, priority updates and locality\n` +
          'reports, which stay as the council\'s records. Export their data first if they asked for it.\n' +
          '\nExample:\n  tass officer remove claire.fox@lancashire.gov.uk          # shows what would happen\n  tass officer remove claire.fox@lancashire.gov.uk --yes',
      ),
  ).action(async (email: string, options: StoreCommandOptions & { yes?: boolean }) => {
    await withOrganisationStore(options, async (store) => {
      if (!options.yes) {
        const plan = await planOfficerRemoval(store, email);
        process.stdout.write(`Would:\n${describePlan(plan).map((line) => `  - ${line}\n`).join('')}Nothing changed; run again with --yes to do it.\n`);
        return;
      }
      const done = await removeOfficer(store, email);
      process.stdout.write(`Done:\n${describePlan(done).map((line) => `  - ${line}\n`).join('')}`);
    });
  });
}
