/** The store as `tass locality` and `tass officer` use it, with their errors as one `tass:` line. */
import { OrganisationRuleError } from '../domain/organisation';
import { OfficerImportInterruptedError } from '../organisation/officer-csv';
import { OrganisationLookupError } from '../organisation/organisation-records';
import { ConflictError } from '../store/errors';
import type { ReportStore } from '../store/report-store';
import { CliError } from './cli-error';
import { openStoreForCommand, type StoreCommandOptions } from './store-options';

/** Runs an action on the store, closing it afterwards and turning rule and lookup errors into one line. */
export async function withOrganisationStore(options: StoreCommandOptions, action: (store: ReportStore) => Promise<void>): Promise<void> {
  const store = await openStoreForCommand(options);
  try {
    await action(store);
  } catch (error) {
    if (error instanceof OrganisationRuleError) throw new CliError(error.problems.join('; '));
    if (error instanceof OrganisationLookupError || error instanceof OfficerImportInterruptedError) throw new CliError(error.message);
    if (error instanceof ConflictError) throw new CliError(`${error.message}; run the command again`);
    throw error;
  } finally {
    await store.close();
  }
}
