/**
 * The section cards of one priority, through the real bot over HTTP: each card in the report's
 * order with its guidance, carry-forward from last term, the limits, drafts and Back.
 */
import { SECTION_HEADINGS, type SectionName, type SectionText } from '../../../src/domain/model';
import { SECTION_GUIDANCE } from '../../../src/bot/report-wizard/section-guidance';
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { createBotServer } from '../../../src/server/create-bot-server';
import { cardText } from '../../support/bot-harness';
import { items, prose } from '../../support/builders';
import { actionsOf, inputValue, invoke, openReportCard, press, SPRING, startWizardWorld, type ShownCard, type WizardWorld } from '../../support/wizard-world';

const PRIORITY_ID = 'central-school-avoidance';
const SAVE_NEXT = 'tass.section.saveNext';
const SAVE_DRAFT = 'tass.section.saveDraft';
const MARK_ALL = { carryOutcome_0: 'done', carryOutcome_1: 'partly done', carryOutcome_2: 'carried forward' };

/** [section on the card, what the EPO types, extra inputs, what is stored]. */
const SECTION_STEPS: ReadonlyArray<[SectionName, string, Record<string, string>, SectionText | string]> = [
  ['priority', 'School avoidance: support for schools working with anxious children and families', {}, 'School avoidance: support for schools working with anxious children and families'],
  ['intendedOutcomes', 'To map the mental health offer for schools\nTo agree a referral route with CAMHS', {}, items('To map the mental health offer for schools', 'To agree a referral route with CAMHS')],
  ['activityLastPeriod', '• Panel met on 14 January with 8 high schools\n- Compass Bloom ran the SMHL network', MARK_ALL, items('Panel met on 14 January with 8 high schools', 'Compass Bloom ran the SMHL network')],
  ['plannedActivityNextPeriod', 'Second panel meeting in May\nShare the MH pathways document', {}, items('Second panel meeting in May', 'Share the MH pathways document')],
  ['impactSoFar', '8\u00a0high schools now refer through the panel.', {}, prose('8 high schools now refer through the panel.')],
  ['exitStrategy', 'The LCC Attendance Team will run the panel from September.', {}, prose('The LCC Attendance Team will run the panel from September.')],
];

/** The label of an input on a card. */
function inputLabel(card: unknown, id: string): unknown {
  let label: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['id'] === id && String(record['type']).startsWith('Input.')) label = record['label'];
    Object.values(record).forEach(visit);
  };
  visit(card);
  return label;
}

