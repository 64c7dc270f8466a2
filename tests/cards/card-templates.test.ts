/**
 * Every card template, rendered with realistic data, is a card the adaptivecards library accepts;
 * its inputs are exactly those its submit interface lists; its verbs are the wizard's; and it
 * stays under 80 KB with the longest content the wizard allows.
 */
import fs from 'node:fs';
import { SECTION_NAMES, type SectionName } from '../../src/domain/model';
import { CARD_INPUTS, isListedInputId } from '../../src/cards/card-models';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/card-size';
import { cardsFolder } from '../../src/cards/package-root';
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import { buildNoticeCard, buildReportCard, buildReviewCard } from '../../src/bot/report-wizard/report-cards';
import { buildClosePriorityCard, buildSectionCard } from '../../src/bot/report-wizard/section-cards';
import { parseClosePriorityAction, parseSectionAction } from '../../src/bot/report-wizard/action-data';
import { contextFor } from '../../src/bot/report-wizard/card-context';
import { ALL_WIZARD_VERBS } from '../../src/bot/report-wizard/verbs';
import { findPersonalDataInSection, type PersonalDataContext } from '../../src/domain/personal-data';
import { parseSectionText } from '../../src/domain/section-text';
import { flaggedStamp, parsePersonalDataConfirmation, personalDataProblems } from '../../src/bot/report-wizard/personal-data-guard';
import { aReport, items } from '../support/builders';
import { cardText } from '../support/bot-harness';
import { escapeCardText } from '../../src/cards/escape-card-text';
import { parseAdaptiveCard, prefilledInputs } from '../support/adaptive-card-parser';
import { aFrame, aReportState, fullUpdate, longestText } from '../support/wizard-fixtures';
import { DEFAULT_THEMES } from '../../src/domain/themes';

type TemplateFile = keyof typeof CARD_INPUTS;

const state = aReportState();
const [avoidance, transition] = state.priorities;
const submitted = aReportState({ report: aReport({ term: state.termKey, approval: 'pending', returnComment: undefined, version: 5 }) });
const complete = aReportState({
  priorities: state.priorities.map((entry) => ({ ...entry, update: fullUpdate(entry.update, 300) })),
});
const returned = aReportState({ report: aReport({ term: state.termKey, status: 'in progress', version: 6 }) });
/** Every section of every priority done; and the same with only the first priority done. */
const allDone = aReportState({
  priorities: complete.priorities.map((entry) => ({ ...entry, update: { ...entry.update, sectionsDone: [...SECTION_NAMES] } })),
});
const firstDone = aReportState({ priorities: [allDone.priorities[0], complete.priorities[1]] });

const PERSONAL_DATA_CONTEXT: PersonalDataContext = { officerNames: ['Claire Fox', 'Alison Walsh'], allowedEmailDomains: ['lancashire.gov.uk'], referenceYear: 2025 };
const CHILD_LINE = 'Panel discussed pupil Jack Smith (Year 8), DOB 03/04/2012; mum is on 07700 900123 and lives at PR7 1AB.';

/** A section card as the personal-data guard returns it: the author's text kept, the findings highlighted. */
function heldSectionCard(text: string, entry = avoidance, frameState = state): AdaptiveCardJson {
  const lines = findPersonalDataInSection(parseSectionText(text), PERSONAL_DATA_CONTEXT);
  return buildSectionCard(aFrame(frameState), entry, 'impactSoFar', { text, personalData: { lines, saveMode: 'next', flagged: flaggedStamp(lines) } });
}

