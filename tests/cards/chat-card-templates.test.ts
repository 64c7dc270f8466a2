/**
 * The bot's chat cards (not registered, help and welcome, message, status, outstanding, report
 * links, officers), rendered with realistic data: each is a card the adaptivecards library
 * accepts, has no input (its submit interface lists none) and no Action.Execute, shows typed
 * names as written, and stays under 80 KB with a whole county's worth of long names.
 */
import { CHAT_CARD_INPUTS } from '../../src/cards/chat-card-models';
import { isListedInputId } from '../../src/cards/card-models';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import type { Locality, Officer } from '../../src/domain/model';
import type { LocalityProgress } from '../../src/domain/term-progress';
import { commandsFor, helpCard, messageCard, notAllowedCard, notRegisteredCard, welcomeCard } from '../../src/bot/bot-cards';
import { outstandingCard, reportLinksCard, statusCard } from '../../src/bot/manager-cards';
import { OFFICERS_PAGE_VERB, officersCard } from '../../src/bot/officers-command';
import { cardText } from '../support/bot-harness';
import { aLocality, anOfficer } from '../support/builders';
import { parseAdaptiveCard } from '../support/adaptive-card-parser';

type TemplateFile = keyof typeof CHAT_CARD_INPUTS;

const TERM = 'Spring – March 2025';
const ANN = anOfficer({ id: 'officer-ann', name: 'Ann Smith', localityIds: ['preston', 'west-lancs'] });
const MARY = anOfficer({ id: 'officer-mary', name: 'Mary Holt', roles: ['manager'], localityIds: [] });
const ODD = anOfficer({ id: 'officer-odd', name: 'Jo *Star* [Lee](http://x) <b>', roles: ['epo', 'admin'], localityIds: ['preston'] });
const PRESTON = aLocality({ id: 'preston', name: 'Preston', order: 1 });
const WEST = aLocality({ id: 'west-lancs', name: 'West Lancashire', order: 3 });
const CENTRAL = aLocality();
const MANAGER_COMMANDS = ['start', 'status [TERM]', 'report TERM [LOCALITY]', 'open campaign TERM', 'officers [LOCALITY]', 'history TERM [LOCALITY]', 'cover', 'outcomes [FROM] [TO]', 'help'];
const OFFICERS = new Map([ANN, MARY, ODD].map((officer) => [officer.id, officer]));

const ROWS: readonly LocalityProgress[] = [
  { locality: PRESTON, status: 'submitted', epoIds: [ANN.id, ODD.id], submittedBy: ANN.id, submittedAt: '2025-03-20T10:00:00.000Z' },
  { locality: CENTRAL, status: 'in progress', epoIds: [] },
  { locality: WEST, status: 'not started', epoIds: [ANN.id] },
];

/** A long name full of Markdown punctuation, which escaping makes longer still. */
function longName(index: number): string {
  return `${index} [Locality] *of* <the> _North_ (${'West Lancashire and Fylde Coast '.repeat(4)})`;
}

const MANY_LOCALITIES = Array.from({ length: 40 }, (_, index) => aLocality({ id: `locality-${index}`, name: longName(index), order: index }));
// About twice the county's officers, each in three localities with long names.
const MANY_OFFICERS: readonly Officer[] = Array.from({ length: 80 }, (_, index) =>
  anOfficer({ id: `officer-${index}`, name: `Officer ${longName(index)}`, roles: ['epo', 'manager', 'admin'], localityIds: MANY_LOCALITIES.slice(0, 3).map((l) => l.id) }),
);
const MANY_ROWS: readonly LocalityProgress[] = MANY_LOCALITIES.map((locality, index) => ({
  locality,
  status: 'submitted',
  epoIds: MANY_OFFICERS.slice(index * 5, index * 5 + 5).map((officer) => officer.id),
  submittedBy: MANY_OFFICERS[index].id,
  submittedAt: '2025-03-20T10:00:00.000Z',
}));
const MANY_OFFICERS_BY_ID = new Map(MANY_OFFICERS.map((officer) => [officer.id, officer]));

