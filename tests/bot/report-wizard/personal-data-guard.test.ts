/** The guard's decisions on a section save, what it shows, and what it reads from a card. */
import type { PriorityUpdate } from '../../../src/domain/model';
import { findPersonalDataInSection, type PersonalDataContext } from '../../../src/domain/personal-data';
import { InvalidActionDataError } from '../../../src/bot/report-wizard/action-data';
import {
  checkSectionSave,
  flaggedStamp,
  highlightedExcerpt,
  parsePersonalDataConfirmation,
  personalDataProblems,
  sameConfirmations,
  type PersonalDataConfirmationInput,
} from '../../../src/bot/report-wizard/personal-data-guard';
import { aPersonalDataConfirmation, anUpdate, items, prose } from '../../support/builders';
import { aReportState } from '../../support/wizard-fixtures';

const CONTEXT: PersonalDataContext = { officerNames: ['Claire Fox', 'Alison Walsh'], allowedEmailDomains: ['lancashire.gov.uk', 'nhs.net'], referenceYear: 2025 };
const CHILD = 'Panel discussed pupil Jack Smith (Year 8), DOB 03/04/2012.';
const NOW = '2025-03-10T09:20:00.000Z';
const stampOf = (text: string) => flaggedStamp(findPersonalDataInSection(prose(text), CONTEXT));

function check(typed: string, current: PriorityUpdate, confirmation?: PersonalDataConfirmationInput) {
  const proposed = { ...current, impactSoFar: prose(typed) };
  return checkSectionSave(
    { section: 'impactSoFar', typed: prose(typed), current, proposed, officerId: 'officer-claire-fox', now: NOW, ...(confirmation ? { confirmation } : {}) },
    CONTEXT,
  );
}

describe('deciding a section save', () => {
  const confirmedChild = anUpdate({
    impactSoFar: prose(CHILD),
    personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation({ findingKinds: ['date-of-birth', 'named-child'] }) },
  });

  it('saves seed-style text as it is', () => {
    const result = check('8 high schools attended the first panel meeting (4/11/24).', anUpdate());
    expect(result).toEqual({ kind: 'save', update: { ...anUpdate(), impactSoFar: prose('8 high schools attended the first panel meeting (4/11/24).') }, confirmed: [] });
  });

  it('holds a child named for the first time, and shows where', () => {
    const result = check(CHILD, anUpdate());
    expect(result.kind).toBe('hold');
    if (result.kind !== 'hold') return;
    expect(result.problem).toBeUndefined();
    expect(result.flagged).toBe(stampOf(CHILD));
    expect(result.lines[0].findings.map((finding) => finding.kind)).toEqual(['named-child', 'date-of-birth']);
  });

  it('records a confirmation given for exactly the words shown', () => {
    const result = check(CHILD, anUpdate(), { reason: '  The family agreed to share it.  ', flagged: stampOf(CHILD) });
    expect(result.kind).toBe('save');
    if (result.kind !== 'save') return;
    expect(result.confirmed).toEqual(['date-of-birth', 'named-child']);
    expect(result.update.personalDataConfirmations).toEqual({
      impactSoFar: { findingKinds: ['date-of-birth', 'named-child'], reason: 'The family agreed to share it.', confirmedBy: 'officer-claire-fox', confirmedAt: NOW },
    });
  });

  it.each([
    ['a reason too short to mean anything', { reason: 'ok', flagged: stampOf(CHILD) }, /at least 3 characters/],
    ['a reason given for other words', { reason: 'The family agreed to share it.', flagged: stampOf('pupil Amy Jones (Year 5)') }, /text changed/],
  ])('holds again on %s', (_label, confirmation, problem) => {
    const result = check(CHILD, anUpdate(), confirmation);
    expect(result.kind).toBe('hold');
    if (result.kind === 'hold') expect(result.problem).toMatch(problem);
  });

  it('keeps the stored confirmation while only its words are found', () => {
    const result = check(`${CHILD} Attendance is now 92%.`, confirmedChild);
    expect(result.kind).toBe('save');
    if (result.kind === 'save') expect(result.update.personalDataConfirmations).toEqual(confirmedChild.personalDataConfirmations);
  });

  it('clears the confirmation when nothing is found any more', () => {
    const result = check('Attendance is now 92%.', confirmedChild);
    expect(result.kind).toBe('save');
    if (result.kind === 'save') expect('personalDataConfirmations' in result.update).toBe(false);
  });
});

