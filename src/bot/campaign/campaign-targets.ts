/**
 * Who a term's campaign writes to: every EPO, once per locality they serve, with the number of
 * active priorities there. On the day, officers covering for an absent EPO are included and the
 * absent EPO is left out (effectiveAuthors in src/domain/cover.ts).
 */
import { effectiveAuthors } from '../../domain/cover';
import type { Locality, Officer } from '../../domain/model';
import type { ReportStore } from '../../store/report-store';

export interface PromptTarget {
  readonly officer: Officer;
  readonly locality: Locality;
  readonly activePriorities: number;
}

/** Every (EPO, locality) pair, in locality order then officer name; `date` picks current covers. */
export async function listPromptTargets(store: ReportStore, date: string): Promise<PromptTarget[]> {
  const [localities, covers, officers] = await Promise.all([store.listLocalities(), store.listCovers(), store.listOfficers()]);
  const targets: PromptTarget[] = [];
  for (const locality of localities) {
    const serving: Officer[] = effectiveAuthors(locality.id, date, officers, covers);
    if (serving.length === 0) continue;
    const priorities = await store.listPriorities(locality.id);
    const activePriorities = priorities.filter((priority) => priority.status === 'active').length;
    for (const officer of serving) targets.push({ officer, locality, activePriorities });
  }
  return targets;
}
