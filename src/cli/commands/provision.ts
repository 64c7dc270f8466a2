/** `tass provision`: creates or updates the SharePoint lists the SharePoint store uses. */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../../config/config';
import { StoreUnavailableError } from '../../store/errors';
import { GraphSignInError } from '../../store/sharepoint/auth';
import { graphConnectionFromConfig } from '../../store/sharepoint/from-config';
import { applyProvisioning, describeStep, planProvisioning } from '../../store/sharepoint/provision';
import { CliError } from '../cli-error';

const ENVIRONMENT_HELP = `
Environment:
  SHAREPOINT_SITE_ID    the site that holds the TASS lists, as Graph names it
                        (e.g. contoso.sharepoint.com,<site-collection-guid>,<web-guid>)
  GRAPH_TENANT_ID       the Entra tenant of the app registration
  GRAPH_CLIENT_ID       the app registration's client id
  GRAPH_CLIENT_SECRET   its client secret (the app needs Sites.Manage.All, or Sites.Selected with manage rights)
  GRAPH_BASE_URL        default https://graph.microsoft.com/v1.0
  GRAPH_TOKEN_URL       default https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token

Running it again is safe: it only creates what is missing and indexes columns the bot filters on.

Examples:
  tass provision --dry-run
  tass provision`;

/** Plans and (unless `dryRun`) applies; returns how many changes the plan had. */
export async function runProvision(config: Config, options: { dryRun?: boolean }, print: (line: string) => void): Promise<number> {
  const { connection, siteId } = graphConnectionFromConfig(config);
  const plan = await planProvisioning(connection, siteId);
  print(`SharePoint site ${siteId}`);
  for (const list of plan.unchanged) print(`  unchanged   ${list}`);
  for (const step of plan.steps) print(`  ${options.dryRun ? 'would' : 'will '}      ${describeStep(step)}`);
  if (plan.steps.length === 0) {
    print('Nothing to change: every list and column is as tass-bot needs it.');
    return 0;
  }
  if (options.dryRun) {
    print(`Dry run: ${plan.steps.length} change(s) planned, nothing changed.`);
    return plan.steps.length;
  }
  await applyProvisioning(connection, siteId, plan);
  const created = plan.steps.filter((step) => step.action === 'create list').length;
  const added = plan.steps.filter((step) => step.action === 'add column').length;
  const updated = plan.steps.filter((step) => step.action === 'update column').length;
  print(`Done: ${created} list(s) created, ${added} column(s) added, ${updated} column(s) updated, ${plan.unchanged.length} list(s) unchanged.`);
  return plan.steps.length;
}

export function registerProvisionCommand(program: Command): void {
  program
    .command('provision')
    .description('create or update the SharePoint lists, columns and indexes the SharePoint store needs')
    .option('--dry-run', 'print what would change and change nothing')
    .addHelpText('after', ENVIRONMENT_HELP)
    .action(async (options: { dryRun?: boolean }) => {
      try {
        await runProvision(loadConfig(), options, (line) => process.stdout.write(`${line}\n`));
      } catch (error) {
        if (error instanceof ConfigError || error instanceof StoreUnavailableError || error instanceof GraphSignInError) {
          throw new CliError(error.message);
        }
        throw error;
      }
    });
}
