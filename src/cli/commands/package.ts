/** `tass package`: builds the Teams app package (manifest + icons) for one environment. */
import path from 'node:path';
import type { Command } from 'commander';
import { AppPackageError, buildAppPackage } from '../../app-package/build-package';
import { EnvFileError } from '../../app-package/env-file';
import { UnfilledPlaceholderError } from '../../app-package/fill-placeholders';
import { CliError } from '../cli-error';

interface PackageOptions {
  env: string;
  appPackage: string;
  envDir: string;
  out?: string;
}

export function registerPackageCommand(program: Command): void {
  program
    .command('package')
    .description('build the Teams app package appPackage/build/appPackage.<env>.zip to upload to Teams')
    .option('--env <name>', 'which env/.env.<name> (+ .user) fills the manifest: local or dev', 'dev')
    .option('--app-package <dir>', 'folder with manifest.json and the icons', 'appPackage')
    .option('--env-dir <dir>', 'folder with the environment files', 'env')
    .option('--out <dir>', 'where the zip goes (default: <app-package>/build)')
    .addHelpText('after', '\nExample:\n  tass package --env dev\n  npm run package -- --env local')
    .action(async (options: PackageOptions) => {
      try {
        const built = await buildAppPackage({
          appPackageDir: path.resolve(options.appPackage),
          envDir: path.resolve(options.envDir),
          env: options.env,
          outputDir: options.out ? path.resolve(options.out) : undefined,
        });
        process.stdout.write(
          `Built ${path.relative(process.cwd(), built.zipPath) || built.zipPath} (${built.entries.join(', ')})\n` +
            `  app id ${built.manifest.id}, bot ${built.manifest.bots[0].botId}, values from ${built.envFiles.map((file) => path.relative(process.cwd(), file)).join(' + ')}\n` +
            'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin centre.\n',
        );
      } catch (error) {
        if (error instanceof UnfilledPlaceholderError || error instanceof AppPackageError || error instanceof EnvFileError) {
          throw new CliError(`cannot build the app package: ${error.message}`);
        }
        throw error;
      }
    });
}
