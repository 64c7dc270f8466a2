/**
 * Three localities' priorities across Autumn 2024, Spring 2025 and Summer 2025 with a status each
 * term and figures, for the outcomes report, the outcomes card and `tass outcomes`.
 */
import type { Locality, Priority, PriorityUpdate, RagStatus } from '../../src/domain/model';
import type { ReportStore } from '../../src/store/report-store';
import { aLocality, anUpdate, aPriority } from './builders';

export const AUTUMN_2024 = '2024-25-autumn';
export const SPRING_2025 = '2024-25-spring';
export const SUMMER_2025 = '2024-25-summer';

export const OUTCOME_LOCALITIES: Locality[] = [
  aLocality({ id: 'west-lancs', name: 'West Lancashire', order: 1 }),
  aLocality({ id: 'central-lancs', name: 'Central Lancs', order: 2 }),
  aLocality({ id: 'preston', name: 'Preston', order: 3 }),
];

export const OUTCOME_PRIORITIES: Priority[] = [
  aPriority({ id: 'central-school-avoidance', themes: ['attendance', 'mental-health'], version: 1 }),
  aPriority({ id: 'preston-neet', localityId: 'preston', title: 'Reduce the number of young people who are NEET', themes: ['neet'], version: 1 }),
  aPriority({ id: 'west-wellbeing', localityId: 'west-lancs', title: 'Emotional wellbeing in primary schools', themes: ['mental-health'], version: 1 }),
  aPriority({ id: 'west-transition', localityId: 'west-lancs', title: 'Transition for year 6', themes: [], version: 1 }),
];

function rated(priority: Priority, term: string, rag: RagStatus | undefined, figures: PriorityUpdate['figures'] = []): PriorityUpdate {
  return anUpdate({ priorityId: priority.id, localityId: priority.localityId, term, title: priority.title, ...(rag ? { rag } : { rag: undefined }), figures, version: 1 });
}

const [avoidance, neet, wellbeing, transition] = OUTCOME_PRIORITIES;

export const OUTCOME_UPDATES: PriorityUpdate[] = [
  rated(avoidance, AUTUMN_2024, 'off track'),
  rated(avoidance, SPRING_2025, 'some concerns'),
  rated(avoidance, SUMMER_2025, 'on track', [{ value: 12, counts: 'young people back in school full time' }]),
  rated(neet, AUTUMN_2024, 'on track'),
  rated(neet, SUMMER_2025, 'off track', [{ value: 16, counts: 'schools signed up to Positive Footsteps' }]),
  rated(wellbeing, SPRING_2025, 'some concerns'),
  rated(wellbeing, SUMMER_2025, 'some concerns'),
  rated(transition, SUMMER_2025, undefined),
];

/** Saves the localities, priorities and updates above into a store. */
export async function seedOutcomes(store: ReportStore): Promise<void> {
  for (const locality of OUTCOME_LOCALITIES) await store.upsertLocality(locality);
  for (const priority of OUTCOME_PRIORITIES) await store.savePriority({ ...priority, version: 0 }, 0);
  for (const update of OUTCOME_UPDATES) await store.savePriorityUpdate({ ...update, version: 0 }, 0);
}