describe('showing findings', () => {
  it('cuts a long line down to the findings with their surroundings', () => {
    const line = `${'The panel met and discussed attendance across the district. '.repeat(5)}${CHILD}${' Schools agreed next steps.'.repeat(10)}`;
    const [found] = findPersonalDataInSection(items(line), CONTEXT);
    const excerpt = highlightedExcerpt(found);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('pupil **Jack Smith** (Year 8), DOB **03/04/2012**.');
    expect(excerpt.length).toBeLessThan(line.length);
  });

  it('shows only the first findings when asked to keep it short', () => {
    const [found] = findPersonalDataInSection(items('Calls to 07700 900123, 07700 900124, 07700 900125 and 07700 900126.'), CONTEXT);
    expect(highlightedExcerpt(found, 2)).toBe('Calls to **07700 900123**, **07700 900124**, 07700 900125 and 07700 900126. (and 2 more)');
  });

  it('lists each unconfirmed section of each priority for the review card', () => {
    const state = aReportState();
    const [first, second] = state.priorities;
    const flagged = {
      ...state,
      priorities: [
        { ...first, update: { ...first.update, impactSoFar: prose(CHILD) } },
        {
          ...second,
          update: {
            ...second.update,
            exitStrategy: items('Contact mum on 07700 900123.'),
            impactSoFar: prose(CHILD),
            personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation({ findingKinds: ['date-of-birth', 'named-child'] }) },
          },
        },
      ],
    };
    expect(personalDataProblems(flagged, CONTEXT)).toEqual([
      "\u201cSchool Avoidance- what support is available for schools\u201d, Impact so far: Panel discussed pupil **Jack Smith** (Year 8), DOB **03/04/2012**. may identify a child or family (a date of birth and a child's or relative's name). Open the section to edit it, or confirm it with a reason.",
      '\u201cTransition from primary to secondary for children with SEND in Chorley\u201d, Exit Strategy: Contact mum on **07700 900123**. may identify a child or family (a phone number). Open the section to edit it, or confirm it with a reason.',
    ]);
  });

  it('compares confirmations section by section, whatever order they were set in', () => {
    const a = anUpdate({ personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation(), exitStrategy: aPersonalDataConfirmation({ findingKinds: ['phone'] }) } });
    const b = anUpdate({ personalDataConfirmations: { exitStrategy: aPersonalDataConfirmation({ findingKinds: ['phone'] }), impactSoFar: aPersonalDataConfirmation() } });
    expect(sameConfirmations(a, b)).toBe(true);
    expect(sameConfirmations(a, anUpdate())).toBe(false);
  });
});

describe('reading "Confirm and save"', () => {
  it('reads the pressed button, the fingerprint and the reason', () => {
    expect(parsePersonalDataConfirmation({ saveMode: 'draft', flagged: '0123456789abcdef', personalDataReason: 'School office number.' })).toEqual({
      saveMode: 'draft',
      confirmation: { reason: 'School office number.', flagged: '0123456789abcdef' },
    });
  });

  it.each([
    ['a button that does not exist', { saveMode: 'publish', flagged: '0123456789abcdef' }],
    ['a forged fingerprint', { saveMode: 'next', flagged: 'not a stamp' }],
    ['a reason of 2,001 characters', { saveMode: 'next', flagged: '0123456789abcdef', personalDataReason: 'x'.repeat(2001) }],
  ])('refuses %s as unreadable card data', (_label, raw) => {
    expect(() => parsePersonalDataConfirmation(raw)).toThrow(InvalidActionDataError);
  });
});
