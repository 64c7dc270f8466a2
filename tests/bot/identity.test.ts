/** Install and recognition: by Entra object id, by email through Teams member info, and strangers refused. */
import { startBotHarness, cardText, cardsOf, type BotHarness } from '../support/bot-harness';
import { OFFICERS, USERS, seedOrganisation } from '../support/bot-organisation';
import { ALL_WIZARD_VERBS } from '../../src/bot/report-wizard/verbs';

describe('identity and install', () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await startBotHarness();
    await seedOrganisation(bot.store);
  });

  afterEach(async () => {
    await bot.close();
  });

  it('welcomes an officer known by Entra object id once, and keeps the conversation for proactive messages', async () => {
    const ann = bot.user(USERS.ann);
    const sent = await bot.install(ann);

    expect(sent).toHaveLength(1);
    expect(cardText(cardsOf(sent[0])[0])).toContain('Welcome to TASS reporting, Ann Parker');
    const link = await bot.store.getConversationLink(OFFICERS.ann.id);
    expect(link?.reference).toMatchObject({
      conversation: { id: ann.conversationId },
      user: { id: ann.id },
      serviceUrl: bot.connector.serviceUrl,
    });
  });

  it('does not rewrite the stored conversation on every message from the same chat', async () => {
    const ann = bot.user(USERS.ann);
    await bot.install(ann);
    const installed = await bot.store.getConversationLink(OFFICERS.ann.id);
    bot.setNow('2025-03-11T10:00:00Z');

    await bot.say(ann, 'help');

    expect(await bot.store.getConversationLink(OFFICERS.ann.id)).toEqual(installed);
  });

  it('keeps the conversation of an officer who writes before (or without) installing', async () => {
    const ann = bot.user(USERS.ann);
    await bot.say(ann, 'help');
    expect((await bot.store.getConversationLink(OFFICERS.ann.id))?.reference).toMatchObject({ conversation: { id: ann.conversationId } });
  });

  it('recognises an officer by email from Teams member info and saves their Entra object id', async () => {
    const bob = bot.user(USERS.bob);
    expect((await bot.store.getOfficer(OFFICERS.bob.id))?.aadObjectId).toBeUndefined();

    const sent = await bot.install(bob);

    expect(cardText(cardsOf(sent[0])[0])).toContain('Welcome to TASS reporting, Bob Ainsworth');
    expect((await bot.store.getOfficer(OFFICERS.bob.id))?.aadObjectId).toBe('aad-bob');
    expect(await bot.store.findOfficerByAadObjectId('aad-bob')).toMatchObject({ id: OFFICERS.bob.id });
    expect(bot.connector.requests.some((r) => r.method === 'GET' && r.path.includes('/members/'))).toBe(true);
  });

  it('refuses someone using an officer\'s email from a different Entra account', async () => {
    const impostor = bot.user({ name: 'Ann Parker', email: USERS.ann.email, aadObjectId: 'aad-someone-else', id: '29:impostor' });

    const sent = await bot.say(impostor, 'start');

    expect(cardText(cardsOf(sent[0])[0])).toContain('You are not registered');
    expect((await bot.store.getOfficer(OFFICERS.ann.id))?.aadObjectId).toBe('aad-ann');
  });

  describe('an unknown user', () => {
    const expectNotRegistered = (card: unknown) => {
      const text = cardText(card);
      expect(text).toContain('You are not registered for TASS reporting yet');
      expect(text).toContain('Please ask Ada Greenwood to add you.');
    };

    it('is told on install that they are not registered and who can add them, and nothing is stored', async () => {
      const stranger = bot.user(USERS.stranger);
      const sent = await bot.install(stranger);

      expect(sent).toHaveLength(1);
      expectNotRegistered(cardsOf(sent[0])[0]);
      expect(await bot.store.listOfficers()).toHaveLength(Object.keys(OFFICERS).length);
    });

    it.each(['start', 'help', 'status', 'report Spring 2025', 'open campaign Spring 2025', 'what is this?'])(
      'gets the same answer to "%s"',
      async (text) => {
        const stranger = bot.user(USERS.stranger);
        const sent = await bot.say(stranger, text);

        expect(sent).toHaveLength(1);
        expectNotRegistered(cardsOf(sent[0])[0]);
      },
    );

    it.each([...ALL_WIZARD_VERBS, 'no-such-verb'])('is refused the card verb "%s" with the same card', async (verb) => {
      const stranger = bot.user(USERS.stranger);
      const before = bot.connector.activities.length;

      const body = await bot.execute(stranger, verb, { localityId: 'preston', term: '2024-25-spring', version: 0, view: 'report' });

      expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expectNotRegistered(body.value);
      expect(bot.connector.activities.length).toBe(before);
      expect(await bot.store.listLocalityReports()).toEqual([]);
    });
  });

  it('keeps names and typed text out of the logs', async () => {
    await bot.install(bot.user(USERS.bob));
    await bot.say(bot.user(USERS.ann), 'status for Tommy Atkins please');
    const logged = JSON.stringify(bot.logs);
    expect(logged).not.toContain('Bob Ainsworth');
    expect(logged).not.toContain('bob.ainsworth');
    expect(logged).not.toContain('Tommy');
  });
});