const rendered: ReadonlyArray<[string, TemplateFile, AdaptiveCardJson]> = [
  ['report card, in progress', 'report-card.json', buildReportCard(aFrame(state))],
  ['report card, returned for changes', 'report-card.json', buildReportCard(aFrame(returned), { notice: 'Draft saved.' })],
  ['report card, submitted', 'report-card.json', buildReportCard(aFrame(submitted), { submitterName: 'Alison Walsh' })],
  ['report card, no priorities', 'report-card.json', buildReportCard(aFrame(aReportState({ priorities: [] })))],
  ['report card, every priority done', 'report-card.json', buildReportCard(aFrame(allDone), { notice: 'All six sections are done.', finishedPriorityId: 'central-transition' })],
  ['report card, one priority done and one not', 'report-card.json', buildReportCard(aFrame(firstDone), { notice: 'All six sections are done.', finishedPriorityId: firstDone.priorities[0].priority.id })],
  ...SECTION_NAMES.map((section): [string, TemplateFile, AdaptiveCardJson] => [
    `section card, ${section}`,
    'section-card.json',
    buildSectionCard(aFrame(state), avoidance, section),
  ]),
  [
    'section card with a problem and a conflict',
    'section-card.json',
    buildSectionCard(aFrame(state), avoidance, 'impactSoFar', {
      text: 'My own text',
      problems: ['Impact so far is needed for the report.'],
      conflict: { savedBy: 'Claire Fox', savedAt: '10:02 on 10 March 2025', text: 'Her newer text' },
    }),
  ],
  ['section card of a new priority', 'section-card.json', buildSectionCard(aFrame(state), transition, 'priority')],
  ['section card held by the personal-data guard', 'section-card.json', heldSectionCard(CHILD_LINE)],
  ['close priority card', 'close-priority-card.json', buildClosePriorityCard(aFrame(state), avoidance)],
  ['close priority card with problems', 'close-priority-card.json', buildClosePriorityCard(aFrame(state), avoidance, { problems: ['Write a closing note.'] })],
  ['review card with problems', 'review-card.json', buildReviewCard(aFrame(state))],
  ['review card, ready to submit', 'review-card.json', buildReviewCard(aFrame(complete))],
  ['review card, submitted', 'review-card.json', buildReviewCard(aFrame(submitted), { submitterName: 'Alison Walsh' })],
  ['notice card', 'notice-card.json', buildNoticeCard('Not your locality', 'You can only work on your localities.', contextFor(state, 'report'))],
];

