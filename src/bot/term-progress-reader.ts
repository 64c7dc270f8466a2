/** Reads a term's progress from the store for the status and outstanding cards. */
import { summariseProgress, type LocalityProgress } from '../domain/term-progress';
import type { Locality, Officer } from '../domain/model';
import type { TermKey } from '../domain/term';
import type { ReportStore } from '../store/report-store';

export interface TermProgress {
  readonly rows: LocalityProgress[];
  /** Officers by id, for printing names. */
  readonly officers: ReadonlyMap<string, Officer>;
}

export async function readTermProgress(store: ReportStore, term: TermKey, localities: readonly Locality[]): Promise<TermProgress> {
  const [reports, updates, officers] = await Promise.all([
    store.listLocalityReports(term),
    store.listPriorityUpdates({ term }),
    store.listOfficers(),
  ]);
  return {
    rows: summariseProgress(localities, reports, updates, officers),
    officers: new Map(officers.map((officer) => [officer.id, officer])),
  };
}
