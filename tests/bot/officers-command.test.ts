/** `officers [locality]` in chat, through the real adapter and a SQLite store. */
import { parseOfficersCommand } from '../../src/bot/officers-command';
import { startBotHarness, cardText, cardsOf, type BotHarness } from '../support/bot-harness';
import { USERS, seedOrganisation } from '../support/bot-organisation';
import { anOfficer } from '../support/builders';

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
});
