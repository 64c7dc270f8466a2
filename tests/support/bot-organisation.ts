/**
 * A small county for conversation tests: three localities, two EPOs (one already known by
 * Entra object id, one only by email), a manager and an admin, and active priorities.
 *
 *   const org = await seedOrganisation(bot.store);
 *   const ann = bot.user(org.users.ann);   // Teams user matching the officer
 */
import type { Officer } from '../../src/domain/model';
import type { ReportStore } from '../../src/store/report-store';
import { aLocality, anOfficer, aPriority } from './builders';

/** Spring 2025 under the default calendar: opens 14 March, reminders 21 and 26 March, due 28 March. */
export const SPRING_2025 = '2024-25-spring';
export const SPRING_2025_DATES = { opens: '2025-03-14', reminders: ['2025-03-21', '2025-03-26'], due: '2025-03-28' } as const;

export const OFFICERS = {
  ann: anOfficer({ id: 'officer-ann', name: 'Ann Parker', email: 'ann.parker@lancashire.gov.uk', aadObjectId: 'aad-ann', roles: ['epo'], localityIds: ['preston', 'west-lancs'] }),
  bob: anOfficer({ id: 'officer-bob', name: 'Bob Ainsworth', email: 'Bob.Ainsworth@lancashire.gov.uk', aadObjectId: undefined, roles: ['epo'], localityIds: ['central-lancs'] }),
  mary: anOfficer({ id: 'officer-mary', name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary', roles: ['manager'], localityIds: [] }),
  ada: anOfficer({ id: 'officer-ada', name: 'Ada Greenwood', email: 'ada.greenwood@lancashire.gov.uk', aadObjectId: 'aad-ada', roles: ['admin'], localityIds: [] }),
} satisfies Record<string, Officer>;

/** The Teams side of each officer: what `bot.user(...)` needs. */
export const USERS = {
  ann: { name: 'Ann Parker', email: 'ann.parker@lancashire.gov.uk', aadObjectId: 'aad-ann' },
  bob: { name: 'Bob Ainsworth', email: 'bob.ainsworth@lancashire.gov.uk', aadObjectId: 'aad-bob' },
  mary: { name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary' },
  ada: { name: 'Ada Greenwood', email: 'ada.greenwood@lancashire.gov.uk', aadObjectId: 'aad-ada' },
  stranger: { name: 'Sam Stranger', email: 'sam.stranger@example.org', aadObjectId: 'aad-stranger' },
} as const;

export async function seedOrganisation(store: ReportStore): Promise<void> {
  await store.upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 1 }));
  await store.upsertLocality(aLocality({ id: 'central-lancs', name: 'Central Lancs', order: 2 }));
  await store.upsertLocality(aLocality({ id: 'west-lancs', name: 'West Lancashire', order: 3 }));
  for (const officer of Object.values(OFFICERS)) await store.upsertOfficer(officer);
  const priorities = [
    aPriority({ id: 'preston-attendance', localityId: 'preston', title: 'Attendance', order: 1 }),
    aPriority({ id: 'preston-send', localityId: 'preston', title: 'SEND support', order: 2 }),
    aPriority({ id: 'preston-transition', localityId: 'preston', title: 'Transition to high school', order: 3 }),
    aPriority({ id: 'preston-old', localityId: 'preston', title: 'Closed work', order: 4, status: 'closed', closedTerm: '2024-25-autumn' }),
    aPriority({ id: 'central-avoidance', localityId: 'central-lancs', order: 1 }),
    aPriority({ id: 'west-wellbeing', localityId: 'west-lancs', title: 'Emotional wellbeing', order: 1 }),
  ];
  for (const priority of priorities) await store.savePriority(priority, 0);
}
