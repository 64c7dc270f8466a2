/**
 * The store options every `tass` command that reads or writes reports shares:
 * `--db <path>` (the SQLite file, overrides TASS_DB) and `--store <sqlite|sharepoint>`
 * (overrides TASS_STORE). Commands add them with `addStoreOptions(command)` and open the store
 * with `openStoreForCommand(options)`.
 */
import { Option, type Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/config';
import { StoreOpenError } from '../store/errors';
import { openStore, type StoreFactories } from '../store/open-store';
import type { ReportStore } from '../store/report-store';
import { CliError } from './cli-error';

/** What `addStoreOptions` adds to a command's parsed options. */
export interface StoreCommandOptions {
  readonly db?: string;
  readonly store?: string;
}

/** Adds `--db` and `--store` to a command; returns the command for chaining. */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--db <path>', 'the SQLite database file (default: TASS_DB, else ./data/tass.db)')
    .addOption(
      new Option('--store <kind>', 'which store to use (default: TASS_STORE, else sqlite)').choices(['sqlite', 'sharepoint']),
    );
}

/** The configuration with the command's store options applied; configuration problems become one CLI message. */
export function storeConfigForCommand(options: StoreCommandOptions, env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env, { dbPath: options.db, store: options.store });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Loads the configuration (environment plus the command's options) and opens the store.
 * Configuration and open failures become a CliError: one line, no stack trace.
 */
export async function openStoreForCommand(
  options: StoreCommandOptions,
  context: { env?: NodeJS.ProcessEnv; factories?: StoreFactories } = {},
): Promise<ReportStore> {
  const config = storeConfigForCommand(options, context.env);
  try {
    return await openStore(config, context.factories);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreOpenError) throw new CliError(error.message);
    throw error;
  }
}
