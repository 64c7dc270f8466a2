/** Builds the SharePoint store and the Graph connection from the validated configuration. */
import { ConfigError, envNameOf, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import type { ReportStore } from '../report-store';
import { ClientCredentialsAuthProvider, sharePointScope } from './auth';
import { loadCertificateCredential, type CertificateCredential } from './certificate-credential';
import { createGraphConnection, type GraphConnection } from './graph-connection';
import { createSharePointRest, type SharePointRest } from './sharepoint-rest';
import { createSharePointStore } from './sharepoint-store';

/** The Graph settings the SharePoint store and `tass provision` need, checked present. */
export interface GraphSettings {
  readonly baseUrl: string;
  readonly siteId: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenUrl?: string;
}

/** The Graph settings from the configuration; a ConfigError names every one that is missing. */
export function graphSettings(config: Config): GraphSettings {
  const { siteId, tenantId, clientId, clientSecret } = config.graph;
  const missing = (['siteId', 'tenantId', 'clientId', 'clientSecret'] as const).filter((key) => !config.graph[key]);
  if (!siteId || !tenantId || !clientId || !clientSecret) {
    throw new ConfigError(missing.map((key) => `${envNameOf(`graph.${key}`)}: required to reach SharePoint`));
  }
  return { baseUrl: config.graph.baseUrl, siteId, tenantId, clientId, clientSecret, tokenUrl: config.graph.tokenUrl };
}

/** A signed-in Graph connection and the site id, for `tass provision` and the report library. */
export function graphConnectionFromConfig(config: Config): { connection: GraphConnection; siteId: string } {
  const settings = graphSettings(config);
  const authProvider = new ClientCredentialsAuthProvider(settings);
  return { connection: createGraphConnection({ baseUrl: settings.baseUrl, authProvider }), siteId: settings.siteId };
}

/** For `openStore(config, { sharepoint: ... })`. */
export function sharePointStoreFromConfig(config: Config, logger: Logger): ReportStore {
  return createSharePointStore({ ...graphSettings(config), logger });
}

/** The certificate from SHAREPOINT_CERTIFICATE_PATH, read and checked; undefined when it is not set. */
export function certificateFromConfig(config: Config): CertificateCredential | undefined {
  const { certificatePath, certificatePassphrase } = config.graph;
  return certificatePath ? loadCertificateCredential(certificatePath, certificatePassphrase) : undefined;
}

/**
 * A SharePoint REST client for the site at `webUrl`, signed in with the certificate for the
 * SharePoint resource (`https://{host}/.default`), and a way to sign in now so a refused
 * certificate is reported before anything changes.
 */
export function sharePointRestFromConfig(config: Config, certificate: CertificateCredential, webUrl: string): { rest: SharePointRest; signIn: () => Promise<void> } {
  const settings = graphSettings(config);
  const authProvider = new ClientCredentialsAuthProvider({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    certificate,
    scope: sharePointScope(webUrl),
    tokenUrl: settings.tokenUrl,
  });
  return {
    rest: createSharePointRest({ webUrl, authProvider }),
    signIn: async () => {
      await authProvider.getAccessToken();
    },
  };
}
