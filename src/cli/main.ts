#!/usr/bin/env node
/**
 * `tass`: the command line of tass-bot. Each subcommand lives in its own module under
 * ./commands and registers itself on the program; this file only assembles and runs them.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { CliError } from './cli-error';

export function buildProgram(): Command {
  const program = new Command('tass')
    .description('TASS termly reporting: the Teams bot, its stores and its reports')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`tass: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`tass: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}
