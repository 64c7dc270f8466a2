/**
 * A locality report whose label names an unusual month ("Autumn – December 2024"), as an admin
 * browsing TASS Locality Reports sees it: the readable Title says December, and the bot reads
 * the month back from TassData; partners' TASS Published Updates print "Autumn – December 2024" as
 * the Term label. A report in the usual month keeps the usual Title and no month.
 */
import { LIST_NAMES } from '../../../src/store/sharepoint/schema';
import { aLocality, anUpdate, aPriority, aReport } from '../../support/builders';
import { connectTo, openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';

type ListItemJson = { id: string; fields: Record<string, unknown> };

describe('TASS Locality Reports keep the month a report names', () => {
  let sharePoint: LocalSharePoint;

  beforeEach(async () => {
    sharePoint = await openLocalSharePoint();
    await sharePoint.store.upsertLocality(aLocality());
    await sharePoint.store.upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 3 }));
  });
  afterEach(async () => {
    await sharePoint.cleanup();
  });

  /** Every item of a list with its fields, over Graph as a SharePoint view reads them. */
  async function itemsOf(listName: string): Promise<ListItemJson[]> {
    const { client } = connectTo(sharePoint.graph);
    const lists = (await client.api(`/sites/${sharePoint.graph.siteId}/lists?$select=id,displayName`).get()) as {
      value: Array<{ id: string; displayName: string }>;
    };
    const list = lists.value.find((candidate) => candidate.displayName === listName);
    if (!list) throw new Error(`${listName} was not provisioned`);
    const page = (await client.api(`/sites/${sharePoint.graph.siteId}/lists/${list.id}/items?expand=fields&$top=999`).get()) as {
      value: ListItemJson[];
    };
    return page.value;
  }

  it('titles a December report "Autumn – December 2024" and an October one "Autumn – October 2024"', async () => {
    const december = await sharePoint.store.saveLocalityReport(aReport({ termMonth: 12 }), 0);
    await sharePoint.store.saveLocalityReport(aReport({ localityId: 'preston' }), 0);

    const titles = (await itemsOf(LIST_NAMES.reports)).map((item) => item.fields.Title).sort();
    expect(titles).toEqual(['central-lancs – Autumn – December 2024', 'preston – Autumn – October 2024']);
    await expect(sharePoint.store.getLocalityReport('central-lancs', december.term)).resolves.toEqual({ ...aReport({ termMonth: 12 }), version: 1 });
    const preston = await sharePoint.store.getLocalityReport('preston', december.term);
    expect(preston && 'termMonth' in preston).toBe(false);
  });

  it('labels the published items of a submitted December report "Autumn – December 2024" for partners', async () => {
    await sharePoint.store.savePriority(aPriority(), 0);
    const update = await sharePoint.store.savePriorityUpdate(anUpdate(), 0);
    const draft = await sharePoint.store.saveLocalityReport(aReport({ status: 'in progress', approval: undefined, returnComment: undefined, termMonth: 12 }), 0);
    await sharePoint.store.saveReportWithUpdates({ ...draft, status: 'submitted', approval: 'pending' }, 1, [{ update, expectedVersion: 1 }]);

    const published = await itemsOf(LIST_NAMES.published);
    expect(published.map((item) => item.fields.TermLabel)).toEqual(['Autumn – December 2024']);
  });
});
