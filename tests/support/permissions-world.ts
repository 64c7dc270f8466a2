/**
 * A TASS site for the list-permissions tests: a local Graph server whose SharePoint web has an
 * owner, a manager in Members and a partner in Visitors, the app's certificate uploaded, and the
 * partner-readable lists present (another part of tass-bot creates them on submit).
 */
import { ClientCredentialsAuthProvider, sharePointScope } from '../../src/store/sharepoint/auth';
import { loadCertificateCredential } from '../../src/store/sharepoint/certificate-credential';
import { PARTNER_READABLE_LISTS } from '../../src/store/sharepoint/list-permissions';
import { LIST_NAMES } from '../../src/store/sharepoint/schema';
import { createSharePointRest, type SharePointRest } from '../../src/store/sharepoint/sharepoint-rest';
import { startLocalGraph, type LocalGraph } from './local-graph/local-graph-server';
import { graphEnvironment } from './local-graph/sharepoint-fixture';
import type { TestCertificate } from './test-certificate';

export const OWNER = 'programme.lead@lancashire.gov.uk';
export const MANAGER = 'manager@lancashire.gov.uk';
export const PARTNER = 'health.partner@nhs.net';

/** The lists partners must not read: every TASS list that is not partner-readable. */
export const WORKING_LIST_TITLES = Object.values(LIST_NAMES).filter((name) => !PARTNER_READABLE_LISTS.includes(name));

export async function startPermissionsSite(certificate: TestCertificate): Promise<LocalGraph> {
  const graph = await startLocalGraph();
  graph.tokens.registerCertificate(certificate.certificatePem);
  const { owner, member, visitor } = graph.sharePoint.associated;
  graph.sharePoint.addUser(OWNER, [owner]);
  graph.sharePoint.addUser(MANAGER, [member]);
  graph.sharePoint.addUser(PARTNER, [visitor]);
  return graph;
}

/** The environment `tass provision` reads, pointed at the local server. */
export function provisionEnvironment(graph: LocalGraph, certificate?: TestCertificate): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    ...graphEnvironment(graph),
    ...(certificate ? { SHAREPOINT_CERTIFICATE_PATH: certificate.path } : {}),
  };
}

/** A SharePoint REST client signed in with the certificate, as `tass provision` builds it. */
export function restClientFor(graph: LocalGraph, certificate: TestCertificate, options: { defaultRetryAfterSeconds?: number } = {}): SharePointRest {
  const authProvider = new ClientCredentialsAuthProvider({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    certificate: loadCertificateCredential(certificate.path),
    scope: sharePointScope(graph.webUrl),
    tokenUrl: graph.tokenUrl,
  });
  return createSharePointRest({ webUrl: graph.webUrl, authProvider, ...options });
}
