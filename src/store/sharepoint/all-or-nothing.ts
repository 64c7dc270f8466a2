/**
 * Writing a set of list items all or nothing over Graph JSON batches, which are not
 * transactions: the writes go as one dependsOn chain per batch of 20, each PATCH and DELETE
 * carrying If-Match on the eTag read beforehand, so the first failure stops the rest; then the
 * writes that landed are put back as they were (new items deleted, changed items restored,
 * deleted items created again). When a batch gets no answer at all, its items are read again
 * to learn which of its writes landed before putting them back.
 */
import type { Logger } from '../../logging/logger';
import { StoreUnavailableError } from '../errors';
import { inBatches, sendBatch, type BatchAnswer, type BatchRequest } from './batch';
import type { GraphConnection } from './graph-connection';
import { unavailable } from './graph-failures';
import { holds } from './item-writes';
import { odataString, PAGE_SIZE, toStored, type ListItems, type StoredItem } from './list-items';
import type { Fields } from './mapping';
import { KEY_COLUMN, type ListKey } from './schema';

export interface BatchContext {
  readonly connection: GraphConnection;
  readonly items: ListItems;
  readonly logger: Logger;
}

/** One item to create, replace or delete. */
export interface PlannedWrite {
  readonly list: ListKey;
  readonly key: string;
  readonly itemsPath: string;
  /** The item as read before the save; absent when the write creates it. */
  readonly before?: StoredItem;
  /** What `before` held, as fields the bot would write: how to put it back. */
  readonly restore?: Fields;
  /** The fields to write; absent to delete `before`. */
  readonly fields?: Fields;
  /** Columns compared to tell whether a write without an answer landed. */
  readonly readColumns: readonly string[];
}

/** A write that failed with this status; the writes before it have been put back. */
export class WriteRefusedError extends Error {
  constructor(
    readonly plan: PlannedWrite,
    readonly status: number,
  ) {
    super(`SharePoint answered ${status} while saving a report`);
    this.name = 'WriteRefusedError';
  }
}

/** A `$filter` GET of a list's items, for a batch: every matching item, with these columns. */
export function queryRequest(itemsPath: string, equals: Readonly<Record<string, string>>, select: readonly string[]): BatchRequest {
  const filter = encodeURIComponent(
    Object.entries(equals)
      .map(([column, value]) => `fields/${column} eq ${odataString(value)}`)
      .join(' and '),
  );
  const expand = encodeURIComponent(`fields(select=${select.join(',')})`);
  return { method: 'GET', url: `${itemsPath}?expand=${expand}&$filter=${filter}&$top=${PAGE_SIZE}` };
}

/** Sends GETs 20 per batch; each answer's items. Any answer other than 200 fails the lot. */
export async function readInBatches(context: BatchContext, requests: readonly BatchRequest[]): Promise<StoredItem[][]> {
  const found: StoredItem[][] = [];
  for (const batch of inBatches(requests)) {
    const answers = await sendBatch(context.connection, batch, false);
    for (const answer of answers) {
      if (answer.status !== 200) throw new StoreUnavailableError(`SharePoint answered ${answer.status} while reading a report before saving it`);
      found.push((answer.body as { value: Array<Parameters<typeof toStored>[0]> }).value.map(toStored));
    }
  }
  return found;
}

/** The item with exactly this key among those a filter found (SharePoint compares text without case). */
export function withKey(items: readonly StoredItem[], key: string): StoredItem | undefined {
  return items.find((item) => item.fields[KEY_COLUMN] === key);
}

function requestFor(plan: PlannedWrite): BatchRequest {
  if (!plan.before) return { method: 'POST', url: plan.itemsPath, body: { fields: plan.fields } };
  if (!plan.fields) return { method: 'DELETE', url: `${plan.itemsPath}/${plan.before.id}`, headers: { 'If-Match': plan.before.eTag } };
  return { method: 'PATCH', url: `${plan.itemsPath}/${plan.before.id}/fields`, headers: { 'If-Match': plan.before.eTag }, body: plan.fields };
}

interface Landed {
  readonly plan: PlannedWrite;
  /** The item the write created or changed (absent for a delete). */
  readonly itemId?: string;
  readonly answer?: BatchAnswer;
}

function undoRequest({ plan, itemId }: Landed): BatchRequest {
  if (!plan.before) return { method: 'DELETE', url: `${plan.itemsPath}/${itemId}` };
  if (!plan.fields) return { method: 'POST', url: plan.itemsPath, body: { fields: plan.restore } };
  return { method: 'PATCH', url: `${plan.itemsPath}/${plan.before.id}/fields`, body: plan.restore };
}

/** Puts back what landed before a failure. */
async function rollBack(context: BatchContext, landed: readonly Landed[]): Promise<void> {
  for (const batch of inBatches(landed.map(undoRequest))) {
    const answers = await sendBatch(context.connection, batch, false);
    if (answers.some((answer) => answer.status >= 300)) {
      context.logger.error({ failed: answers.filter((answer) => answer.status >= 300).length }, 'could not undo part of a failed report save');
    }
  }
  for (const { plan } of landed) context.items.forget(plan.list, plan.key);
}

/** After a batch got no answer: which of its writes landed, read again by key. */
async function landedWithoutAnswer(context: BatchContext, batch: readonly PlannedWrite[]): Promise<Landed[]> {
  const now = await readInBatches(
    context,
    batch.map((plan) => queryRequest(plan.itemsPath, { [KEY_COLUMN]: plan.key }, plan.readColumns)),
  );
  return batch.flatMap((plan, index): Landed[] => {
    const item = withKey(now[index], plan.key);
    if (!plan.fields) return item ? [] : [{ plan }];
    return item && holds(item, plan.fields, plan.readColumns) ? [{ plan, itemId: item.id }] : [];
  });
}

/** Writes every plan or none; throws WriteRefusedError (after putting back) when a write is refused. */
export async function writeAllOrNothing(context: BatchContext, plans: readonly PlannedWrite[]): Promise<void> {
  const landed: Landed[] = [];
  for (const batch of inBatches(plans)) {
    let answers: BatchAnswer[];
    try {
      answers = await sendBatch(context.connection, batch.map(requestFor), true);
    } catch (error) {
      try {
        await rollBack(context, [...landed, ...(await landedWithoutAnswer(context, batch))]);
      } catch (undoError) {
        context.logger.error({ err: undoError instanceof Error ? undoError.name : 'unknown' }, 'could not undo a report save that got no answer');
      }
      throw unavailable(error, 'saving a report with its updates');
    }
    const failedAt = answers.findIndex((answer) => answer.status < 200 || answer.status >= 300);
    batch.slice(0, failedAt < 0 ? batch.length : failedAt).forEach((plan, index) => {
      const answer = answers[index];
      const itemId = plan.before ? plan.before.id : String((answer.body as { id: string }).id);
      landed.push({ plan, itemId, answer });
    });
    if (failedAt >= 0) {
      context.logger.warn({ status: answers[failedAt].status, undone: landed.length }, 'a report save failed part-way; undoing it');
      await rollBack(context, landed);
      throw new WriteRefusedError(batch[failedAt], answers[failedAt].status);
    }
  }
  for (const { plan, itemId, answer } of landed) {
    if (!plan.fields || !answer || !itemId) {
      context.items.forget(plan.list, plan.key);
      continue;
    }
    const stored = toStored(plan.before ? { id: itemId, fields: answer.body as Fields } : (answer.body as { id: string }));
    context.items.remember(plan.list, { ...stored, fields: { ...plan.fields, ...stored.fields } });
  }
}