const rendered: ReadonlyArray<[string, TemplateFile, AdaptiveCardJson]> = [
  ['not registered, no administrators', 'not-registered-card.json', notRegisteredCard([])],
  ['not registered, named administrators', 'not-registered-card.json', notRegisteredCard(['Mary Holt', 'Peter Hale', ODD.name])],
  ['help, EPO', 'help-card.json', helpCard(ANN)],
  ['help, manager', 'help-card.json', helpCard(MARY)],
  ['welcome', 'help-card.json', welcomeCard(ODD)],
  ['message', 'message-card.json', messageCard('Which term? For example "status Spring 2025".')],
  ['not allowed', 'message-card.json', notAllowedCard('compile reports')],
  ['status', 'status-card.json', statusCard(TERM, ROWS, OFFICERS)],
  ['status, no localities', 'status-card.json', statusCard(TERM, [], OFFICERS)],
  ['status, forty long localities', 'status-card.json', statusCard(TERM, MANY_ROWS, MANY_OFFICERS_BY_ID)],
  ['outstanding', 'outstanding-card.json', outstandingCard(TERM, '28 March', ROWS.slice(1), OFFICERS)],
  ['outstanding, none', 'outstanding-card.json', outstandingCard(TERM, '28 March', [], OFFICERS)],
  ['outstanding, forty long localities', 'outstanding-card.json', outstandingCard(TERM, '28 March', MANY_ROWS, MANY_OFFICERS_BY_ID)],
  [
    'report links',
    'report-links-card.json',
    reportLinksCard(TERM, [{ localityName: 'Preston', documentUrl: 'https://lancashire.sharepoint.com/sites/tass/Reports/preston.docx' }], ['Central Lancs'], ['West *Lancs*']),
  ],
  ['report links, none submitted', 'report-links-card.json', reportLinksCard(TERM, [], ['Preston', 'Central Lancs'], [])],
  [
    'report links, forty long localities',
    'report-links-card.json',
    reportLinksCard(
      TERM,
      MANY_LOCALITIES.map((locality) => ({ localityName: locality.name, documentUrl: `https://lancashire.sharepoint.com/sites/tass/Reports/${locality.id}-2024-25-spring.docx` })),
      MANY_LOCALITIES.map((locality) => locality.name),
      MANY_LOCALITIES.map((locality) => locality.name),
    ),
  ],
  ['officers', 'officers-card.json', officersCard('Officers', [ANN, MARY, ODD], [PRESTON, WEST, CENTRAL])],
  ['officers, none', 'officers-card.json', officersCard('Officers of Preston', [], [PRESTON])],
  ['officers, eighty with long names', 'officers-card.json', officersCard('Officers', MANY_OFFICERS, MANY_LOCALITIES)],
];

