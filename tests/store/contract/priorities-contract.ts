/** Contract: priorities and priority updates, their versions, conflicts, orders and paging. */
import type { Priority, PriorityUpdate } from '../../../src/domain/model';
import { ConflictError } from '../../../src/store/errors';
import { aLocality, aPersonalDataConfirmation, aPriority, anUpdate, items, NEXT_TERM, prose, SAMPLE_TERM } from '../../support/builders';
import { freshStorePerTest, givenOrganisation, race, shuffled, termKeys, type ReportStoreFactory } from './harness';

export function describePrioritiesContract(openStore: ReportStoreFactory): void {
  describe('priorities', () => {
    const store = freshStorePerTest(openStore);

    const closed = aPriority({
      id: 'central-neet',
      title: 'Increase the number of young people engaging in education, employment and training across Chorley & South Ribble',
      status: 'handed over',
      closingNote: 'now closed to the Locality Group',
      closedTerm: '2024-25-spring',
      themes: [],
      order: 2,
    });

    it.each([
      ['active, without the optional fields', aPriority()],
      ['handed over, with a closing note and closing term', closed],
    ])('round-trips a priority %s, starting at version 1', async (_label, priority) => {
      await store().upsertLocality(aLocality());
      const saved = await store().savePriority(priority, 0);
      expect(saved).toEqual({ ...priority, version: 1 });
      await expect(store().getPriority(priority.id)).resolves.toEqual(saved);
    });

    it('moves to the next version on each save based on the current one', async () => {
      const [first] = await givenOrganisation(store());
      const second = await store().savePriority({ ...first, title: 'School avoidance', status: 'closed' }, 1);
      expect(second.version).toBe(2);
      const third = await store().savePriority({ ...second, order: 4 }, 2);
      expect(third).toEqual({ ...first, title: 'School avoidance', status: 'closed', order: 4, version: 3 });
      await expect(store().getPriority(first.id)).resolves.toEqual(third);
    });

    it.each([
      ['an older version', 1],
      ['a newer version', 5],
      ['"new" when it exists', 0],
    ])('refuses a save based on %s, says what is stored, and writes nothing', async (_label, expected) => {
      const [first] = await givenOrganisation(store());
      const current = await store().savePriority({ ...first, title: 'Second wording' }, 1);
      await expect(store().savePriority({ ...first, title: 'Lost wording' }, expected)).rejects.toEqual(
        expect.objectContaining({ name: 'ConflictError', current }),
      );
      await expect(store().savePriority({ ...first, title: 'Lost wording' }, expected)).rejects.toBeInstanceOf(ConflictError);
      await expect(store().getPriority(first.id)).resolves.toEqual(current);
    });

    it('refuses to update a priority that does not exist yet', async () => {
      await store().upsertLocality(aLocality());
      await expect(store().savePriority(aPriority(), 1)).rejects.toEqual(expect.objectContaining({ current: undefined }));
      await expect(store().getPriority(aPriority().id)).resolves.toBeUndefined();
    });

    it('lets exactly one of two saves based on the same version win', async () => {
      const [first] = await givenOrganisation(store());
      const { winners, failures } = await race(
        store().savePriority({ ...first, title: 'Wording from Claire' }, 1),
        store().savePriority({ ...first, title: 'Wording from Alison' }, 1),
      );
      expect(winners).toHaveLength(1);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(ConflictError);
      expect((failures[0] as ConflictError<Priority>).current).toEqual(winners[0]);
      await expect(store().getPriority(first.id)).resolves.toEqual(winners[0]);
    });

    it('lists a locality\'s priorities by order, then id, and nothing from other localities', async () => {
      await store().upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 3 }));
      await givenOrganisation(store(), [aLocality()], [
        aPriority({ id: 'p-c', order: 2 }),
        aPriority({ id: 'p-b', order: 1 }),
        aPriority({ id: 'p-a', order: 2 }),
        aPriority({ id: 'p-d', order: 0 }),
        aPriority({ id: 'preston-1', localityId: 'preston', order: 1 }),
      ]);
      const listed = await store().listPriorities('central-lancs');
      expect(listed.map((p) => p.id)).toEqual(['p-d', 'p-b', 'p-a', 'p-c']);
      await expect(store().listPriorities('lancaster')).resolves.toEqual([]);
    });

    it('lists every locality\'s priorities, by locality id, then order, then id, when no locality is named', async () => {
      await store().upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 0 }));
      await givenOrganisation(store(), [aLocality()], [
        aPriority({ id: 'preston-2', localityId: 'preston', order: 2 }),
        aPriority({ id: 'p-b', order: 1 }),
        aPriority({ id: 'preston-1', localityId: 'preston', order: 1 }),
        aPriority({ id: 'p-a', order: 1 }),
      ]);
      const listed = await store().listPriorities();
      expect(listed.map((p) => p.id)).toEqual(['p-a', 'p-b', 'preston-1', 'preston-2']);
    });
  });

  describe('priority updates', () => {
    const store = freshStorePerTest(openStore);

    const minimal: PriorityUpdate = anUpdate({
      carryForward: [],
      sectionsDone: [],
      figures: [],
      rag: undefined,
      updatedBy: undefined,
      updatedAt: undefined,
      activityLastPeriod: items(),
      impactSoFar: prose(),
    });

    const confirmed: PriorityUpdate = anUpdate({
      personalDataConfirmations: {
        activityLastPeriod: aPersonalDataConfirmation(),
        impactSoFar: aPersonalDataConfirmation({
          findingKinds: ['phone', 'date-of-birth'],
          reason: 'The 0300 number is the Children & Family Wellbeing service line; the date is a panel date.',
          confirmedBy: 'officer-claire-fox',
          confirmedAt: '2024-10-21T14:05:00+01:00',
        }),
      },
    });

    it.each([
      ['with every field', confirmed],
      ['with no optional fields and empty sections', minimal],
    ])('round-trips an update %s, starting at version 1', async (_label, update) => {
      await givenOrganisation(store());
      const saved = await store().savePriorityUpdate(update, 0);
      expect(saved).toEqual({ ...update, version: 1 });
      await expect(store().getPriorityUpdate(update.priorityId, update.term)).resolves.toEqual(saved);
      await expect(store().getPriorityUpdate(update.priorityId, NEXT_TERM)).resolves.toBeUndefined();
    });

    it('clears the personal-data confirmations when a later save has none, and sets them again', async () => {
      await givenOrganisation(store());
      const first = await store().savePriorityUpdate(confirmed, 0);
      expect(first.personalDataConfirmations).toEqual(confirmed.personalDataConfirmations);
      const { personalDataConfirmations: _cleared, ...withoutConfirmations } = first;
      const second = await store().savePriorityUpdate(withoutConfirmations, 1);
      expect(second).toEqual({ ...withoutConfirmations, version: 2 });
      expect('personalDataConfirmations' in second).toBe(false);
      const reread = await store().getPriorityUpdate(first.priorityId, first.term);
      expect(reread && 'personalDataConfirmations' in reread).toBe(false);
      const oneSection = { exitStrategy: aPersonalDataConfirmation({ findingKinds: ['email'] }) };
      const third = await store().savePriorityUpdate({ ...second, personalDataConfirmations: oneSection }, 2);
      await expect(store().listPriorityUpdates({ priorityId: first.priorityId })).resolves.toEqual([
        { ...second, personalDataConfirmations: oneSection, version: 3 },
      ]);
      expect(third.version).toBe(3);
    });

    it('keeps each term of a priority apart', async () => {
      await givenOrganisation(store());
      const autumn = await store().savePriorityUpdate(anUpdate(), 0);
      const spring = await store().savePriorityUpdate(anUpdate({ term: NEXT_TERM, rag: 'some concerns' }), 0);
      expect(spring.version).toBe(1);
      await expect(store().getPriorityUpdate(autumn.priorityId, SAMPLE_TERM)).resolves.toEqual(autumn);
      await expect(store().getPriorityUpdate(autumn.priorityId, NEXT_TERM)).resolves.toEqual(spring);
    });

    it('refuses a stale save with what is stored, and writes nothing', async () => {
      await givenOrganisation(store());
      await store().savePriorityUpdate(anUpdate(), 0);
      const current = await store().savePriorityUpdate(anUpdate({ sectionsDone: ['priority'] }), 1);
      await expect(store().savePriorityUpdate(anUpdate({ rag: 'off track' }), 1)).rejects.toEqual(
        expect.objectContaining({ name: 'ConflictError', current }),
      );
      await expect(store().savePriorityUpdate(anUpdate({ rag: 'off track' }), 0)).rejects.toBeInstanceOf(ConflictError);
      await expect(store().getPriorityUpdate(current.priorityId, current.term)).resolves.toEqual(current);
    });

    it.each([
      ['drafts of the same update', 1],
      ['two first drafts', 0],
    ])('lets exactly one of two concurrent saves win: %s', async (_label, base) => {
      await givenOrganisation(store());
      if (base === 1) await store().savePriorityUpdate(anUpdate(), 0);
      const { winners, failures } = await race(
        store().savePriorityUpdate(anUpdate({ impactSoFar: items('Claire: 12 high schools attended') }), base),
        store().savePriorityUpdate(anUpdate({ impactSoFar: items('Alison: 8 high schools attended') }), base),
      );
      expect(winners).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(ConflictError);
      expect((failures[0] as ConflictError<PriorityUpdate>).current).toEqual(winners[0]);
      await expect(store().getPriorityUpdate(anUpdate().priorityId, SAMPLE_TERM)).resolves.toEqual(winners[0]);
    });

    it('lists 250 updates complete, past any page size, by locality order, priority order, then term', async () => {
      const localities = [
        aLocality({ id: 'preston', name: 'Preston', order: 3 }),
        aLocality({ id: 'west-lancashire', name: 'West Lancashire', order: 1 }),
      ];
      const priorities = ['preston', 'west-lancashire'].flatMap((localityId) =>
        [3, 1, 5, 2, 4].map((order) => aPriority({ id: `${localityId}-${6 - order}`, localityId, order })),
      );
      await givenOrganisation(store(), localities, priorities);
      const terms = termKeys(25);
      const all = priorities.flatMap((p) =>
        terms.map((term) => anUpdate({ priorityId: p.id, localityId: p.localityId, term, title: `${p.id} in ${term}` })),
      );
      for (const update of shuffled(all)) await store().savePriorityUpdate(update, 0);

      const expected = ['west-lancashire', 'preston'].flatMap((localityId) =>
        [1, 2, 3, 4, 5].flatMap((order) => terms.map((term) => `${localityId}-${6 - order} in ${term}`)),
      );
      const listed = await store().listPriorityUpdates({});
      expect(listed.map((u) => u.title)).toEqual(expected);
      expect(listed.every((u) => u.version === 1)).toBe(true);

      const preston = await store().listPriorityUpdates({ localityId: 'preston' });
      expect(preston.map((u) => u.title)).toEqual(expected.slice(125));
      const oneTerm = await store().listPriorityUpdates({ term: terms[13] });
      expect(oneTerm.map((u) => u.priorityId)).toEqual(
        ['west-lancashire', 'preston'].flatMap((locality) => [5, 4, 3, 2, 1].map((n) => `${locality}-${n}`)),
      );
      const onePriority = await store().listPriorityUpdates({ priorityId: 'preston-2' });
      expect(onePriority.map((u) => u.term)).toEqual(terms);
      const both = await store().listPriorityUpdates({ localityId: 'west-lancashire', term: terms[24] });
      expect(both).toHaveLength(5);
      const all3 = await store().listPriorityUpdates({ localityId: 'preston', term: terms[0], priorityId: 'preston-4' });
      expect(all3).toEqual([{ ...all.find((u) => u.title === `preston-4 in ${terms[0]}`), version: 1 }]);
      await expect(store().listPriorityUpdates({ localityId: 'west-lancashire', priorityId: 'preston-4' })).resolves.toEqual([]);
    });

    it('keeps very long sections whole: 300 items and a 60,000-character paragraph', async () => {
      await givenOrganisation(store());
      const threeHundred = Array.from(
        { length: 300 },
        (_, i) => `${i + 1}. Meeting with Barnardo's & Lancashire Mind about <referrals> — item ${i + 1} `.padEnd(200, 'x'),
      );
      expect(threeHundred.join('')).toHaveLength(60_000);
      const paragraph = 'Schools reported feeling that the meetings were beneficial and supportive. '.repeat(800).slice(0, 60_000);
      const long = anUpdate({ activityLastPeriod: items(...threeHundred), impactSoFar: prose(paragraph) });
      const saved = await store().savePriorityUpdate(long, 0);
      expect(saved).toEqual({ ...long, version: 1 });
      const read = await store().getPriorityUpdate(long.priorityId, long.term);
      expect(read?.activityLastPeriod).toEqual(items(...threeHundred));
      expect(read?.impactSoFar.kind === 'prose' && read.impactSoFar.paragraphs[0].length).toBe(60_000);
      await expect(store().listPriorityUpdates({ term: SAMPLE_TERM })).resolves.toEqual([saved]);
    });
  });
}
