/** `officers [locality]` in chat, through the real adapter and a SQLite store. */
import { OFFICERS_PAGE_VERB, parseOfficersCommand } from '../../src/bot/officers-command';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import { escapeCardText } from '../../src/cards/escape-card-text';
import { startBotHarness, cardText, cardsOf, type BotHarness, type HarnessUser } from '../support/bot-harness';
import { USERS, seedOrganisation } from '../support/bot-organisation';
import { aLocality, anOfficer } from '../support/builders';
import { actionsOf } from '../support/wizard-world';

/** A locality name as long as real ones get, and then some. */
function longLocality(index: number): string {
  return `${index} North West Lancashire, Fylde Coast and the Ribble Valley Partnership Area`;
}

/** The officer names shown on a card of the officers list. */
function namesOn(card: unknown): string[] {
  const rows = (card as { body: Array<{ type: string; items?: Array<{ text: string }> }> }).body.filter((element) => element.type === 'Container');
  return rows.map((row) => row.items?.[0]?.text ?? '');
}

/** Presses "Previous" or "Next" on an officers card; resolves to the card that comes back. */
async function pressPage(bot: BotHarness, user: HarnessUser, card: unknown, title: 'Previous' | 'Next'): Promise<AdaptiveCardJson> {
  const action = actionsOf(card).find((candidate) => candidate.title === title);
  if (!action) throw new Error(`the card has no ${title} button`);
  const body = await bot.execute(user, action.verb, action.data);
  expect(body.statusCode).toBe(200);
  return body.value as AdaptiveCardJson;
}

