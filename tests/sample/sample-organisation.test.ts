/**
 * The sample organisation, seeded twice into a real SQLite file: what a user would see when
 * the bot starts, and that a restart (a second seeding) changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TermCalendar } from '../../src/domain/term-calendar';
import { termFromKey } from '../../src/domain/term';
import { seedSampleOrganisation, SAMPLE_OFFICER_IDS, termBefore } from '../../src/sample/sample-organisation';
import type { ReportStore } from '../../src/store/report-store';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';

/** Everything a store holds that the sample touches, for before/after comparisons. */
async function snapshot(store: ReportStore, term: string) {
  const localities = await store.listLocalities();
  return {
    localities,
    officers: await store.listOfficers(),
    priorities: await Promise.all(localities.map((l) => store.listPriorities(l.id))),
    updates: await store.listPriorityUpdates({}),
    reports: await store.listLocalityReports(),
    events: await Promise.all(localities.map((l) => store.listReportEvents(l.id, term))),
  };
}

describe('seedSampleOrganisation', () => {
  const calendar = new TermCalendar();
  const today = new Date('2025-03-10T09:00:00Z');
  let folder: string;
  let dbPath: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-sample-'));
    dbPath = path.join(folder, 'tass.db');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('seeds the localities, people and last term\'s reports, and a second run (a restart) changes nothing', async () => {
    const first = SqliteReportStore.open(dbPath);
    const seeded = await seedSampleOrganisation(first, { calendar, today });
    const before = await snapshot(first, seeded.previousTerm);
    await first.close();

    const second = SqliteReportStore.open(dbPath);
    try {
      const again = await seedSampleOrganisation(second, { calendar, today });
      expect(again).toEqual(seeded);
      expect(await snapshot(second, seeded.previousTerm)).toEqual(before);

      expect(seeded.currentTerm).toBe('2024-25-spring');
      expect(seeded.previousTerm).toBe('2024-25-autumn');
      expect((await second.listLocalities()).map((l) => l.name)).toEqual(['West Lancashire', 'Central Lancs', 'Preston', 'Lancaster']);

      // Central Lancs is written by a pair of EPOs, and its report prints both names.
      const centralEpos = await second.listOfficers({ localityId: seeded.localities.centralLancs, role: 'epo' });
      expect(centralEpos.map((o) => o.name)).toEqual(['Alison Walsh', 'Claire Fox']);
      const centralReport = await second.getLocalityReport(seeded.localities.centralLancs, seeded.previousTerm);
      expect(centralReport).toMatchObject({ status: 'submitted', approval: 'approved', officerIds: [SAMPLE_OFFICER_IDS.claireFox, SAMPLE_OFFICER_IDS.alisonWalsh] });

      // Each officer can be recognised when they first talk to the bot.
      const claire = await second.findOfficerByEmail('Claire.Fox@lancashire.gov.uk');
      expect(claire?.localityIds).toEqual([seeded.localities.westLancashire, seeded.localities.centralLancs]);
      await expect(second.findOfficerByAadObjectId(claire?.aadObjectId ?? '')).resolves.toEqual(claire);
      expect(seeded.officers.managers).toHaveLength(2);
      expect(seeded.officers.partners).toHaveLength(1);
      expect(seeded.officers.admins).toHaveLength(1);
      expect(seeded.officers.epos).toHaveLength(3);

      // Last term's planned activity is there to carry forward, once per priority.
      const lastTerm = await second.listPriorityUpdates({ term: seeded.previousTerm });
      expect(lastTerm.map((u) => u.priorityId)).toEqual([
        'west-lancashire-school-networks',
        'west-lancashire-neet-pathways',
        'central-lancs-school-avoidance',
        'central-lancs-neet',
        'preston-post-16',
        'preston-school-avoidance',
      ]);
      const avoidance = lastTerm.find((u) => u.priorityId === 'central-lancs-school-avoidance');
      expect(avoidance?.plannedActivityNextPeriod).toEqual({
        kind: 'items',
        items: expect.arrayContaining(['Handover of the school avoidance work to LCC Attendance Team.']),
      });
      expect(avoidance?.activityLastPeriod).toEqual({
        kind: 'items',
        items: expect.arrayContaining(["Meeting with Barnardo's took place looking at the offer for schools."]),
      });
      expect(lastTerm.every((u) => u.version === 1 && u.sectionsDone.length === 6)).toBe(true);
      const allText = JSON.stringify(lastTerm);
      expect(allText).not.toMatch(/[\u00a0\u2022\uf0b7]/);

      // Nothing is duplicated and nothing is written for this term yet; Lancaster starts empty.
      await expect(second.listPriorityUpdates({ term: seeded.currentTerm })).resolves.toEqual([]);
      await expect(second.listLocalityReports()).resolves.toHaveLength(3);
      await expect(second.listPriorities(seeded.localities.lancaster)).resolves.toEqual([]);
      await expect(second.listReportEvents(seeded.localities.westLancashire, seeded.previousTerm)).resolves.toHaveLength(2);
      await expect(second.listReportEvents(seeded.localities.preston, seeded.previousTerm)).resolves.toEqual([
        expect.objectContaining({ kind: 'submitted', by: SAMPLE_OFFICER_IDS.alisonWalsh }),
      ]);
    } finally {
      await second.close();
    }
  });

  it('leaves what people changed alone when it runs again', async () => {
    const store = SqliteReportStore.open(dbPath);
    try {
      const seeded = await seedSampleOrganisation(store, { calendar, today });
      const alison = await store.getOfficer(SAMPLE_OFFICER_IDS.alisonWalsh);
      const linked = { ...alison!, aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000beef' };
      await store.upsertOfficer(linked);
      const update = await store.getPriorityUpdate('preston-post-16', seeded.previousTerm);
      const edited = await store.savePriorityUpdate({ ...update!, rag: 'off track' }, 1);

      await seedSampleOrganisation(store, { calendar, today });
      await expect(store.getOfficer(SAMPLE_OFFICER_IDS.alisonWalsh)).resolves.toEqual(linked);
      await expect(store.getPriorityUpdate('preston-post-16', seeded.previousTerm)).resolves.toEqual(edited);
    } finally {
      await store.close();
    }
  });

  it.each([
    ['in the autumn campaign', '2025-10-06T09:00:00Z', '2025-26-autumn', '2024-25-summer'],
    ['after the summer term closed', '2025-08-01T09:00:00Z', '2025-26-autumn', '2024-25-summer'],
    ['in the summer campaign', '2025-07-07T09:00:00Z', '2024-25-summer', '2024-25-spring'],
  ])('seeds the term before the current one %s', async (_label, date, current, previous) => {
    const store = SqliteReportStore.open(dbPath);
    try {
      const seeded = await seedSampleOrganisation(store, { calendar, today: new Date(date) });
      expect([seeded.currentTerm, seeded.previousTerm]).toEqual([current, previous]);
      await expect(store.listPriorityUpdates({ term: previous })).resolves.toHaveLength(6);
    } finally {
      await store.close();
    }
  });

  it('steps back through half-terms when the council reports by half-term', () => {
    const halves = new TermCalendar([], { openDaysBefore: 14, reminderDaysBefore: [7], halfTerms: true });
    expect(termBefore(halves, termFromKey('2024-25-spring-1'))).toEqual({ academicYear: 2024, season: 'Autumn', half: 2 });
    expect(termBefore(halves, termFromKey('2024-25-autumn-1'))).toEqual({ academicYear: 2023, season: 'Summer', half: 2 });
  });
});
