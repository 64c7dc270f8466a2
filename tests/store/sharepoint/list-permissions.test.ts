/**
 * Locking the working lists through SharePoint REST on a local site: partners in Visitors lose
 * sight of drafts and working records, keep the published lists and the documents library, and
 * managers in Members keep everything.
 */
import { applyListPermissions, describeReaders, DOCUMENTS_LIBRARY, PARTNER_READABLE_LISTS, planListPermissions } from '../../../src/store/sharepoint/list-permissions';
import { SharePointAccessError } from '../../../src/store/sharepoint/sharepoint-rest';
import { canPersonRead } from '../../../src/store/sharepoint/site-permissions';
import type { LocalGraph } from '../../support/local-graph/local-graph-server';
import { provisionLists } from '../../support/local-graph/sharepoint-fixture';
import { MANAGER, OWNER, PARTNER, restClientFor, startPermissionsSite, WORKING_LIST_TITLES } from '../../support/permissions-world';
import { createTestCertificate, type TestCertificate } from '../../support/test-certificate';

describe('locking the working lists away from partners', () => {
  let certificate: TestCertificate;
  let graph: LocalGraph;

  beforeAll(() => {
    certificate = createTestCertificate();
  });

  beforeEach(async () => {
    graph = await startPermissionsSite(certificate);
    await provisionLists(graph);
  });

  afterEach(async () => {
    await graph.close();
  });

  const lock = async () => {
    const rest = restClientFor(graph, certificate);
    const plan = await planListPermissions(rest);
    await applyListPermissions(rest, plan);
    return plan;
  };

  it('takes every working list away from a partner in Visitors, and leaves the published lists and documents readable', async () => {
    for (const list of WORKING_LIST_TITLES) expect(graph.sharePoint.canRead(PARTNER, list)).toBe(true);

    await lock();

    for (const list of WORKING_LIST_TITLES) expect([list, graph.sharePoint.canRead(PARTNER, list)]).toEqual([list, false]);
    for (const list of [...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY]) {
      expect([list, graph.sharePoint.canRead(PARTNER, list)]).toEqual([list, true]);
      expect(graph.sharePoint.hasUniqueAssignments(list)).toBe(false);
    }
  });

  it('keeps every list readable for a manager in Members and the programme lead in Owners', async () => {
    await lock();
    for (const list of [...WORKING_LIST_TITLES, ...PARTNER_READABLE_LISTS]) {
      expect([list, graph.sharePoint.canRead(MANAGER, list), graph.sharePoint.canRead(OWNER, list)]).toEqual([list, true, true]);
    }
  });

  it('also removes people given access on the site directly, not through a group', async () => {
    const guest = graph.sharePoint.addUser('guest@example.org');
    graph.sharePoint.webAssignments.set(guest.id, ['Read']);
    await lock();
    for (const list of WORKING_LIST_TITLES) expect(graph.sharePoint.canRead('guest@example.org', list)).toBe(false);
    expect(graph.sharePoint.canRead('guest@example.org', PARTNER_READABLE_LISTS[0])).toBe(true);
  });

  it('finds nothing to change on a second run', async () => {
    const first = await lock();
    expect(first.steps.length).toBeGreaterThan(0);
    const second = await planListPermissions(restClientFor(graph, certificate));
    expect(second.steps).toEqual([]);
    expect(second.unchanged).toEqual(WORKING_LIST_TITLES);
  });

  it('plans without changing anything', async () => {
    const plan = await planListPermissions(restClientFor(graph, certificate));
    expect(plan.steps.filter((step) => step.action === 'stop inheriting').map((step) => step.list)).toEqual(WORKING_LIST_TITLES);
    expect(plan.steps.filter((step) => step.action === 'remove access').every((step) => step.action === 'remove access' && step.principal.Title === 'TASS Visitors')).toBe(true);
    for (const list of WORKING_LIST_TITLES) expect(graph.sharePoint.hasUniqueAssignments(list)).toBe(false);
    expect(graph.sharePoint.canRead(PARTNER, WORKING_LIST_TITLES[0])).toBe(true);
  });

  it('says who can read what once the plan is applied', async () => {
    const plan = await planListPermissions(restClientFor(graph, certificate));
    const lines = describeReaders(plan);
    expect(lines).toContain(`TASS Visitors (partners) can read: ${[...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY].join(', ')}`);
    expect(lines).toContain('TASS Members (members) can read: every TASS list and Documents');
    expect(lines).toContain('TASS Owners (owners) can read: every TASS list and Documents');
  });

  it('warns when a partner-readable list has its own permissions, and leaves it alone', async () => {
    graph.sharePoint.breakInheritance(PARTNER_READABLE_LISTS[0], false);
    const plan = await planListPermissions(restClientFor(graph, certificate));
    expect(plan.warnings).toEqual([`"${PARTNER_READABLE_LISTS[0]}" has its own permissions, not the site's: partners in TASS Visitors might not see it`]);
    expect(plan.steps.some((step) => step.list === PARTNER_READABLE_LISTS[0])).toBe(false);
  });

  it('closes a list again after someone re-shared it with partners', async () => {
    await lock();
    graph.sharePoint.assignmentsOf('TASS Priority Updates').set(graph.sharePoint.associated.visitor, ['Read']);
    expect(graph.sharePoint.canRead(PARTNER, 'TASS Priority Updates')).toBe(true);
    const plan = await lock();
    expect(plan.steps).toEqual([{ action: 'remove access', list: 'TASS Priority Updates', principal: { Id: graph.sharePoint.associated.visitor, Title: 'TASS Visitors' } }]);
    expect(graph.sharePoint.canRead(PARTNER, 'TASS Priority Updates')).toBe(false);
  });

  it('waits out throttling (429 and 503 with Retry-After) and still locks every list', async () => {
    graph.faults.throttle(2, 1, { path: /\/_api\/web\/lists\/getbytitle\(.*\)\/breakroleinheritance/ });
    graph.faults.unavailable(1, 1, { path: /\/roleassignments\/getbyprincipalid/ });
    const started = Date.now();
    await lock();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(graph.log.count((record) => record.status === 429 || record.status === 503)).toBe(3);
    for (const list of WORKING_LIST_TITLES) expect(graph.sharePoint.canRead(PARTNER, list)).toBe(false);
  });

  it('says the app needs fullcontrol when its Sites.Selected grant is only write, and changes nothing', async () => {
    graph.sharePoint.appRole = 'write';
    const failure = await lock().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SharePointAccessError);
    expect((failure as Error).message).toContain('the app needs the fullcontrol role on the site through Sites.Selected to manage list permissions');
    expect(graph.sharePoint.canRead(PARTNER, WORKING_LIST_TITLES[0])).toBe(true);
  });

  it("reads a person's effective permissions on each list", async () => {
    const rest = restClientFor(graph, certificate);
    await expect(canPersonRead(rest, 'TASS Officers', PARTNER)).resolves.toBe(true);
    await lock();
    await expect(canPersonRead(rest, 'TASS Officers', PARTNER)).resolves.toBe(false);
    await expect(canPersonRead(rest, 'TASS Officers', MANAGER)).resolves.toBe(true);
    await expect(canPersonRead(rest, 'No such list', MANAGER)).resolves.toBeUndefined();
  });
});
