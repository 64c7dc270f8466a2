import type { CoverAssignment, Officer } from '../../src/domain/model';
import { activeCovers, canEditLocality, coverProblems, coverStatus, effectiveAuthors, endCover, isIsoDate } from '../../src/domain/cover';
import { anOfficer } from '../support/builders';

const ALISON = anOfficer();
const CLAIRE = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', localityIds: ['central-lancs'] });
const PETER = anOfficer({ id: 'officer-peter-hale', name: 'Peter Hale', email: 'peter.hale@lancashire.gov.uk', localityIds: ['preston'] });
const MARY = anOfficer({ id: 'officer-mary', name: 'Mary Holt', roles: ['manager'], localityIds: [] });
const ADA = anOfficer({ id: 'officer-ada', name: 'Ada Greenwood', roles: ['admin'], localityIds: [] });
const OFFICERS: Officer[] = [ADA, ALISON, CLAIRE, MARY, PETER];

/** Peter covers Alison's absence in Central Lancs from 10 to 21 March 2025. */
const PETER_FOR_ALISON: CoverAssignment = {
  id: 'cover-1',
  localityId: 'central-lancs',
  coverOfficerId: PETER.id,
  absentOfficerId: ALISON.id,
  from: '2025-03-10',
  to: '2025-03-21',
  assignedBy: MARY.id,
};

describe('effectiveAuthors', () => {
  it.each<[string, string, string[]]>([
    ['before the cover: the locality\'s own EPOs', '2025-03-09', [ALISON.id, CLAIRE.id]],
    ['on its first day: the cover officer instead of the absent one', '2025-03-10', [CLAIRE.id, PETER.id]],
    ['on its last day', '2025-03-21', [CLAIRE.id, PETER.id]],
    ['after it: the rights return', '2025-03-22', [ALISON.id, CLAIRE.id]],
  ])('%s', (_what, date, expected) => {
    expect(effectiveAuthors('central-lancs', date, OFFICERS, [PETER_FOR_ALISON]).map((o) => o.id)).toEqual(expected);
  });

  it('adds a cover officer without removing anyone when nobody is named absent', () => {
    const extraHands = { ...PETER_FOR_ALISON, absentOfficerId: undefined };
    expect(effectiveAuthors('central-lancs', '2025-03-12', OFFICERS, [extraHands]).map((o) => o.id)).toEqual([ALISON.id, CLAIRE.id, PETER.id]);
  });

  it('leaves other localities alone', () => {
    expect(effectiveAuthors('preston', '2025-03-12', OFFICERS, [PETER_FOR_ALISON]).map((o) => o.id)).toEqual([PETER.id]);
  });
});

describe('canEditLocality', () => {
  it.each<[string, Officer, string, boolean]>([
    ['the cover officer during the cover', PETER, '2025-03-15', true],
    ['the cover officer before it', PETER, '2025-03-09', false],
    ['the cover officer after it', PETER, '2025-03-22', false],
    ['the absent officer during the cover', ALISON, '2025-03-15', false],
    ['the absent officer after it', ALISON, '2025-03-22', true],
    ['a co-author who is not absent', CLAIRE, '2025-03-15', true],
    ['a manager', MARY, '2025-03-15', false],
    ['an admin', ADA, '2025-03-15', true],
  ])('%s: %s', (_what, officer, date, expected) => {
    expect(canEditLocality(officer, 'central-lancs', date, [PETER_FOR_ALISON])).toBe(expected);
  });
});

describe('cover dates', () => {
  it.each<[string, boolean]>([
    ['2025-03-10', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['10/03/2025', false],
    ['2025-3-1', false],
  ])('%s is a date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['2025-03-09', 'upcoming'],
    ['2025-03-10', 'current'],
    ['2025-03-21', 'current'],
    ['2025-03-22', 'ended'],
  ])('on %s the cover is %s', (date, status) => {
    expect(coverStatus(PETER_FOR_ALISON, date)).toBe(status);
  });

  it('finds the covers in force', () => {
    expect(activeCovers([PETER_FOR_ALISON], 'central-lancs', '2025-03-15')).toEqual([PETER_FOR_ALISON]);
    expect(activeCovers([PETER_FOR_ALISON], 'central-lancs', '2025-03-25')).toEqual([]);
  });
});

describe('coverProblems', () => {
  const byId = new Map(OFFICERS.map((officer) => [officer.id, officer]));

  it('accepts a sound cover', () => {
    expect(coverProblems(PETER_FOR_ALISON, byId, [])).toEqual([]);
  });

  it.each<[string, Partial<CoverAssignment>, string[]]>([
    ['dates that are not dates', { from: '10 March', to: '2025-13-01' }, ['from is not a date', 'to is not a date']],
    ['an end before the start', { from: '2025-03-21', to: '2025-03-10' }, ['ends before it starts']],
    ['an officer covering themselves', { coverOfficerId: ALISON.id }, ['covers themselves']],
    ['a manager as cover', { coverOfficerId: MARY.id }, ['cover officer is not an EPO']],
    ['an absent officer of another locality', { absentOfficerId: PETER.id, coverOfficerId: CLAIRE.id }, ['absent officer does not serve the locality']],
  ])('finds %s', (_what, change, problems) => {
    expect(coverProblems({ ...PETER_FOR_ALISON, ...change }, byId, [])).toEqual(problems);
  });

  it('finds an overlap with another cover by the same officer for the same locality', () => {
    const again = { ...PETER_FOR_ALISON, id: 'cover-2', from: '2025-03-20', to: '2025-03-28' };
    expect(coverProblems(again, byId, [PETER_FOR_ALISON])).toEqual(['overlaps another cover']);
    expect(coverProblems({ ...again, from: '2025-03-22' }, byId, [PETER_FOR_ALISON])).toEqual([]);
  });
});

describe('endCover', () => {
  it.each<[string, string, ReturnType<typeof endCover>]>([
    ['before it starts: removed', '2025-03-05', { kind: 'delete' }],
    ['on its first day: removed', '2025-03-10', { kind: 'delete' }],
    ['part way: stops yesterday', '2025-03-15', { kind: 'shorten', cover: { ...PETER_FOR_ALISON, to: '2025-03-14' } }],
    ['after it ended', '2025-03-25', { kind: 'already ended' }],
  ])('%s', (_what, date, expected) => {
    expect(endCover(PETER_FOR_ALISON, date)).toEqual(expected);
  });
});
