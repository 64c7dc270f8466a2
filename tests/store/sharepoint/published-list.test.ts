/**
 * The list partners read, `TASS Published Updates`, seen as a partner's SharePoint view sees it:
 * its list items over Graph, while EPOs and a manager use the real bot (on the SharePoint store,
 * against the local Graph server). Drafts never reach it; Submit puts one item per priority in
 * it with the typed text in readable columns; Approve marks them approved; Return empties it; a
 * submission that fails part-way leaves it empty.
 */
import { CARD_ACTION_FAILED } from '../../../src/server/create-bot-server';
import { cardText } from '../../support/bot-harness';
import { anUpdate, aPriority, items, prose } from '../../support/builders';
import { connectTo, graphEnvironment, provisionLists } from '../../support/local-graph/sharepoint-fixture';
import { startLocalGraph, type LocalGraph } from '../../support/local-graph/local-graph-server';
import { startSignOffWorld, waitForCard, type SignOffWorld } from '../../support/sign-off-world';
import { actionsOf, invoke, openReportCard, press, SPRING, writePriority, type ShownCard } from '../../support/wizard-world';

const PUBLISHED_LIST = 'TASS Published Updates';

/** What Claire types into the school avoidance priority: text that must not reach partners until submitted. */
const TYPED = {
  priority: 'School Avoidance support for schools across Chorley and South Ribble',
  intendedOutcomes: 'Schools know the mental health offer across the district',
  activityLastPeriod: 'Breakfast panel met with nine high schools in February',
  plannedActivityNextPeriod: 'Hand the panel over to the Attendance Team in April',
  impactSoFar: '14 young people back in school full time\nPanel now chaired by a head teacher',
  exitStrategy: 'The panel runs without TASS support from September.',
};
const CARRY_FORWARD = { carryOutcome_0: 'done', carryOutcome_1: 'done', carryOutcome_2: 'carried forward' };

/** A second priority, already fully drafted for Spring, so the report has two. */
const NEET = aPriority({ id: 'central-neet', title: 'NEET prevention in Chorley', order: 2, themes: ['neet'] });

type ListItemJson = { id: string; fields: Record<string, unknown> };

