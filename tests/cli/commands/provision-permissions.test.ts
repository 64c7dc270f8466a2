/**
 * `tass provision` as an admin runs it, with the app's certificate: the working lists are closed
 * to partners in the site's Visitors group, who keep reading what is published.
 */
import { DOCUMENTS_LIBRARY, PARTNER_READABLE_LISTS } from '../../../src/store/sharepoint/list-permissions';
import type { LocalGraph } from '../../support/local-graph/local-graph-server';
import { MANAGER, PARTNER, provisionEnvironment, startPermissionsSite, WORKING_LIST_TITLES } from '../../support/permissions-world';
import { runTass } from '../../support/run-tass-cli';
import { createTestCertificate, writeTemporaryPem, type TestCertificate } from '../../support/test-certificate';

describe('tass provision and list permissions', () => {
  let certificate: TestCertificate;
  let notUploaded: TestCertificate;
  let graph: LocalGraph;

  beforeAll(() => {
    certificate = createTestCertificate();
    notUploaded = createTestCertificate({ name: 'not uploaded' });
  });

  beforeEach(async () => {
    graph = await startPermissionsSite(certificate);
  });

  afterEach(async () => {
    await graph.close();
  });

  const partnerReads = (lists: readonly string[]) => lists.filter((list) => graph.sharePoint.canRead(PARTNER, list));
  const permissionWrites = () => graph.log.count((record) => record.path.includes('/_api/') && record.method !== 'GET');

  it('creates the lists, then takes every working list away from partners and says who can read what', async () => {
    expect(partnerReads([...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY])).toEqual([...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY]);

    const result = await runTass(['provision'], { env: provisionEnvironment(graph, certificate) });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(partnerReads(WORKING_LIST_TITLES)).toEqual([]);
    expect(partnerReads([...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY])).toEqual([...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY]);
    for (const list of WORKING_LIST_TITLES) expect([list, graph.sharePoint.canRead(MANAGER, list)]).toEqual([list, true]);
    expect(result.stdout).toContain('done        stop "TASS Priority Updates" inheriting the site\'s permissions');
    expect(result.stdout).toContain('done        remove TASS Visitors from "TASS Priority Updates"');
    expect(result.stdout).toContain(`TASS Visitors (partners) can read: ${[...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY].join(', ')}`);
  });

  it('changes nothing on a second run', async () => {
    const env = provisionEnvironment(graph, certificate);
    expect((await runTass(['provision'], { env })).code).toBe(0);
    graph.log.clear();
    const second = await runTass(['provision'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to change: every list and column is as tass-bot needs it.');
    expect(second.stdout).toContain('Nothing to change: every working list is closed to everyone but the site\'s owners and members.');
    expect(second.stdout).toContain('unchanged   TASS Officers');
    expect(permissionWrites()).toBe(0);
    expect(partnerReads(WORKING_LIST_TITLES)).toEqual([]);
  });

  it('prints the plan on --dry-run and changes nothing', async () => {
    const result = await runTass(['provision', '--dry-run'], { env: provisionEnvironment(graph, certificate) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would       stop "TASS Officers" inheriting the site\'s permissions');
    expect(result.stdout).toContain('would       remove TASS Visitors from "TASS Officers"');
    expect(result.stdout).toContain(`Dry run: ${WORKING_LIST_TITLES.length * 2} permission change(s) planned, nothing changed.`);
    expect(permissionWrites()).toBe(0);
    expect(graph.site.lists.map((list) => list.displayName)).toEqual([]);
  });

  it('without a certificate, creates the lists but says plainly that list permissions were not set', async () => {
    const result = await runTass(['provision'], { env: provisionEnvironment(graph) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('List permissions were NOT set: SHAREPOINT_CERTIFICATE_PATH is not set');
    expect(result.stdout).toContain('step 7');
    expect(permissionWrites()).toBe(0);
    expect(partnerReads(WORKING_LIST_TITLES)).toEqual(WORKING_LIST_TITLES);
  });

  it('refuses a certificate that is not uploaded to the app registration, before changing anything', async () => {
    const result = await runTass(['provision'], { env: provisionEnvironment(graph, notUploaded) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('sign-in with the certificate was refused (401 invalid_client)');
    expect(graph.site.lists.map((list) => list.displayName)).toEqual([]);
  });

  it('names the variable when the PEM file has no private key, before changing anything', async () => {
    const env = { ...provisionEnvironment(graph), SHAREPOINT_CERTIFICATE_PATH: writeTemporaryPem(certificate.certificatePem) };
    const result = await runTass(['provision'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SHAREPOINT_CERTIFICATE_PATH:');
    expect(result.stderr).toContain('holds no private key');
    expect(result.stderr).not.toContain(certificate.certificatePem.split('\n')[1]);
    expect(graph.site.lists.map((list) => list.displayName)).toEqual([]);
  });

  it('says the app needs fullcontrol when its grant is only write', async () => {
    graph.sharePoint.appRole = 'write';
    const result = await runTass(['provision'], { env: provisionEnvironment(graph, certificate) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the app needs the fullcontrol role on the site through Sites.Selected to manage list permissions');
    expect(partnerReads(WORKING_LIST_TITLES)).toEqual(WORKING_LIST_TITLES);
  });

  it('waits out SharePoint throttling and still locks every list', async () => {
    graph.faults.throttle(1, 1, { path: /\/breakroleinheritance/ }).unavailable(1, 1, { path: /\/getbyprincipalid/ });
    const result = await runTass(['provision'], { env: provisionEnvironment(graph, certificate) });
    expect(result.code).toBe(0);
    expect(graph.log.count((record) => record.status === 429 || record.status === 503)).toBe(2);
    expect(partnerReads(WORKING_LIST_TITLES)).toEqual([]);
  });

  it('--check-access needs the certificate, and says so', async () => {
    const result = await runTass(['provision', '--check-access', PARTNER], { env: provisionEnvironment(graph) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SHAREPOINT_CERTIFICATE_PATH: required for --check-access');
  });

  it('explains the certificate settings in --help', async () => {
    const result = await runTass(['provision', '--help'], { env: {} });
    expect(result.code).toBe(0);
    for (const name of ['SHAREPOINT_CERTIFICATE_PATH', 'SHAREPOINT_CERTIFICATE_PASSPHRASE', '--check-access']) expect(result.stdout).toContain(name);
  });

  it('--check-access lists what a partner can read, before and after', async () => {
    const env = provisionEnvironment(graph, certificate);
    await runTass(['provision'], { env: provisionEnvironment(graph) });
    const before = await runTass(['provision', '--check-access', PARTNER], { env });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('can read    TASS Priority Updates');
    expect(before.stdout).toContain(`${WORKING_LIST_TITLES.length} working list(s)`);
    await runTass(['provision'], { env });
    const after = await runTass(['provision', '--check-access', PARTNER], { env });
    expect(after.stdout).toContain('cannot read TASS Priority Updates');
    expect(after.stdout).toContain(`can read    ${PARTNER_READABLE_LISTS[0]}`);
    expect(after.stdout).toContain(`${PARTNER} can read ${PARTNER_READABLE_LISTS.length + 1} of them, 0 working list(s).`);
  });
});
