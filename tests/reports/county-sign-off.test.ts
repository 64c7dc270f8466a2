import type { LocalityReport } from '../../src/domain/model';
import { awaitingApprovalLine, countyInclusion, signedOffUpdates, unapprovedNotice } from '../../src/reports/county-sign-off';
import { aReport } from '../support/builders';

function entry(name: string, report?: Partial<LocalityReport>) {
  return { locality: { name }, ...(report ? { report: aReport({ returnComment: undefined, ...report }) } : {}) };
}

const LOCALITIES = [
  entry('West Lancashire', { approval: 'approved' }),
  entry('Central Lancs', { approval: 'pending' }),
  entry('Preston', { status: 'in progress', approval: 'returned' }),
  entry('Chorley'),
  entry('Fylde', { approval: undefined }),
];

describe('county report inclusion by sign-off', () => {
  it.each<[string, { includeUnapproved?: boolean; includeDrafts?: boolean }, string[], string[], string[]]>([
    ['by default only approved reports', {}, ['West Lancashire'], [], ['Central Lancs', 'Fylde']],
    ['with --include-unapproved, submitted ones too', { includeUnapproved: true }, ['West Lancashire', 'Central Lancs', 'Fylde'], ['Central Lancs', 'Fylde'], []],
    ['with drafts, every report there is', { includeUnapproved: true, includeDrafts: true }, ['West Lancashire', 'Central Lancs', 'Preston', 'Fylde'], ['Central Lancs', 'Fylde'], []],
  ])('%s', (_what, options, inFull, unapproved, awaiting) => {
    const inclusion = countyInclusion(LOCALITIES, options);
    expect(inclusion.inFull.map((e) => e.locality.name)).toEqual(inFull);
    expect(inclusion.unapprovedIncluded.map((e) => e.locality.name)).toEqual(unapproved);
    expect(inclusion.awaitingApproval.map((e) => e.locality.name)).toEqual(awaiting);
    expect(inclusion.notSubmitted.map((e) => e.locality.name)).toEqual(['Preston', 'Chorley']);
  });

  it('says plainly that unapproved reports are included, and which', () => {
    expect(unapprovedNotice(countyInclusion(LOCALITIES, { includeUnapproved: true }))).toBe(
      'Not yet approved: this document includes 2 locality reports that no manager has approved yet (Central Lancs, Fylde). They are marked where they appear.',
    );
    expect(unapprovedNotice(countyInclusion(LOCALITIES))).toBeUndefined();
  });

  it('names the reports left out while they wait for approval', () => {
    expect(awaitingApprovalLine(countyInclusion(LOCALITIES))).toBe("Submitted and waiting for a manager's approval, so not printed here: Central Lancs, Fylde.");
    expect(awaitingApprovalLine(countyInclusion(LOCALITIES, { includeUnapproved: true }))).toBeUndefined();
  });

  it('lets the outcomes use only updates of reports the county report may print', () => {
    const reports = [
      aReport({ localityId: 'west', term: 'T1', approval: 'approved' }),
      aReport({ localityId: 'central', term: 'T1', approval: 'pending' }),
      aReport({ localityId: 'preston', term: 'T1', status: 'in progress', approval: undefined }),
    ];
    const updates = ['west', 'central', 'preston', 'chorley'].map((localityId) => ({ localityId, term: 'T1' }));
    expect(signedOffUpdates(updates, reports).map((u) => u.localityId)).toEqual(['west']);
    expect(signedOffUpdates(updates, reports, { includeUnapproved: true }).map((u) => u.localityId)).toEqual(['west', 'central']);
    expect(signedOffUpdates(updates, reports, { includeUnapproved: true, includeDrafts: true }).map((u) => u.localityId)).toEqual(['west', 'central', 'preston']);
  });
});
