import type { LocalityReport, Officer } from '../../src/domain/model';
import {
  awaitsSignOff,
  decideSignOff,
  isApproved,
  maySignOff,
  reportHistory,
  RETURN_COMMENT_MAX_LENGTH,
  signOffManagers,
  type SignOffRequest,
} from '../../src/domain/sign-off';
import { anOfficer } from '../support/builders';

const MARY = anOfficer({ id: 'officer-mary', name: 'Mary Holt', roles: ['manager'], localityIds: ['central-lancs'] });
const COUNTY_MANAGER = anOfficer({ id: 'officer-kim', name: 'Kim Shaw', roles: ['manager'], localityIds: [] });
const OTHER_MANAGER = anOfficer({ id: 'officer-omar', name: 'Omar Patel', roles: ['manager'], localityIds: ['preston'] });
const ADMIN = anOfficer({ id: 'officer-ada', name: 'Ada Greenwood', roles: ['admin'], localityIds: [] });
const EPO = anOfficer();

const SUBMITTED_AT = '2025-03-20T10:00:00.000Z';

function aReport(overrides: Partial<LocalityReport> = {}): LocalityReport {
  return {
    localityId: 'central-lancs',
    term: '2024-25-spring',
    officerIds: ['officer-alison-walsh'],
    status: 'submitted',
    submittedBy: 'officer-alison-walsh',
    submittedAt: SUBMITTED_AT,
    approval: 'pending',
    version: 3,
    ...overrides,
  };
}

function request(decision: 'approve' | 'return', by: Officer = MARY, extra: Partial<SignOffRequest> = {}): SignOffRequest {
  return { decision, by, at: '2025-03-21T09:00:00.000Z', submittedAt: SUBMITTED_AT, ...extra };
}

describe('maySignOff', () => {
  it.each<[string, Officer, boolean]>([
    ['a manager of the locality', MARY, true],
    ['a manager with no localities listed (every locality)', COUNTY_MANAGER, true],
    ['a manager of another locality', OTHER_MANAGER, false],
    ['an admin who is not a manager', ADMIN, false],
    ['an EPO of the locality', EPO, false],
  ])('%s: %s', (_what, officer, expected) => {
    expect(maySignOff(officer, 'central-lancs')).toBe(expected);
  });

  it('lists the managers of a locality', () => {
    expect(signOffManagers([MARY, COUNTY_MANAGER, OTHER_MANAGER, ADMIN, EPO], 'central-lancs').map((o) => o.id)).toEqual(['officer-mary', 'officer-kim']);
  });
});

describe('decideSignOff', () => {
  it('approves a pending report and records who did it', () => {
    const outcome = decideSignOff(aReport({ returnComment: 'old comment' }), request('approve'));
    expect(outcome).toEqual({
      kind: 'decided',
      report: { ...aReport(), approval: 'approved' },
      event: { localityId: 'central-lancs', term: '2024-25-spring', kind: 'approved', by: 'officer-mary', at: '2025-03-21T09:00:00.000Z' },
    });
  });

  it('returns a pending report to the EPOs with the comment', () => {
    const outcome = decideSignOff(aReport(), request('return', MARY, { comment: '  Please add figures to Impact so far.  ' }));
    expect(outcome).toEqual({
      kind: 'decided',
      report: { ...aReport(), status: 'in progress', approval: 'returned', returnComment: 'Please add figures to Impact so far.' },
      event: {
        localityId: 'central-lancs',
        term: '2024-25-spring',
        kind: 'returned',
        by: 'officer-mary',
        at: '2025-03-21T09:00:00.000Z',
        comment: 'Please add figures to Impact so far.',
      },
    });
  });

  it.each<[string, LocalityReport, SignOffRequest, string]>([
    ['approve twice', aReport({ approval: 'approved' }), request('approve'), 'already approved'],
    ['return after a co-manager approved', aReport({ approval: 'approved' }), request('return', MARY, { comment: 'x' }), 'already approved'],
    ['return twice', aReport({ status: 'in progress', approval: 'returned', returnComment: 'x' }), request('return', MARY, { comment: 'again' }), 'already returned'],
    ['approve after a co-manager returned', aReport({ status: 'in progress', approval: 'returned', returnComment: 'x' }), request('approve'), 'already returned'],
  ])('%s changes nothing', (_what, report, req, reason) => {
    expect(decideSignOff(report, req)).toEqual({ kind: 'unchanged', report, reason });
  });

  it.each<[string, LocalityReport | undefined, SignOffRequest, string]>([
    ['a manager of another locality', aReport(), request('approve', OTHER_MANAGER), 'not a manager of the locality'],
    ['an EPO', aReport(), request('approve', EPO), 'not a manager of the locality'],
    ['an admin', aReport(), request('approve', ADMIN), 'not a manager of the locality'],
    ['no report', undefined, request('approve'), 'not a manager of the locality'],
    ['a report in progress', aReport({ status: 'in progress', approval: undefined }), request('approve'), 'not submitted'],
    ['return without a comment', aReport(), request('return', MARY, { comment: '   ' }), 'comment required'],
    ['return with a very long comment', aReport(), request('return', MARY, { comment: 'x'.repeat(RETURN_COMMENT_MAX_LENGTH + 1) }), 'comment too long'],
    ['a card about an earlier submission', aReport({ submittedAt: '2025-03-25T10:00:00.000Z' }), request('approve'), 'stale submission'],
  ])('refuses %s', (_what, report, req, reason) => {
    expect(decideSignOff(report, req)).toEqual({ kind: 'refused', reason });
  });
});

describe('approval state', () => {
  it.each<[string, LocalityReport | undefined, boolean, boolean]>([
    ['pending', aReport(), true, false],
    ['no approval yet (imported)', aReport({ approval: undefined }), true, false],
    ['approved', aReport({ approval: 'approved' }), false, true],
    ['returned', aReport({ status: 'in progress', approval: 'returned' }), false, false],
    ['no report', undefined, false, false],
  ])('%s', (_what, report, awaiting, approved) => {
    expect(awaitsSignOff(report)).toBe(awaiting);
    expect(isApproved(report)).toBe(approved);
  });
});

describe('reportHistory', () => {
  it('names who did what, oldest first, without compiled-document events', () => {
    const names = new Map([
      ['officer-alison-walsh', { name: 'Alison Walsh' }],
      ['officer-mary', { name: 'Mary Holt' }],
    ]);
    const lines = reportHistory(
      [
        { localityId: 'central-lancs', term: '2024-25-spring', kind: 'submitted', by: 'officer-alison-walsh', at: '2025-03-20T10:00:00Z' },
        { localityId: 'central-lancs', term: '2024-25-spring', kind: 'compiled', by: 'officer-alison-walsh', at: '2025-03-20T10:00:01Z' },
        { localityId: 'central-lancs', term: '2024-25-spring', kind: 'returned', by: 'officer-mary', at: '2025-03-21T09:00:00Z', comment: 'Add figures' },
        { localityId: 'central-lancs', term: '2024-25-spring', kind: 'approved', by: 'officer-gone', at: '2025-03-22T09:00:00Z' },
      ],
      names,
    );
    expect(lines).toEqual([
      { at: '2025-03-20T10:00:00Z', what: 'Submitted', who: 'Alison Walsh' },
      { at: '2025-03-21T09:00:00Z', what: 'Returned for changes', who: 'Mary Holt', comment: 'Add figures' },
      { at: '2025-03-22T09:00:00Z', what: 'Approved', who: 'officer-gone' },
    ]);
  });
});
