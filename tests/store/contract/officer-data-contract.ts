/**
 * Contract: erasing an officer's data on request (UK GDPR): deleting their record, their
 * conversation link and their deliveries, and rewriting the events they recorded.
 */
import { aConversationLink, aDelivery, anEvent, anOfficer, aLocality, NEXT_TERM, SAMPLE_TERM } from '../../support/builders';
import { freshStorePerTest, type ReportStoreFactory } from './harness';

const claire = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: undefined });

export function describeOfficerDataContract(openStore: ReportStoreFactory): void {
  describe('officer data requests', () => {
    const store = freshStorePerTest(openStore);

    it('deletes an officer and leaves the others; deleting a missing officer is not an error', async () => {
      await store().upsertLocality(aLocality());
      const alison = await store().upsertOfficer(anOfficer());
      await store().upsertOfficer(claire);
      await store().deleteOfficer(alison.id);
      await expect(store().getOfficer(alison.id)).resolves.toBeUndefined();
      await expect(store().findOfficerByEmail(alison.email)).resolves.toBeUndefined();
      await expect(store().listOfficers()).resolves.toEqual([claire]);
      await expect(store().deleteOfficer('officer-nobody')).resolves.toBeUndefined();
    });

    it('deletes one officer\'s conversation link only', async () => {
      await store().saveConversationLink(aConversationLink());
      const theirs = aConversationLink({ officerId: claire.id });
      await store().saveConversationLink(theirs);
      await store().deleteConversationLink('officer-alison-walsh');
      await expect(store().getConversationLink('officer-alison-walsh')).resolves.toBeUndefined();
      await expect(store().getConversationLink(claire.id)).resolves.toEqual(theirs);
      await expect(store().deleteConversationLink('officer-alison-walsh')).resolves.toBeUndefined();
    });

    it('lists one officer\'s deliveries across terms in the order written, and deletes only theirs', async () => {
      const first = aDelivery({ officerId: claire.id });
      const other = aDelivery();
      const second = aDelivery({ officerId: claire.id, term: NEXT_TERM, kind: 'reminder:2025-03-21', status: 'failed', sentAt: undefined, lastError: '403' });
      for (const delivery of [first, other, second]) await store().recordDelivery(delivery);
      await expect(store().listDeliveriesTo(claire.id)).resolves.toEqual([first, second]);
      await store().deleteDeliveriesTo(claire.id);
      await expect(store().listDeliveriesTo(claire.id)).resolves.toEqual([]);
      await expect(store().listDeliveries(SAMPLE_TERM)).resolves.toEqual([other]);
      await expect(store().listDeliveries(NEXT_TERM)).resolves.toEqual([]);
    });

    it('rewrites who recorded events in every report, keeping their order, and counts them', async () => {
      const events = [
        anEvent({ by: claire.id, kind: 'submitted' }),
        anEvent({ kind: 'returned', comment: 'Please add figures', at: '2024-10-25T09:00:00.000Z' }),
        anEvent({ by: claire.id, kind: 'submitted', at: '2024-10-26T09:00:00.000Z' }),
        anEvent({ by: claire.id, localityId: 'preston', term: NEXT_TERM }),
      ];
      for (const event of events) await store().appendReportEvent(event);
      await expect(store().reassignReportEvents(claire.id, 'former-officer')).resolves.toBe(3);
      await expect(store().listReportEvents('central-lancs', SAMPLE_TERM)).resolves.toEqual([
        { ...events[0], by: 'former-officer' },
        events[1],
        { ...events[2], by: 'former-officer' },
      ]);
      await expect(store().listReportEvents('preston', NEXT_TERM)).resolves.toEqual([{ ...events[3], by: 'former-officer' }]);
      await expect(store().reassignReportEvents(claire.id, 'former-officer')).resolves.toBe(0);
    });
  });
}
