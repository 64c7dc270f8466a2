/**
 * Saving a locality report with its priority updates and priorities, all or nothing, in JSON
 * batches. Graph batches are not transactions, so: (1) every item is read first (GETs batched)
 * and any stale version refuses the whole save before anything is written; (2) the writes go as
 * one dependsOn chain per batch of 20, each PATCH carrying If-Match, priorities first and the
 * report last; (3) if a write still fails (someone saved in between), the writes that landed are
 * put back as they were, and the save fails with ConflictError.
 */
import type { Logger } from '../../logging/logger';
import { ConflictError, StoreUnavailableError } from '../errors';
import { inBatches, sendBatch, type BatchAnswer, type BatchRequest } from './batch';
import type { GraphConnection } from './graph-connection';
import { unavailable } from './graph-failures';
import { holds } from './item-writes';
import { odataString, PAGE_SIZE, toStored, type ListItems, type StoredItem } from './list-items';
import type { EntityMapping, Fields } from './mapping';
import { KEY_COLUMN, VERSION_COLUMN } from './schema';

/** One entity to save, how it maps to its list, and the version the save is based on. */
export interface VersionedWrite<T extends { readonly version: number }> {
  readonly mapping: EntityMapping<T>;
  readonly entity: T;
  readonly expectedVersion: number;
}

interface PlannedWrite {
  readonly write: VersionedWrite<{ readonly version: number }>;
  readonly key: string;
  readonly saved: { readonly version: number };
  readonly fields: Fields;
  readonly before?: StoredItem;
  readonly itemsPath: string;
}

export interface BatchContext {
  readonly connection: GraphConnection;
  readonly items: ListItems;
  readonly logger: Logger;
}

/** Reads the current item of every write, 20 look-ups per batch. */
async function readCurrent(context: BatchContext, writes: ReadonlyArray<VersionedWrite<{ readonly version: number }>>): Promise<Array<StoredItem | undefined>> {
  const requests: BatchRequest[] = [];
  for (const { mapping, entity } of writes) {
    const filter = encodeURIComponent(`fields/${KEY_COLUMN} eq ${odataString(mapping.keyOf(entity))}`);
    const expand = encodeURIComponent(`fields(select=${mapping.readColumns.join(',')})`);
    requests.push({ method: 'GET', url: `${await context.items.itemsPath(mapping.list)}?expand=${expand}&$filter=${filter}&$top=${PAGE_SIZE}` });
  }
  const found: Array<StoredItem | undefined> = [];
  for (const batch of inBatches(requests)) {
    const answers = await sendBatch(context.connection, batch, false);
    for (const answer of answers) {
      if (answer.status !== 200) throw new StoreUnavailableError(`SharePoint answered ${answer.status} while reading a report before saving it`);
      const value = (answer.body as { value: Array<Parameters<typeof toStored>[0]> }).value;
      found.push(value.length > 0 ? toStored(value[0]) : undefined);
    }
  }
  writes.forEach(({ mapping }, index) => {
    const item = found[index];
    if (item) context.items.remember(mapping.list, item);
  });
  return found;
}

function requestFor(plan: PlannedWrite): BatchRequest {
  if (!plan.before) return { method: 'POST', url: plan.itemsPath, body: { fields: plan.fields } };
  return { method: 'PATCH', url: `${plan.itemsPath}/${plan.before.id}/fields`, headers: { 'If-Match': plan.before.eTag }, body: plan.fields };
}

/** Puts back what landed before a failure: new items deleted, changed items restored. */
async function rollBack(context: BatchContext, landed: ReadonlyArray<{ plan: PlannedWrite; itemId: string }>): Promise<void> {
  const requests: BatchRequest[] = landed.map(({ plan, itemId }) => {
    if (!plan.before) return { method: 'DELETE', url: `${plan.itemsPath}/${itemId}` };
    const previous = plan.write.mapping.toFields(plan.write.mapping.fromFields(plan.before.fields));
    return { method: 'PATCH', url: `${plan.itemsPath}/${plan.before.id}/fields`, body: previous };
  });
  for (const batch of inBatches(requests)) {
    const answers = await sendBatch(context.connection, batch, false);
    if (answers.some((answer) => answer.status >= 300)) {
      context.logger.error({ failed: answers.filter((answer) => answer.status >= 300).length }, 'could not undo part of a failed report save');
    }
  }
  for (const { plan } of landed) context.items.forget(plan.write.mapping.list, plan.key);
}