describe('officers chat command', () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await startBotHarness({ now: '2025-03-17T09:00:00Z' });
    await seedOrganisation(bot.store);
  });

  afterEach(async () => {
    await bot.close();
  });

  const onlyCardText = (sent: Awaited<ReturnType<BotHarness['say']>>): string => {
    expect(sent).toHaveLength(1);
    return cardText(cardsOf(sent[0])[0]);
  };

  it.each([
    ['officers', {}],
    ['<at>TASS</at> Officers', {}],
    ['officers West\u00a0Lancashire', { locality: 'West Lancashire' }],
    ['officer', undefined],
    ['officersx', undefined],
    ['start', undefined],
  ])('reads %j', (text, expected) => {
    expect(parseOfficersCommand(text)).toEqual(expected);
  });

  it('lists every officer and their roles for an admin', async () => {
    const text = onlyCardText(await bot.say(bot.user(USERS.ada), 'officers'));
    for (const words of ['Ann Parker', 'EPO · Preston, West Lancashire', 'Bob Ainsworth', 'EPO · Central Lancs', 'Mary Holt', 'Manager · no locality', 'Ada Greenwood', 'Admin']) {
      expect(text).toContain(words);
    }
  });

  it('lists one locality\'s officers for a manager', async () => {
    const text = onlyCardText(await bot.say(bot.user(USERS.mary), 'officers central lancs'));
    expect(text).toContain('Officers of Central Lancs');
    expect(text).toContain('Bob Ainsworth');
    expect(text).not.toContain('Ann Parker');
  });

  it('shows a manager only the localities they manage', async () => {
    await bot.store.upsertOfficer(anOfficer({ id: 'officer-pat', name: 'Pat Lowe', email: 'pat.lowe@lancashire.gov.uk', aadObjectId: 'aad-pat', roles: ['manager'], localityIds: ['central-lancs'] }));
    const pat = { name: 'Pat Lowe', email: 'pat.lowe@lancashire.gov.uk', aadObjectId: 'aad-pat' };
    const all = onlyCardText(await bot.say(bot.user(pat), 'officers'));
    expect(all).toContain('Bob Ainsworth');
    expect(all).not.toContain('Ann Parker');
    expect(onlyCardText(await bot.say(bot.user(pat), 'officers Preston'))).toBe('I do not know a locality called "Preston" among yours.');
  });

  it('politely refuses an EPO, and the help card lists the command for managers only', async () => {
    expect(onlyCardText(await bot.say(bot.user(USERS.ann), 'officers'))).toContain('Only managers can see the list of officers');
    expect(onlyCardText(await bot.say(bot.user(USERS.ann), 'help'))).not.toContain('officers [LOCALITY]');
    expect(onlyCardText(await bot.say(bot.user(USERS.mary), 'help'))).toContain('officers [LOCALITY]');
  });

  describe('with 300 officers with long names', () => {
    const COUNT = 300;
    const localities = Array.from({ length: 6 }, (_, index) => aLocality({ id: `area-${index}`, name: longLocality(index), order: 10 + index }));
    const nameOf = (index: number): string => `Officer ${String(index).padStart(3, '0')} Alexandra-Josephine Featherstonehaugh-Worthington-Smythe [${index}]`;

    beforeEach(async () => {
      for (const locality of localities) await bot.store.upsertLocality(locality);
      for (let index = 0; index < COUNT; index += 1) {
        await bot.store.upsertOfficer(
          anOfficer({ id: `officer-${index}`, name: nameOf(index), email: `officer.${index}@lancashire.gov.uk`, aadObjectId: `aad-${index}`, roles: ['epo', 'manager'], localityIds: localities.map((l) => l.id) }),
        );
      }
    });

    it('pages through 25 at a time: every card is under the size limit and every officer is reachable', async () => {
      const admin = bot.user(USERS.ada);
      const [first] = cardsOf((await bot.say(admin, 'officers'))[0]);
      const seen: string[] = [];
      let card: unknown = first;
      for (let page = 1; ; page += 1) {
        expect(cardBytes(card as AdaptiveCardJson)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(cardText(card)).toContain(`(page ${page} of 13)`);
        seen.push(...namesOn(card));
        if (!actionsOf(card).some((action) => action.title === 'Next')) break;
        card = await pressPage(bot, admin, card, 'Next');
      }
      expect(cardText(card)).toContain('Officers 301\u2013304 of 304 (page 13 of 13)');
      for (let index = 0; index < COUNT; index += 1) expect(seen).toContain(escapeCardText(nameOf(index)));
      expect(seen).toHaveLength(COUNT + 4);
      expect(new Set(seen).size).toBe(COUNT + 4);

      const back = await pressPage(bot, admin, card, 'Previous');
      expect(cardText(back)).toContain('Officers 276\u2013300 of 304 (page 12 of 13)');
    });

    it('pages one locality\'s list and keeps to it', async () => {
      const admin = bot.user(USERS.ada);
      const [first] = cardsOf((await bot.say(admin, `officers ${longLocality(2)}`))[0]);
      expect(cardText(first)).toContain('Officers 1\u201325 of 300 (page 1 of 12)');
      const second = await pressPage(bot, admin, first, 'Next');
      expect(cardText(second)).toContain(escapeCardText(`Officers of ${longLocality(2)}`));
      expect(cardText(second)).toContain('Officers 26\u201350 of 300 (page 2 of 12)');
    });

    it('checks the roles again on every page: an EPO, or a manager asking for another locality, is refused', async () => {
      const admin = bot.user(USERS.ada);
      const [first] = cardsOf((await bot.say(admin, 'officers'))[0]);
      const next = actionsOf(first).find((action) => action.title === 'Next')!;
      const epo = await bot.execute(bot.user(USERS.ann), next.verb, next.data);
      expect(cardText(epo.value)).toContain('Only managers can see the list of officers');

      await bot.store.upsertOfficer(anOfficer({ id: 'officer-pat', name: 'Pat Lowe', email: 'pat.lowe@lancashire.gov.uk', aadObjectId: 'aad-pat', roles: ['manager'], localityIds: ['central-lancs'] }));
      const pat = bot.user({ name: 'Pat Lowe', email: 'pat.lowe@lancashire.gov.uk', aadObjectId: 'aad-pat' });
      const elsewhere = await bot.execute(pat, OFFICERS_PAGE_VERB, { localityId: 'area-1', page: 1 });
      expect(cardText(elsewhere.value)).toBe('You can only see the officers of the localities you manage.');
      const tampered = await bot.execute(pat, OFFICERS_PAGE_VERB, { localityId: 'central-lancs', page: 'all' });
      expect(cardText(tampered.value)).toBe('This list is out of date. Type "officers" for a fresh one.');
    });
  });
});
