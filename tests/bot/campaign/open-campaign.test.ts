/** The term-end campaign: prompts, resumption, reminders, the managers' outstanding list and throttling. */
import { startBotHarness, cardText, cardsOf, type BotHarness, type HarnessUser } from '../../support/bot-harness';
import { OFFICERS, SPRING_2025, SPRING_2025_DATES, USERS, seedOrganisation } from '../../support/bot-organisation';
import { aReport } from '../../support/builders';
import { openCampaign, sendReminders } from '../../../src/bot/campaign/open-campaign';
import { runCampaignDay } from '../../../src/bot/campaign/campaign-day';

const PROMPTS = {
  annPreston: 'Spring – March 2025 report for Preston: 3 active priorities, due 28 March',
  annWest: 'Spring – March 2025 report for West Lancashire: 1 active priority, due 28 March',
  bobCentral: 'Spring – March 2025 report for Central Lancs: 1 active priority, due 28 March',
};

describe('the term-end campaign', () => {
  let bot: BotHarness;
  let ann: HarnessUser;
  let bob: HarnessUser;
  let mary: HarnessUser;

  const textsIn = (user: HarnessUser) => bot.activitiesIn(user).map((a) => a.activity.text);

  beforeEach(async () => {
    bot = await startBotHarness({ now: `${SPRING_2025_DATES.opens}T08:00:00Z` });
    await seedOrganisation(bot.store);
    ann = bot.user(USERS.ann);
    bob = bot.user(USERS.bob);
    mary = bot.user(USERS.mary);
    for (const user of [ann, bob, mary]) await bot.install(user);
    bot.connector.clear();
  });

  afterEach(async () => {
    await bot.close();
  });

  it('sends each EPO one prompt per locality they serve, with its report card, and records each delivery', async () => {
    const outcome = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(outcome).toEqual({ sent: 3, alreadySent: 0, noConversation: 0, failed: 0 });
    expect(textsIn(ann)).toEqual([PROMPTS.annPreston, PROMPTS.annWest]);
    expect(textsIn(bob)).toEqual([PROMPTS.bobCentral]);
    expect(textsIn(mary)).toEqual([]);
    const annCards = bot.activitiesIn(ann).map((a) => cardsOf(a));
    expect(annCards.map((cards) => cards.length)).toEqual([1, 1]);
    expect(cardText(annCards[0][0])).toContain('Preston');
    expect(cardText(annCards[1][0])).toContain('West Lancashire');
    const deliveries = await bot.store.listDeliveries(SPRING_2025, 'prompt');
    expect(deliveries.map((d) => [d.officerId, d.localityId, d.status, d.attempts])).toEqual(
      expect.arrayContaining([
        [OFFICERS.ann.id, 'preston', 'sent', 1],
        [OFFICERS.ann.id, 'west-lancs', 'sent', 1],
        [OFFICERS.bob.id, 'central-lancs', 'sent', 1],
      ]),
    );
    expect(deliveries).toHaveLength(3);
  });

  it('sends nothing twice when opened twice', async () => {
    await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);
    const again = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(again).toEqual({ sent: 0, alreadySent: 3, noConversation: 0, failed: 0 });
    expect(bot.connector.activities).toHaveLength(3);
  });

  it('resumes an interrupted campaign sending only what is missing', async () => {
    let requests = 0;
    const outage = { status: 503, times: 1000, match: () => (requests += 1) > 1 };
    bot.connector.injectFailure(outage);

    const interrupted = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);
    expect(interrupted.sent).toBe(1);
    expect(interrupted.failed).toBe(2);
    const failed = (await bot.store.listDeliveries(SPRING_2025, 'prompt')).filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(2);
    expect(failed[0].lastError).toBeTruthy();

    outage.times = 0;
    const resumed = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(resumed).toEqual({ sent: 2, alreadySent: 1, noConversation: 0, failed: 0 });
    expect(textsIn(ann).sort()).toEqual([PROMPTS.annPreston, PROMPTS.annWest].sort());
    expect(textsIn(bob)).toEqual([PROMPTS.bobCentral]);
    const deliveries = await bot.store.listDeliveries(SPRING_2025, 'prompt');
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(deliveries.filter((d) => d.attempts === 2)).toHaveLength(2);
  });

  it('records officers without a conversation and reaches them once they install', async () => {
    const carol = bot.user({ name: 'Carol Finch', email: 'carol.finch@lancashire.gov.uk', aadObjectId: 'aad-carol' });
    await bot.store.upsertOfficer({ ...OFFICERS.bob, id: 'officer-carol', name: 'Carol Finch', email: 'carol.finch@lancashire.gov.uk', aadObjectId: 'aad-carol' });

    const first = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);
    expect(first).toEqual({ sent: 3, alreadySent: 0, noConversation: 1, failed: 0 });

    await bot.install(carol);
    const second = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);
    expect(second).toEqual({ sent: 1, alreadySent: 3, noConversation: 0, failed: 0 });
    expect(textsIn(carol)).toContain(PROMPTS.bobCentral);
  });

  it('retries a 429 from the connector after its Retry-After, and delivers once', async () => {
    bot.connector.injectFailure({ status: 429, times: 1, retryAfterSeconds: 1, match: (r) => r.conversationId === ann.conversationId });

    const outcome = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(outcome).toEqual({ sent: 3, alreadySent: 0, noConversation: 0, failed: 0 });
    expect(bot.connector.throttled).toBe(1);
    expect(textsIn(ann)).toEqual([PROMPTS.annPreston, PROMPTS.annWest]);
    const annPosts = bot.connector.requests.filter((r) => r.path.includes(encodeURIComponent(ann.conversationId)) || r.path.includes(ann.conversationId));
    expect(annPosts.map((r) => r.status)).toEqual([429, 200, 200]);
    expect(annPosts[1].at - annPosts[0].at).toBeGreaterThanOrEqual(900);
  });

  it('retries a 429 that gives no Retry-After with its own backoff', async () => {
    bot.connector.injectFailure({ status: 429, times: 2, match: (r) => r.conversationId === bob.conversationId });

    const outcome = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(outcome.sent).toBe(3);
    expect(textsIn(bob)).toEqual([PROMPTS.bobCentral]);
    expect(bot.logs.filter((line) => line.msg === 'connector throttled a proactive send; retrying').map((line) => line.attempt)).toEqual([1, 2]);
  });

  it('gives up on a send the connector keeps throttling and records it as failed', async () => {
    await bot.close();
    bot = await startBotHarness({ now: `${SPRING_2025_DATES.opens}T08:00:00Z`, pacing: { maxRetries: 2, backoffMs: 10 } });
    await seedOrganisation(bot.store);
    bob = bot.user(USERS.bob);
    await bot.install(bob);
    bot.connector.injectFailure({ status: 429, times: 100, match: (r) => r.conversationId === bob.conversationId });

    const outcome = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

    expect(outcome.failed).toBe(1);
    expect(bot.connector.throttled).toBe(3);
    const [delivery] = await bot.store.listDeliveries(SPRING_2025, 'prompt').then((all) => all.filter((d) => d.officerId === OFFICERS.bob.id));
    expect(delivery).toMatchObject({ status: 'failed', lastError: expect.stringContaining('ThrottledError') });
  });

  describe('reminders and the due date', () => {
    beforeEach(async () => {
      await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);
      await bot.store.saveLocalityReport(
        aReport({ localityId: 'preston', term: SPRING_2025, officerIds: [OFFICERS.ann.id], status: 'submitted', submittedBy: OFFICERS.ann.id, approval: undefined, returnComment: undefined, documentUrl: undefined }),
        0,
      );
      bot.connector.clear();
    });

    it('reminds only EPOs whose report is not submitted, once per reminder date', async () => {
      const day = SPRING_2025_DATES.reminders[0];
      bot.setNow(`${day}T08:00:00Z`);

      const results = await runCampaignDay(bot.deps, bot.bot.messenger, bot.deps.clock());
      await runCampaignDay(bot.deps, bot.bot.messenger, bot.deps.clock());

      expect(results).toEqual([{ term: SPRING_2025, kind: 'reminder', outcome: { sent: 2, alreadySent: 0, noConversation: 0, failed: 0 } }]);
      expect(textsIn(ann)).toEqual(['Reminder: the Spring – March 2025 report for West Lancashire is due 28 March']);
      expect(textsIn(bob)).toEqual(['Reminder: the Spring – March 2025 report for Central Lancs is due 28 March']);
      expect(textsIn(mary)).toEqual([]);
      expect((await bot.store.listDeliveries(SPRING_2025, `reminder:${day}`)).map((d) => d.localityId).sort()).toEqual(['central-lancs', 'west-lancs']);
    });

    it('the second reminder date is a new reminder', async () => {
      await sendReminders(bot.deps, bot.bot.messenger, SPRING_2025, SPRING_2025_DATES.reminders[0]);
      const second = await sendReminders(bot.deps, bot.bot.messenger, SPRING_2025, SPRING_2025_DATES.reminders[1]);
      expect(second.sent).toBe(2);
    });

    it('gives managers one card listing what is outstanding on the due date', async () => {
      bot.setNow(`${SPRING_2025_DATES.due}T08:00:00Z`);

      const results = await runCampaignDay(bot.deps, bot.bot.messenger, bot.deps.clock());
      await runCampaignDay(bot.deps, bot.bot.messenger, bot.deps.clock());

      expect(results.map((r) => r.kind)).toEqual(['due']);
      const maryCards = bot.cardsIn(mary);
      expect(maryCards).toHaveLength(1);
      const text = cardText(maryCards[0]);
      expect(text).toContain('Spring – March 2025 reports are due 28 March: 2 outstanding');
      expect(text).toContain('Central Lancs');
      expect(text).toContain('West Lancashire');
      expect(text).not.toContain('Preston');
      expect(textsIn(ann)).toEqual([]);
      expect(await bot.store.listDeliveries(SPRING_2025, `outstanding:${SPRING_2025_DATES.due}`)).toEqual([
        expect.objectContaining({ officerId: OFFICERS.mary.id, localityId: '*', status: 'sent' }),
      ]);
    });
  });

  it('does nothing on a day the calendar has nothing for', async () => {
    expect(await runCampaignDay(bot.deps, bot.bot.messenger, new Date('2025-03-17T08:00:00Z'))).toEqual([]);
    expect(bot.connector.activities).toEqual([]);
  });

  it('opens on its opening day', async () => {
    const results = await runCampaignDay(bot.deps, bot.bot.messenger, new Date(`${SPRING_2025_DATES.opens}T08:00:00Z`));
    expect(results).toEqual([{ term: SPRING_2025, kind: 'opens', outcome: { sent: 3, alreadySent: 0, noConversation: 0, failed: 0 } }]);
  });

  describe('"open campaign" in chat', () => {
    const waitFor = async (condition: () => boolean) => {
      for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(condition()).toBe(true);
    };

    it('lets a manager open a campaign and tells them the outcome when it is done', async () => {
      const reply = await bot.say(mary, 'open campaign Spring 2025');
      expect(cardText(cardsOf(reply[0])[0])).toContain('Opening the Spring – March 2025 campaign');

      await waitFor(() => bot.cardsIn(mary).some((card) => cardText(card).includes('campaign: 3 sent')));
      expect(textsIn(ann)).toEqual([PROMPTS.annPreston, PROMPTS.annWest]);
      expect(textsIn(bob)).toEqual([PROMPTS.bobCentral]);
    });

    it('sends nothing twice when a manager opens it twice while the first is still sending', async () => {
      await bot.close();
      bot = await startBotHarness({ now: `${SPRING_2025_DATES.opens}T08:00:00Z`, pacing: { ratePerSecond: 4, burst: 1 } });
      await seedOrganisation(bot.store);
      ann = bot.user(USERS.ann);
      bob = bot.user(USERS.bob);
      mary = bot.user(USERS.mary);
      for (const user of [ann, bob, mary]) await bot.install(user);
      bot.connector.clear();

      await bot.say(mary, 'open campaign Spring 2025');
      await bot.say(mary, 'open campaign Spring 2025');

      const summaries = () => bot.cardsIn(mary).map(cardText).filter((text) => /campaign: \d+ sent/.test(text));
      await waitFor(() => summaries().length === 2);
      expect(summaries()).toEqual([
        expect.stringContaining('campaign: 3 sent, 0 already sent earlier'),
        expect.stringContaining('campaign: 0 sent, 3 already sent earlier'),
      ]);
      expect(textsIn(ann)).toEqual([PROMPTS.annPreston, PROMPTS.annWest]);
      expect(textsIn(bob)).toEqual([PROMPTS.bobCentral]);
    });

    it('refuses an EPO', async () => {
      const reply = await bot.say(ann, 'open campaign Spring 2025');
      expect(cardText(cardsOf(reply[0])[0])).toContain('Only managers can open a campaign');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await bot.store.listDeliveries(SPRING_2025)).toEqual([]);
    });
  });
});