/**
 * When a batch got no answer, some of its writes may have landed: read them again and undo those
 * that hold what we sent, with the writes of earlier batches.
 */
async function undoAfterNoAnswer(
  context: BatchContext,
  landed: ReadonlyArray<{ plan: PlannedWrite; itemId: string }>,
  batch: readonly PlannedWrite[],
): Promise<void> {
  try {
    const now = await readCurrent(context, batch.map((plan) => plan.write));
    const alsoLanded = batch.flatMap((plan, index) => {
      const item = now[index];
      return item && holds(item, plan.fields, plan.write.mapping.readColumns) ? [{ plan, itemId: item.id }] : [];
    });
    await rollBack(context, [...landed, ...alsoLanded]);
  } catch (error) {
    context.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'could not undo a report save that got no answer');
  }
}

/** Saves every write or none; returns the entities as stored, in the order given. */
export async function saveAllOrNothing(context: BatchContext, writes: ReadonlyArray<VersionedWrite<{ readonly version: number }>>): Promise<Array<{ readonly version: number }>> {
  let current: Array<StoredItem | undefined>;
  try {
    current = await readCurrent(context, writes);
  } catch (error) {
    throw unavailable(error, 'reading a report before saving it');
  }
  const plans: PlannedWrite[] = [];
  for (const [index, write] of writes.entries()) {
    const before = current[index];
    const key = write.mapping.keyOf(write.entity);
    const storedVersion = before ? Number(before.fields[VERSION_COLUMN] ?? 0) : 0;
    if (storedVersion !== write.expectedVersion) {
      throw new ConflictError(write.mapping.entityName, key, before ? write.mapping.fromFields(before.fields) : undefined);
    }
    const saved = { ...write.entity, version: write.expectedVersion + 1 };
    plans.push({ write, key, saved, fields: write.mapping.toFields(saved), before, itemsPath: await context.items.itemsPath(write.mapping.list) });
  }

  const landed: Array<{ plan: PlannedWrite; itemId: string; answer: BatchAnswer }> = [];
  for (const batch of inBatches(plans)) {
    let answers: BatchAnswer[];
    try {
      answers = await sendBatch(context.connection, batch.map(requestFor), true);
    } catch (error) {
      await undoAfterNoAnswer(context, landed, batch);
      throw unavailable(error, 'saving a report with its updates');
    }
    const failedAt = answers.findIndex((answer) => answer.status < 200 || answer.status >= 300);
    batch.slice(0, failedAt < 0 ? batch.length : failedAt).forEach((plan, index) => {
      const answer = answers[index];
      const itemId = plan.before ? plan.before.id : String((answer.body as { id: string }).id);
      landed.push({ plan, itemId, answer });
    });
    if (failedAt >= 0) {
      const failed = batch[failedAt];
      context.logger.warn({ status: answers[failedAt].status, undone: landed.length }, 'a report save failed part-way; undoing it');
      await rollBack(context, landed);
      if (answers[failedAt].status === 412 || answers[failedAt].status === 409) {
        const now = await context.items.findByKey(failed.write.mapping.list, failed.key, failed.write.mapping.readColumns);
        throw new ConflictError(failed.write.mapping.entityName, failed.key, now ? failed.write.mapping.fromFields(now.fields) : undefined);
      }
      throw new StoreUnavailableError(`SharePoint answered ${answers[failedAt].status} while saving a report with its updates`);
    }
  }
  for (const { plan, itemId, answer } of landed) {
    const stored = toStored(plan.before ? { id: itemId, fields: answer.body as Fields } : (answer.body as { id: string }));
    context.items.remember(plan.write.mapping.list, { ...stored, fields: { ...plan.fields, ...stored.fields } });
  }
  return plans.map((plan) => plan.saved);
}
