/** Chat commands as officers type them: help, start, status, report, and anything else. */
import { startBotHarness, cardText, cardsOf, type BotHarness } from '../support/bot-harness';
import { OFFICERS, SPRING_2025, USERS, seedOrganisation } from '../support/bot-organisation';
import { aReport, anOfficer, anUpdate } from '../support/builders';
import type { ReportPublisher } from '../../src/bot/bot-deps';

describe('chat commands', () => {
  let bot: BotHarness;
  const published: Array<{ localityId: string; term: string; by: string }> = [];
  const publisher: ReportPublisher = {
    publishLocalityReport: async (localityId, term, submittedBy) => {
      published.push({ localityId, term, by: submittedBy });
      return { documentUrl: `https://lancashire.sharepoint.com/sites/tass/Reports/${localityId}-${term}.docx` };
    },
  };

  beforeEach(async () => {
    published.length = 0;
    bot = await startBotHarness({ now: '2025-03-17T09:00:00Z', publisher });
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
    ['help'],
    ['HELP'],
    ['  Help  '],
    ['@TASS help'],
    ['<at>TASS</at> help'],
    ['hello'],
    ['what do I do now?'],
    ['statu'],
  ])('answers "%s" with the help card', async (text) => {
    const text0 = onlyCardText(await bot.say(bot.user(USERS.ann), text));
    expect(text0).toContain('start');
    expect(text0).toContain('your open reports for this term');
  });

  it('shows EPOs only the commands they can use, and managers theirs', async () => {
    const forAnn = onlyCardText(await bot.say(bot.user(USERS.ann), 'help'));
    const forMary = onlyCardText(await bot.say(bot.user(USERS.mary), 'help'));
    expect(forAnn).not.toContain('status [TERM]');
    expect(forMary).toContain('status [TERM]');
    expect(forMary).toContain('open campaign TERM');
  });

  it.each([['start'], ['Start'], ['<at>TASS</at> start']])('"%s" gives an EPO one report card per locality they serve', async (text) => {
    const sent = await bot.say(bot.user(USERS.ann), text);
    const cards = sent.flatMap(cardsOf);
    expect(cards).toHaveLength(2);
    expect(cardText(cards[0])).toContain('Preston');
    expect(cardText(cards[1])).toContain('West Lancashire');
    expect(cardText(cards[0])).toContain('Spring – March 2025');
    expect(cardText(cards[0])).not.toContain('Central Lancs');
  });

  it('"start" tells a manager with no localities to write for so, instead of nothing', async () => {
    const text = onlyCardText(await bot.say(bot.user(USERS.mary), 'start'));
    expect(text).toContain('You have no locality reports to write for Spring – March 2025');
  });

  describe('status', () => {
    beforeEach(async () => {
      await bot.store.saveLocalityReport(
        aReport({ localityId: 'preston', term: SPRING_2025, officerIds: [OFFICERS.ann.id], status: 'submitted', submittedBy: OFFICERS.ann.id, submittedAt: '2025-03-14T15:30:00.000Z', approval: undefined, returnComment: undefined, documentUrl: undefined }),
        0,
      );
      await bot.store.savePriorityUpdate(anUpdate({ priorityId: 'central-avoidance', localityId: 'central-lancs', term: SPRING_2025 }), 0);
    });

    it.each([['status'], ['status Spring 2025'], ['STATUS spring – march 2025'], ['status 2024-25-spring']])(
      '"%s" shows a manager who has submitted',
      async (text) => {
        const card = onlyCardText(await bot.say(bot.user(USERS.mary), text));
        expect(card).toContain('Spring – March 2025: 1 of 3 submitted');
        expect(card).toMatch(/Preston[\s\S]*Submitted[\s\S]*14 Mar by Ann Parker/);
        expect(card).toMatch(/Central Lancs[\s\S]*Bob Ainsworth[\s\S]*In progress/);
        expect(card).toMatch(/West Lancashire[\s\S]*Not started/);
      },
    );

    it('refuses an EPO', async () => {
      expect(onlyCardText(await bot.say(bot.user(USERS.ann), 'status'))).toContain('Only managers can see who has submitted');
    });

    it('says so when the term cannot be read', async () => {
      expect(onlyCardText(await bot.say(bot.user(USERS.mary), 'status next week'))).toContain('I could not read "next week" as a term');
    });
  });

  describe('report', () => {
    beforeEach(async () => {
      for (const localityId of ['preston', 'west-lancs']) {
        await bot.store.saveLocalityReport(
          aReport({ localityId, term: SPRING_2025, officerIds: [OFFICERS.ann.id], status: 'submitted', submittedBy: OFFICERS.ann.id, approval: undefined, returnComment: undefined, documentUrl: undefined }),
          0,
        );
      }
    });

    it('compiles every submitted report of the term through the publisher and links them', async () => {
      const sent = await bot.say(bot.user(USERS.mary), 'report Spring 2025');
      const card = cardsOf(sent[0])[0];
      expect(published.map((p) => p.localityId)).toEqual(['preston', 'west-lancs']);
      expect(published.every((p) => p.term === SPRING_2025 && p.by === OFFICERS.mary.id)).toBe(true);
      expect(card.actions).toEqual([
        { type: 'Action.OpenUrl', title: 'Preston', url: 'https://lancashire.sharepoint.com/sites/tass/Reports/preston-2024-25-spring.docx' },
        { type: 'Action.OpenUrl', title: 'West Lancashire', url: 'https://lancashire.sharepoint.com/sites/tass/Reports/west-lancs-2024-25-spring.docx' },
      ]);
      expect(cardText(card)).toContain('Not submitted yet: Central Lancs');
    });

    it.each([['report Spring – March 2025 West Lancashire'], ['report spring 2025 west lancashire'], ['report 2024-25-spring west-lancs']])(
      '"%s" compiles one locality',
      async (text) => {
        await bot.say(bot.user(USERS.mary), text);
        expect(published.map((p) => p.localityId)).toEqual(['west-lancs']);
      },
    );

    it('names a locality it does not know', async () => {
      expect(onlyCardText(await bot.say(bot.user(USERS.mary), 'report Spring 2025 Atlantis'))).toContain('I do not know a locality called "Atlantis"');
      expect(published).toEqual([]);
    });

    it('asks which term when none is given', async () => {
      expect(onlyCardText(await bot.say(bot.user(USERS.mary), 'report'))).toContain('Which term?');
    });

    it('refuses an EPO', async () => {
      expect(onlyCardText(await bot.say(bot.user(USERS.ann), 'report Spring 2025'))).toContain('Only managers can compile reports');
      expect(published).toEqual([]);
    });

    it('gives a partner the documents filed on submission, for their localities only, and never a draft', async () => {
      const pat = { name: 'Pat Partner', email: 'pat.partner@nhs.net', aadObjectId: 'aad-pat' };
      await bot.store.upsertOfficer(anOfficer({ id: 'officer-pat', ...pat, roles: ['partner'], localityIds: ['preston', 'central-lancs'] }));
      const preston = (await bot.store.getLocalityReport('preston', SPRING_2025))!;
      await bot.store.saveLocalityReport({ ...preston, documentUrl: 'https://lancashire.sharepoint.com/sites/tass/Shared%20Documents/preston.docx' }, preston.version);
      await bot.store.saveLocalityReport(aReport({ localityId: 'central-lancs', term: SPRING_2025, officerIds: [OFFICERS.bob.id], status: 'in progress', approval: undefined, returnComment: undefined, documentUrl: 'https://example.org/draft.docx' }), 0);

      const help = onlyCardText(await bot.say(bot.user(pat), 'help'));
      expect(help).toContain('report TERM [LOCALITY]');
      const card = cardsOf((await bot.say(bot.user(pat), 'report Spring 2025'))[0])[0];
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Preston', url: 'https://lancashire.sharepoint.com/sites/tass/Shared%20Documents/preston.docx' }]);
      expect(cardText(card)).toContain('Not submitted yet: Central Lancs');
      expect(cardText(card)).not.toContain('West Lancashire');
      expect(JSON.stringify(card)).not.toContain('draft.docx');
      expect(published).toEqual([]);
    });

    it('tells the manager when compiling fails, without failing the others', async () => {
      await bot.close();
      bot = await startBotHarness({
        now: '2025-03-17T09:00:00Z',
        publisher: {
          publishLocalityReport: async (localityId) => {
            if (localityId === 'preston') throw new Error('SharePoint is down');
            return { documentUrl: 'https://example.org/west.docx' };
          },
        },
      });
      await seedOrganisation(bot.store);
      await bot.store.saveLocalityReport(aReport({ localityId: 'preston', term: SPRING_2025, officerIds: [OFFICERS.ann.id], status: 'submitted', approval: undefined, returnComment: undefined, documentUrl: undefined }), 0);
      await bot.store.saveLocalityReport(aReport({ localityId: 'west-lancs', term: SPRING_2025, officerIds: [OFFICERS.ann.id], status: 'submitted', approval: undefined, returnComment: undefined, documentUrl: undefined }), 0);

      const sent = await bot.say(bot.user(USERS.mary), 'report Spring 2025');
      const card = cardsOf(sent[0])[0];
      expect(cardText(card)).toContain('Could not be compiled just now: Preston');
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'West Lancashire', url: 'https://example.org/west.docx' }]);
    });
  });
});