describe('card templates', () => {
  it.each(rendered)('%s parses with the adaptivecards library without problems', (_name, _file, card) => {
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it.each(rendered)('%s has only the input ids its submit interface lists', (_name, file, card) => {
    const listed: readonly string[] = CARD_INPUTS[file];
    const { inputIds } = parseAdaptiveCard(card);
    expect(inputIds.filter((id) => !isListedInputId(listed, id))).toEqual([]);
    // Numbered ids and ids marked "?" appear only on some renderings of a card.
    const fixed = listed.filter((entry) => !entry.endsWith('_#') && !entry.endsWith('?'));
    const hasActions = JSON.stringify(card).includes('"Action.Execute"');
    if (hasActions) expect(fixed.filter((id) => !inputIds.includes(id))).toEqual([]);
  });

  it.each(rendered)('%s uses only the wizard\'s verbs', (_name, _file, card) => {
    const { verbs } = parseAdaptiveCard(card);
    expect(verbs.length).toBeGreaterThan(0);
    expect(verbs.filter((verb) => !(ALL_WIZARD_VERBS as readonly string[]).includes(verb))).toEqual([]);
  });

  it('every wizard template the models list is in cards/, and every verb is on some card', () => {
    const files = fs.readdirSync(cardsFolder()).filter((file) => file.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(Object.keys(CARD_INPUTS)));
    const used = new Set(rendered.flatMap(([, , card]) => parseAdaptiveCard(card).verbs));
    expect(ALL_WIZARD_VERBS.filter((verb) => !used.has(verb))).toEqual([]);
  });

  it('the carry-forward card asks about each of last term\'s planned items', () => {
    const card = buildSectionCard(aFrame(state), avoidance, 'activityLastPeriod');
    expect(parseAdaptiveCard(card).inputIds).toEqual(['carryOutcome_0', 'carryOutcome_1', 'carryOutcome_2', 'text']);
  });

  it('labels each dropdown with its item, cut when long (shown in full above), numbered when two cut labels match', () => {
    const alike = 'Meet the head teachers of the Chorley and South Ribble secondary schools, with the attendance team and the cluster leads, to agree';
    const previous = { ...avoidance.previous!, plannedActivityNextPeriod: items(`${alike} the attendance protocol.`, `${alike} the transition protocol.`, 'Survey SENCOs.') };
    const card = buildSectionCard(aFrame(state), { ...avoidance, previous }, 'activityLastPeriod');
    const { inputLabels } = parseAdaptiveCard(card);
    const cut = 'Meet the head teachers of the Chorley and South Ribble secondary schools, with the attendance team and the cluster…';
    expect(['carryOutcome_0', 'carryOutcome_1', 'carryOutcome_2'].map((id) => inputLabels[id])).toEqual([`${cut} (item 1)`, `${cut} (item 2)`, 'Survey SENCOs.']);
    expect(cardText(card)).toContain(escapeCardText(`${alike} the transition protocol.`));
  });
});

describe('what a card submits is what its handler reads', () => {
  it('a section card round-trips its text and carry-forward marks through the section parser', () => {
    const card = buildSectionCard(aFrame(state), avoidance, 'activityLastPeriod');
    const data = (card.actions as Array<{ verb: string; data: Record<string, unknown> }>).find((a) => a.verb === 'tass.section.saveNext')!.data;
    const action = parseSectionAction({ ...data, ...prefilledInputs(card), carryOutcome_1: 'not done' }, DEFAULT_THEMES);
    expect(action.text).toBe('Follow-up meeting held with PMHW and CAMHS on 14 January.');
    expect([...action.carryForward.entries()]).toEqual([[0, 'done'], [1, 'not done']]);
    expect(action.context).toMatchObject({ localityId: 'central-lancs', term: state.termKey, priorityId: avoidance.priority.id, section: 'activityLastPeriod', version: 2 });
  });

  it('the close card round-trips its status and note through the close parser', () => {
    const card = buildClosePriorityCard(aFrame(state), avoidance, { status: 'handed over', closingNote: 'Now with the Locality Group.' });
    const data = (card.actions as Array<{ verb: string; data: Record<string, unknown> }>).find((a) => a.verb === 'tass.priority.close.save')!.data;
    const action = parseClosePriorityAction({ ...data, ...prefilledInputs(card) });
    expect(action).toMatchObject({ status: 'handed over', closingNote: 'Now with the Locality Group.', context: { version: 3 } });
  });
});

describe('the section card held by the personal-data guard', () => {
  it('shows the findings in bold, keeps the typed text, and asks for the reason only in its show-card', () => {
    const card = heldSectionCard(CHILD_LINE);
    const json = JSON.stringify(card);
    for (const bold of ['**Jack Smith**', '**03/04/2012**', '**07700 900123**', '**PR7 1AB**']) expect(json).toContain(bold);
    expect(prefilledInputs(card).text).toBe(CHILD_LINE);
    const showCard = (JSON.parse(json) as { body: unknown[] }).body.flatMap((element) => JSON.stringify(element).includes('Action.ShowCard') ? [element] : []);
    expect(JSON.stringify(showCard)).toContain('"id":"personalDataReason"');
    expect(JSON.stringify(showCard)).toContain('"isRequired":true');
    expect(JSON.stringify(card.actions)).not.toContain('personalDataReason');
  });

  it('"Confirm and save" round-trips the text, the reason and the pressed button through the parsers', () => {
    const card = heldSectionCard(CHILD_LINE);
    const confirm = (JSON.stringify(card).match(/"verb":"tass\.section\.confirmPersonalData","data":(\{[^}]*\})/) ?? [])[1];
    expect(confirm).toBeDefined();
    const raw = { ...(JSON.parse(confirm!) as Record<string, unknown>), ...prefilledInputs(card), personalDataReason: 'The family agreed to share it.' };
    expect(parseSectionAction(raw, DEFAULT_THEMES)).toMatchObject({ text: CHILD_LINE, context: { section: 'impactSoFar', priorityId: avoidance.priority.id } });
    expect(parsePersonalDataConfirmation(raw)).toEqual({
      saveMode: 'next',
      confirmation: { reason: 'The family agreed to share it.', flagged: flaggedStamp(findPersonalDataInSection(parseSectionText(CHILD_LINE), PERSONAL_DATA_CONTEXT)) },
    });
  });

  it('escapes the author\'s own Markdown around the highlights', () => {
    const json = JSON.stringify(heldSectionCard('Note: **urgent** [see notes] pupil Jack Smith (Year 8)'));
    expect(json).toContain('Note: \\\\*\\\\*urgent\\\\*\\\\* \\\\[see notes\\\\] pupil **Jack Smith**');
  });
});

describe('card size', () => {
  const full = aReportState({
    priorities: Array.from({ length: 12 }, (_, index) => ({
      ...avoidance,
      priority: { ...avoidance.priority, id: `p-${index}` },
      update: fullUpdate(avoidance.update, 4000),
    })),
  });

  it('the review card of twelve priorities filled to the limit fits, as a shortened preview that says so', () => {
    const card = buildReviewCard(aFrame(full));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).toContain('shortened preview');
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it('the review card of a normal report is shown in full', () => {
    expect(JSON.stringify(buildReviewCard(aFrame(state)))).not.toContain('shortened preview');
  });

  it.each(SECTION_NAMES.map((section): [SectionName] => [section]))(
    'the %s card with the longest text, a conflict and last term\'s text fits',
    (section) => {
      const entry = { ...avoidance, update: fullUpdate(avoidance.update, 4000), previous: fullUpdate(avoidance.previous!, 4000) };
      const card = buildSectionCard(aFrame(full), entry, section, {
        text: longestText(4000),
        conflict: { savedBy: 'Claire Fox', savedAt: '10:02 on 10 March 2025', text: longestText(4000) },
      });
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(parseAdaptiveCard(card).problems).toEqual([]);
    },
  );

  it('the held section card with the longest text, every line flagged, fits', () => {
    const flagged = Array.from({ length: 20 }, (_, i) => `${i}. ${CHILD_LINE} `.padEnd(199, '*_[]')).join('\n');
    const card = heldSectionCard(flagged, { ...avoidance, previous: fullUpdate(avoidance.previous!, 4000) }, full);
    expect(JSON.stringify(card)).toContain('**Jack Smith**');
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it('the review card of twelve priorities, every section flagged, fits and still lists each one', () => {
    const flagged = items(...Array.from({ length: 20 }, (_, i) => `${i}. ${CHILD_LINE} `.padEnd(199, '*_[]')));
    const everywhere = aReportState({
      priorities: full.priorities.map((entry, index) => ({
        ...entry,
        update: { ...entry.update, title: `Priority ${index + 1}: ${CHILD_LINE}`, intendedOutcomes: flagged, activityLastPeriod: flagged, plannedActivityNextPeriod: flagged, impactSoFar: flagged, exitStrategy: flagged },
      })),
    });
    const problems = personalDataProblems(everywhere, PERSONAL_DATA_CONTEXT);
    expect(problems).toHaveLength(12 * SECTION_NAMES.length);
    const card = buildReviewCard(aFrame(everywhere), { personalDataProblems: problems });
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(problems.filter((problem) => problem.startsWith('\u201cPriority 12: Panel discussed pupil Jack Smith'))).toHaveLength(SECTION_NAMES.length);
    expect(JSON.stringify(card)).toMatch(/Priority 12: Panel discussed pupil Jack Smith[^"]*, Exit Strategy:/);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
  });

  it('the report card of twelve priorities with the longest titles fits', () => {
    expect(cardBytes(buildReportCard(aFrame(full)))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('the report card of twelve finished priorities, each with its six "Edit a section" buttons, fits', () => {
    const finished = aReportState({ priorities: full.priorities.map((entry) => ({ ...entry, update: { ...entry.update, sectionsDone: [...SECTION_NAMES] } })) });
    const card = buildReportCard(aFrame(finished), { notice: 'All six sections are done.', finishedPriorityId: 'p-11' });
    expect(parseAdaptiveCard(card).verbs.filter((verb) => verb === 'tass.section.open')).toHaveLength(12 * SECTION_NAMES.length);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});
