/** The stable orders the store returns lists in (see report-store.ts), for items read from SharePoint. */
import type { Locality, Priority, PriorityUpdate } from '../../domain/model';
import { compareTerms, termFromKey, type TermKey } from '../../domain/term';

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const termOrder = (a: TermKey, b: TermKey): number => {
  try {
    return compareTerms(termFromKey(a), termFromKey(b));
  } catch {
    return byText(a, b);
  }
};

/** Updates by locality order, then priority order, then term: the order of listPriorityUpdates. */
export function inUpdateOrder<T extends Pick<PriorityUpdate, 'localityId' | 'priorityId' | 'term'>>(updates: T[], localities: Locality[], priorities: Priority[]): T[] {
  const localityRank = rankBy(localities.sort((a, b) => a.order - b.order || byText(a.name, b.name)).map((l) => l.id));
  const priorityRank = rankBy(priorities.sort((a, b) => a.order - b.order || byText(a.id, b.id)).map((p) => p.id));
  return updates.sort(
    (a, b) =>
      localityRank(a.localityId) - localityRank(b.localityId) ||
      priorityRank(a.priorityId) - priorityRank(b.priorityId) ||
      byText(a.priorityId, b.priorityId) ||
      termOrder(a.term, b.term),
  );
}

/** A ranking function from an ordered list of ids; unknown ids go last. */
export function rankBy(ids: readonly string[]): (id: string) => number {
  const ranks = new Map(ids.map((id, index) => [id, index]));
  return (id) => ranks.get(id) ?? ids.length;
}
