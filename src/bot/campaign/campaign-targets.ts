/**
 * Who a term's campaign writes to: every EPO, once per locality they serve, with the number of
 * active priorities there. Officers covering for an absent EPO on the day are included too.
 */
import type { Locality, Officer } from '../../domain/model';
import type { ReportStore } from '../../store/report-store';

export interface PromptTarget {
  readonly officer: Officer;
  readonly locality: Locality;
  readonly activePriorities: number;
}

/** Every (EPO, locality) pair, in locality order then officer name; `date` picks current covers. */
export async function listPromptTargets(store: ReportStore, date: string): Promise<PromptTarget[]> {
  const [localities, epos, covers, officers] = await Promise.all([
    store.listLocalities(),
    store.listOfficers({ role: 'epo' }),
    store.listCovers(),
    store.listOfficers(),
  ]);
  const officerById = new Map(officers.map((officer) => [officer.id, officer]));
  const targets: PromptTarget[] = [];
  for (const locality of localities) {
    const serving = new Map<string, Officer>();
    for (const epo of epos) if (epo.localityIds.includes(locality.id)) serving.set(epo.id, epo);
    for (const cover of covers) {
      const coverOfficer = officerById.get(cover.coverOfficerId);
      if (cover.localityId === locality.id && cover.from <= date && date <= cover.to && coverOfficer) serving.set(coverOfficer.id, coverOfficer);
    }
    if (serving.size === 0) continue;
    const priorities = await store.listPriorities(locality.id);
    const activePriorities = priorities.filter((priority) => priority.status === 'active').length;
    for (const officer of serving.values()) targets.push({ officer, locality, activePriorities });
  }
  return targets;
}
