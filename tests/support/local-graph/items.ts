/**
 * List items.
 * List: https://learn.microsoft.com/en-us/graph/api/listitem-list (expand=fields(select=...), $filter on fields/X)
 * Get: https://learn.microsoft.com/en-us/graph/api/listitem-get
 * Create: https://learn.microsoft.com/en-us/graph/api/listitem-create (POST { fields: {...} } -> 201 listItem)
 * Update: https://learn.microsoft.com/en-us/graph/api/listitem-update (PATCH .../fields, If-Match -> 412 on mismatch)
 * Delete: https://learn.microsoft.com/en-us/graph/api/listitem-delete (If-Match honoured, 204)
 * Paging: https://learn.microsoft.com/en-us/graph/paging (@odata.nextLink carries $skiptoken)
 * Non-indexed $filter needs `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, else 400:
 * https://learn.microsoft.com/en-us/graph/api/listitem-list#example-3-list-items-with-specific-column-values
 */
import { fieldsOf, FilterSyntaxError, matchesFilter, parseFilter, type FilterNode } from './filter-parser';
import { findColumn, findList, itemETag, type ListItemState, type ListState, type SiteState } from './graph-state';
import { cryptoId, graphError, ok, readJson, type GraphCall, type GraphReply } from './http-io';

/** Graph's default page for list items, and the most `$top` may ask for. */
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 999;
const NON_INDEXED_PREFER = 'honornonindexedquerieswarningmayfailrandomly';

function fieldsJson(list: ListState, item: ListItemState, select?: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    id: String(item.id),
    ID: item.id,
    ContentType: 'Item',
    Created: item.createdDateTime,
    Modified: item.lastModifiedDateTime,
    _UIVersionString: `${item.version}.0`,
    ...item.fields,
  };
  if (!select) return all;
  const picked: Record<string, unknown> = { '@odata.etag': all['@odata.etag'], id: all.id };
  for (const name of select) if (name in all) picked[name] = all[name];
  return picked;
}

function itemJson(site: SiteState, list: ListState, item: ListItemState, fieldSelect: readonly string[] | undefined, withFields: boolean): Record<string, unknown> {
  return {
    '@odata.etag': itemETag(item),
    id: String(item.id),
    eTag: itemETag(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${site.webUrl}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    contentType: { id: '0x0100', name: 'Item' },
    ...(withFields ? { fields: fieldsJson(list, item, fieldSelect) } : {}),
  };
}

/** Reads `expand=fields` / `$expand=fields(select=A,B)`: whether fields come back, and which. */
function readExpand(call: GraphCall): { withFields: boolean; select?: string[] } {
  const expand = call.query.get('$expand') ?? call.query.get('expand');
  if (!expand) return { withFields: false };
  const match = /^fields(?:\((?:\$?select=([^)]*))?\))?$/.exec(expand.trim());
  if (!match) return { withFields: false };
  return { withFields: true, select: match[1] ? match[1].split(',').map((name) => name.trim()).filter(Boolean) : undefined };
}

/** Checks names and types of written fields; a string is the error message. */
function validateFields(list: ListState, fields: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(fields)) {
    const column = findColumn(list, name);
    if (!column) return `Field '${name}' is not recognized`;
    if (column.readOnly) return `Field '${name}' is read-only`;
    if (value === null) continue;
    const kind = column.kind;
    if ((kind === 'text' || kind === 'choice' || kind === 'dateTime') && typeof value !== 'string') return `Field '${name}' expects text`;
    if (kind === 'number' && typeof value !== 'number') return `Field '${name}' expects a number`;
    if (kind === 'boolean' && typeof value !== 'boolean') return `Field '${name}' expects true or false`;
    if (kind === 'text' && column.facet.allowMultipleLines !== true && (value as string).length > 255) return `Field '${name}' is longer than 255 characters`;
    if (kind === 'choice' && column.facet.allowTextEntry !== true && !(column.facet.choices as string[]).includes(value as string)) {
      return `Value '${String(value)}' is not one of the choices of field '${name}'`;
    }
    if (kind === 'dateTime' && Number.isNaN(Date.parse(value as string))) return `Field '${name}' expects a date and time`;
  }
  return undefined;
}

function uniqueViolation(list: ListState, fields: Record<string, unknown>, selfId?: number): string | undefined {
  for (const column of list.columns) {
    if (!column.enforceUniqueValues || fields[column.name] === undefined || fields[column.name] === null) continue;
    for (const other of list.items.values()) {
      if (other.id !== selfId && other.fields[column.name] === fields[column.name]) return column.name;
    }
  }
  return undefined;
}

