/**
 * The newest version of each priority, update and locality report this bot has stored in
 * SharePoint itself. A read answered from before a write (the last good answer, during an
 * outage) would otherwise show an older version than SharePoint holds, and a save based on it
 * would be refused on replay. Versions only go up, so an answer with an older version than one
 * stored here is out of date whatever its source, and the stored value is laid over it.
 */
import { writtenEntities, type EntityKind, type OutboxWrite } from './outbox-writes';

type VersionedKind = Extract<EntityKind, 'priority' | 'priorityUpdate' | 'localityReport'>;
const VERSIONED: ReadonlySet<EntityKind> = new Set<VersionedKind>(['priority', 'priorityUpdate', 'localityReport']);

interface Versioned {
  readonly version: number;
}

export class StoredVersions {
  private readonly values = new Map<EntityKind, Map<string, Versioned>>();

  /** Remembers what a write that SharePoint accepted left behind. */
  remember(write: OutboxWrite): void {
    for (const written of writtenEntities(write)) {
      if (!VERSIONED.has(written.entity) || written.value === undefined) continue;
      const value = written.value as Versioned;
      const ofKind = this.values.get(written.entity) ?? new Map<string, Versioned>();
      const known = ofKind.get(written.key);
      if (!known || known.version < value.version) ofKind.set(written.key, value);
      this.values.set(written.entity, ofKind);
    }
  }

  /** One entity as read, or the newer version this bot stored. */
  newest<T extends Versioned>(entity: VersionedKind, key: string, read: T | undefined): T | undefined {
    const stored = this.values.get(entity)?.get(key) as T | undefined;
    return stored && (!read || read.version < stored.version) ? stored : read;
  }

  /** A list as read, with what this bot stored since laid over it: older versions replaced in place, missing ones added. */
  overlay<T extends Versioned>(entity: VersionedKind, list: T[], keyOf: (value: T) => string, belongs: (value: T) => boolean): T[] {
    const stored = this.values.get(entity) as Map<string, T> | undefined;
    if (!stored || stored.size === 0) return list;
    const seen = new Set<string>();
    const result = list.flatMap((value) => {
      const key = keyOf(value);
      seen.add(key);
      const newer = stored.get(key);
      if (!newer || newer.version <= value.version) return [value];
      return belongs(newer) ? [newer] : [];
    });
    for (const [key, value] of stored) if (!seen.has(key) && belongs(value)) result.push(value);
    return result;
  }

  forget(): void {
    this.values.clear();
  }
}
