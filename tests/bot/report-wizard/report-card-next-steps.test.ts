/**
 * What the report card offers to do next: "Continue this priority" while sections are left;
 * once all six are done, "Edit a section" under the priority (any of its six) instead, and just
 * under the "All six sections … are done" notice the step after it: the next unfinished
 * priority, or Review and submit when every priority is done.
 */
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { cardText } from '../../support/bot-harness';
import { actionsOf, inputValue, openReportCard, press, startWizardWorld, writePriority, type ShownCard, type WizardWorld } from '../../support/wizard-world';

const CARRIED = {
  priority: 'School avoidance: support for schools working with anxious children',
  intendedOutcomes: 'To map the mental health offer for schools',
  activityLastPeriod: 'Panel met on 14 January with 8 high schools',
  plannedActivityNextPeriod: 'Second panel meeting in May',
  impactSoFar: '8 high schools now refer through the panel.',
  exitStrategy: 'The LCC Attendance Team will run the panel from September.',
};
const MARKS = { carryOutcome_0: 'done', carryOutcome_1: 'partly done', carryOutcome_2: 'carried forward' };
const NEW_TITLE = 'Transition to secondary school for children with SEND in Chorley and South Ribble';
const NEW = { ...CARRIED, priority: NEW_TITLE };

interface CardNode {
  readonly type?: string;
  readonly text?: string;
  readonly title?: string;
  readonly items?: readonly CardNode[];
  readonly actions?: readonly CardNode[];
  readonly card?: CardNode;
  readonly body?: readonly CardNode[];
}

/** The block of the report card that shows one priority: its title, progress and buttons. */
function priorityBlock(card: unknown, title: string): CardNode {
  const shown = escapeCardText(title);
  let found: CardNode | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as CardNode;
    if (record.type === 'Container' && record.items?.[0]?.text === shown) found = record;
    Object.values(record).forEach(visit);
  };
  visit(card);
  if (!found) throw new Error(`the report card shows no priority titled "${title}"`);
  return found;
}

/** The titles of the buttons under a priority, in order (not those inside "Edit a section"). */
function buttonsOf(block: CardNode): string[] {
  const set = block.items?.find((item) => item.type === 'ActionSet');
  return (set?.actions ?? []).map((action) => action.title ?? '');
}

/** The section buttons "Edit a section" reveals. */
function editButtonsOf(block: CardNode): string[] {
  const set = block.items?.find((item) => item.type === 'ActionSet');
  const edit = set?.actions?.find((action) => action.title === 'Edit a section');
  return actionsOf(edit?.card).map((action) => action.title ?? '');
}

/** The button just under the card's notice, if any. */
function stepUnderNotice(card: unknown): string[] {
  const body = (card as { body: CardNode[] }).body;
  const notice = body.findIndex((element) => element.type === 'TextBlock' && element.text?.startsWith('All six sections'));
  const next = body[notice + 1];
  return notice >= 0 && next?.type === 'ActionSet' ? (next.actions ?? []).map((action) => action.title ?? '') : [];
}

describe('the report card\'s next step', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function finishCarried(): Promise<ShownCard> {
    const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    return writePriority(world, world.claire, titleCard, CARRIED, MARKS);
  }

  it('offers "Continue this priority" while sections are left, and no step under a notice', async () => {
    const start = await openReportCard(world, world.claire);
    const block = priorityBlock(start.card, 'School Avoidance- what support is available for schools');
    expect(buttonsOf(block)).toEqual(['Continue this priority', 'Close or hand over']);
    expect(stepUnderNotice(start.card)).toEqual([]);
  });

  it('once every priority is done, offers Review and submit under the notice, and any section to edit', async () => {
    const done = await finishCarried();
    expect(cardText(done.card)).toContain(`All six sections of \u201c${CARRIED.priority}\u201d are done. Every priority is done: review the report and submit it.`);
    expect(stepUnderNotice(done.card)).toEqual(['Review and submit']);
    const block = priorityBlock(done.card, CARRIED.priority);
    expect(buttonsOf(block)).toEqual(['Edit a section', 'Close or hand over']);
    expect(editButtonsOf(block)).toEqual(['Priority', 'Intended Outcomes', 'Activity last period', 'Planned activity next period', 'Impact so far', 'Exit Strategy']);

    const review = await press(world, world.claire, done, 'tass.report.review');
    expect(actionsOf(review.card).map((action) => action.title)).toContain('Submit');
  });

  it('opens the chosen finished section with what was saved, and Save and next carries on from there', async () => {
    const done = await finishCarried();
    const impactCard = await press(world, world.claire, done, 'tass.section.open', {}, (data) => data['section'] === 'impactSoFar');
    expect(cardText(impactCard.card)).toContain('Section 5 of 6');
    expect(inputValue(impactCard.card, 'text')).toBe(CARRIED.impactSoFar);
    const exitCard = await press(world, world.claire, impactCard, 'tass.section.saveNext', { text: '9 high schools now refer through the panel.' });
    expect(cardText(exitCard.card)).toContain('Section 6 of 6');
    expect((await world.bot.store.getPriorityUpdate('central-school-avoidance', '2024-25-spring'))?.impactSoFar).toEqual({
      kind: 'prose',
      paragraphs: ['9 high schools now refer through the panel.'],
    });
  });

  it('after finishing a priority while another is unfinished, offers that one next', async () => {
    // The new priority first, left after its title; then the carried one, finished.
    const start = await openReportCard(world, world.claire);
    const titleCard = await press(world, world.claire, start, 'tass.priority.add');
    await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: NEW_TITLE });
    const done = await finishCarried();

    expect(cardText(done.card)).not.toContain('Every priority is done');
    expect(stepUnderNotice(done.card)).toEqual(['Next: Transition to secondary school for\u2026']);
    expect(buttonsOf(priorityBlock(done.card, NEW_TITLE))).toEqual(['Continue this priority', 'Close or hand over']);

    const next = await press(world, world.claire, done, 'tass.priority.continue', {}, (data) => data['priorityId'] !== 'central-school-avoidance');
    expect(cardText(next.card)).toContain('Section 2 of 6');
    expect(cardText(next.card)).toContain(escapeCardText(NEW_TITLE));
    const after = await writePriority(world, world.claire, await press(world, world.claire, next, 'tass.section.back', { text: '' }), NEW, {});
    expect(stepUnderNotice(after.card)).toEqual(['Review and submit']);
  });

  it('does not say "all done" when the last section is saved but an earlier one is not done', async () => {
    const done = await finishCarried();
    // A co-author's Exit Strategy card is open; meanwhile Intended Outcomes is emptied and kept as a draft.
    const exitCard = await press(world, world.alison, done, 'tass.section.open', {}, (data) => data['section'] === 'exitStrategy');
    const outcomes = await press(world, world.claire, done, 'tass.section.open', {}, (data) => data['section'] === 'intendedOutcomes');
    await press(world, world.claire, outcomes, 'tass.section.saveDraft', { text: '' });
    const again = await press(world, world.alison, exitCard, 'tass.section.saveNext', { text: String(inputValue(exitCard.card, 'text')) });
    expect(cardText(again.card)).toContain(escapeCardText(`\u201c${CARRIED.priority}\u201d is saved, but some of its sections are not done yet.`));
    expect(cardText(again.card)).not.toContain('All six sections');
    expect(buttonsOf(priorityBlock(again.card, CARRIED.priority))).toEqual(['Continue this priority', 'Close or hand over']);
  });
});
