/**
 * The managers' cards (sign-off, history, cover, outcomes), rendered with realistic data: each
 * is a card the adaptivecards library accepts, has exactly the input ids its submit interface
 * lists, and uses only its own feature's verbs; what the sign-off card submits is what its
 * handler reads.
 */
import { isListedInputId } from '../../src/cards/card-models';
import { MANAGER_CARD_INPUTS } from '../../src/cards/manager-card-models';
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import { buildHistoryCard, buildSignOffCard } from '../../src/bot/sign-off/sign-off-cards';
import { parseSignOffAction } from '../../src/bot/sign-off/sign-off-action-data';
import type { SignOffState } from '../../src/bot/sign-off/sign-off-state';
import { ALL_SIGN_OFF_VERBS } from '../../src/bot/sign-off/verbs';
import { ALL_COVER_VERBS } from '../../src/bot/cover/verbs';
import { buildOutcomesCard, parseOutcomesRange } from '../../src/bot/outcomes/outcomes-card';
import { summariseOutcomes } from '../../src/domain/outcomes';
import { aLocality, anEvent, anOfficer, anUpdate, aReport } from '../support/builders';
import { parseAdaptiveCard, prefilledInputs } from '../support/adaptive-card-parser';
import { AUTUMN_2024, OUTCOME_LOCALITIES, OUTCOME_PRIORITIES, OUTCOME_UPDATES, SUMMER_2025 } from '../support/outcomes-fixture';

type TemplateFile = keyof typeof MANAGER_CARD_INPUTS;

const MARY = anOfficer({ id: 'officer-mary', name: 'Mary Holt', roles: ['manager'], localityIds: ['central-lancs'] });
const ALISON = anOfficer();
const SPRING = '2024-25-spring';

function aState(overrides: Partial<SignOffState> = {}): SignOffState {
  const report = aReport({ term: SPRING, approval: 'pending', returnComment: undefined, submittedAt: '2025-03-20T10:00:00.000Z', version: 2 });
  return {
    locality: aLocality(),
    term: SPRING,
    report,
    authors: [ALISON],
    updates: [anUpdate({ term: SPRING, rag: 'some concerns' }), anUpdate({ priorityId: 'p2', term: SPRING, title: 'Transition **now**', rag: undefined })],
    events: [anEvent({ term: SPRING, at: '2025-03-20T10:00:00.000Z' }), anEvent({ term: SPRING, kind: 'returned', by: 'officer-mary', comment: 'Add [figures](http://x)', at: '2025-03-21T10:00:00.000Z' })],
    officers: new Map([[ALISON.id, ALISON], [MARY.id, MARY]]),
    ...overrides,
  };
}

const outcomes = summariseOutcomes(OUTCOME_PRIORITIES, OUTCOME_UPDATES, OUTCOME_LOCALITIES, AUTUMN_2024, SUMMER_2025);
const names = new Map(OUTCOME_LOCALITIES.map((locality) => [locality.id, locality.name]));

const rendered: ReadonlyArray<[string, TemplateFile, AdaptiveCardJson, readonly string[]]> = [
  ['sign-off card, waiting', 'sign-off-card.json', buildSignOffCard(aState(), { viewer: MARY, userIds: ['29:mary'] }), ALL_SIGN_OFF_VERBS],
  [
    'sign-off card, returned',
    'sign-off-card.json',
    buildSignOffCard(aState({ report: aReport({ term: SPRING, status: 'in progress', approval: 'returned' }) }), { viewer: MARY, userIds: [] }),
    ALL_SIGN_OFF_VERBS,
  ],
  ['history card', 'report-history-card.json', buildHistoryCard(aState()), []],
  ['history card, empty', 'report-history-card.json', buildHistoryCard(aState({ events: [], updates: [] })), []],
  ['outcomes card', 'outcomes-card.json', buildOutcomesCard(outcomes, names), []],
];

describe('managers\' card templates', () => {
  it.each(rendered)('%s parses with the adaptivecards library without problems', (_name, _file, card) => {
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it.each(rendered)('%s has only the input ids its submit interface lists', (_name, file, card) => {
    const { inputIds } = parseAdaptiveCard(card);
    expect(inputIds.filter((id) => !isListedInputId(MANAGER_CARD_INPUTS[file], id))).toEqual([]);
  });

  it.each(rendered)('%s uses only its own verbs', (_name, _file, card, verbs) => {
    expect(parseAdaptiveCard(card).verbs.filter((verb) => !verbs.includes(verb))).toEqual([]);
  });

  it('the waiting sign-off card offers Approve, Return and History, with the comment box', () => {
    const card = rendered[0][2];
    expect([...parseAdaptiveCard(card).verbs].sort()).toEqual(['tass.report.history', 'tass.signoff.approve', 'tass.signoff.refresh', 'tass.signoff.return']);
    expect(parseAdaptiveCard(card).inputIds).toEqual(['returnComment']);
  });

  it('the returned sign-off card shows the comment and offers no decision', () => {
    const card = rendered[1][2];
    expect([...parseAdaptiveCard(card).verbs].sort()).toEqual(['tass.report.history', 'tass.signoff.refresh']);
    expect(JSON.stringify(card)).toContain('Please add the figures for the panel meeting');
  });

  it('shows typed text as written, not as Markdown', () => {
    expect(JSON.stringify(rendered[0][2])).toContain('Transition \\\\*\\\\*now\\\\*\\\\*');
    expect(JSON.stringify(rendered[2][2])).toContain('Add \\\\[figures\\\\]');
  });

  it('what the sign-off card submits is what its handler reads', () => {
    const card = rendered[0][2];
    const action = (card.actions as Array<{ verb?: string; data?: Record<string, unknown> }>).find((a) => a.verb === 'tass.signoff.return')!;
    const parsed = parseSignOffAction({ ...action.data, ...prefilledInputs(card), returnComment: 'Please add figures.' });
    expect(parsed).toEqual({ data: { localityId: 'central-lancs', term: SPRING, submittedAt: '2025-03-20T10:00:00.000Z' }, comment: 'Please add figures.' });
  });

  it('cover verbs are the ones the cover template uses', () => {
    expect([...ALL_COVER_VERBS].sort()).toEqual(['tass.cover.end', 'tass.cover.set']);
  });
});

describe('parseOutcomesRange', () => {
  it.each<[string, string, string]>([
    ['', '2024-25-autumn', '2024-25-spring'],
    ['Autumn 2024 to Summer 2025', '2024-25-autumn', '2024-25-summer'],
    ['autumn 2024 summer 2025', '2024-25-autumn', '2024-25-summer'],
    ['Autumn – October 2024 to Summer – July 2025', '2024-25-autumn', '2024-25-summer'],
    ['Spring 2025', '2024-25-spring', '2024-25-spring'],
  ])('"%s" is %s to %s', (words, fromTerm, toTerm) => {
    expect(parseOutcomesRange(words, '2024-25-spring')).toEqual({ kind: 'range', fromTerm, toTerm });
  });

  it('says when the words are not terms', () => {
    expect(parseOutcomesRange('last year', '2024-25-spring')).toEqual({ kind: 'unreadable', words: 'last year' });
  });
});
