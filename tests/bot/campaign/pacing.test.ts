/** The local connector's Teams rate limits, and a paced campaign staying inside them. */
import { startLocalConnector, TEAMS_RATE_LIMITS } from '../../support/local-connector';
import { startBotHarness } from '../../support/bot-harness';
import { SPRING_2025, SPRING_2025_DATES, seedOrganisation } from '../../support/bot-organisation';
import { anOfficer } from '../../support/builders';
import { openCampaign } from '../../../src/bot/campaign/open-campaign';
import { DEFAULT_PACING } from '../../../src/bot/send-pacer';

describe('the local connector\'s rate limits', () => {
  it('are off by default', async () => {
    const connector = await startLocalConnector();
    try {
      const statuses = await Promise.all(
        Array.from({ length: 12 }, () => fetch(`${connector.serviceUrl}v3/conversations/a:one/activities`, { method: 'POST', body: '{"type":"message"}' }).then((r) => r.status)),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
    } finally {
      await connector.close();
    }
  });

  it('answer 429 with Retry-After beyond 7 a second in one conversation', async () => {
    const connector = await startLocalConnector({ rateLimits: TEAMS_RATE_LIMITS });
    try {
      const responses = [];
      for (let i = 0; i < 9; i += 1) {
        responses.push(await fetch(`${connector.serviceUrl}v3/conversations/a:one/activities`, { method: 'POST', body: '{"type":"message"}' }));
      }
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 429, 429]);
      expect(responses[7].headers.get('retry-after')).toBe('1');
      const other = await fetch(`${connector.serviceUrl}v3/conversations/a:two/activities`, { method: 'POST', body: '{"type":"message"}' });
      expect(other.status).toBe(200);
      expect(connector.activities).toHaveLength(8);
    } finally {
      await connector.close();
    }
  });

  it('are not hit by a campaign sent with the default pacing', async () => {
    const bot = await startBotHarness({
      now: `${SPRING_2025_DATES.opens}T08:00:00Z`,
      connector: { rateLimits: TEAMS_RATE_LIMITS },
      pacing: DEFAULT_PACING,
    });
    try {
      await seedOrganisation(bot.store);
      // Twelve EPOs each serving all three localities: 36 prompts, several to each conversation back to back.
      for (let i = 0; i < 12; i += 1) {
        const email = `epo${i}@lancashire.gov.uk`;
        await bot.store.upsertOfficer(anOfficer({ id: `officer-epo-${i}`, name: `EPO ${i}`, email, aadObjectId: `aad-epo-${i}`, localityIds: ['preston', 'central-lancs', 'west-lancs'] }));
        await bot.install(bot.user({ name: `EPO ${i}`, email, aadObjectId: `aad-epo-${i}` }));
      }
      bot.connector.clear();
      const started = Date.now();

      const outcome = await openCampaign(bot.deps, bot.bot.messenger, SPRING_2025);

      // Ann and Bob from the seed have not installed the bot.
      expect(outcome).toEqual({ sent: 36, alreadySent: 0, noConversation: 3, failed: 0 });
      expect(bot.connector.throttled).toBe(0);
      expect(bot.connector.activities).toHaveLength(36);
      // Paced by the app-wide bucket once its burst is spent (each officer's three prompts fit their conversation's burst).
      expect(Date.now() - started).toBeGreaterThanOrEqual(((36 - DEFAULT_PACING.burst) / DEFAULT_PACING.ratePerSecond) * 1000 - 50);
    } finally {
      await bot.close();
    }
  }, 30_000);
});
