/**
 * Contract: what partners read. A locality report's updates are published exactly while it is
 * submitted: drafts never appear, Submit publishes every priority at once, a Return withdraws
 * them and a resubmission replaces them. Nothing in them names who saved or why flagged text
 * was kept.
 */
import type { LocalityReport, Priority, PriorityUpdate } from '../../../src/domain/model';
import { publishedUpdateOf } from '../../../src/domain/published-update';
import { ConflictError } from '../../../src/store/errors';
import type { ReportStore } from '../../../src/store/report-store';
import { aLocality, aPersonalDataConfirmation, aPriority, anUpdate, items, NEXT_TERM, prose, SAMPLE_TERM } from '../../support/builders';
import { freshStorePerTest, givenOrganisation, type ReportStoreFactory } from './harness';

const CENTRAL = aLocality();
const PRESTON = aLocality({ id: 'preston', name: 'Preston', order: 3 });

const AVOIDANCE = aPriority();
const NEET = aPriority({ id: 'central-neet', title: 'NEET prevention in Chorley', order: 2, themes: ['neet'] });
const TRANSITION = aPriority({ id: 'central-transition', title: 'Year 6 to 7 transition', order: 3 });
const PRESTON_PRIORITY = aPriority({ id: 'preston-attendance', localityId: 'preston', title: 'Attendance in Preston', order: 1 });

const draftOf = (priority: Priority, term = SAMPLE_TERM, overrides: Partial<PriorityUpdate> = {}): PriorityUpdate =>
  anUpdate({
    priorityId: priority.id,
    localityId: priority.localityId,
    term,
    title: priority.title,
    impactSoFar: items(`Impact of ${priority.id} in ${term}`),
    personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation() },
    ...overrides,
  });

const reportOf = (localityId: string, term: string, overrides: Partial<LocalityReport> = {}): LocalityReport => ({
  localityId,
  term,
  officerIds: ['officer-alison-walsh'],
  status: 'in progress',
  version: 0,
  ...overrides,
});

const submitted = (report: LocalityReport): LocalityReport => ({
  ...report,
  status: 'submitted',
  submittedBy: 'officer-alison-walsh',
  submittedAt: '2024-10-24T16:30:00.000Z',
  approval: 'pending',
});

/** Saves drafts of every update and an in-progress report, as the wizard leaves them. */
async function draft(store: ReportStore, localityId: string, term: string, updates: readonly PriorityUpdate[]): Promise<{ report: LocalityReport; updates: PriorityUpdate[] }> {
  const saved: PriorityUpdate[] = [];
  for (const update of updates) saved.push(await store.savePriorityUpdate(update, 0));
  return { report: await store.saveLocalityReport(reportOf(localityId, term), 0), updates: saved };
}

async function submit(store: ReportStore, report: LocalityReport, updates: readonly PriorityUpdate[]) {
  return store.saveReportWithUpdates(
    submitted(report),
    report.version,
    updates.map((update) => ({ update, expectedVersion: update.version })),
  );
}

