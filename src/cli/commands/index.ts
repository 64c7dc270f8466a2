/** Every `tass` subcommand, in the order `tass --help` lists them. */
import type { Command } from 'commander';
import { registerTermsCommand } from './terms';
import { registerThemesCommand } from './themes';
import { registerServeCommand } from './serve';
import { registerCampaignCommand } from './campaign';
import { registerPackageCommand } from './package';
import { registerStartCommand } from './start';
import { registerImportCommand } from './import';
import { registerCompileCommand } from './compile';
import { registerProvisionCommand } from './provision';
import { registerCoverCommand } from './cover';
import { registerLocalityCommand } from './locality';
import { registerOfficerCommand } from './officer';
import { registerOutcomesCommand } from './outcomes';
import { registerOutboxCommand } from './outbox';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerTermsCommand, registerThemesCommand, registerServeCommand, registerCampaignCommand, registerPackageCommand, registerStartCommand, registerImportCommand, registerCompileCommand, registerProvisionCommand, registerCoverCommand, registerLocalityCommand, registerOfficerCommand, registerOutcomesCommand, registerOutboxCommand];
