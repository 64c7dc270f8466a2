/**
 * Cover for absence through the real bot server with a fixed clock: a manager sets cover on the
 * cover card; while it lasts the cover officer gets the report card and may edit, the absent
 * officer may not, and prompts go to the cover officer; when it ends the rights return.
 */
import { openCampaign } from '../../../src/bot/campaign/open-campaign';
import { isListedInputId } from '../../../src/cards/card-models';
import { COVER_CARD_INPUT_IDS } from '../../../src/cards/manager-card-models';
import { parseAdaptiveCard } from '../../support/adaptive-card-parser';
import { cardText, cardsOf, type HarnessUser } from '../../support/bot-harness';
import { startSignOffWorld, type SignOffWorld } from '../../support/sign-off-world';
import { invoke, SPRING } from '../../support/wizard-world';

describe('cover for absence', () => {
  let world: SignOffWorld;
  beforeEach(async () => {
    world = await startSignOffWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function coverAction(user: HarnessUser, verb: string, data: Record<string, unknown>): Promise<string> {
    const body = await invoke(world, user, verb, data);
    expect(body.statusCode).toBe(200);
    return cardText(body.value);
  }

  /** Peter Hale (Preston) covers Alison Walsh in Central Lancs, 10 to 21 March 2025. */
  async function peterCoversAlison(): Promise<string> {
    return coverAction(world.mary, 'tass.cover.set', { localityId: 'central-lancs', coverOfficerId: 'officer-peter-hale', absentOfficerId: 'officer-alison-walsh', from: '2025-03-10', to: '2025-03-21' });
  }

  async function opensReport(user: HarnessUser): Promise<boolean> {
    const text = cardText((await invoke(world, user, 'tass.report.show', { localityId: 'central-lancs', term: SPRING, version: 0, view: 'report' })).value);
    return !text.includes('Not your locality');
  }

  it('a manager sets cover on the card and sees it listed', async () => {
    const text = await peterCoversAlison();
    expect(text).toContain('Cover set.');
    expect(text).toContain('Peter Hale covers Central Lancs for Alison Walsh, 10 March 2025 to 21 March 2025');
    expect(text).toContain('Current');
    expect(await world.bot.store.listCovers('central-lancs')).toEqual([
      expect.objectContaining({ coverOfficerId: 'officer-peter-hale', absentOfficerId: 'officer-alison-walsh', from: '2025-03-10', to: '2025-03-21', assignedBy: 'officer-mary-holt' }),
    ]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['nothing chosen', {}, 'Choose the locality.'],
    ['an end before the start', { localityId: 'central-lancs', coverOfficerId: 'officer-peter-hale', from: '2025-03-21', to: '2025-03-10' }, 'The cover ends before it starts.'],
    ['a locality the manager does not manage', { localityId: 'preston', coverOfficerId: 'officer-claire-fox', from: '2025-03-10', to: '2025-03-21' }, 'only set cover for the localities you manage'],
  ])('refuses %s and keeps what was typed', async (_what, inputs, problem) => {
    const text = await coverAction(world.mary, 'tass.cover.set', inputs);
    expect(text).toContain(problem);
    expect(await world.bot.store.listCovers()).toEqual([]);
  });

  it('the cover card is a valid card with exactly its listed inputs', async () => {
    await peterCoversAlison();
    const body = await invoke(world, world.mary, 'tass.cover.set', { localityId: 'central-lancs' });
    const parsed = parseAdaptiveCard(body.value);
    expect(parsed.problems).toEqual([]);
    expect([...parsed.inputIds].sort()).toEqual([...COVER_CARD_INPUT_IDS].sort());
    expect(parsed.inputIds.every((id) => isListedInputId(COVER_CARD_INPUT_IDS, id))).toBe(true);
    expect([...new Set(parsed.verbs)].sort()).toEqual(['tass.cover.end', 'tass.cover.set']);
  });

  it('refuses an EPO', async () => {
    expect(await coverAction(world.claire, 'tass.cover.set', { localityId: 'central-lancs', coverOfficerId: 'officer-claire-fox', from: '2025-03-10', to: '2025-03-21' })).toContain('Only managers and admins');
  });

  it.each<[string, string, boolean, boolean]>([
    ['the day before', '2025-03-09T09:00:00Z', false, true],
    ['the first day', '2025-03-10T09:00:00Z', true, false],
    ['the last day', '2025-03-21T16:00:00Z', true, false],
    ['the day after', '2025-03-22T09:00:00Z', false, true],
  ])('editing rights switch by date: %s', async (_when, now, peter, alison) => {
    await peterCoversAlison();
    world.bot.setNow(now);
    expect(await opensReport(world.peter)).toBe(peter);
    expect(await opensReport(world.alison)).toBe(alison);
    expect(await opensReport(world.claire)).toBe(true);
  });

  it('the cover officer gets the locality\'s report card from "start" only while the cover lasts', async () => {
    await peterCoversAlison();
    const during = (await world.bot.say(world.peter, 'start')).flatMap(cardsOf).map(cardText).join('\n');
    expect(during).toContain('Central Lancs');
    world.bot.setNow('2025-03-22T09:00:00Z');
    const after = (await world.bot.say(world.peter, 'start')).flatMap(cardsOf).map(cardText).join('\n');
    expect(after).not.toContain('Central Lancs');
  });

  it('the campaign prompts the cover officer, not the absent one', async () => {
    await peterCoversAlison();
    world.bot.setNow('2025-03-14T08:00:00Z');
    await openCampaign(world.bot.deps, world.bot.bot.messenger, SPRING);
    const prompts = await world.bot.store.listDeliveries(SPRING, 'prompt');
    const central = prompts.filter((delivery) => delivery.localityId === 'central-lancs').map((delivery) => delivery.officerId).sort();
    expect(central).toEqual(['officer-claire-fox', 'officer-peter-hale']);
  });

  it('ending the cover on the card gives the rights back the same day', async () => {
    await peterCoversAlison();
    world.bot.setNow('2025-03-15T09:00:00Z');
    const [cover] = await world.bot.store.listCovers();
    const text = await coverAction(world.mary, 'tass.cover.end', { coverId: cover.id });
    expect(text).toContain('The cover has ended.');
    expect((await world.bot.store.listCovers())[0].to).toBe('2025-03-14');
    expect(await opensReport(world.peter)).toBe(false);
    expect(await opensReport(world.alison)).toBe(true);
  });
});
