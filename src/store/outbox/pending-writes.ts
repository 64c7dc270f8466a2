/**
 * What the outbox holds, seen from the store's side: the newest queued value of each entity (for
 * read-your-writes), lists with queued writes laid over them, and how far each entity's last save
 * has got towards SharePoint.
 */
import type { OutboxFile, OutboxItem } from './outbox-file';
import { writtenEntities, type EntityKind, type OutboxWrite } from './outbox-writes';

/** A write SharePoint refused on replay, kept for someone to look at. */
export interface HeldWrite {
  readonly seq: number;
  readonly op: OutboxWrite['op'];
  readonly state: 'conflict' | 'failed';
  readonly entities: ReadonlyArray<{ entity: EntityKind; key: string }>;
  readonly reason: string;
}

export interface SyncState {
  /** Writes waiting for SharePoint. */
  readonly pending: number;
  readonly held: readonly HeldWrite[];
}

/** synced: in SharePoint; syncing: saved on the bot, on its way; held: SharePoint refused it, kept for review. */
export type SyncStatus = 'synced' | 'syncing' | 'held';

export interface PendingValue {
  readonly found: boolean;
  readonly value: unknown;
}

export class PendingWrites {
  constructor(private readonly file: OutboxFile) {}

  /** The writes waiting for SharePoint, oldest first. */
  items(): OutboxItem[] {
    return this.file.items().filter((item) => item.state === 'pending');
  }

  count(): number {
    return this.items().length;
  }

  /** The newest queued value of an entity, when a pending write touches it. */
  valueOf(entity: EntityKind, key: string): PendingValue {
    let result: PendingValue = { found: false, value: undefined };
    for (const item of this.items()) {
      for (const written of writtenEntities(item.write)) {
        if (written.entity === entity && written.key === key) result = { found: true, value: written.value };
      }
    }
    return result;
  }

  /** Every queued value of one kind, newest per key (undefined: deleted). */
  ofKind<T>(entity: EntityKind): Map<string, T | undefined> {
    const values = new Map<string, T | undefined>();
    for (const item of this.items()) {
      for (const written of writtenEntities(item.write)) if (written.entity === entity) values.set(written.key, written.value as T | undefined);
    }
    return values;
  }

  /** A list with queued writes laid over it: changed entities replaced in place, new ones added, deleted ones removed. */
  overlay<T>(entity: EntityKind, list: T[], keyOf: (value: T) => string, belongs: (value: T) => boolean): T[] {
    const pending = this.ofKind<T>(entity);
    if (pending.size === 0) return list;
    const seen = new Set<string>();
    const result = list.flatMap((value) => {
      const key = keyOf(value);
      seen.add(key);
      if (!pending.has(key)) return [value];
      const replacement = pending.get(key);
      return replacement !== undefined && belongs(replacement) ? [replacement] : [];
    });
    for (const [key, value] of pending) if (!seen.has(key) && value !== undefined && belongs(value)) result.push(value);
    return result;
  }

  syncState(): SyncState {
    const items = this.file.items();
    return {
      pending: items.filter((item) => item.state === 'pending').length,
      held: items.flatMap((item): HeldWrite[] =>
        item.state === 'pending'
          ? []
          : [
              {
                seq: item.seq,
                op: item.write.op,
                state: item.state,
                entities: writtenEntities(item.write).map(({ entity, key }) => ({ entity, key })),
                reason: item.lastError ?? '',
              },
            ],
      ),
    };
  }

  syncStatus(entity: EntityKind, key: string): SyncStatus {
    const touches = (item: OutboxItem) => writtenEntities(item.write).some((w) => w.entity === entity && w.key === key);
    const items = this.file.items().filter(touches);
    if (items.some((item) => item.state === 'pending')) return 'syncing';
    return items.length > 0 ? 'held' : 'synced';
  }
}
