/** Contract: conversation links, campaign deliveries and cover for absence. */
import type { CampaignDelivery } from '../../../src/domain/model';
import { aConversationLink, aCover, aDelivery, NEXT_TERM, SAMPLE_TERM } from '../../support/builders';
import { freshStorePerTest, type ReportStoreFactory } from './harness';

export function describeMessagingContract(openStore: ReportStoreFactory): void {
  describe('conversation links', () => {
    const store = freshStorePerTest(openStore);

    it('stores a link, reads it back, and overwrites it with the newer one', async () => {
      const first = aConversationLink();
      await store().saveConversationLink(first);
      await expect(store().getConversationLink(first.officerId)).resolves.toEqual(first);

      const newer = aConversationLink({
        reference: { ...first.reference, conversation: { id: 'a:2new', conversationType: 'personal' }, locale: 'cy-GB' },
        updatedAt: '2025-01-06T09:00:00.000Z',
      });
      await store().saveConversationLink(newer);
      await expect(store().getConversationLink(first.officerId)).resolves.toEqual(newer);
    });

    it('keeps links of different officers apart and answers undefined for an officer without one', async () => {
      const alison = aConversationLink();
      const claire = aConversationLink({ officerId: 'officer-claire-fox', reference: { user: { id: '29:2def' } } });
      await store().saveConversationLink(alison);
      await store().saveConversationLink(claire);
      await expect(store().getConversationLink('officer-claire-fox')).resolves.toEqual(claire);
      await expect(store().getConversationLink(alison.officerId)).resolves.toEqual(alison);
      await expect(store().getConversationLink('officer-nobody')).resolves.toBeUndefined();
    });
  });

  describe('campaign deliveries', () => {
    const store = freshStorePerTest(openStore);

    const pending = aDelivery({ officerId: 'officer-claire-fox', status: 'pending', attempts: 0, sentAt: undefined });
    const failed = aDelivery({
      localityId: 'preston',
      status: 'failed',
      attempts: 3,
      sentAt: undefined,
      lastError: 'Bot is not installed in the user\'s personal scope (403 & <retry later>)',
    });

    it.each([
      ['sent', aDelivery()],
      ['pending, with no optional fields', pending],
      ['failed, with the last error', failed],
    ])('round-trips a delivery %s', async (_label, delivery) => {
      await store().recordDelivery(delivery);
      await expect(store().listDeliveries(delivery.term)).resolves.toEqual([delivery]);
    });

    it('lists a term\'s deliveries in the order written, optionally of one kind', async () => {
      const written: CampaignDelivery[] = [
        aDelivery(),
        pending,
        failed,
        aDelivery({ kind: 'reminder:2024-10-17' }),
        aDelivery({ officerId: 'officer-claire-fox', kind: 'reminder:2024-10-17' }),
        aDelivery({ kind: 'outstanding:2024-10-28', status: 'pending', attempts: 0, sentAt: undefined }),
      ];
      for (const delivery of written) await store().recordDelivery(delivery);
      await store().recordDelivery(aDelivery({ term: NEXT_TERM }));
      await expect(store().listDeliveries(SAMPLE_TERM)).resolves.toEqual(written);
      await expect(store().listDeliveries(SAMPLE_TERM, 'reminder:2024-10-17')).resolves.toEqual([written[3], written[4]]);
      await expect(store().listDeliveries(SAMPLE_TERM, 'prompt')).resolves.toEqual(written.slice(0, 3));
      await expect(store().listDeliveries(NEXT_TERM)).resolves.toEqual([aDelivery({ term: NEXT_TERM })]);
      await expect(store().listDeliveries('2019-20-spring')).resolves.toEqual([]);
    });

    it('replaces the delivery with the same term, locality, officer and kind, keeping its place', async () => {
      await store().recordDelivery(pending);
      await store().recordDelivery(aDelivery());
      const retried = { ...pending, status: 'failed' as const, attempts: 1, lastError: 'timeout' };
      await store().recordDelivery(retried);
      const sent = { ...pending, status: 'sent' as const, attempts: 2, sentAt: '2024-10-07T08:05:00.000Z' };
      await store().recordDelivery(sent);
      // A different kind, locality or term is a different delivery.
      await store().recordDelivery({ ...pending, kind: 'reminder:2024-10-17' });
      await store().recordDelivery({ ...pending, localityId: 'west-lancashire' });
      await store().recordDelivery({ ...pending, term: NEXT_TERM });
      await expect(store().listDeliveries(SAMPLE_TERM)).resolves.toEqual([
        sent,
        aDelivery(),
        { ...pending, kind: 'reminder:2024-10-17' },
        { ...pending, localityId: 'west-lancashire' },
      ]);
    });
  });

  describe('cover for absence', () => {
    const store = freshStorePerTest(openStore);

    it('saves, lists by start date then id, filters by locality, and deletes', async () => {
      const november = aCover({ id: 'cover-b', from: '2024-11-01', to: '2024-11-30' });
      const october = aCover({ id: 'cover-c', from: '2024-10-01' });
      const sameDay = aCover({ id: 'cover-a', from: '2024-10-01', absentOfficerId: undefined });
      const preston = aCover({ id: 'cover-p', localityId: 'preston', from: '2024-09-01' });
      for (const cover of [november, october, preston, sameDay]) await store().saveCover(cover);

      await expect(store().listCovers()).resolves.toEqual([preston, sameDay, october, november]);
      await expect(store().listCovers('central-lancs')).resolves.toEqual([sameDay, october, november]);
      await expect(store().listCovers('west-lancashire')).resolves.toEqual([]);

      await store().deleteCover('cover-c');
      await expect(store().listCovers('central-lancs')).resolves.toEqual([sameDay, november]);
    });

    it('replaces a cover saved again under the same id', async () => {
      await store().saveCover(aCover());
      const extended = aCover({ to: '2024-12-20', coverOfficerId: 'officer-rachel-hughes' });
      await store().saveCover(extended);
      await expect(store().listCovers()).resolves.toEqual([extended]);
    });

    it('treats deleting a cover that does not exist as done', async () => {
      await store().saveCover(aCover());
      await expect(store().deleteCover('cover-unknown')).resolves.toBeUndefined();
      await store().deleteCover('cover-1');
      await expect(store().deleteCover('cover-1')).resolves.toBeUndefined();
      await expect(store().listCovers()).resolves.toEqual([]);
    });
  });
}
