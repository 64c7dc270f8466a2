/**
 * What the report card offers under each priority: "Continue this priority" while sections are
 * left, and once all six are done the right next step (the next unfinished priority, or Review
 * and submit) with a way to open any finished section to change it.
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

describe('the report card\'s next step under each priority', () => {
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

  it('offers "Continue this priority" while sections are left', async () => {
    const start = await openReportCard(world, world.claire);
    const block = priorityBlock(start.card, 'School Avoidance- what support is available for schools');
    expect(buttonsOf(block)).toEqual(['Continue this priority', 'Close or hand over']);
  });

  it('once every priority is done, offers Review and submit instead, and any section to edit', async () => {
    const done = await finishCarried();
    expect(cardText(done.card)).toContain('6 of 6 sections done');
    const block = priorityBlock(done.card, CARRIED.priority);
    expect(buttonsOf(block)).toEqual(['Review and submit', 'Edit a section', 'Close or hand over']);
    expect(editButtonsOf(block)).toEqual(['Priority', 'Intended Outcomes', 'Activity last period', 'Planned activity next period', 'Impact so far', 'Exit Strategy']);

    const review = await press(world, world.claire, { card: block as never, messageId: done.messageId }, 'tass.report.review');
    expect(cardText(review.card)).toContain('Submit');
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

  it('points a finished priority to the next unfinished one', async () => {
    const done = await finishCarried();
    const titleCard = await press(world, world.claire, done, 'tass.priority.add');
    const outcomesCard = await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: NEW_TITLE });
    expect(cardText(outcomesCard.card)).toContain('Section 2 of 6');
    const report = await openReportCard(world, world.claire);

    const finished = priorityBlock(report.card, CARRIED.priority);
    expect(buttonsOf(finished)).toEqual(['Next: Transition to secondary school for…', 'Edit a section', 'Close or hand over']);
    expect(buttonsOf(priorityBlock(report.card, NEW_TITLE))).toEqual(['Continue this priority', 'Close or hand over']);

    const next = await press(world, world.claire, { card: finished as never, messageId: report.messageId }, 'tass.priority.continue');
    expect(cardText(next.card)).toContain('Intended Outcomes');
    expect(cardText(next.card)).toContain(escapeCardText(NEW_TITLE));
  });
});
