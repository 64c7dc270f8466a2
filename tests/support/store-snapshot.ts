/**
 * Everything a request could change in the store, as one JSON string, to compare before and after
 * requests that must change nothing. Conversation links are left out: every turn of a known
 * officer refreshes theirs.
 */
import type { ReportStore } from '../../src/store/report-store';

export async function storeSnapshot(store: ReportStore, terms: readonly string[]): Promise<string> {
  const localities = await store.listLocalities();
  const perLocality = await Promise.all(
    localities.map(async (locality) => ({
      priorities: await store.listPriorities(locality.id),
      events: await Promise.all(terms.map((term) => store.listReportEvents(locality.id, term))),
      covers: await store.listCovers(locality.id),
    })),
  );
  return JSON.stringify({
    localities,
    officers: await store.listOfficers(),
    perLocality,
    updates: await store.listPriorityUpdates({}),
    reports: await store.listLocalityReports(),
    deliveries: await Promise.all(terms.map((term) => store.listDeliveries(term))),
  });
}
