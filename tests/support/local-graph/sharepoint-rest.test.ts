/**
 * The local SharePoint REST endpoint behaves as documented where tass-bot relies on it: tokens
 * are per resource, unknown lists are 404, titles are OData strings, and inherited assignments
 * cannot be removed one by one.
 */
import { ClientCredentialsAuthProvider, GRAPH_SCOPE, sharePointScope } from '../../../src/store/sharepoint/auth';
import { loadCertificateCredential } from '../../../src/store/sharepoint/certificate-credential';
import { odataString } from '../../../src/store/sharepoint/sharepoint-rest';
import { createTestCertificate, type TestCertificate } from '../test-certificate';
import { startLocalGraph, type LocalGraph } from './local-graph-server';
import { connectTo } from './sharepoint-fixture';

describe('local SharePoint REST', () => {
  let certificate: TestCertificate;
  let graph: LocalGraph;

  beforeAll(() => {
    certificate = createTestCertificate();
  });

  beforeEach(async () => {
    graph = await startLocalGraph();
    graph.tokens.registerCertificate(certificate.certificatePem);
  });

  afterEach(async () => {
    await graph.close();
  });

  const tokenFor = (scope: string) =>
    new ClientCredentialsAuthProvider({ tenantId: graph.tenantId, clientId: graph.clientId, certificate: loadCertificateCredential(certificate.path), scope, tokenUrl: graph.tokenUrl }).getAccessToken();

  const rest = async (path: string, init: { method?: string; token?: string } = {}) => {
    const response = await fetch(`${graph.webUrl}/_api/${path}`, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer ${init.token ?? (await tokenFor(sharePointScope(graph.webUrl)))}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('serves the site web below the webUrl that Graph returns for the site', async () => {
    const site = (await connectTo(graph).client.api(`/sites/${graph.siteId}`).select('webUrl').get()) as { webUrl: string };
    expect(site.webUrl).toBe(graph.webUrl);
    await expect(rest('web/associatedvisitorgroup')).resolves.toEqual({ status: 200, body: expect.objectContaining({ Title: 'TASS Visitors' }) });
  });

  it('refuses a Graph token, and Graph refuses a SharePoint token', async () => {
    const graphToken = await tokenFor(GRAPH_SCOPE);
    expect((await rest('web/associatedvisitorgroup', { token: graphToken })).status).toBe(401);
    const sharePointToken = await tokenFor(sharePointScope(graph.webUrl));
    const atGraph = await fetch(`${graph.baseUrl}/sites/${graph.siteId}`, { headers: { Authorization: `Bearer ${sharePointToken}` } });
    expect(atGraph.status).toBe(401);
  });

  it('answers 404 in the odata.error envelope for an unknown list', async () => {
    const answer = await rest(`web/lists/getbytitle(${odataString('No such list')})`);
    expect(answer.status).toBe(404);
    expect(answer.body['odata.error']).toMatchObject({ message: { value: "List 'No such list' does not exist at site with URL '/sites/tass'." } });
  });

  it("finds a list whose title has a quote, written as an OData string", async () => {
    await connectTo(graph).client.api(`/sites/${graph.siteId}/lists`).post({ displayName: "Partners' notes", list: { template: 'genericList' } });
    await expect(rest(`web/lists/getbytitle(${odataString("Partners' notes")})?$select=HasUniqueRoleAssignments`)).resolves.toEqual({
      status: 200,
      body: { Title: "Partners' notes", HasUniqueRoleAssignments: false },
    });
  });

  it('refuses to remove one assignment from a list that still inherits', async () => {
    const answer = await rest(`web/lists/getbytitle(${odataString('Documents')})/roleassignments/getbyprincipalid(${graph.sharePoint.associated.visitor})`, { method: 'DELETE' });
    expect(answer.status).toBe(400);
    expect(graph.sharePoint.assignmentsOf('Documents').has(graph.sharePoint.associated.visitor)).toBe(true);
  });

  it('returns role assignments with members and role definitions only when expanded', async () => {
    const plain = await rest('web/roleassignments');
    expect((plain.body.value as object[])[0]).toEqual({ PrincipalId: expect.any(Number) });
    const expanded = await rest('web/roleassignments?$expand=Member,RoleDefinitionBindings');
    expect(expanded.body.value).toContainEqual(
      expect.objectContaining({
        Member: expect.objectContaining({ Title: 'TASS Visitors' }),
        RoleDefinitionBindings: [expect.objectContaining({ Id: 1073741826, Name: 'Read', BasePermissions: { High: '176', Low: '138612833' } })],
      }),
    );
  });
});
