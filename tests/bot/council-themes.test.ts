/**
 * A council's own theme list (TASS_THEMES), through the real bot server: the Intended Outcomes
 * card offers the council's themes and suggests from their keywords, saving keeps only the
 * council's ids (and stored ids the card could not offer), and the managers' outcomes card
 * groups by the council's themes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardText, cardsOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import { anOfficer } from '../support/builders';
import { seedYouthVoice, writeThemeFile } from '../support/council-themes';
import { seedOutcomes } from '../support/outcomes-fixture';
import { actionsOf, inputValue, openReportCard, press, startWizardWorld, type WizardWorld } from '../support/wizard-world';

/** The titles a card's theme choice offers. */
function themeChoices(card: unknown): string[] {
  let titles: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Input.ChoiceSet' && record['id'] === 'themes') {
      titles = (record['choices'] as Array<{ title: string }>).map((choice) => choice.title);
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return titles;
}

describe('a council\'s own themes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-council-themes-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('on the Intended Outcomes card', () => {
    let world: WizardWorld;
    beforeEach(async () => {
      world = await startWizardWorld({ env: { TASS_THEMES: writeThemeFile(dir) } });
    });
    afterEach(async () => {
      await world.close();
    });

    it('offers the council\'s themes, pre-ticks Youth voice from its keywords, and saves only the council\'s ids', async () => {
      const report = await openReportCard(world, world.claire);
      const titleCard = await press(world, world.claire, report, 'tass.priority.add');
      const outcomesCard = await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: 'Pupil voice and youth council' });
      expect(themeChoices(outcomesCard.card)).toEqual(['Youth voice', 'School avoidance and attendance', 'NEET and post-16']);
      expect(inputValue(outcomesCard.card, 'themes')).toBe('youth-voice');
      expect(cardText(outcomesCard.card)).toContain('Themes: suggested from what you wrote');
      const priorityId = String(actionsOf(outcomesCard.card)[0].data['priorityId']);
      // "mental-health" is a default theme this council left out: a forged tick of it is not kept.
      await press(world, world.claire, outcomesCard, 'tass.section.saveNext', { text: 'Every school has a pupil voice group', themes: 'youth-voice,mental-health' });
      expect((await world.bot.store.getPriority(priorityId))?.themes).toEqual(['youth-voice']);
    });

    it('keeps a priority\'s stored themes that the council\'s list no longer offers', async () => {
      const report = await openReportCard(world, world.claire);
      const titleCard = await press(world, world.claire, report, 'tass.priority.continue');
      const outcomesCard = await press(world, world.claire, titleCard, 'tass.section.saveNext', { text: String(inputValue(titleCard.card, 'text')) });
      expect(inputValue(outcomesCard.card, 'themes')).toBe('attendance');
      await press(world, world.claire, outcomesCard, 'tass.section.saveDraft', { text: String(inputValue(outcomesCard.card, 'text')), themes: 'attendance,youth-voice' });
      expect((await world.bot.store.getPriority('central-school-avoidance'))?.themes).toEqual(['attendance', 'youth-voice', 'mental health']);
    });
  });

  describe('on the managers\' outcomes card', () => {
    let bot: BotHarness;
    beforeAll(async () => {
      bot = await startBotHarness({ now: '2025-07-10T09:00:00Z', env: { TASS_THEMES: writeThemeFile(dir, undefined, 'outcomes-themes.json') } });
      await seedOutcomes(bot.store);
      await seedYouthVoice(bot.store);
      await bot.store.upsertOfficer(anOfficer({ id: 'officer-mary', name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary', roles: ['manager'], localityIds: [] }));
    });
    afterAll(async () => {
      await bot.close();
    });

    it('groups by the council\'s themes, a dropped theme under its id', async () => {
      const mary = bot.user({ name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary' });
      await bot.install(mary);
      const text = (await bot.say(mary, 'outcomes Autumn 2024 to Summer 2025')).flatMap(cardsOf).map(cardText).join('\n');
      const headings = ['Youth voice', 'School avoidance and attendance', 'NEET and post-16', 'mental-health', 'No theme'];
      for (const heading of headings) expect(text.split('\n')).toContain(heading);
      const positions = headings.map((heading) => text.split('\n').indexOf(heading));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain('Pupil voice and youth council');
      expect(text).not.toContain('Mental health and wellbeing');
    });
  });
});
