/**
 * Contract: text as people really write it. Emoji, Welsh, Polish and Urdu, non-breaking spaces,
 * bullets, curly and straight quotes, and characters that break query strings and markup when
 * they are used as lookup values (an officer's email, a locality id).
 */
import { aConversationLink, aCover, aDelivery, aLocality, anEvent, anOfficer, anUpdate, aPriority, aReport, items, prose } from '../../support/builders';
import { freshStorePerTest, type ReportStoreFactory } from './harness';

const EMOJI = 'Great turnout 👍🏽🎉 families 👨‍👩‍👧‍👦 felt welcome';
const WELSH = 'Ysgol Gymraeg: croeso i’r teuluoedd – ŵ ŷ â ê î ô û';
const POLISH = 'Zażółć gęślą jaźń – materiały dla rodziców';
const URDU = 'والدین کے لیے معلومات اردو میں فراہم کی گئیں';
const NBSP = 'Planned\u00a0activity\u00a0 with\u202fnarrow and non-breaking spaces\u00a0';
const BULLETS = '• Bullet ◦ hollow ▪ square  private-use and - dash';
const QUOTES = 'Meeting with Barnardo\'s, “curly” ‘single’ "straight" and `back` quotes';
const MARKUP = 'CAMHS & <MH> pathway > 50% of "Section 19" cases; a+b=c #1 ?q=1 \\ / ${x} %20';

/** A locality id that a careless OData filter or URL would mangle. */
const AWKWARD_LOCALITY = "st-anne's & <co> #1 +50%";

export function describeTextContract(openStore: ReportStoreFactory): void {
  describe('text as people write it', () => {
    const store = freshStorePerTest(openStore);

    it('round-trips unicode, spacing, bullets, quotes and markup characters in every text field', async () => {
      const locality = aLocality({ id: AWKWARD_LOCALITY, name: `${WELSH} / ${POLISH}` });
      const officer = anOfficer({ name: 'Siân O\'Neil-Kowalczyk 🌟', localityIds: [AWKWARD_LOCALITY] });
      await store().upsertLocality(locality);
      await store().upsertOfficer(officer);
      const priority = await store().savePriority(
        aPriority({ localityId: AWKWARD_LOCALITY, title: QUOTES, intendedOutcomes: items(WELSH, POLISH, URDU), exitStrategy: prose(MARKUP), themes: [EMOJI, URDU] }),
        0,
      );
      const update = anUpdate({
        localityId: AWKWARD_LOCALITY,
        title: MARKUP,
        intendedOutcomes: prose(NBSP),
        activityLastPeriod: items(EMOJI, WELSH, POLISH, URDU, NBSP, BULLETS, QUOTES, MARKUP),
        plannedActivityNextPeriod: items(BULLETS),
        carryForward: [{ item: QUOTES, outcome: 'partly done' }],
        figures: [{ value: 12.5, counts: URDU }],
      });
      const report = aReport({ localityId: AWKWARD_LOCALITY, returnComment: `${QUOTES}\n${MARKUP}\n\n${EMOJI}` });
      const event = anEvent({ localityId: AWKWARD_LOCALITY, comment: `${WELSH}\n${MARKUP}` });
      const delivery = aDelivery({ localityId: AWKWARD_LOCALITY, kind: 'reminder:2024-10-17 & <x>', lastError: MARKUP });
      const link = aConversationLink({ reference: { user: { name: officer.name }, note: `${MARKUP} ${URDU}` } });
      const cover = aCover({ id: "cover-o'neil&<1>", localityId: AWKWARD_LOCALITY });

      await expect(store().savePriorityUpdate(update, 0)).resolves.toEqual({ ...update, version: 1 });
      await store().saveLocalityReport(report, 0);
      await store().appendReportEvent(event);
      await store().recordDelivery(delivery);
      await store().saveConversationLink(link);
      await store().saveCover(cover);

      await expect(store().getLocality(AWKWARD_LOCALITY)).resolves.toEqual(locality);
      await expect(store().getOfficer(officer.id)).resolves.toEqual(officer);
      await expect(store().listOfficers({ localityId: AWKWARD_LOCALITY })).resolves.toEqual([officer]);
      await expect(store().listPriorities(AWKWARD_LOCALITY)).resolves.toEqual([priority]);
      await expect(store().listPriorityUpdates({ localityId: AWKWARD_LOCALITY })).resolves.toEqual([{ ...update, version: 1 }]);
      await expect(store().getLocalityReport(AWKWARD_LOCALITY, report.term)).resolves.toEqual({ ...report, version: 1 });
      await expect(store().listReportEvents(AWKWARD_LOCALITY, event.term)).resolves.toEqual([event]);
      await expect(store().listDeliveries(delivery.term, delivery.kind)).resolves.toEqual([delivery]);
      await expect(store().getConversationLink(link.officerId)).resolves.toEqual(link);
      await expect(store().listCovers(AWKWARD_LOCALITY)).resolves.toEqual([cover]);
      await store().deleteCover(cover.id);
      await expect(store().listCovers()).resolves.toEqual([]);
    });

    it.each([
      ["an apostrophe", "o'neil@x.gov.uk", "O'Neil@X.gov.uk"],
      ['an ampersand and plus', 'm&s+tass@x.gov.uk', 'M&S+TASS@x.gov.uk'],
      ['angle brackets and a percent sign', 'a<b>%27@x.gov.uk', 'A<B>%27@X.GOV.UK'],
      ['accented letters', 'siân.łukasz@x.gov.uk', 'SIÂN.ŁUKASZ@X.GOV.UK'],
    ])('finds an officer whose email has %s, in any case', async (_label, email, typed) => {
      const officer = anOfficer({ id: `officer ${email}`, email });
      await store().upsertOfficer(officer);
      await store().upsertOfficer(anOfficer({ id: 'officer-other', email: 'oneil@x.gov.uk' }));
      await expect(store().findOfficerByEmail(typed)).resolves.toEqual(officer);
      await expect(store().getOfficer(`officer ${email}`)).resolves.toEqual(officer);
    });
  });
}