function duplicateError(columnName: string): GraphReply {
  return graphError(
    409,
    'nameAlreadyExists',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${columnName}].`,
  );
}

function etagMatches(header: string | undefined, item: ListItemState): boolean {
  if (header === undefined || header.trim() === '*') return true;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return strip(header) === strip(itemETag(item));
}

function lookup(site: SiteState, listId: string, itemId?: string): { list?: ListState; item?: ListItemState; error?: GraphReply } {
  const list = findList(site, listId);
  if (!list) return { error: graphError(404, 'itemNotFound', 'The specified list was not found') };
  if (itemId === undefined) return { list };
  const item = list.items.get(Number(itemId));
  if (!item) return { list, error: graphError(404, 'itemNotFound', 'The specified item was not found') };
  return { list, item };
}

/** `maxPageSize`: the server may answer fewer items than `$top` asks for, as Graph may. */
export function listItems(site: SiteState, listId: string, call: GraphCall, selfUrl: string, maxPageSize = MAX_PAGE_SIZE): GraphReply {
  const { list, error } = lookup(site, listId);
  if (!list) return error as GraphReply;
  let filter: FilterNode | undefined;
  const filterText = call.query.get('$filter') ?? call.query.get('filter');
  if (filterText) {
    try {
      filter = parseFilter(filterText);
    } catch (problem) {
      return graphError(400, 'invalidRequest', problem instanceof FilterSyntaxError ? `Invalid filter clause: ${problem.message}` : 'Invalid filter clause');
    }
    const honourAnyway = (call.headers.prefer ?? '').toLowerCase().includes(NON_INDEXED_PREFER);
    for (const name of fieldsOf(filter)) {
      const column = findColumn(list, name);
      if (!column) return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (!column.indexed && !honourAnyway) {
        return graphError(
          400,
          'invalidRequest',
          `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
    }
  }
  const topText = call.query.get('$top') ?? call.query.get('top');
  const top = topText === null ? DEFAULT_PAGE_SIZE : Number(topText);
  if (!Number.isInteger(top) || top < 1) return graphError(400, 'invalidRequest', `Invalid $top value '${topText}'`);
  const pageSize = Math.min(top, MAX_PAGE_SIZE, maxPageSize);
  const afterId = readSkipToken(call.query.get('$skiptoken'));
  const { withFields, select } = readExpand(call);

  const matching = [...list.items.values()]
    .filter((item) => item.id > afterId)
    .filter((item) => !filter || matchesFilter(filter, fieldsJson(list, item)))
    .sort((a, b) => a.id - b.id);
  const page = matching.slice(0, pageSize);
  const body: Record<string, unknown> = { value: page.map((item) => itemJson(site, list, item, select, withFields)) };
  if (matching.length > pageSize) {
    const next = new URLSearchParams(call.query);
    next.set('$skiptoken', Buffer.from(`Paged=TRUE&p_ID=${page[page.length - 1].id}`).toString('base64'));
    body['@odata.nextLink'] = `${selfUrl}?${next.toString().replace(/\+/g, '%20')}`;
  }
  return ok(body);
}

/** SharePoint's skip token is base64 of "Paged=TRUE&p_ID=<last id>". */
function readSkipToken(token: string | null): number {
  if (!token) return 0;
  const match = /p_ID=(\d+)/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : 0;
}

export function getItem(site: SiteState, listId: string, itemId: string, call: GraphCall): GraphReply {
  const { list, item, error } = lookup(site, listId, itemId);
  if (error || !list || !item) return error as GraphReply;
  const { withFields, select } = readExpand(call);
  return ok(itemJson(site, list, item, select, withFields));
}

export function getItemFields(site: SiteState, listId: string, itemId: string): GraphReply {
  const { list, item, error } = lookup(site, listId, itemId);
  if (error || !list || !item) return error as GraphReply;
  return ok(fieldsJson(list, item));
}

export function createItem(site: SiteState, listId: string, call: GraphCall): GraphReply {
  const { list, error } = lookup(site, listId);
  if (!list) return error as GraphReply;
  const body = readJson(call);
  const fields = body?.fields;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return graphError(400, 'invalidRequest', 'A listItem needs fields.');
  const written = fields as Record<string, unknown>;
  const problem = validateFields(list, written);
  if (problem) return graphError(400, 'invalidRequest', problem);
  const duplicate = uniqueViolation(list, written);
  if (duplicate) return duplicateError(duplicate);
  const now = new Date().toISOString();
  const item: ListItemState = {
    id: list.nextItemId,
    guid: cryptoId(),
    version: 1,
    fields: { ...written },
    createdDateTime: now,
    lastModifiedDateTime: now,
  };
  list.nextItemId += 1;
  list.items.set(item.id, item);
  return ok(itemJson(site, list, item, undefined, true), 201);
}

export function updateItemFields(site: SiteState, listId: string, itemId: string, call: GraphCall): GraphReply {
  const { list, item, error } = lookup(site, listId, itemId);
  if (error || !list || !item) return error as GraphReply;
  if (!etagMatches(call.headers['if-match'], item)) {
    return graphError(412, 'resourceModified', 'The request ETag value does not match the object\'s ETag value');
  }
  const written = readJson(call);
  if (!written) return graphError(400, 'invalidRequest', 'A fieldValueSet body is required.');
  const problem = validateFields(list, written);
  if (problem) return graphError(400, 'invalidRequest', problem);
  const duplicate = uniqueViolation(list, written, item.id);
  if (duplicate) return duplicateError(duplicate);
  item.fields = { ...item.fields, ...written };
  item.version += 1;
  item.lastModifiedDateTime = new Date().toISOString();
  return ok(fieldsJson(list, item));
}

export function deleteItem(site: SiteState, listId: string, itemId: string, call: GraphCall): GraphReply {
  const { list, item, error } = lookup(site, listId, itemId);
  if (error || !list || !item) return error as GraphReply;
  if (!etagMatches(call.headers['if-match'], item)) {
    return graphError(412, 'resourceModified', 'The request ETag value does not match the object\'s ETag value');
  }
  list.items.delete(item.id);
  return { status: 204 };
}
