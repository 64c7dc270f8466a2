/**
 * Saving a locality report with its priority updates and priorities, all or nothing, in JSON
 * batches. Graph batches are not transactions, so: (1) every item is read first (GETs batched,
 * with whatever else the save needs to read) and any stale version refuses the whole save before
 * anything is written; (2) the writes go as dependsOn chains with If-Match (all-or-nothing.ts),
 * priorities first, then updates, then the report, then any companion writes (the published
 * items of a submission); (3) if a write still fails (someone saved in between), the writes that
 * landed are put back as they were, and the save fails with ConflictError.
 */
import { ConflictError, StoreUnavailableError } from '../errors';
import type { BatchRequest } from './batch';
import { queryRequest, readInBatches, withKey, writeAllOrNothing, WriteRefusedError, type BatchContext, type PlannedWrite } from './all-or-nothing';
import { unavailable } from './graph-failures';
import type { StoredItem } from './list-items';
import type { EntityMapping } from './mapping';
import { KEY_COLUMN, VERSION_COLUMN } from './schema';

export type { BatchContext } from './all-or-nothing';

/** One entity to save, how it maps to its list, and the version the save is based on. */
export interface VersionedWrite<T extends { readonly version: number }> {
  readonly mapping: EntityMapping<T>;
  readonly entity: T;
  readonly expectedVersion: number;
}

type AnyVersionedWrite = VersionedWrite<{ readonly version: number }>;

/**
 * Writes that go with the versioned ones: extra reads sent with theirs, and the writes planned
 * from what those reads found and from the entities as they will be saved.
 */
export interface CompanionWrites {
  readonly reads: readonly BatchRequest[];
  plan(found: readonly StoredItem[][], saved: ReadonlyArray<{ readonly version: number }>): Promise<PlannedWrite[]>;
}

async function conflictOn(context: BatchContext, write: AnyVersionedWrite): Promise<ConflictError> {
  const key = write.mapping.keyOf(write.entity);
  const now = await context.items.findByKey(write.mapping.list, key, write.mapping.readColumns);
  return new ConflictError(write.mapping.entityName, key, now ? write.mapping.fromFields(now.fields) : undefined);
}

/** Saves every write (and companion write) or none; returns the entities as stored, in the order given. */
export async function saveAllOrNothing(
  context: BatchContext,
  writes: readonly AnyVersionedWrite[],
  companion: CompanionWrites = { reads: [], plan: async () => [] },
): Promise<Array<{ readonly version: number }>> {
  let found: StoredItem[][];
  try {
    const lookups: BatchRequest[] = [];
    for (const { mapping, entity } of writes) {
      lookups.push(queryRequest(await context.items.itemsPath(mapping.list), { [KEY_COLUMN]: mapping.keyOf(entity) }, mapping.readColumns));
    }
    found = await readInBatches(context, [...lookups, ...companion.reads]);
  } catch (error) {
    throw unavailable(error, 'reading a report before saving it');
  }
  const plans: PlannedWrite[] = [];
  const saved: Array<{ readonly version: number }> = [];
  const byPlan = new Map<PlannedWrite, AnyVersionedWrite>();
  for (const [index, write] of writes.entries()) {
    const key = write.mapping.keyOf(write.entity);
    const before = withKey(found[index], key);
    if (before) context.items.remember(write.mapping.list, before);
    const storedVersion = before ? Number(before.fields[VERSION_COLUMN] ?? 0) : 0;
    if (storedVersion !== write.expectedVersion) {
      throw new ConflictError(write.mapping.entityName, key, before ? write.mapping.fromFields(before.fields) : undefined);
    }
    const entity = { ...write.entity, version: write.expectedVersion + 1 };
    const plan: PlannedWrite = {
      list: write.mapping.list,
      key,
      itemsPath: await context.items.itemsPath(write.mapping.list),
      before,
      restore: before ? write.mapping.toFields(write.mapping.fromFields(before.fields)) : undefined,
      fields: write.mapping.toFields(entity),
      readColumns: write.mapping.readColumns,
    };
    plans.push(plan);
    saved.push(entity);
    byPlan.set(plan, write);
  }
  plans.push(...(await companion.plan(found.slice(writes.length), saved)));

  try {
    await writeAllOrNothing(context, plans);
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error;
    if (error.status !== 412 && error.status !== 409) {
      throw new StoreUnavailableError(`SharePoint answered ${error.status} while saving a report with its updates`);
    }
    // A companion item changed meanwhile means another save of this report raced ours: report that one.
    throw await conflictOn(context, byPlan.get(error.plan) ?? writes[writes.length - 1]);
  }
  return saved;
}
