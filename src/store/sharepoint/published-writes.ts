/**
 * Keeping `TASS Published Updates` in step with the locality reports: a report's updates are
 * published exactly while it is submitted. The writes ride in the same all-or-nothing save as
 * the report (report-batch.ts), so a submission that fails leaves no published items and one
 * that succeeds leaves all of them; a Return withdraws them in the same save as the report.
 */
import type { LocalityReport, Priority, PriorityUpdate } from '../../domain/model';
import { isPublished, publishedUpdateOf } from '../../domain/published-update';
import type { TermKey } from '../../domain/term';
import { queryRequest, withKey, type BatchContext, type PlannedWrite } from './all-or-nothing';
import type { StoredItem } from './list-items';
import { localityMapping, priorityMapping } from './mapping';
import { publicationOf, publishedMapping, type PublishedItem } from './published-mapping';
import type { CompanionWrites } from './report-batch';
import { KEY_COLUMN } from './schema';

/** One indexed query: the published items of a locality's report for a term. */
export async function publishedItemsRead(context: BatchContext, localityId: string, term: TermKey) {
  return queryRequest(await context.items.itemsPath('published'), { LocalityId: localityId, Term: term }, publishedMapping.readColumns);
}

/** Only the items of exactly this locality and term (SharePoint compares text without case). */
function itemsOf(found: readonly StoredItem[], localityId: string, term: TermKey): Array<{ item: StoredItem; published: PublishedItem }> {
  return found
    .map((item) => ({ item, published: publishedMapping.fromFields(item.fields) }))
    .filter(({ published }) => published.update.localityId === localityId && published.update.term === term);
}

/** The writes that turn what is published now into `wanted`: replace, create, and delete the rest. */
async function planPublication(
  context: BatchContext,
  current: ReadonlyArray<{ item: StoredItem; published: PublishedItem }>,
  wanted: readonly PublishedItem[],
): Promise<PlannedWrite[]> {
  const itemsPath = await context.items.itemsPath('published');
  const common = { list: 'published' as const, itemsPath, readColumns: publishedMapping.readColumns };
  const restore = (before: PublishedItem) => publishedMapping.toFields(before);
  const keys = new Set(wanted.map(publishedMapping.keyOf));
  const byKey = new Map(current.map((entry) => [publishedMapping.keyOf(entry.published), entry]));
  return [
    ...wanted.map((published): PlannedWrite => {
      const key = publishedMapping.keyOf(published);
      const before = byKey.get(key);
      return { ...common, key, before: before?.item, restore: before && restore(before.published), fields: publishedMapping.toFields(published) };
    }),
    ...current
      .filter(({ published }) => !keys.has(publishedMapping.keyOf(published)))
      .map(({ item, published }): PlannedWrite => ({ ...common, key: publishedMapping.keyOf(published), before: item, restore: restore(published) })),
  ];
}

/** What a save of a report with its updates gives the published list. */
export interface SavedSubmission {
  readonly report: LocalityReport;
  readonly updates: readonly PriorityUpdate[];
  readonly priorities: readonly Priority[];
}

/**
 * The companion writes of saveReportWithUpdates: a submitted report publishes exactly its
 * updates (a priority left out of a resubmission disappears); any other status withdraws. Reads
 * what is published, the locality's priorities (order and themes) and the locality (its name)
 * in the same batch as the save's own reads.
 */
export async function submissionWrites(
  context: BatchContext,
  localityId: string,
  term: TermKey,
  pick: (saved: ReadonlyArray<{ readonly version: number }>) => SavedSubmission,
): Promise<CompanionWrites> {
  const reads = [
    await publishedItemsRead(context, localityId, term),
    queryRequest(await context.items.itemsPath('priorities'), { LocalityId: localityId }, priorityMapping.readColumns),
    queryRequest(await context.items.itemsPath('localities'), { [KEY_COLUMN]: localityId }, localityMapping.readColumns),
  ];
  return {
    reads,
    plan: async ([published, priorityItems, localityItems], saved) => {
      const { report, updates, priorities } = pick(saved);
      const current = itemsOf(published, localityId, term);
      if (!isPublished(report)) return planPublication(context, current, []);
      const byId = new Map(priorityItems.map((item) => priorityMapping.fromFields(item.fields)).map((priority) => [priority.id, priority]));
      for (const priority of priorities) byId.set(priority.id, priority);
      const localityItem = withKey(localityItems, localityId);
      const localityName = localityItem ? localityMapping.fromFields(localityItem.fields).name : localityId;
      const wanted = updates.map((update, index): PublishedItem => {
        const priority = byId.get(update.priorityId);
        return {
          update: publishedUpdateOf(update),
          localityName,
          order: priority?.order ?? index + 1,
          themes: priority?.themes ?? [],
          ...publicationOf(report),
        };
      });
      return planPublication(context, current, wanted);
    },
  };
}

/**
 * The companion writes of saveLocalityReport when its publication may change: withdrawn when the
 * report is no longer submitted, else the published items follow its approval and submission
 * date. Nothing is written when nothing is published.
 */
export async function reportSaveWrites(context: BatchContext, report: LocalityReport): Promise<CompanionWrites> {
  return {
    reads: [await publishedItemsRead(context, report.localityId, report.term)],
    plan: async ([published]) => {
      const current = itemsOf(published, report.localityId, report.term);
      if (current.length === 0) return [];
      const wanted = isPublished(report) ? current.map(({ published: item }) => ({ ...item, ...publicationOf(report) })) : [];
      return planPublication(context, current, wanted);
    },
  };
}
