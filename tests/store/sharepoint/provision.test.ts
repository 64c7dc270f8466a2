/** Provisioning the TASS lists on a local Graph server: complete, indexed, and idempotent. */
import { findColumn, findList } from '../../support/local-graph/graph-state';
import { startLocalGraph, type LocalGraph } from '../../support/local-graph/local-graph-server';
import { connectTo } from '../../support/local-graph/sharepoint-fixture';
import { applyProvisioning, describeStep, planProvisioning } from '../../../src/store/sharepoint/provision';
import { LIST_SPECS } from '../../../src/store/sharepoint/schema';

describe('provisioning the SharePoint lists', () => {
  let graph: LocalGraph;

  beforeEach(async () => {
    graph = await startLocalGraph();
  });

  afterEach(async () => {
    await graph.close();
  });

  async function provision() {
    const connection = connectTo(graph);
    const plan = await planProvisioning(connection, graph.siteId);
    await applyProvisioning(connection, graph.siteId, plan);
    return plan;
  }

  it('creates every list with its columns, then finds nothing to change on a second run', async () => {
    const first = await provision();
    expect(first.steps.map((step) => step.action)).toEqual(Array(Object.keys(LIST_SPECS).length).fill('create list'));
    expect(graph.site.lists.map((list) => list.displayName).sort()).toEqual(Object.values(LIST_SPECS).map((spec) => spec.displayName).sort());

    graph.log.clear();
    const second = await provision();
    expect(second.steps).toEqual([]);
    expect(second.unchanged).toHaveLength(Object.keys(LIST_SPECS).length);
    expect(graph.log.graphRequests().every((request) => request.method === 'GET')).toBe(true);
  });

  it.each([
    ['TASS Priority Updates', ['TassKey', 'PriorityId', 'LocalityId', 'Term']],
    ['TASS Officers', ['TassKey', 'EmailKey', 'AadObjectId']],
    ['TASS Locality Reports', ['TassKey', 'LocalityId', 'Term', 'Status']],
    ['TASS Campaign Deliveries', ['TassKey', 'Term', 'Kind']],
  ])('indexes the columns the store filters on in %s', async (listName, indexed) => {
    await provision();
    const list = findList(graph.site, listName)!;
    for (const name of indexed) expect([name, findColumn(list, name)?.indexed]).toEqual([name, true]);
    expect(findColumn(list, 'TassKey')?.enforceUniqueValues).toBe(true);
    expect(findColumn(list, 'TassData')?.indexed).toBe(false);
  });

  it('repairs drift: a lost index, a missing column and a missing choice, then is quiet again', async () => {
    await provision();
    const updates = findList(graph.site, 'TASS Priority Updates')!;
    findColumn(updates, 'Term')!.indexed = false;
    updates.columns.splice(updates.columns.findIndex((column) => column.name === 'UpdatedBy'), 1);
    const rag = findColumn(updates, 'Rag')!;
    rag.facet = { ...rag.facet, choices: ['on track', 'off track', 'not reported'] };

    const connection = connectTo(graph);
    const plan = await planProvisioning(connection, graph.siteId);
    expect(plan.steps.map(describeStep)).toEqual([
      'update column "Term" of "TASS Priority Updates": index it',
      'update column "Rag" of "TASS Priority Updates": add choices some concerns',
      'add column "UpdatedBy" to "TASS Priority Updates"',
    ]);
    expect(plan.unchanged).not.toContain('TASS Priority Updates');
    await applyProvisioning(connection, graph.siteId, plan);
    expect(findColumn(updates, 'Term')?.indexed).toBe(true);
    expect(findColumn(updates, 'Rag')?.facet.choices).toEqual(['on track', 'some concerns', 'off track', 'not reported']);
    await expect(planProvisioning(connection, graph.siteId)).resolves.toEqual(expect.objectContaining({ steps: [] }));
  });

  it('adds the hidden personal-data confirmations column to an updates list made before it existed', async () => {
    await provision();
    const updates = findList(graph.site, 'TASS Priority Updates')!;
    updates.columns.splice(updates.columns.findIndex((column) => column.name === 'PersonalDataConfirmationsData'), 1);

    const connection = connectTo(graph);
    const plan = await planProvisioning(connection, graph.siteId);
    expect(plan.steps.map(describeStep)).toEqual(['add column "PersonalDataConfirmationsData" to "TASS Priority Updates"']);
    await applyProvisioning(connection, graph.siteId, plan);
    expect(findColumn(updates, 'PersonalDataConfirmationsData')).toEqual(expect.objectContaining({ hidden: true, indexed: false }));
  });

  it('says the site cannot be found when SHAREPOINT_SITE_ID is wrong', async () => {
    await expect(planProvisioning(connectTo(graph), 'contoso.sharepoint.com,not-a-site,x')).rejects.toThrow(/404/);
  });
});
