/**
 * Themes on the Intended Outcomes card, through the real bot server: a new priority gets themes
 * suggested from its title, the officer confirms or changes them, and they are kept on the
 * priority for the outcomes by theme.
 */
import { cardText } from '../../support/bot-harness';
import { actionsOf, inputValue, openReportCard, press, startWizardWorld, type WizardWorld } from '../../support/wizard-world';

describe('priority themes', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('suggests themes for a new priority from its title and keeps what the officer ticks', async () => {
    const report = await openReportCard(world, world.claire);
    const titleCard = await press(world, world.claire, report, 'tass.priority.add');
    const outcomesCard = await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: 'Reduce the number of young people who are NEET in Chorley' });
    expect(cardText(outcomesCard.card)).toContain('Themes: suggested from what you wrote');
    expect(inputValue(outcomesCard.card, 'themes')).toBe('neet');
    const priorityId = String(actionsOf(outcomesCard.card)[0].data['priorityId']);
    await press(world, world.claire, outcomesCard, 'tass.section.saveNext', { text: 'Fewer NEET young people', themes: 'neet,attendance' });
    expect((await world.bot.store.getPriority(priorityId))?.themes).toEqual(['neet', 'attendance']);
  });

  it('shows a priority\'s own themes without calling them suggestions, and saves a change alone', async () => {
    const report = await openReportCard(world, world.claire);
    const titleCard = await press(world, world.claire, report, 'tass.priority.continue');
    const outcomesCard = await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: String(inputValue(titleCard.card, 'text')) });
    expect(inputValue(outcomesCard.card, 'themes')).toBe('attendance');
    expect(cardText(outcomesCard.card)).not.toContain('suggested from what you wrote');
    const draft = await press(world, world.claire, outcomesCard, 'tass.section.saveDraft', { text: String(inputValue(outcomesCard.card, 'text')), themes: 'attendance,mental-health' });
    expect(cardText(draft.card)).toContain('Draft saved');
    // "mental health" (not a theme id the card offers) is kept as it was.
    expect((await world.bot.store.getPriority('central-school-avoidance'))?.themes).toEqual(['attendance', 'mental-health', 'mental health']);
  });
});
