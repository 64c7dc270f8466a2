/**
 * Two EPOs of one locality on one draft: a stale save never overwrites silently, edits of
 * different sections both stand, a repeated invoke writes once, and refresh shows each co-author
 * the current state.
 */
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { cardText } from '../../support/bot-harness';
import { items, prose } from '../../support/builders';
import { inputValue, invoke, openReportCard, press, refreshOf, SPRING, startWizardWorld, type ShownCard, type WizardWorld } from '../../support/wizard-world';

const SAVE_NEXT = 'tass.section.saveNext';
const SAVE_DRAFT = 'tass.section.saveDraft';
const PRIORITY_ID = 'central-school-avoidance';

describe('co-authors', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const stored = () => world.bot.store.getPriorityUpdate(PRIORITY_ID, SPRING);

  /** Both open the Intended Outcomes card of the same stored draft. */
  async function bothOnOutcomes(): Promise<[ShownCard, ShownCard]> {
    const claireTitle = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    const claireOutcomes = await press(world, world.claire, claireTitle, SAVE_NEXT, { text: 'School avoidance' });
    const alisonOutcomes = await press(world, world.alison, await openReportCard(world, world.alison), 'tass.priority.continue');
    expect(cardText(alisonOutcomes.card)).toContain('Intended Outcomes');
    return [claireOutcomes, alisonOutcomes];
  }

  it('shows a stale save the newer text, who saved it and when, and keeps the author\'s own text to merge', async () => {
    const [claireCard, alisonCard] = await bothOnOutcomes();
    world.bot.setNow('2025-03-10T10:02:00Z');
    await press(world, world.claire, claireCard, SAVE_DRAFT, { text: 'To map the mental health offer' });

    const conflict = await press(world, world.alison, alisonCard, SAVE_NEXT, { text: 'To agree a referral route' });
    const text = cardText(conflict.card);
    expect(text).toContain(escapeCardText('Claire Fox saved this section at 10:02 on 10 March 2025 while you were editing.'));
    expect(text).toContain('To map the mental health offer');
    expect(inputValue(conflict.card, 'text')).toBe('To agree a referral route');
    expect((await stored())?.intendedOutcomes).toEqual(prose('To map the mental health offer'));

    const merged = await press(world, world.alison, conflict, SAVE_NEXT, { text: 'To map the mental health offer\nTo agree a referral route' });
    expect(cardText(merged.card)).toContain('Activity last period');
    expect(await stored()).toMatchObject({
      intendedOutcomes: items('To map the mental health offer', 'To agree a referral route'),
      updatedBy: 'officer-alison-walsh',
    });
  });

  it('lets co-authors save different sections of the same priority without a conflict', async () => {
    const [claireOutcomes, alisonOutcomes] = await bothOnOutcomes();
    // Alison moves on to Activity last period and saves it; Claire's card is now based on an older version.
    const alisonActivity = await press(world, world.alison, alisonOutcomes, SAVE_NEXT, { text: String(inputValue(alisonOutcomes.card, 'text')) });
    await press(world, world.alison, alisonActivity, SAVE_DRAFT, { text: 'Panel met in January' });
    const claireNext = await press(world, world.claire, claireOutcomes, SAVE_NEXT, { text: 'To map the offer\nTo agree a route' });
    expect(cardText(claireNext.card)).not.toContain('while you were editing');
    expect(await stored()).toMatchObject({
      intendedOutcomes: items('To map the offer', 'To agree a route'),
      activityLastPeriod: prose('Panel met in January'),
    });
  });

  it('writes once when the same Action.Execute is delivered twice', async () => {
    const [claireCard] = await bothOnOutcomes();
    const first = await press(world, world.claire, claireCard, SAVE_NEXT, { text: 'To map the offer' });
    const versionAfterFirst = (await stored())?.version;
    const second = await press(world, world.claire, claireCard, SAVE_NEXT, { text: 'To map the offer' });
    expect((await stored())?.version).toBe(versionAfterFirst);
    expect(cardText(second.card)).toBe(cardText(first.card));
  });

  it('updates the message for everyone and refreshes each co-author\'s card to the stored state', async () => {
    const [claireCard] = await bothOnOutcomes();
    const saved = await press(world, world.claire, claireCard, SAVE_DRAFT, { text: 'To map the offer' });
    const refresh = refreshOf(saved.card);
    expect(refresh.userIds).toEqual(expect.arrayContaining([world.claire.id, world.alison.id]));
    const update = world.bot.connector.activities.filter((a) => a.method === 'PUT' && a.activityId === claireCard.messageId).pop();
    expect(update).toBeDefined();

    // Alison's client sees the updated message and refreshes it automatically.
    const body = await invoke(world, world.alison, refresh.verb, refresh.data, { trigger: 'automatic', messageId: saved.messageId });
    expect(inputValue(body.value, 'text')).toBe('To map the offer');
    expect(cardText(body.value)).toContain('Intended Outcomes');
  });
});
