/**
 * Reading and writing the items of the TASS lists through Graph, with the item id and eTag of
 * each key remembered so that a save based on the version last seen costs one request.
 * Items: https://learn.microsoft.com/en-us/graph/api/listitem-list, listitem-create, listitem-update
 * Paging: https://learn.microsoft.com/en-us/graph/paging
 */
import type { GraphConnection } from './graph-connection';
import { KEY_COLUMN, LIST_NAMES, type ListKey } from './schema';

/** One list item as the store sees it. */
export interface StoredItem {
  readonly id: string;
  readonly eTag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** What the store last saw of an item: enough to write to it without reading it first. */
export interface KnownItem {
  readonly id: string;
  readonly eTag: string;
  readonly version?: number;
}

/** Graph's largest page of list items. */
export const PAGE_SIZE = 999;

/** A `$filter` string literal: single quotes are doubled, as OData requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

interface ItemJson {
  readonly id: string;
  readonly eTag?: string;
  readonly '@odata.etag'?: string;
  readonly fields?: Record<string, unknown>;
}

/** The items of the TASS lists on one site, for one store instance (its caches are its own). */
export class ListItems {
  private readonly listIds = new Map<ListKey, string>();
  private resolving?: Promise<void>;
  /** Per list, per key: the item id and eTag last seen. */
  private readonly known = new Map<ListKey, Map<string, KnownItem>>();

  constructor(
    private readonly connection: GraphConnection,
    private readonly siteId: string,
  ) {}

  /** The Graph path of a list's items. */
  async itemsPath(list: ListKey): Promise<string> {
    return `/sites/${this.siteId}/lists/${await this.listId(list)}/items`;
  }

  /** Items matching every `column eq value` pair (all of them indexed), following every page. */
  async query(list: ListKey, equals: Readonly<Record<string, string>>, select: readonly string[]): Promise<StoredItem[]> {
    const filter = Object.entries(equals)
      .map(([column, value]) => `fields/${column} eq ${odataString(value)}`)
      .join(' and ');
    const params = [`expand=${encodeURIComponent(`fields(select=${select.join(',')})`)}`, `$top=${PAGE_SIZE}`];
    if (filter) params.push(`$filter=${encodeURIComponent(filter)}`);
    let path: string | undefined = `${await this.itemsPath(list)}?${params.join('&')}`;
    const found: StoredItem[] = [];
    while (path) {
      const page = (await this.connection.client.api(path).get()) as { value: ItemJson[]; '@odata.nextLink'?: string };
      for (const item of page.value) found.push(this.remember(list, toStored(item)));
      path = page['@odata.nextLink'] ? this.connection.relativePath(page['@odata.nextLink']) : undefined;
    }
    return found;
  }

  /** The item with this key, if any. */
  async findByKey(list: ListKey, key: string, select: readonly string[]): Promise<StoredItem | undefined> {
    // SharePoint compares text without regard to case; keys are exact.
    const item = (await this.query(list, { [KEY_COLUMN]: key }, select)).find((candidate) => candidate.fields[KEY_COLUMN] === key);
    if (!item) this.forget(list, key);
    return item;
  }

  async create(list: ListKey, fields: Readonly<Record<string, unknown>>): Promise<StoredItem> {
    const created = (await this.connection.client.api(await this.itemsPath(list)).post({ fields })) as ItemJson;
    return this.remember(list, toStored(created));
  }

  /** PATCH the item's fields; with an eTag, only if the item is still as last seen (else 412). */
  async update(list: ListKey, itemId: string, fields: Readonly<Record<string, unknown>>, eTag?: string): Promise<StoredItem> {
    let request = this.connection.client.api(`${await this.itemsPath(list)}/${itemId}/fields`);
    if (eTag) request = request.header('If-Match', eTag);
    const written = (await request.patch(fields)) as Record<string, unknown>;
    const stored: StoredItem = { id: itemId, eTag: String(written['@odata.etag'] ?? ''), fields: written };
    return this.remember(list, { ...stored, fields: { ...fields, ...written } });
  }

  async remove(list: ListKey, itemId: string, key: string): Promise<void> {
    await this.connection.client.api(`${await this.itemsPath(list)}/${itemId}`).delete();
    this.forget(list, key);
  }

  knownItem(list: ListKey, key: string): KnownItem | undefined {
    return this.known.get(list)?.get(key);
  }

  /** Records what a read or write showed of an item (batch answers come through here too). */
  remember(list: ListKey, item: StoredItem): StoredItem {
    const key = item.fields[KEY_COLUMN];
    if (typeof key === 'string' && item.eTag) {
      const version = typeof item.fields.TassVersion === 'number' ? item.fields.TassVersion : undefined;
      let byKey = this.known.get(list);
      if (!byKey) {
        byKey = new Map();
        this.known.set(list, byKey);
      }
      byKey.set(key, { id: item.id, eTag: item.eTag, version });
    }
    return item;
  }

  forget(list: ListKey, key: string): void {
    this.known.get(list)?.delete(key);
  }

  /** Resolves every TASS list's id by display name, once per store. */
  async listId(list: ListKey): Promise<string> {
    const cached = this.listIds.get(list);
    if (cached) return cached;
    this.resolving ??= this.resolveListIds().finally(() => {
      this.resolving = undefined;
    });
    await this.resolving;
    const id = this.listIds.get(list);
    if (!id) throw new MissingListError(LIST_NAMES[list]);
    return id;
  }

  private async resolveListIds(): Promise<void> {
    let path: string | undefined = `/sites/${this.siteId}/lists?$select=id,displayName&$top=${PAGE_SIZE}`;
    while (path) {
      const page = (await this.connection.client.api(path).get()) as { value: Array<{ id: string; displayName: string }>; '@odata.nextLink'?: string };
      for (const [key, name] of Object.entries(LIST_NAMES) as Array<[ListKey, string]>) {
        const match = page.value.find((candidate) => candidate.displayName === name);
        if (match) this.listIds.set(key, match.id);
      }
      path = page['@odata.nextLink'] ? this.connection.relativePath(page['@odata.nextLink']) : undefined;
    }
  }
}

/** A TASS list is missing from the site: `tass provision` has not been run. */
export class MissingListError extends Error {
  constructor(readonly listName: string) {
    super(`The SharePoint list "${listName}" does not exist on the site; run tass provision`);
    this.name = 'MissingListError';
  }
}

/** A listItem (or a fieldValueSet with its id) as the store keeps it: id, eTag and fields. */
export function toStored(item: ItemJson): StoredItem {
  const fields = item.fields ?? {};
  const eTag = item['@odata.etag'] ?? item.eTag ?? (typeof fields['@odata.etag'] === 'string' ? fields['@odata.etag'] : '');
  return { id: String(item.id), eTag, fields };
}
