/**
 * What the bot writes to its log during a whole conversation (real server, real HTTP, pino writing
 * to memory): JSON lines, each carrying its turn's correlation id, and none of what people typed,
 * their names or emails, nor any secret or bearer token.
 */
import { randomUUID } from 'node:crypto';
import { BOT_ID, TENANT_ID } from '../support/bot-harness';
import { openReportCard, press, startWizardWorld, writePriority, type WizardWorld } from '../support/wizard-world';

const SECRETS = {
  MicrosoftAppPassword: 'Bot-App-Password-7Q~x9',
  GRAPH_CLIENT_SECRET: 'Graph-Client-Secret-4vR~p2',
};
const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJsb2ctdGVzdCJ9.c2lnbmF0dXJlLW5vdC1jaGVja2Vk';

/** Distinctive text in every section, as an EPO might type it. */
const TYPED = {
  priority: 'Attendance of Year 7 pupils at Ridgeway Academy after the Easter break',
  intendedOutcomes: '• Fewer Year 7 absences reported by Ridgeway Academy \n• Families know who to call at Tanglewood Family Hub',
  activityLastPeriod: '- Panel met at Hollins Library with five schools\n- Drop-in sessions run at Tanglewood Family Hub',
  plannedActivityNextPeriod: 'Second panel at Hollins Library in May\nLeaflet for families from Tanglewood Family Hub',
  impactSoFar: 'Ridgeway Academy reports 14 fewer persistent absences this half term.',
  exitStrategy: 'The Ridgeway Academy attendance lead will chair the panel from September.',
};
const MARKS = { carryOutcome_0: 'done', carryOutcome_1: 'partly done', carryOutcome_2: 'carried forward' };
const CHAT = 'please show the report for Tanglewood Family Hub';
const NAMES_AND_EMAILS = [
  'Claire Fox',
  'claire.fox@lancashire.gov.uk',
  'Alison Walsh',
  'alison.walsh@lancashire.gov.uk',
  'Peter Hale',
  'peter.hale@lancashire.gov.uk',
  'Sam Stranger',
  'sam.stranger@example.org',
];

describe('logs of a whole conversation', () => {
  let world: WizardWorld;

  beforeAll(async () => {
    world = await startWizardWorld({ env: { ...SECRETS, GRAPH_CLIENT_ID: 'graph-client', GRAPH_TENANT_ID: 'tenant' } });
  });

  afterAll(async () => {
    await world.close();
  });

  /** The log lines written while `work` ran. */
  async function linesDuring(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
    const before = world.bot.logs.length;
    await work();
    return world.bot.logs.slice(before);
  }

  it('writes JSON lines with one correlation id per turn, and nothing typed, no names, no secrets', async () => {
    const { bot, claire, peter } = world;
    const stranger = bot.user({ name: 'Sam Stranger', email: 'sam.stranger@example.org', aadObjectId: 'aad-stranger' });

    const helpLines = await linesDuring(() => bot.say(claire, 'help'));
    const start = await openReportCard(world, claire);
    const first = await press(world, claire, start, 'tass.priority.continue');
    const draft = await press(world, claire, first, 'tass.section.saveDraft', { text: `${TYPED.priority} (draft)` });
    const afterCarried = await writePriority(world, claire, draft, TYPED, MARKS);
    const closeCard = await press(world, claire, afterCarried, 'tass.priority.close.open');
    await press(world, claire, closeCard, 'tass.priority.close.save', { status: 'handed over', closingNote: 'Handed to the Ridgeway Academy attendance lead' });
    const review = await press(world, claire, afterCarried, 'tass.report.review');
    await press(world, claire, review, 'tass.report.submit');

    // Another locality's EPO, a stranger, a chat message with text, and a request carrying a bearer token.
    const refusedLines = await linesDuring(() => press(world, peter, start, 'tass.priority.continue'));
    await bot.say(stranger, `hello, I am Sam Stranger from ${TYPED.priority}`);
    await bot.say(claire, CHAT);
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
      body: JSON.stringify({
        id: randomUUID(),
        type: 'message',
        text: CHAT,
        channelId: 'msteams',
        serviceUrl: bot.connector.serviceUrl,
        from: { id: claire.id, name: claire.name, aadObjectId: claire.aadObjectId },
        recipient: { id: BOT_ID },
        conversation: { id: claire.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
      }),
    });
    expect(response.status).toBe(200);
    // A request that is not an activity is refused before any turn, and logged as such.
    await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: TYPED.impactSoFar }) });

    // The conversation really happened: sections saved, the report submitted, the bad request refused.
    await expect(bot.store.getLocalityReport('central-lancs', '2024-25-spring')).resolves.toMatchObject({ status: 'submitted' });
    const logs = bot.logs;
    const messages = logs.map((line) => line.msg);
    for (const expected of ['section saved', 'locality report submitted', 'unregistered user refused', 'request to /api/messages refused']) {
      expect(messages).toContain(expected);
    }
    for (const line of logs) {
      expect(line).toEqual(expect.objectContaining({ level: expect.any(Number), time: expect.any(String), msg: expect.any(String), service: 'tass-bot' }));
      expect(line.correlationId).toEqual(expect.any(String));
    }
    // One turn, one id; two turns, two ids.
    const ids = (lines: Record<string, unknown>[]) => new Set(lines.map((line) => line.correlationId));
    expect(helpLines.length).toBeGreaterThan(0);
    expect(ids(helpLines).size).toBe(1);
    expect(refusedLines.length).toBeGreaterThan(0);
    expect(ids(refusedLines).size).toBe(1);
    expect([...ids(helpLines)][0]).not.toBe([...ids(refusedLines)][0]);

    const written = JSON.stringify(logs);
    const typedFragments = [...Object.values(TYPED), CHAT, 'Handed to the Ridgeway Academy attendance lead']
      .flatMap((text) => text.split('\n'))
      .map((line) => line.replace(/^[•-]\s*/, '').trim().slice(0, 24));
    for (const fragment of typedFragments) expect(written).not.toContain(fragment);
    for (const distinctive of ['Ridgeway Academy', 'Tanglewood Family Hub', 'Hollins Library']) expect(written).not.toContain(distinctive);
    for (const personal of NAMES_AND_EMAILS) expect(written.toLowerCase()).not.toContain(personal.toLowerCase());
    for (const secret of [...Object.values(SECRETS), BEARER, BEARER.split('.')[1]]) expect(written).not.toContain(secret);
  });
});
