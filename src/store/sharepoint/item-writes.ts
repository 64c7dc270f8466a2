/**
 * Single-entity writes. A versioned save PATCHes with If-Match on the eTag last seen (one request
 * when the cache is current) or POSTs a new item whose unique key makes a duplicate fail; 412/409
 * become ConflictError carrying what is stored. When no answer comes back (dropped connection,
 * timeout) the write may have landed, so the item is read again: if it holds exactly what was
 * sent the save succeeded, if it is untouched the write is sent once more, so nothing is
 * duplicated or lost.
 */
import type { Logger } from '../../logging/logger';
import { ConflictError } from '../errors';
import { isNoAnswer, statusOf, unavailable } from './graph-failures';
import type { ListItems, StoredItem } from './list-items';
import type { EntityMapping, Fields } from './mapping';
import { KEY_COLUMN, VERSION_COLUMN } from './schema';

export interface WriteContext {
  readonly items: ListItems;
  readonly logger: Logger;
}

/** True when the stored item holds every readable value we wrote: our write landed. */
export function holds(item: StoredItem | undefined, fields: Fields, columns: readonly string[]): boolean {
  // Graph leaves a column that holds null out of the item's fields, so absent and null are alike.
  return item !== undefined && columns.every((column) => (item.fields[column] ?? null) === (fields[column] ?? null));
}

function storedVersion(item: StoredItem | undefined): number {
  return item ? Number(item.fields[VERSION_COLUMN] ?? 0) : 0;
}

async function conflictingItem<T>(context: WriteContext, mapping: EntityMapping<T>, key: string): Promise<StoredItem | undefined> {
  try {
    return await context.items.findByKey(mapping.list, key, mapping.readColumns);
  } catch (error) {
    throw unavailable(error, `reading a ${mapping.entityName} after a conflict`);
  }
}

/** Saves a versioned entity based on `expectedVersion` (0: new); returns it at its new version. */
export async function saveVersioned<T extends { readonly version: number }>(
  context: WriteContext,
  mapping: EntityMapping<T>,
  entity: T,
  expectedVersion: number,
  resent = false,
): Promise<T> {
  const { items } = context;
  const key = mapping.keyOf(entity);
  const next = { ...entity, version: expectedVersion + 1 };
  const fields = mapping.toFields(next);
  try {
    if (expectedVersion === 0) {
      await items.create(mapping.list, fields);
      return next;
    }
    let known = items.knownItem(mapping.list, key);
    if (!known || known.version !== expectedVersion) {
      const current = await items.findByKey(mapping.list, key, mapping.readColumns);
      if (storedVersion(current) !== expectedVersion || !current) {
        throw new ConflictError<T>(mapping.entityName, key, current ? mapping.fromFields(current.fields) : undefined);
      }
      known = items.knownItem(mapping.list, key);
    }
    if (!known) throw new ConflictError<T>(mapping.entityName, key, undefined);
    await items.update(mapping.list, known.id, fields, known.eTag);
    return next;
  } catch (error) {
    if (error instanceof ConflictError) throw error;
    const status = statusOf(error);
    if (status === 412 || status === 409) {
      items.forget(mapping.list, key);
      const current = await conflictingItem(context, mapping, key);
      // A resend racing its own first attempt: the item already holds exactly this save.
      if (resent && holds(current, fields, mapping.readColumns)) return next;
      // Someone edited a readable column in SharePoint: not a TASS save, so the version still matches.
      if (!resent && current && storedVersion(current) === expectedVersion) return saveVersioned(context, mapping, entity, expectedVersion, true);
      throw new ConflictError<T>(mapping.entityName, key, current ? mapping.fromFields(current.fields) : undefined);
    }
    if (!isNoAnswer(error)) throw unavailable(error, `saving a ${mapping.entityName}`);
    context.logger.warn({ list: mapping.list, resent }, 'no answer to a SharePoint write; checking whether it landed');
    let current: StoredItem | undefined;
    try {
      current = await items.findByKey(mapping.list, key, mapping.readColumns);
    } catch (readError) {
      throw unavailable(readError, `saving a ${mapping.entityName}`);
    }
    if (holds(current, fields, mapping.readColumns)) return next;
    if (!resent && storedVersion(current) === expectedVersion) return saveVersioned(context, mapping, entity, expectedVersion, true);
    if (storedVersion(current) !== expectedVersion) {
      throw new ConflictError<T>(mapping.entityName, key, current ? mapping.fromFields(current.fields) : undefined);
    }
    throw unavailable(error, `saving a ${mapping.entityName}`);
  }
}

/** Inserts or replaces an unversioned entity by key. */
export async function upsert<T>(context: WriteContext, mapping: EntityMapping<T>, entity: T, resent = false): Promise<T> {
  const { items } = context;
  const key = mapping.keyOf(entity);
  const fields = mapping.toFields(entity);
  try {
    const known = items.knownItem(mapping.list, key) ?? (await items.findByKey(mapping.list, key, [KEY_COLUMN]));
    if (known) {
      try {
        await items.update(mapping.list, known.id, fields);
        return entity;
      } catch (error) {
        // Deleted meanwhile (by hand or by another instance): create it again below.
        if (statusOf(error) !== 404) throw error;
        items.forget(mapping.list, key);
      }
    }
    await items.create(mapping.list, fields);
    return entity;
  } catch (error) {
    if (statusOf(error) === 409 && !resent) {
      // Created by someone else between our read and our create: replace theirs.
      items.forget(mapping.list, key);
      return upsert(context, mapping, entity, true);
    }
    if (!isNoAnswer(error) || resent) throw unavailable(error, `saving a ${mapping.entityName}`);
    context.logger.warn({ list: mapping.list }, 'no answer to a SharePoint write; checking whether it landed');
    let current: StoredItem | undefined;
    try {
      current = await items.findByKey(mapping.list, key, mapping.readColumns);
    } catch (readError) {
      throw unavailable(readError, `saving a ${mapping.entityName}`);
    }
    if (holds(current, fields, mapping.readColumns)) return entity;
    return upsert(context, mapping, entity, true);
  }
}
