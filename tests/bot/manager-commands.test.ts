/**
 * `outcomes`, `cover` and `history` typed in chat, through the real bot server: managers get the
 * cards, EPOs get the history of their own locality only and are told the rest is for managers.
 */
import { cardText, cardsOf, startBotHarness, type BotHarness, type HarnessUser } from '../support/bot-harness';
import { anOfficer } from '../support/builders';
import { seedOutcomes } from '../support/outcomes-fixture';

describe('managers\' chat commands', () => {
  let bot: BotHarness;
  let mary: HarnessUser;
  let ann: HarnessUser;
  beforeAll(async () => {
    bot = await startBotHarness({ now: '2025-07-10T09:00:00Z' });
    await seedOutcomes(bot.store);
    await bot.store.upsertOfficer(anOfficer({ id: 'officer-mary', name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary', roles: ['manager'], localityIds: [] }));
    await bot.store.upsertOfficer(anOfficer({ id: 'officer-ann', name: 'Ann Parker', email: 'ann.parker@lancashire.gov.uk', aadObjectId: 'aad-ann', roles: ['epo'], localityIds: ['west-lancs'] }));
    mary = bot.user({ name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary' });
    ann = bot.user({ name: 'Ann Parker', email: 'ann.parker@lancashire.gov.uk', aadObjectId: 'aad-ann' });
    await bot.install(mary);
    await bot.install(ann);
  });
  afterAll(async () => {
    await bot.close();
  });

  async function reply(user: HarnessUser, text: string): Promise<string> {
    return (await bot.say(user, text)).flatMap(cardsOf).map(cardText).join('\n---\n');
  }

  it.each<[string, string, string[]]>([
    [
      'outcomes across a range',
      'outcomes Autumn 2024 to Summer 2025',
      [
        'Autumn 2024 to Summer 2025',
        'School avoidance and attendance',
        'Autumn 2024: off track → Spring 2025: some concerns → Summer 2025: on track · improving',
        '12 young people back in school full time',
        'NEET and post-16',
        '16 schools signed up to Positive Footsteps',
      ],
    ],
    ['outcomes of this academic year so far', 'outcomes', ['Autumn 2024 to Summer 2025']],
    ['outcomes of words that are not terms', 'outcomes since last year', ['I could not read "since last year" as terms']],
    ['the cover card', 'cover', ['Cover for absence', 'No cover is set.', 'Set a cover']],
    ['the history of a report with none', 'history Summer 2025 Preston', ['Preston: history', 'Nothing has happened to this report yet.']],
  ])('a manager asks for %s', async (_what, text, expected) => {
    const answer = await reply(mary, text);
    for (const line of expected) expect(answer).toContain(line);
  });

  it.each<[string, string]>([
    ['outcomes', 'Only managers can see outcomes across terms'],
    ['cover', 'Only managers can set cover for absence'],
    ['history Summer 2025 Preston', 'I do not know a locality called "Preston" among yours.'],
  ])('an EPO asking "%s" is told so', async (text, expected) => {
    expect(await reply(ann, text)).toContain(expected);
  });

  it('an EPO sees the history of their own locality', async () => {
    expect(await reply(ann, 'history Summer 2025')).toContain('West Lancashire: history');
  });

  it('the help card lists the new commands by role', async () => {
    const managerHelp = await reply(mary, 'help');
    for (const command of ['history TERM [LOCALITY]', 'cover', 'outcomes [FROM] [TO]']) expect(managerHelp).toContain(command);
    const epoHelp = await reply(ann, 'help');
    expect(epoHelp).toContain('history TERM [LOCALITY]');
    expect(epoHelp).not.toContain('outcomes [FROM] [TO]');
  });
});
