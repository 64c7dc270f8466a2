/** Adding and closing priorities through the cards, and who may act on a locality's report. */
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { cardText } from '../../support/bot-harness';
import { items } from '../../support/builders';
import { inputValue, invoke, openReportCard, press, SPRING, startWizardWorld, type WizardWorld } from '../../support/wizard-world';

const SAVE_NEXT = 'tass.section.saveNext';
const NEW_TITLE = 'Transition to secondary school for children with SEND in Chorley';

describe('priorities', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('adds a new priority opened this term, once, however often its first save arrives', async () => {
    const report = await openReportCard(world, world.claire);
    const titleCard = await press(world, world.claire, report, 'tass.priority.add');
    expect(cardText(titleCard.card)).toContain('New priority');
    expect(inputValue(titleCard.card, 'text')).toBe('');

    const outcomes = await press(world, world.claire, titleCard, SAVE_NEXT, { text: NEW_TITLE });
    expect(cardText(outcomes.card)).toContain('Intended Outcomes');
    // The same Save and next delivered again creates nothing more.
    await press(world, world.claire, titleCard, SAVE_NEXT, { text: NEW_TITLE });

    const priorities = await world.bot.store.listPriorities('central-lancs');
    expect(priorities.map((p) => p.title)).toEqual([expect.stringContaining('School Avoidance'), NEW_TITLE]);
    const added = priorities[1];
    expect(added).toMatchObject({ status: 'active', openedTerm: SPRING, order: 2, localityId: 'central-lancs', version: 1 });
    const update = await world.bot.store.getPriorityUpdate(added.id, SPRING);
    expect(update).toMatchObject({ title: NEW_TITLE, sectionsDone: ['priority'], version: 1, intendedOutcomes: items() });

    const refreshed = await openReportCard(world, world.alison);
    expect(cardText(refreshed.card)).toContain(escapeCardText(NEW_TITLE));
    expect(cardText(refreshed.card)).toContain('1 of 6 sections done');
  });

  it('does not create a priority from a draft without a title', async () => {
    const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.add');
    const refused = await press(world, world.claire, titleCard, 'tass.section.saveDraft', { text: '' });
    expect(cardText(refused.card)).toContain('A new priority needs its title before anything can be saved.');
    const back = await press(world, world.claire, titleCard, 'tass.section.back', { text: '' });
    expect(cardText(back.card)).toContain('TASS locality report');
    expect(await world.bot.store.listPriorities('central-lancs')).toHaveLength(1);
  });

  it('closes a priority with a closing note and keeps it in this term\'s report', async () => {
    const report = await openReportCard(world, world.claire);
    const closeCard = await press(world, world.claire, report, 'tass.priority.close.open');
    expect(inputValue(closeCard.card, 'status')).toBe('');

    const refused = await press(world, world.claire, closeCard, 'tass.priority.close.save', { status: 'handed over', closingNote: ' ' });
    expect(cardText(refused.card)).toContain('Write a closing note');
    expect((await world.bot.store.getPriority('central-school-avoidance'))?.status).toBe('active');

    const note = 'Now closed to the Locality Group; the EPO remains a point of contact.';
    const after = await press(world, world.claire, closeCard, 'tass.priority.close.save', { status: 'handed over', closingNote: note });
    expect(cardText(after.card)).toContain(escapeCardText(`Handed over: ${note}`));
    expect(await world.bot.store.getPriority('central-school-avoidance')).toMatchObject({
      status: 'handed over',
      closingNote: note,
      closedTerm: SPRING,
      version: 2,
    });
    // Pressed again: nothing more is written.
    await press(world, world.claire, closeCard, 'tass.priority.close.save', { status: 'handed over', closingNote: note });
    expect((await world.bot.store.getPriority('central-school-avoidance'))?.version).toBe(2);
  });

  it('refuses an EPO of another locality and writes nothing', async () => {
    const report = await openReportCard(world, world.claire);
    const sectionCard = await press(world, world.claire, report, 'tass.priority.continue');
    const saveData = { ...(sectionCardAction(sectionCard.card)), text: 'Written by someone from Preston' };
    const body = await invoke(world, world.peter, 'tass.section.saveNext', saveData);
    expect(cardText(body.value)).toContain('Not your locality');
    expect(await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING)).toBeUndefined();
    expect(world.bot.logs.some((line) => line['msg'] === 'wizard action refused: not an EPO of the locality')).toBe(true);
  });

  it('lets an officer covering for an absent EPO work on the covered locality while the cover lasts', async () => {
    await world.bot.store.saveCover({ id: 'cover-peter', localityId: 'central-lancs', coverOfficerId: 'officer-peter-hale', absentOfficerId: 'officer-alison-walsh', from: '2025-03-01', to: '2025-03-31', assignedBy: 'officer-helen-brooks' });
    const report = await openReportCard(world, world.claire);
    const sectionCard = await press(world, world.claire, report, 'tass.priority.continue');
    const body = await invoke(world, world.peter, 'tass.section.saveDraft', { ...sectionCardAction(sectionCard.card), text: 'School avoidance in Chorley' });
    expect(cardText(body.value)).toContain('Draft saved');
    expect(await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING)).toMatchObject({ title: 'School avoidance in Chorley', updatedBy: 'officer-peter-hale' });
  });

  it('answers forged or damaged card data with a card, not an error', async () => {
    const body = await invoke(world, world.claire, 'tass.section.saveNext', { localityId: 'central-lancs', term: 'next week', version: 'x' });
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('This card is out of date');
  });
});

function sectionCardAction(card: unknown): Record<string, unknown> {
  const actions = (card as { actions: Array<{ verb: string; data: Record<string, unknown> }> }).actions;
  return actions.find((action) => action.verb === 'tass.section.saveNext')!.data;
}
