/** Contract: localities and officers. */
import type { Officer } from '../../../src/domain/model';
import type { OfficerFilter } from '../../../src/store/report-store';
import { aLocality, anOfficer } from '../../support/builders';
import { freshStorePerTest, shuffled, type ReportStoreFactory } from './harness';

export function describeOrganisationContract(openStore: ReportStoreFactory): void {
  describe('localities', () => {
    const store = freshStorePerTest(openStore);

    it('stores a locality and reads it back', async () => {
      const locality = aLocality({ id: 'west-lancashire', name: 'West Lancashire', order: 1 });
      await expect(store().upsertLocality(locality)).resolves.toEqual(locality);
      await expect(store().getLocality('west-lancashire')).resolves.toEqual(locality);
    });

    it('replaces a locality saved again under the same id', async () => {
      await store().upsertLocality(aLocality({ name: 'Central', order: 5 }));
      await store().upsertLocality(aLocality({ name: 'Central Lancs', order: 2 }));
      await expect(store().getLocality('central-lancs')).resolves.toEqual(aLocality({ name: 'Central Lancs', order: 2 }));
      await expect(store().listLocalities()).resolves.toHaveLength(1);
    });

    it('answers undefined for a locality that does not exist', async () => {
      await expect(store().getLocality('nowhere')).resolves.toBeUndefined();
    });

    it('lists localities by order, then by name', async () => {
      const localities = [
        aLocality({ id: 'preston', name: 'Preston', order: 3 }),
        aLocality({ id: 'west-lancashire', name: 'West Lancashire', order: 1 }),
        aLocality({ id: 'lancaster', name: 'Lancaster', order: 3 }),
        aLocality({ id: 'central-lancs', name: 'Central Lancs', order: 2 }),
        aLocality({ id: 'burnley', name: 'Burnley', order: 10 }),
      ];
      for (const locality of localities) await store().upsertLocality(locality);
      const listed = await store().listLocalities();
      expect(listed.map((l) => l.id)).toEqual(['west-lancashire', 'central-lancs', 'lancaster', 'preston', 'burnley']);
    });

    it('lists nothing from an empty store', async () => {
      await expect(store().listLocalities()).resolves.toEqual([]);
      await expect(store().listOfficers()).resolves.toEqual([]);
    });
  });

  describe('officers', () => {
    const store = freshStorePerTest(openStore);

    const claire = anOfficer({
      id: 'officer-claire-fox',
      name: 'Claire Fox',
      email: 'Claire.Fox@lancashire.gov.uk',
      aadObjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      roles: ['epo'],
      localityIds: ['west-lancashire', 'central-lancs'],
    });
    const helen = anOfficer({
      id: 'officer-helen-brooks',
      name: 'Helen Brooks',
      email: 'helen.brooks@lancashire.gov.uk',
      aadObjectId: undefined,
      roles: ['manager', 'admin'],
      localityIds: ['west-lancashire', 'central-lancs', 'preston'],
    });
    const sam = anOfficer({
      id: 'officer-sam-patel',
      name: 'Sam Patel',
      email: 'sam.patel@lancashire.gov.uk',
      aadObjectId: undefined,
      roles: ['partner'],
      localityIds: [],
    });

    it.each([
      ['with every field', claire],
      ['without an Entra object id and with two roles', helen],
      ['with no localities', sam],
    ])('round-trips an officer %s', async (_label, officer) => {
      await expect(store().upsertOfficer(officer)).resolves.toEqual(officer);
      await expect(store().getOfficer(officer.id)).resolves.toEqual(officer);
    });

    it('replaces an officer saved again, including dropped localities and a newly learned Entra id', async () => {
      await store().upsertOfficer(helen);
      const changed: Officer = { ...helen, aadObjectId: '0b8f4a2e-1111-4c3d-8e9f-123456789abc', localityIds: ['preston'] };
      await store().upsertOfficer(changed);
      await expect(store().getOfficer(helen.id)).resolves.toEqual(changed);
      await expect(store().listOfficers({ localityId: 'west-lancashire' })).resolves.toEqual([]);
      await expect(store().findOfficerByAadObjectId('0b8f4a2e-1111-4c3d-8e9f-123456789abc')).resolves.toEqual(changed);
    });

    it('finds an officer by Entra object id, exactly', async () => {
      await store().upsertOfficer(claire);
      await store().upsertOfficer(helen);
      await expect(store().findOfficerByAadObjectId('7c9e6679-7425-40de-944b-e07fc1f90ae7')).resolves.toEqual(claire);
      await expect(store().findOfficerByAadObjectId('7c9e6679-7425-40de-944b-e07fc1f90ae8')).resolves.toBeUndefined();
      await expect(store().findOfficerByAadObjectId('7c9e6679-7425-40de-944b')).resolves.toBeUndefined();
    });

    it.each([
      ['as stored', 'Claire.Fox@lancashire.gov.uk'],
      ['in lower case', 'claire.fox@lancashire.gov.uk'],
      ['in upper case', 'CLAIRE.FOX@LANCASHIRE.GOV.UK'],
    ])('finds an officer by email typed %s', async (_label, email) => {
      await store().upsertOfficer(claire);
      await store().upsertOfficer(helen);
      await expect(store().findOfficerByEmail(email)).resolves.toEqual(claire);
    });

    it('answers undefined for unknown officers', async () => {
      await store().upsertOfficer(claire);
      await expect(store().getOfficer('officer-nobody')).resolves.toBeUndefined();
      await expect(store().findOfficerByEmail('nobody@lancashire.gov.uk')).resolves.toBeUndefined();
      await expect(store().findOfficerByEmail('fox@lancashire.gov.uk')).resolves.toBeUndefined();
    });

    it('lists officers by name and filters by locality, role, or both', async () => {
      const alison = anOfficer({ localityIds: ['central-lancs', 'preston'] });
      const david = anOfficer({
        id: 'officer-0042',
        name: 'David Ashworth',
        email: 'david.ashworth@lancashire.gov.uk',
        aadObjectId: undefined,
        roles: ['manager'],
        localityIds: ['west-lancashire', 'central-lancs'],
      });
      for (const officer of [sam, claire, helen, alison, david]) await store().upsertOfficer(officer);
      const ids = async (filter?: OfficerFilter) =>
        (await store().listOfficers(filter)).map((o) => o.id);

      expect(await ids()).toEqual([alison.id, claire.id, david.id, helen.id, sam.id]);
      expect(await ids({ localityId: 'central-lancs' })).toEqual([alison.id, claire.id, david.id, helen.id]);
      expect(await ids({ role: 'manager' })).toEqual([david.id, helen.id]);
      expect(await ids({ role: 'admin' })).toEqual([helen.id]);
      expect(await ids({ localityId: 'preston', role: 'epo' })).toEqual([alison.id]);
      expect(await ids({ localityId: 'west-lancashire', role: 'partner' })).toEqual([]);
      expect(await ids({ localityId: 'central' })).toEqual([]);
      await expect(store().listOfficers({ localityId: 'central-lancs' })).resolves.toContainEqual(claire);
    });

    it('lists every one of 120 officers in one locality, past any page size, in name order', async () => {
      const numbers = Array.from({ length: 120 }, (_, i) => String(i + 1).padStart(3, '0'));
      const many = numbers.map((n) =>
        anOfficer({
          id: `officer-${1000 - Number(n)}`,
          name: `Officer ${n} Hughes`,
          email: `officer.${n}@lancashire.gov.uk`,
          aadObjectId: `00000000-0000-4000-8000-000000000${n}`,
          roles: ['epo'],
          localityIds: ['lancaster'],
        }),
      );
      for (const officer of shuffled(many)) await store().upsertOfficer(officer);
      await store().upsertOfficer(claire);
      const listed = await store().listOfficers({ localityId: 'lancaster' });
      expect(listed.map((o) => o.id)).toEqual(numbers.map((n) => `officer-${1000 - Number(n)}`));
      expect(listed[119]).toEqual(many[119]);
      await expect(store().listOfficers()).resolves.toHaveLength(121);
      await expect(store().findOfficerByEmail('OFFICER.117@lancashire.gov.uk')).resolves.toEqual(many[116]);
    });
  });
}