describe('section cards of a priority', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const stored = () => world.bot.store.getPriorityUpdate(PRIORITY_ID, SPRING);

  it('walks all six section cards in the report\'s order and stores exactly what was typed', async () => {
    let shown: ShownCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    for (const [section, typed, extra] of SECTION_STEPS) {
      const text = cardText(shown.card);
      expect(text).toContain(SECTION_HEADINGS[section]);
      expect(text).toContain(SECTION_GUIDANCE[section]);
      shown = await press(world, world.claire, shown, SAVE_NEXT, { text: typed, ...extra });
    }
    expect(cardText(shown.card)).toContain('6 of 6 sections done');
    const update = await stored();
    for (const [section, , , expected] of SECTION_STEPS) {
      expect(section === 'priority' ? update?.title : update?.[section]).toEqual(expected);
    }
    expect(update?.sectionsDone).toEqual(['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy']);
    expect(update?.updatedBy).toBe('officer-claire-fox');
  });

  it('carries last term forward: outcomes and exit strategy start from Autumn, planned items are marked, Autumn\'s impact is shown', async () => {
    const priorityCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    const outcomesCard = await press(world, world.claire, priorityCard, SAVE_NEXT, { text: String(inputValue(priorityCard.card, 'text')) });
    expect(inputValue(outcomesCard.card, 'text')).toBe('The Central Lancs TASS work will link in with the county wide work looking at this.');

    const activityCard = await press(world, world.claire, outcomesCard, SAVE_NEXT, { text: String(inputValue(outcomesCard.card, 'text')) });
    for (const planned of ['Follow up with PMHW/ CAMHs planned.', 'Handover of the school avoidance work to LCC Attendance Team.']) {
      expect(cardText(activityCard.card)).toContain(escapeCardText(planned));
    }
    expect(inputValue(activityCard.card, 'carryOutcome_2')).toBe('');

    const unmarked = await press(world, world.claire, activityCard, SAVE_NEXT, { text: 'Panel met in January', carryOutcome_0: 'done' });
    expect(cardText(unmarked.card)).toContain(escapeCardText("Say how each of last term's planned items went (2 not marked yet)."));
    expect(inputValue(unmarked.card, 'text')).toBe('Panel met in January');
    expect((await stored())?.activityLastPeriod).toEqual(items());

    const plannedCard = await press(world, world.claire, unmarked, SAVE_NEXT, { text: 'Panel met in January', ...MARK_ALL });
    expect((await stored())?.carryForward).toEqual([
      { item: 'Follow up with PMHW/ CAMHs planned.', outcome: 'done' },
      { item: 'Handover of the school avoidance work to LCC Attendance Team.', outcome: 'partly done' },
      { item: 'School avoidance panel meeting to be held with more school and key partners.', outcome: 'carried forward' },
    ]);
    const impactCard = await press(world, world.claire, plannedCard, SAVE_NEXT, { text: 'Second panel in May' });
    expect(cardText(impactCard.card)).toContain('Impact so far, as reported for Autumn 2024');
    expect(cardText(impactCard.card)).toContain(escapeCardText('Commitment from Compass Bloom to coordinate and facilitate the SMHL network.'));
    const exitCard = await press(world, world.claire, impactCard, SAVE_NEXT, { text: 'Schools refer through the panel' });
    expect(inputValue(exitCard.card, 'text')).toBe('The MH pathways document will be in place for all schools.');
  });

  it('tells the author the Priority is one line, and the other sections one item per line', async () => {
    const priorityCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    expect(cardText(priorityCard.card)).toContain('One line: the title is printed just as you write it under "Priority" in the report.');
    expect(cardText(priorityCard.card)).not.toContain('One item per line');
    const outcomesCard = await press(world, world.claire, priorityCard, SAVE_NEXT, { text: String(inputValue(priorityCard.card, 'text')) });
    expect(cardText(outcomesCard.card)).toContain('One item per line: each line becomes one bullet in the report.');
  });

  it('names each planned item in the label of its dropdown, so a screen reader can tell them apart', async () => {
    const priorityCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    const outcomesCard = await press(world, world.claire, priorityCard, SAVE_NEXT, { text: String(inputValue(priorityCard.card, 'text')) });
    const activityCard = await press(world, world.claire, outcomesCard, SAVE_NEXT, { text: String(inputValue(outcomesCard.card, 'text')) });
    expect(['carryOutcome_0', 'carryOutcome_1', 'carryOutcome_2'].map((id) => inputLabel(activityCard.card, id))).toEqual([
      'Follow up with PMHW/ CAMHs planned.',
      'Handover of the school avoidance work to LCC Attendance Team.',
      'School avoidance panel meeting to be held with more school and key partners.',
    ]);
  });

  it.each([
    ['a section over 4,000 characters', 'intendedOutcomes', 'x'.repeat(4001), SAVE_DRAFT, 'the most a section can hold is 4,000'],
    ['a title over 500 characters', 'priority', 'y'.repeat(501), SAVE_NEXT, 'the most a section can hold is 500'],
    ['Save and next on an empty section', 'priority', '  \n ', SAVE_NEXT, 'Priority is needed for the report'],
  ])('refuses %s, explains it on the card and keeps the typed text', async (_case, section, typed, verb, explanation) => {
    const report = await openReportCard(world, world.claire);
    let shown = await press(world, world.claire, report, 'tass.priority.continue');
    if (section === 'intendedOutcomes') shown = await press(world, world.claire, shown, SAVE_NEXT, { text: 'The priority title' });
    const before = await stored();
    const refused = await press(world, world.claire, shown, verb, { text: typed });
    expect(cardText(refused.card)).toContain(escapeCardText(explanation));
    expect(inputValue(refused.card, 'text')).toBe(typed);
    expect(await stored()).toEqual(before);
  });

  it('Save draft keeps a partial section without marking it done; Back keeps what was typed and goes back', async () => {
    const priorityCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    const outcomesCard = await press(world, world.claire, priorityCard, SAVE_NEXT, { text: 'School avoidance' });
    const drafted = await press(world, world.claire, outcomesCard, SAVE_DRAFT, { text: 'To map the offer' });
    expect(cardText(drafted.card)).toContain(escapeCardText('Draft saved at 09:00 on 10 March 2025.'));
    expect(inputValue(drafted.card, 'text')).toBe('To map the offer');
    expect((await stored())?.sectionsDone).toEqual(['priority']);

    const back = await press(world, world.claire, drafted, 'tass.section.back', { text: 'To map the offer\nTo agree a route' });
    expect(cardText(back.card)).toContain('Section 1 of 6');
    expect((await stored())?.intendedOutcomes).toEqual(items('To map the offer', 'To agree a route'));

    // The draft is in the store, not in the bot: a fresh report card continues where Claire stopped.
    const resumed = await press(world, world.alison, await openReportCard(world, world.alison), 'tass.priority.continue');
    expect(cardText(resumed.card)).toContain('Intended Outcomes');
    expect(inputValue(resumed.card, 'text')).toBe('To map the offer\nTo agree a route');
  });

  it('keeps drafts across a restart: a new bot process on the same store continues where the EPO stopped', async () => {
    const report = await openReportCard(world, world.claire);
    const priorityCard = await press(world, world.claire, report, 'tass.priority.continue');
    const outcomesCard = await press(world, world.claire, priorityCard, SAVE_NEXT, { text: 'School avoidance' });
    await press(world, world.claire, outcomesCard, SAVE_DRAFT, { text: 'To map the offer\nTo agree a route' });

    await world.bot.bot.close();
    const restarted = createBotServer({ ...world.bot.deps });
    const port = await restarted.listen(0, '127.0.0.1');
    try {
      const continueData = actionsOf(report.card).find((action) => action.verb === 'tass.priority.continue')!.data;
      const body = await invoke(world, world.claire, 'tass.priority.continue', continueData, { baseUrl: `http://127.0.0.1:${port}`, messageId: report.messageId });
      expect(cardText(body.value)).toContain('Intended Outcomes');
      expect(inputValue(body.value, 'text')).toBe('To map the offer\nTo agree a route');
    } finally {
      await restarted.close();
    }
  });
});