describe(`the ${PUBLISHED_LIST} list as partners see it`, () => {
  let graph: LocalGraph;
  let world: SignOffWorld;

  beforeEach(async () => {
    graph = await startLocalGraph();
    await provisionLists(graph);
    world = await startSignOffWorld({
      env: { TASS_STORE: 'sharepoint', ...graphEnvironment(graph), LOG_LEVEL: 'silent' },
    });
    await world.bot.store.savePriority(NEET, 0);
    await world.bot.store.savePriorityUpdate(
      anUpdate({
        priorityId: NEET.id,
        term: SPRING,
        title: NEET.title,
        activityLastPeriod: items('Careers fair with two colleges.'),
        plannedActivityNextPeriod: items('Summer transition sessions.'),
        impactSoFar: items('31 young people met a college adviser.'),
        exitStrategy: prose('Colleges run the fair from next year.'),
        carryForward: [],
        sectionsDone: ['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy'],
        figures: [{ value: 31, counts: 'young people met a college adviser' }],
        updatedBy: 'officer-alison-walsh',
      }),
      0,
    );
  });

  afterEach(async () => {
    // Every test ends with a submission: let its sign-off request finish recording before closing.
    for (let tries = 0; tries < 100; tries += 1) {
      const deliveries = await world.bot.store.listDeliveries(SPRING);
      if (deliveries.some((d) => d.kind.startsWith('sign-off:') && d.status === 'sent')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await world.close();
    await graph.close();
  });

  /** Every item of the published list with all its fields, over Graph as a SharePoint view reads them. */
  async function publishedItems(): Promise<ListItemJson[]> {
    const { client } = connectTo(graph);
    const lists = (await client.api(`/sites/${graph.siteId}/lists?$select=id,displayName`).get()) as { value: Array<{ id: string; displayName: string }> };
    const list = lists.value.find((candidate) => candidate.displayName === PUBLISHED_LIST);
    if (!list) throw new Error(`${PUBLISHED_LIST} was not provisioned`);
    const page = (await client.api(`/sites/${graph.siteId}/lists/${list.id}/items?expand=fields&$top=999`).get()) as { value: ListItemJson[] };
    return page.value;
  }

  async function listId(name: string): Promise<string> {
    const { client } = connectTo(graph);
    const lists = (await client.api(`/sites/${graph.siteId}/lists?$select=id,displayName`).get()) as { value: Array<{ id: string; displayName: string }> };
    return lists.value.find((candidate) => candidate.displayName === name)!.id;
  }

  /** Claire writes every section of the school avoidance priority: saved, but a draft. */
  async function claireDraftsTheReport(): Promise<ShownCard> {
    // The sign-off world's priorities are finished, so the card offers "Edit a section": start from the Priority.
    const priorityCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.section.open', {}, (data) => data['priorityId'] === 'central-school-avoidance' && data['section'] === 'priority');
    return writePriority(world, world.claire, priorityCard, TYPED, CARRY_FORWARD);
  }

  async function claireSubmits(): Promise<ShownCard> {
    const review = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.report.review');
    return press(world, world.claire, review, 'tass.report.submit');
  }

  it('holds no drafts, then one readable item per priority once submitted, and nothing once returned', async () => {
    const drafted = await claireDraftsTheReport();
    expect(cardText(drafted.card)).toContain('6 of 6 sections done');
    const whileDraft = await publishedItems();
    expect(whileDraft).toEqual([]);
    expect(JSON.stringify(whileDraft)).not.toContain('Breakfast panel');

    await claireSubmits();
    const published = await publishedItems();
    expect(published).toHaveLength(2);
    const [avoidance, neet] = [...published].sort((a, b) => Number(a.fields.SortOrder) - Number(b.fields.SortOrder));
    expect(avoidance.fields).toMatchObject({
      Title: TYPED.priority,
      LocalityName: 'Central Lancs',
      LocalityId: 'central-lancs',
      Term: SPRING,
      TermLabel: 'Spring – March 2025',
      SortOrder: 1,
      // One line typed is a paragraph; two lines are a list, bulleted as in the reports.
      ActivityLastPeriod: TYPED.activityLastPeriod,
      ImpactSoFar: '• 14 young people back in school full time\n• Panel now chaired by a head teacher',
      Approval: 'pending',
      SubmittedAt: '2025-03-10T09:00:00Z',
    });
    expect(avoidance.fields.Themes).toBe('attendance; mental health');
    expect(neet.fields).toMatchObject({
      Title: NEET.title,
      SortOrder: 2,
      ImpactSoFar: '• 31 young people met a college adviser.',
      ImpactFigures: '31 young people met a college adviser',
      Themes: 'neet',
    });
    // Nothing that names an officer or keeps a reason for flagged text.
    for (const item of published) {
      const everything = JSON.stringify(item.fields);
      for (const officer of ['officer-claire-fox', 'officer-alison-walsh', 'Claire Fox', 'Alison Walsh']) expect(everything).not.toContain(officer);
      expect(item.fields).not.toHaveProperty('UpdatedBy');
      expect(item.fields).not.toHaveProperty('PersonalDataConfirmationsData');
    }

    const signOff = await waitForCard(world, world.mary, 'Waiting for approval');
    const returned = await press(world, world.mary, signOff, 'tass.signoff.return', { returnComment: 'Please add how many schools attend the panel.' });
    expect(cardText(returned.card)).toContain('Returned for changes by Mary Holt');
    await expect(publishedItems()).resolves.toEqual([]);
  });

  it('marks the published items approved when the manager approves', async () => {
    await claireDraftsTheReport();
    await claireSubmits();
    const signOff = await waitForCard(world, world.mary, 'Waiting for approval');
    await press(world, world.mary, signOff, 'tass.signoff.approve');
    const published = await publishedItems();
    expect(published.map((item) => item.fields.Approval)).toEqual(['approved', 'approved']);
    await expect(world.bot.store.listPublishedUpdates({ localityId: 'central-lancs', term: SPRING })).resolves.toHaveLength(2);
  });

  it('leaves nothing published when a submission fails part-way, and the report still a draft', async () => {
    await claireDraftsTheReport();
    const before = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    // SharePoint refuses the second published item: the updates and report saved before it are put back.
    const publishedPath = new RegExp(`/lists/${await listId(PUBLISHED_LIST)}/items$`);
    graph.faults.add({ kind: 'status', status: 500 }, 1, { method: 'POST', path: publishedPath, inBatch: true, skip: 1 });
    const review = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.report.review');
    const submit = actionsOf(review.card).find((action) => action.verb === 'tass.report.submit')!;
    // Claire is told it did not go through, and her card stays as it is.
    const failed = await invoke(world, world.claire, submit.verb, submit.data, { messageId: review.messageId });
    expect(failed).toEqual(CARD_ACTION_FAILED);

    expect(graph.log.records.some((record) => record.inBatch && record.method === 'POST' && publishedPath.test(record.path) && record.status === 201)).toBe(true);
    await expect(publishedItems()).resolves.toEqual([]);
    await expect(world.bot.store.getLocalityReport('central-lancs', SPRING)).resolves.toEqual(before);
    await expect(world.bot.store.listPublishedUpdates({})).resolves.toEqual([]);

    // Once SharePoint accepts the writes again, the same Submit publishes both priorities.
    await claireSubmits();
    await expect(publishedItems()).resolves.toHaveLength(2);
  });
});
