/** The guard over a priority update's sections: when a save may go ahead, and what submit still refuses. */
import type { PersonalDataContext } from '../../../src/domain/personal-data';
import {
  guardSection,
  sectionConfirmationsSchema,
  unconfirmedSections,
  withSectionConfirmation,
} from '../../../src/domain/personal-data';
import { aPersonalDataConfirmation, anUpdate, items, prose } from '../../support/builders';

const CONTEXT: PersonalDataContext = {
  officerNames: ['Claire Fox', 'Alison Walsh'],
  allowedEmailDomains: ['lancashire.gov.uk', 'nhs.net'],
  referenceYear: 2025,
};

const CHILD = 'Panel discussed pupil Jack Smith (Year 8), DOB 03/04/2012, and his attendance.';
const SEED = items(
  '8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.',
  'Commitment from Compass Bloom to coordinate and facilitate the SMHL network.',
);
const confirmation = aPersonalDataConfirmation({ findingKinds: ['date-of-birth', 'named-child'] });

describe('guarding a section save', () => {
  it.each([
    ['seed-style text, never confirmed', SEED, items(), undefined, 'clear'],
    ['text edited so nothing is found, though it was confirmed', SEED, items(CHILD), confirmation, 'clear'],
    ['a child named for the first time', items(CHILD), SEED, undefined, 'confirm'],
    ['the confirmed text saved again', items(CHILD), items(CHILD), confirmation, 'keep'],
    ['the confirmed text with an unrelated line added', items(CHILD, 'Second panel in May.'), items(CHILD), confirmation, 'keep'],
    ['the confirmed text with another child added', items(CHILD, 'Sister Amy Smith (Year 5) is also known to school.'), items(CHILD), confirmation, 'confirm'],
    ['the confirmed text with a new kind added', items(CHILD, 'Mum can be reached on 07700 900123.'), items(CHILD), confirmation, 'confirm'],
    ['confirmed words, but the confirmation covers fewer kinds', items(CHILD), items(CHILD), aPersonalDataConfirmation(), 'confirm'],
  ])('%s', (_label, text, previousText, previousConfirmation, outcome) => {
    const decision = guardSection(text, { text: previousText, ...(previousConfirmation ? { confirmation: previousConfirmation } : {}) }, CONTEXT);
    expect(decision.outcome).toBe(outcome);
    if (decision.outcome === 'confirm') expect(decision.lines.length).toBeGreaterThan(0);
    if (decision.outcome === 'keep') expect(decision.confirmation).toBe(previousConfirmation);
  });

  it('shows each flagged line with where the words are', () => {
    const decision = guardSection(items('Second panel in May.', CHILD), { text: items() }, CONTEXT);
    expect(decision.outcome).toBe('confirm');
    if (decision.outcome !== 'confirm') return;
    expect(decision.lines.map((line) => line.index)).toEqual([1]);
    expect(decision.lines[0].findings.map((finding) => [finding.kind, finding.match])).toEqual([
      ['named-child', 'Jack Smith'],
      ['date-of-birth', '03/04/2012'],
    ]);
  });
});

describe('what submit still refuses', () => {
  it('names each section with unconfirmed findings, the priority title included', () => {
    const update = anUpdate({
      title: 'Support for pupil Jack Smith (Year 8)',
      impactSoFar: prose(CHILD),
      exitStrategy: items('Contact the school office on 01772 123456.'),
      personalDataConfirmations: { exitStrategy: aPersonalDataConfirmation({ findingKinds: ['phone'] }) },
    });
    expect(unconfirmedSections(update, CONTEXT).map((found) => found.section)).toEqual(['priority', 'impactSoFar']);
  });

  it('finds nothing to refuse in a seed-style update', () => {
    expect(unconfirmedSections(anUpdate(), CONTEXT)).toEqual([]);
  });

  it('refuses a confirmation that no longer covers every kind found', () => {
    const update = anUpdate({ impactSoFar: prose(CHILD), personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation() } });
    expect(unconfirmedSections(update, CONTEXT).map((found) => found.section)).toEqual(['impactSoFar']);
  });
});

describe('setting and clearing a section confirmation', () => {
  it('adds one, keeps the others, and drops the field when the last one goes', () => {
    const start = anUpdate();
    expect('personalDataConfirmations' in start).toBe(false);
    const one = withSectionConfirmation(start, 'impactSoFar', confirmation);
    expect(one.personalDataConfirmations).toEqual({ impactSoFar: confirmation });
    const two = withSectionConfirmation(one, 'exitStrategy', aPersonalDataConfirmation({ findingKinds: ['phone'] }));
    expect(Object.keys(two.personalDataConfirmations ?? {}).sort()).toEqual(['exitStrategy', 'impactSoFar']);
    const back = withSectionConfirmation(withSectionConfirmation(two, 'exitStrategy', undefined), 'impactSoFar', undefined);
    expect(back).toEqual(start);
    expect('personalDataConfirmations' in back).toBe(false);
  });

  it.each([
    ['a complete record', { impactSoFar: confirmation }, true],
    ['no sections', {}, true],
    ['an unknown section', { headteacherNotes: confirmation }, false],
    ['a record without a reason', { impactSoFar: { ...confirmation, reason: '' } }, false],
  ])('validates stored confirmations: %s', (_label, value, valid) => {
    expect(sectionConfirmationsSchema.safeParse(value).success).toBe(valid);
  });
});
