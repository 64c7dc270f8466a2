/** Every `tass` subcommand, in the order `tass --help` lists them. */
import type { Command } from 'commander';
import { registerTermsCommand } from './terms';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerTermsCommand];
