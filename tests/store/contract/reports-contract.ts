/** Contract: locality reports, saving a report with its updates all-or-nothing, and report events. */
import type { LocalityReport } from '../../../src/domain/model';
import { ConflictError } from '../../../src/store/errors';
import { aLocality, aPriority, aReport, anEvent, anUpdate, items, NEXT_TERM, SAMPLE_TERM } from '../../support/builders';
import { freshStorePerTest, givenOrganisation, race, type ReportStoreFactory } from './harness';

const LOCALITIES = [
  aLocality({ id: 'preston', name: 'Preston', order: 3 }),
  aLocality({ id: 'west-lancashire', name: 'West Lancashire', order: 1 }),
  aLocality({ id: 'central-lancs', name: 'Central Lancs', order: 2 }),
];

export function describeReportsContract(openStore: ReportStoreFactory): void {
  describe('locality reports', () => {
    const store = freshStorePerTest(openStore);

    const notStarted: LocalityReport = { localityId: 'preston', term: SAMPLE_TERM, officerIds: [], status: 'not started', version: 0 };

    it.each([
      ['submitted, returned, with every field', aReport()],
      ['not started, with no optional fields', notStarted],
      ['whose label names December rather than October', aReport({ termMonth: 12 })],
    ])('round-trips a report %s, starting at version 1', async (_label, report) => {
      await givenOrganisation(store(), LOCALITIES, []);
      const saved = await store().saveLocalityReport(report, 0);
      expect(saved).toEqual({ ...report, version: 1 });
      await expect(store().getLocalityReport(report.localityId, report.term)).resolves.toEqual(saved);
      await expect(store().getLocalityReport(report.localityId, NEXT_TERM)).resolves.toBeUndefined();
    });

    it("keeps a report's December through later saves and in the term's list, and drops it when set back to the usual month", async () => {
      await givenOrganisation(store(), LOCALITIES, []);
      const started = await store().saveLocalityReport(aReport({ status: 'in progress', approval: undefined, termMonth: 12 }), 0);
      const submitted = await store().saveLocalityReport({ ...started, status: 'submitted', approval: 'pending' }, 1);
      expect(submitted.termMonth).toBe(12);
      await expect(store().listLocalityReports(SAMPLE_TERM)).resolves.toEqual([submitted]);
      const { termMonth: _december, ...usual } = submitted;
      const back = await store().saveLocalityReport(usual, 2);
      expect(back).toEqual({ ...usual, version: 3 });
      expect('termMonth' in back).toBe(false);
    });

    it('refuses a stale save with what is stored, and writes nothing', async () => {
      await givenOrganisation(store(), LOCALITIES, []);
      await store().saveLocalityReport(aReport({ status: 'in progress', approval: undefined }), 0);
      const current = await store().saveLocalityReport(aReport({ approval: 'pending' }), 1);
      expect(current.version).toBe(2);
      await expect(store().saveLocalityReport(aReport({ approval: 'approved' }), 1)).rejects.toEqual(
        expect.objectContaining({ name: 'ConflictError', current }),
      );
      await expect(store().getLocalityReport('central-lancs', SAMPLE_TERM)).resolves.toEqual(current);
    });

    it('lets exactly one of two managers deciding at once win', async () => {
      await givenOrganisation(store(), LOCALITIES, []);
      const submitted = await store().saveLocalityReport(aReport({ approval: 'pending', returnComment: undefined }), 0);
      const { winners, failures } = await race(
        store().saveLocalityReport({ ...submitted, approval: 'approved' }, 1),
        store().saveLocalityReport({ ...submitted, approval: 'returned', returnComment: 'Add the figures' }, 1),
      );
      expect(winners).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(ConflictError);
      expect((failures[0] as ConflictError<LocalityReport>).current).toEqual(winners[0]);
      await expect(store().getLocalityReport('central-lancs', SAMPLE_TERM)).resolves.toEqual(winners[0]);
    });

    it('lists a term\'s reports by locality order, and every term\'s oldest first', async () => {
      await givenOrganisation(store(), LOCALITIES, []);
      const saves: Array<[string, string]> = [
        ['preston', NEXT_TERM],
        ['central-lancs', SAMPLE_TERM],
        ['preston', SAMPLE_TERM],
        ['west-lancashire', NEXT_TERM],
        ['west-lancashire', '2023-24-summer'],
        ['west-lancashire', SAMPLE_TERM],
      ];
      for (const [localityId, term] of saves) await store().saveLocalityReport(aReport({ localityId, term }), 0);
      const key = (r: LocalityReport) => `${r.term} ${r.localityId}`;
      expect((await store().listLocalityReports(SAMPLE_TERM)).map(key)).toEqual([
        `${SAMPLE_TERM} west-lancashire`,
        `${SAMPLE_TERM} central-lancs`,
        `${SAMPLE_TERM} preston`,
      ]);
      expect((await store().listLocalityReports()).map(key)).toEqual([
        '2023-24-summer west-lancashire',
        `${SAMPLE_TERM} west-lancashire`,
        `${SAMPLE_TERM} central-lancs`,
        `${SAMPLE_TERM} preston`,
        `${NEXT_TERM} west-lancashire`,
        `${NEXT_TERM} preston`,
      ]);
      await expect(store().listLocalityReports('2019-20-spring')).resolves.toEqual([]);
    });
  });

  describe('saving a report with its updates', () => {
    const store = freshStorePerTest(openStore);

    const second = aPriority({ id: 'central-neet', title: 'Increase the number of young people in EET', order: 2 });

    async function givenDraft() {
      await givenOrganisation(store(), LOCALITIES, [aPriority(), second]);
      const report = await store().saveLocalityReport(aReport({ status: 'in progress', approval: undefined }), 0);
      const first = await store().savePriorityUpdate(anUpdate(), 0);
      const other = await store().savePriorityUpdate(anUpdate({ priorityId: second.id, title: second.title }), 0);
      return { report, first, other };
    }

    it('saves the report, its updates and new priorities together and returns them as stored', async () => {
      const { report, first, other } = await givenDraft();
      const third = aPriority({ id: 'central-transition', title: 'Transition to high school', order: 3 });
      const thirdUpdate = anUpdate({ priorityId: third.id, title: third.title, sectionsDone: [] });
      const result = await store().saveReportWithUpdates(
        { ...report, status: 'submitted', submittedBy: 'officer-claire-fox', termMonth: 12 },
        1,
        [
          { update: { ...first, rag: 'some concerns' }, expectedVersion: 1 },
          { update: other, expectedVersion: 1 },
          { update: thirdUpdate, expectedVersion: 0 },
        ],
        [{ priority: third, expectedVersion: 0 }],
      );
      expect(result.report).toEqual({ ...report, status: 'submitted', submittedBy: 'officer-claire-fox', termMonth: 12, version: 2 });
      expect(result.updates).toEqual([
        { ...first, rag: 'some concerns', version: 2 },
        { ...other, version: 2 },
        { ...thirdUpdate, version: 1 },
      ]);
      expect(result.priorities).toEqual([{ ...third, version: 1 }]);
      await expect(store().getLocalityReport('central-lancs', SAMPLE_TERM)).resolves.toEqual(result.report);
      await expect(store().listPriorityUpdates({ localityId: 'central-lancs', term: SAMPLE_TERM })).resolves.toEqual(result.updates);
      await expect(store().getPriority(third.id)).resolves.toEqual(result.priorities[0]);
    });

    it('accepts a call without priorities', async () => {
      const { report, first } = await givenDraft();
      const result = await store().saveReportWithUpdates(report, 1, [{ update: first, expectedVersion: 1 }]);
      expect(result).toEqual({ report: { ...report, version: 2 }, updates: [{ ...first, version: 2 }], priorities: [] });
    });

    it.each([
      ['one update is stale', { reportVersion: 1, staleUpdate: true, stalePriority: false }],
      ['the report is stale', { reportVersion: 2, staleUpdate: false, stalePriority: false }],
      ['a priority is stale', { reportVersion: 1, staleUpdate: false, stalePriority: true }],
    ])('writes nothing at all when %s', async (_label, { reportVersion, staleUpdate, stalePriority }) => {
      const { report, first, other } = await givenDraft();
      // Alison saves the second update meanwhile; Claire's submit was based on version 1.
      const otherNow = staleUpdate ? await store().savePriorityUpdate({ ...other, rag: 'off track' }, 1) : other;
      const newPriority = aPriority({ id: 'central-new', order: 9 });
      await expect(
        store().saveReportWithUpdates(
          { ...report, status: 'submitted' },
          reportVersion,
          [
            { update: { ...first, impactSoFar: items('Overwritten?') }, expectedVersion: 1 },
            { update: { ...other, impactSoFar: items('Overwritten?') }, expectedVersion: 1 },
            { update: anUpdate({ priorityId: newPriority.id }), expectedVersion: 0 },
          ],
          [
            { priority: newPriority, expectedVersion: 0 },
            { priority: { ...second, title: 'Renamed?' }, expectedVersion: stalePriority ? 3 : 1 },
          ],
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(store().getLocalityReport('central-lancs', SAMPLE_TERM)).resolves.toEqual(report);
      await expect(store().getPriorityUpdate(first.priorityId, SAMPLE_TERM)).resolves.toEqual(first);
      await expect(store().getPriorityUpdate(other.priorityId, SAMPLE_TERM)).resolves.toEqual(otherNow);
      await expect(store().getPriority(newPriority.id)).resolves.toBeUndefined();
      await expect(store().getPriority(second.id)).resolves.toEqual({ ...second, version: 1 });
      await expect(store().getPriorityUpdate(newPriority.id, SAMPLE_TERM)).resolves.toBeUndefined();
    });
  });

  describe('report events', () => {
    const store = freshStorePerTest(openStore);

    it('lists a report\'s events in the order they were written, with and without comments', async () => {
      const events = [
        anEvent(),
        anEvent({ kind: 'returned', by: 'officer-helen-brooks', at: '2024-10-25T09:00:00.000Z', comment: "Add Barnardo's figures" }),
        anEvent({ kind: 'reopened', at: '2024-10-25T08:00:00.000Z' }),
        anEvent({ kind: 'submitted', at: '2024-10-26T10:00:00.000Z' }),
        anEvent({ kind: 'approved', by: 'officer-helen-brooks', at: '2024-10-26T10:00:00.000Z' }),
        anEvent({ kind: 'compiled', by: 'officer-helen-brooks', at: '2024-10-26T10:00:00.000Z' }),
      ];
      await store().appendReportEvent(anEvent({ localityId: 'preston' }));
      await store().appendReportEvent(anEvent({ term: NEXT_TERM }));
      for (const event of events) await store().appendReportEvent(event);
      await expect(store().listReportEvents('central-lancs', SAMPLE_TERM)).resolves.toEqual(events);
      await expect(store().listReportEvents('preston', SAMPLE_TERM)).resolves.toEqual([anEvent({ localityId: 'preston' })]);
      await expect(store().listReportEvents('west-lancashire', SAMPLE_TERM)).resolves.toEqual([]);
    });
  });
}