export function describePublishedContract(openStore: ReportStoreFactory): void {
  describe('published updates (what partners read)', () => {
    const store = freshStorePerTest(openStore);

    beforeEach(async () => {
      await givenOrganisation(store(), [PRESTON, CENTRAL], [TRANSITION, AVOIDANCE, NEET, PRESTON_PRIORITY]);
    });

    it('never shows drafts, however far the report has got', async () => {
      const { report } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE), draftOf(NEET)]);
      await store().saveLocalityReport({ ...report, officerIds: ['officer-claire-fox'] }, report.version);
      await expect(store().listPublishedUpdates({})).resolves.toEqual([]);
      await expect(store().listPublishedUpdates({ localityId: CENTRAL.id, term: SAMPLE_TERM })).resolves.toEqual([]);
    });

    it('publishes every priority of a submitted report at once, as submitted, in report order', async () => {
      const { report, updates } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(NEET), draftOf(AVOIDANCE)]);
      const saved = await submit(store(), report, updates);
      // Saved NEET first; the report orders the school avoidance priority first.
      const expected = [saved.updates[1], saved.updates[0]].map(publishedUpdateOf);

      const published = await store().listPublishedUpdates({ localityId: CENTRAL.id, term: SAMPLE_TERM });
      expect(published).toEqual(expected);
      expect(published.map((u) => u.priorityId)).toEqual([AVOIDANCE.id, NEET.id]);
      expect(published.map((u) => u.priorityId)).toEqual((await store().listPriorityUpdates({ localityId: CENTRAL.id, term: SAMPLE_TERM })).map((u) => u.priorityId));
      await expect(store().listPublishedUpdates({})).resolves.toEqual(expected);
      await expect(store().listPublishedUpdates({ term: SAMPLE_TERM })).resolves.toEqual(expected);
    });

    it('carries no officer ids and no reasons for keeping flagged text', async () => {
      const { report, updates } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE)]);
      await submit(store(), report, updates);
      const [published] = await store().listPublishedUpdates({ localityId: CENTRAL.id });
      expect(published).not.toHaveProperty('updatedBy');
      expect(published).not.toHaveProperty('personalDataConfirmations');
      expect(JSON.stringify(published)).not.toContain('officer-alison-walsh');
      expect(JSON.stringify(published)).not.toContain(aPersonalDataConfirmation().reason);
      expect(published.impactSoFar).toEqual(items(`Impact of ${AVOIDANCE.id} in ${SAMPLE_TERM}`));
    });

    it('leaves other localities and terms as they were', async () => {
      const preston = await draft(store(), PRESTON.id, SAMPLE_TERM, [draftOf(PRESTON_PRIORITY)]);
      const prestonSaved = await submit(store(), preston.report, preston.updates);
      const nextTerm = await draft(store(), CENTRAL.id, NEXT_TERM, [draftOf(AVOIDANCE, NEXT_TERM)]);
      const central = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE)]);
      const centralSaved = await submit(store(), central.report, central.updates);

      await expect(store().listPublishedUpdates({ localityId: PRESTON.id })).resolves.toEqual(prestonSaved.updates.map(publishedUpdateOf));
      await expect(store().listPublishedUpdates({ term: NEXT_TERM })).resolves.toEqual([]);
      // Central Lancs comes first in the county's order, as in listPriorityUpdates.
      await expect(store().listPublishedUpdates({ term: SAMPLE_TERM })).resolves.toEqual(
        [...centralSaved.updates, ...prestonSaved.updates].map(publishedUpdateOf),
      );

      // Returning Central Lancs withdraws only Central Lancs.
      await store().saveLocalityReport({ ...centralSaved.report, status: 'in progress', approval: 'returned', returnComment: 'Add the figures' }, centralSaved.report.version);
      await expect(store().listPublishedUpdates({ term: SAMPLE_TERM })).resolves.toEqual(prestonSaved.updates.map(publishedUpdateOf));
      await expect(store().listPriorityUpdates({ term: NEXT_TERM })).resolves.toEqual(nextTerm.updates);
    });

    it('keeps a submitted report published through its approval, and withdraws it on Return', async () => {
      const { report, updates } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE), draftOf(NEET)]);
      const saved = await submit(store(), report, updates);
      const withDocument = await store().saveLocalityReport({ ...saved.report, documentUrl: 'https://lancashire.sharepoint.com/r.docx' }, saved.report.version);
      await store().saveLocalityReport({ ...withDocument, approval: 'approved' }, withDocument.version);
      await expect(store().listPublishedUpdates({ localityId: CENTRAL.id })).resolves.toHaveLength(2);

      const current = (await store().getLocalityReport(CENTRAL.id, SAMPLE_TERM))!;
      await store().saveLocalityReport({ ...current, status: 'in progress', approval: 'returned', returnComment: 'Please add the figures' }, current.version);
      await expect(store().listPublishedUpdates({ localityId: CENTRAL.id })).resolves.toEqual([]);
      await expect(store().listPublishedUpdates({})).resolves.toEqual([]);
    });

    it('replaces what a resubmission changed: a dropped priority disappears and edited text is new', async () => {
      const first = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE), draftOf(NEET), draftOf(TRANSITION)]);
      const submittedOnce = await submit(store(), first.report, first.updates);
      const returned = await store().saveLocalityReport(
        { ...submittedOnce.report, status: 'in progress', approval: 'returned', returnComment: 'Add the figures' },
        submittedOnce.report.version,
      );
      const [avoidance, neet] = submittedOnce.updates;
      const edited = await store().savePriorityUpdate({ ...avoidance, impactSoFar: prose('12 young people back in school full time.') }, avoidance.version);
      // While returned, an edit is a draft: partners see nothing.
      await expect(store().listPublishedUpdates({ localityId: CENTRAL.id })).resolves.toEqual([]);

      const resubmitted = await submit(store(), returned, [edited, neet]);
      const published = await store().listPublishedUpdates({ localityId: CENTRAL.id, term: SAMPLE_TERM });
      expect(published).toEqual(resubmitted.updates.map(publishedUpdateOf));
      expect(published.map((u) => u.priorityId)).toEqual([AVOIDANCE.id, NEET.id]);
      expect(published[0].impactSoFar).toEqual(prose('12 young people back in school full time.'));
    });

    it('publishes nothing when the submission is refused', async () => {
      const { report, updates } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE), draftOf(NEET)]);
      // A co-author saved NEET since the submitter read it: the whole submission is refused.
      await store().savePriorityUpdate({ ...updates[1], rag: 'off track' }, updates[1].version);
      await expect(submit(store(), report, updates)).rejects.toBeInstanceOf(ConflictError);
      await expect(store().listPublishedUpdates({})).resolves.toEqual([]);
      await expect(store().getLocalityReport(CENTRAL.id, SAMPLE_TERM)).resolves.toEqual(report);
    });

    it('does not publish edits made after submission until the report is submitted again', async () => {
      const { report, updates } = await draft(store(), CENTRAL.id, SAMPLE_TERM, [draftOf(AVOIDANCE)]);
      const saved = await submit(store(), report, updates);
      await store().savePriorityUpdate({ ...saved.updates[0], impactSoFar: items('A draft line not yet submitted') }, saved.updates[0].version);
      await expect(store().listPublishedUpdates({ localityId: CENTRAL.id })).resolves.toEqual(saved.updates.map(publishedUpdateOf));
    });
  });
}
