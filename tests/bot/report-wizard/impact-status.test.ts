/**
 * The Impact so far card asks for the priority's status and optional figures: through the real
 * bot server, figures are checked, what was typed comes back with a problem, a status may be
 * left out ("not rated"), and the status and figures are stored on the priority's update.
 */
import { cardText } from '../../support/bot-harness';
import { inputValue, invoke, press, SPRING, startWizardWorld, type ShownCard, type WizardWorld } from '../../support/wizard-world';
import type { AdaptiveCardJson } from '../../../src/cards/render-card';

describe('impact status and figures', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function impactCard(): Promise<ShownCard> {
    const body = await invoke(world, world.claire, 'tass.report.refresh', {
      localityId: 'central-lancs', term: SPRING, priorityId: 'central-school-avoidance', section: 'impactSoFar', version: 0, view: 'section',
    });
    return { card: body.value as AdaptiveCardJson, messageId: 'm-impact' };
  }

  it('offers the three statuses and empty figure rows', async () => {
    const shown = await impactCard();
    expect(cardText(shown.card)).toContain('How is this priority going?');
    for (const status of ['On track', 'Some concerns', 'Off track']) expect(cardText(shown.card)).toContain(status);
    expect(inputValue(shown.card, 'figureValue_0')).toBe('');
    expect(inputValue(shown.card, 'rag')).toBe('');
  });

  it('keeps what was typed when a figure has a problem', async () => {
    const shown = await impactCard();
    const next = await press(world, world.claire, shown, 'tass.section.saveNext', { text: 'Panel running', rag: 'off track', figureValue_0: 'twelve', figureCounts_0: 'young people back in school' });
    expect(cardText(next.card)).toContain('Figure 1: give the number as digits');
    expect(inputValue(next.card, 'figureCounts_0')).toBe('young people back in school');
    expect(inputValue(next.card, 'rag')).toBe('off track');
    expect(await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING)).toBeUndefined();
  });

  it('refuses a figure without words', async () => {
    const shown = await impactCard();
    const next = await press(world, world.claire, shown, 'tass.section.saveNext', { text: 'Panel running', rag: 'on track', figureValue_1: '8' });
    expect(cardText(next.card)).toContain('Figure 2: say what the figure counts');
  });

  it('saves without a status: the priority is "not rated"', async () => {
    const shown = await impactCard();
    await press(world, world.claire, shown, 'tass.section.saveNext', { text: 'Panel running' });
    const stored = await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING);
    expect(stored?.rag).toBeUndefined();
    expect(stored?.figures).toEqual([]);
  });

  it('stores the status and figures with the section', async () => {
    const shown = await impactCard();
    const next = await press(world, world.claire, shown, 'tass.section.saveNext', {
      text: '12 young people back in school full time',
      rag: 'some concerns',
      figureValue_0: '12',
      figureCounts_0: 'young people back in school full time',
      figureValue_1: '1,200',
      figureCounts_1: 'sessions attended',
    });
    expect(cardText(next.card)).toContain('Exit Strategy');
    expect(await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING)).toMatchObject({
      rag: 'some concerns',
      figures: [
        { value: 12, counts: 'young people back in school full time' },
        { value: 1200, counts: 'sessions attended' },
      ],
      updatedBy: 'officer-claire-fox',
    });
    const back = await impactCard();
    expect(inputValue(back.card, 'rag')).toBe('some concerns');
    expect(inputValue(back.card, 'figureValue_1')).toBe('1200');
  });
});
