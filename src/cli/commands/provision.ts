/**
 * `tass provision`: creates or updates the SharePoint lists the SharePoint store uses, then (with
 * a certificate) closes the working lists to everyone but the site's owners and members.
 */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../../config/config';
import { StoreUnavailableError } from '../../store/errors';
import { GraphSignInError } from '../../store/sharepoint/auth';
import { certificateFromConfig, graphConnectionFromConfig, sharePointRestFromConfig, sharePointStoreFromConfig } from '../../store/sharepoint/from-config';
import { createLogger } from '../../logging/logger';
import { findMissingSubmissions, publishMissingSubmissions } from '../../store/publish-missing-submissions';
import { termLabelOf } from '../../domain/term';
import type { GraphConnection } from '../../store/sharepoint/graph-connection';
import { unavailable } from '../../store/sharepoint/graph-failures';
import { applyProvisioning, describeStep, planProvisioning } from '../../store/sharepoint/provision';
import type { SharePointRest } from '../../store/sharepoint/sharepoint-rest';
import { CliError } from '../cli-error';
import { NO_CERTIFICATE_MESSAGE, printAccessOf, provisionListPermissions } from './provision-permissions';

const ENVIRONMENT_HELP = `
Environment:
  SHAREPOINT_SITE_ID    the site that holds the TASS lists, as Graph names it
                        (e.g. contoso.sharepoint.com,<site-collection-guid>,<web-guid>)
  GRAPH_TENANT_ID       the Entra tenant of the app registration
  GRAPH_CLIENT_ID       the app registration's client id
  GRAPH_CLIENT_SECRET   its client secret (the app needs Sites.Selected with write, or fullcontrol
                        to set list permissions)
  SHAREPOINT_CERTIFICATE_PATH
                        a PEM file with a certificate uploaded to the app registration and its
                        private key; needed to set list permissions (SharePoint REST accepts only
                        certificate sign-in). Without it the lists are created but not locked.
  SHAREPOINT_CERTIFICATE_PASSPHRASE
                        the private key's passphrase, if it is encrypted
  GRAPH_BASE_URL        default https://graph.microsoft.com/v1.0
  GRAPH_TOKEN_URL       default https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token

Running it again is safe: it only creates what is missing, indexes columns the bot filters on,
and changes only permissions that are not yet as they should be.

Examples:
  tass provision --dry-run
  tass provision
  tass provision --check-access partner@nhs.net`;

interface ProvisionOptions {
  readonly dryRun?: boolean;
  readonly checkAccess?: string;
}

/** The site's webUrl: SharePoint REST lives below it, and its host names the token's resource. */
async function readWebUrl(connection: GraphConnection, siteId: string): Promise<string> {
  try {
    const site = (await connection.client.api(`/sites/${siteId}`).select('webUrl').get()) as { webUrl?: unknown };
    if (typeof site.webUrl !== 'string') throw new StoreUnavailableError('SharePoint answered without the site\'s webUrl');
    return site.webUrl;
  } catch (error) {
    throw unavailable(error, 'reading the SharePoint site');
  }
}

/** Lists and columns through Graph; returns how many changes the plan had. */
async function provisionLists(connection: GraphConnection, siteId: string, options: ProvisionOptions, print: (line: string) => void): Promise<number> {
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

/**
 * Reports submitted before `TASS Published Updates` existed are published now, so partners who
 * lose access to the working lists still read every submitted report. On a dry run whose lists
 * are not there yet, there is nothing to read, so it only says it will look.
 */
async function publishEarlierSubmissions(config: Config, listChanges: number, options: ProvisionOptions, print: (line: string) => void): Promise<number> {
  if (options.dryRun && listChanges > 0) {
    print('Published list: submitted reports not yet in it will be published once the lists exist.');
    return 0;
  }
  const store = sharePointStoreFromConfig(config, createLogger({ level: 'silent' }));
  try {
    const missing = await findMissingSubmissions(store);
    const label = (report: { localityId: string; term: string; termMonth?: number }): string => `${report.localityId}, ${termLabelOf(report.term, report.termMonth)}`;
    if (missing.reports.length === 0) {
      print('Published list: every submitted report is in it.');
      return 0;
    }
    if (options.dryRun) {
      for (const report of missing.reports) print(`  would      publish the submitted report of ${label(report)}`);
      return missing.reports.length;
    }
    print(`Published list: publishing ${missing.reports.length} report(s) submitted before it existed`);
    await publishMissingSubmissions(store, missing, (report, priorities) => print(`  published  ${label(report)} (${priorities} priorities)`));
    return missing.reports.length;
  } finally {
    await store.close();
  }
}

/**
 * Plans and (unless `dryRun`) applies lists, columns and list permissions; returns how many
 * changes the plans had. A bad or refused certificate stops it before anything changes.
 */
export async function runProvision(config: Config, options: ProvisionOptions, print: (line: string) => void): Promise<number> {
  const { connection, siteId } = graphConnectionFromConfig(config);
  const certificate = certificateFromConfig(config);
  let rest: SharePointRest | undefined;
  if (certificate) {
    const sharePoint = sharePointRestFromConfig(config, certificate, await readWebUrl(connection, siteId));
    await sharePoint.signIn();
    rest = sharePoint.rest;
  }
  if (options.checkAccess) {
    if (!rest) throw new ConfigError(['SHAREPOINT_CERTIFICATE_PATH: required for --check-access (SharePoint REST accepts only certificate sign-in)']);
    await printAccessOf(rest, options.checkAccess, print);
    return 0;
  }
  const listChanges = await provisionLists(connection, siteId, options, print);
  const publishChanges = await publishEarlierSubmissions(config, listChanges, options, print);
  if (!rest) {
    print(NO_CERTIFICATE_MESSAGE);
    return listChanges + publishChanges;
  }
  return listChanges + publishChanges + (await provisionListPermissions(rest, options, print));
}

export function registerProvisionCommand(program: Command): void {
  program
    .command('provision')
    .description('create or update the SharePoint lists, columns and indexes the SharePoint store needs, and lock the working lists away from partners')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--check-access <email>', 'list which TASS lists this person can read, and change nothing')
    .addHelpText('after', ENVIRONMENT_HELP)
    .action(async (options: ProvisionOptions) => {
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