describe('chat card templates', () => {
  it.each(rendered)('%s parses with the adaptivecards library without problems', (_name, _file, card) => {
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it.each(rendered)('%s has only the input ids its submit interface lists, and no verbs but the officers list\'s paging', (_name, file, card) => {
    const { inputIds, verbs } = parseAdaptiveCard(card);
    expect(inputIds.filter((id) => !isListedInputId(CHAT_CARD_INPUTS[file], id))).toEqual([]);
    expect(verbs.filter((verb) => !(file === 'officers-card.json' && verb === OFFICERS_PAGE_VERB))).toEqual([]);
  });

  it.each(rendered)('%s fits under the card size limit, with every binding filled', (_name, _file, card) => {
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).not.toContain('${');
  });
});

describe('what the chat cards say', () => {
  it('the help card lists each command with its placeholders in words Markdown keeps', () => {
    const card = helpCard(MARY);
    const facts = (card.body as Array<{ facts?: Array<{ title: string; value: string }> }>)[1].facts!;
    expect(facts.map((fact) => fact.title)).toEqual(MANAGER_COMMANDS);
    expect(facts.map((fact) => fact.value)).toEqual(commandsFor(MARY.roles).map((help) => help.what));
    expect(JSON.stringify(card)).not.toMatch(/<[a-z]+>/i);
  });

  it.each<[string, Officer, readonly string[]]>([
    ['an EPO', ANN, ['start', 'history TERM [LOCALITY]', 'help']],
    ['a partner', anOfficer({ roles: ['partner'] }), ['report TERM [LOCALITY]', 'help']],
    ['a manager', MARY, MANAGER_COMMANDS],
  ])('%s is shown only their commands', (_who, officer, commands) => {
    expect(commandsFor(officer.roles).map((help) => help.command)).toEqual(commands);
  });

  it.each<[string, AdaptiveCardJson, string]>([
    ['not registered', notRegisteredCard([]), 'This bot is for Education Partnership Officers and their managers. Please ask the TASS programme administrator to add you.'],
    ['not registered, named', notRegisteredCard(['Mary Holt', 'Peter Hale', 'Jo *Star*']), 'Please ask Mary Holt, Peter Hale or Jo \\*Star\\* to add you.'],
    ['welcome', welcomeCard(ODD), 'Welcome to TASS reporting, Jo \\*Star\\* \\[Lee\\]\\(http\u200b:\u200b//x\\) \\<b\\>'],
    ['not allowed', notAllowedCard('compile reports'), 'Only managers can compile reports. Type "help" to see what you can do.'],
    ['status heading', statusCard(TERM, ROWS, OFFICERS), 'Spring – March 2025: 1 of 3 submitted'],
    ['status submitted line', statusCard(TERM, ROWS, OFFICERS), '20 Mar by Ann Smith'],
    ['status officers', statusCard(TERM, ROWS, OFFICERS), 'Ann Smith, Jo \\*Star\\*'],
    ['status, no EPO', statusCard(TERM, ROWS, OFFICERS), 'no EPO assigned'],
    ['outstanding', outstandingCard(TERM, '28 March', ROWS.slice(1), OFFICERS), 'Spring – March 2025 reports are due 28 March: 2 outstanding'],
    ['outstanding row', outstandingCard(TERM, '28 March', ROWS.slice(1), OFFICERS), 'not started (Ann Smith)'],
    ['outstanding, none', outstandingCard(TERM, '28 March', [], OFFICERS), 'Spring – March 2025 reports are due 28 March: every locality has submitted.'],
    ['report links, failed', reportLinksCard(TERM, [], [], ['West *Lancs*']), 'Could not be compiled just now: West \\*Lancs\\*. Please try again later.'],
    ['report links, none', reportLinksCard(TERM, [], ['Preston'], []), 'No report has been submitted for this term yet.'],
    ['officers', officersCard('Officers', [ANN, ODD], [PRESTON, WEST]), 'EPO, Admin · Preston'],
    ['officers, no locality', officersCard('Officers', [MARY], [PRESTON]), 'Manager · no locality'],
    ['officers, none', officersCard('Officers', [], [PRESTON]), 'No officers yet.'],
  ])('the %s card says what it should', (_name, card, words) => {
    expect(cardText(card)).toContain(words);
  });

  it('the status card shows a submitted line only for a submitted locality', () => {
    const columns = (statusCard(TERM, ROWS, OFFICERS).body as Array<{ columns?: Array<{ items: unknown[] }> }>)
      .filter((element) => element.columns)
      .map((element) => element.columns![1].items.length);
    expect(columns).toEqual([2, 1, 1]);
  });

  it('the outstanding card with nothing outstanding is one line, with no list', () => {
    const card = outstandingCard(TERM, '28 March', [], OFFICERS);
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Spring – March 2025 reports are due 28 March: every locality has submitted.', weight: 'Bolder', wrap: true }]);
  });

  it('the report links card of more documents than a card has buttons lists every one as a clickable row', () => {
    const card = reportLinksCard(TERM, MANY_LOCALITIES.slice(0, 12).map((locality) => ({ localityName: locality.name, documentUrl: `https://example.org/${locality.id}.docx` })), [], []);
    expect(card.actions).toEqual([]);
    const rows = (card.body as Array<{ selectAction?: { url: string }; items?: Array<{ text: string }> }>).filter((element) => element.selectAction);
    expect(rows.map((row) => row.selectAction!.url)).toEqual(MANY_LOCALITIES.slice(0, 12).map((locality) => `https://example.org/${locality.id}.docx`));
    expect(rows[0].items![0].text).toContain('0 \\[Locality\\] \\*of\\*');
  });

  it('the report links card has one link per compiled document, titled with the locality', () => {
    const card = reportLinksCard(TERM, [{ localityName: 'West Lancashire', documentUrl: 'https://example.org/west.docx' }], [], []);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'West Lancashire', url: 'https://example.org/west.docx' }]);
    expect(cardText(card)).not.toContain('No report has been submitted');
  });
});
