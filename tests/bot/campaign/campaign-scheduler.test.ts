/** The daily campaign run: croner in Europe/London time, calling the calendar's events. */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { SPRING_2025, SPRING_2025_DATES, USERS, seedOrganisation } from '../../support/bot-organisation';
import { InvalidCampaignCronError, startCampaignScheduler } from '../../../src/bot/campaign/campaign-scheduler';

describe('the campaign scheduler', () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await startBotHarness({ now: `${SPRING_2025_DATES.opens}T08:00:00Z` });
    await seedOrganisation(bot.store);
  });

  afterEach(async () => {
    await bot.close();
  });

  it('runs at 08:00 London time by default', () => {
    const scheduler = startCampaignScheduler(bot.deps, bot.bot.messenger);
    try {
      const next = scheduler.nextRun();
      expect(next).toBeInstanceOf(Date);
      const london = next!.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
      expect(london).toBe('08:00');
    } finally {
      scheduler.stop();
    }
  });

  it.each(['every morning', '61 8 * * *', ''])('refuses the pattern %j', (pattern) => {
    expect(() => startCampaignScheduler(bot.deps, bot.bot.messenger, { cron: pattern || ' ' })).toThrow(InvalidCampaignCronError);
  });

  it('sends the day\'s campaign messages when it fires', async () => {
    const ann = bot.user(USERS.ann);
    await bot.install(ann);
    bot.connector.clear();
    const scheduler = startCampaignScheduler(bot.deps, bot.bot.messenger, { cron: '* * * * * *' });
    try {
      for (let i = 0; i < 200 && bot.activitiesIn(ann).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      scheduler.stop();
    }
    expect(bot.activitiesIn(ann).map((a) => a.activity.text)).toEqual([
      'Spring – March 2025 report for Preston: 3 active priorities, due 28 March',
      'Spring – March 2025 report for West Lancashire: 1 active priority, due 28 March',
    ]);
    expect((await bot.store.listDeliveries(SPRING_2025, 'prompt')).filter((d) => d.status === 'sent')).toHaveLength(2);
  });
});
