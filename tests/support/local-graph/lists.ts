/**
 * Sites, lists and columns.
 * Site: https://learn.microsoft.com/en-us/graph/api/site-get
 * Lists: https://learn.microsoft.com/en-us/graph/api/list-list, https://learn.microsoft.com/en-us/graph/api/list-get,
 *        https://learn.microsoft.com/en-us/graph/api/list-create
 * Columns: https://learn.microsoft.com/en-us/graph/api/list-list-columns, https://learn.microsoft.com/en-us/graph/api/list-post-columns,
 *          https://learn.microsoft.com/en-us/graph/api/columndefinition-update,
 *          https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 */
import { builtInColumns, findList, type ColumnKind, type ColumnState, type ListState, type SiteState } from './graph-state';
import { cryptoId, graphError, ok, readJson, type GraphCall, type GraphReply } from './http-io';

const KINDS: readonly ColumnKind[] = ['text', 'number', 'choice', 'dateTime', 'boolean'];

export function siteJson(site: SiteState): Record<string, unknown> {
  return {
    id: site.id,
    displayName: site.displayName,
    name: 'tass',
    webUrl: site.webUrl,
    createdDateTime: '2024-09-01T08:00:00Z',
  };
}

export function columnJson(column: ColumnState): Record<string, unknown> {
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    description: column.description,
    columnGroup: column.readOnly ? '_Hidden' : 'Custom Columns',
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    indexed: column.indexed,
    readOnly: column.readOnly,
    required: column.required,
    [column.kind]: column.facet,
  };
}

export function listJson(site: SiteState, list: ListState, withColumns: boolean): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},1"`,
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.createdDateTime,
    lastModifiedDateTime: list.createdDateTime,
    webUrl: `${site.webUrl}/Lists/${encodeURIComponent(list.name)}`,
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

/** Reads a columnDefinition body; a string is an error message. */
function columnFromBody(body: Record<string, unknown>): ColumnState | string {
  const name = body.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'A column needs a name of letters, digits and underscores.';
  const kinds = KINDS.filter((kind) => body[kind] !== undefined);
  if (kinds.length !== 1) return `Column '${name}' needs exactly one type facet (text, number, choice, dateTime or boolean).`;
  const kind = kinds[0];
  const facet = body[kind];
  if (facet === null || typeof facet !== 'object') return `The ${kind} facet of '${name}' must be an object.`;
  if (kind === 'choice') {
    const choices = (facet as Record<string, unknown>).choices;
    if (!Array.isArray(choices) || choices.some((choice) => typeof choice !== 'string')) return `Choice column '${name}' needs a list of choices.`;
  }
  const indexed = body.indexed === true;
  const enforceUniqueValues = body.enforceUniqueValues === true;
  if (enforceUniqueValues && !indexed) return `Column '${name}' must be indexed to enforce unique values.`;
  return {
    id: cryptoId(),
    name,
    displayName: typeof body.displayName === 'string' ? body.displayName : name,
    description: typeof body.description === 'string' ? body.description : '',
    kind,
    facet: { ...(facet as Record<string, unknown>) },
    indexed,
    enforceUniqueValues,
    required: body.required === true,
    hidden: body.hidden === true,
    readOnly: false,
  };
}

function addColumn(list: ListState, body: Record<string, unknown>): ColumnState | GraphReply {
  const column = columnFromBody(body);
  if (typeof column === 'string') return graphError(400, 'invalidRequest', column);
  if (list.columns.some((existing) => existing.name.toLowerCase() === column.name.toLowerCase())) {
    return graphError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
  }
  list.columns.push(column);
  return column;
}

export function getSite(site: SiteState, siteId: string): GraphReply {
  if (siteId !== site.id) return graphError(404, 'itemNotFound', 'Requested site could not be found');
  return ok(siteJson(site));
}

export function listLists(site: SiteState): GraphReply {
  return ok({ '@odata.context': 'lists', value: site.lists.map((list) => listJson(site, list, false)) });
}

export function getList(site: SiteState, listId: string, call: GraphCall): GraphReply {
  const list = findList(site, listId);
  if (!list) return graphError(404, 'itemNotFound', 'The specified list was not found');
  const expand = call.query.get('$expand') ?? call.query.get('expand') ?? '';
  return ok(listJson(site, list, expand.split(',').includes('columns')));
}

export function createList(site: SiteState, call: GraphCall): GraphReply {
  const body = readJson(call);
  if (!body || typeof body.displayName !== 'string' || body.displayName.trim() === '') {
    return graphError(400, 'invalidRequest', 'A list needs a displayName.');
  }
  const displayName = body.displayName.trim();
  if (findList(site, displayName)) {
    return graphError(
      409,
      'nameAlreadyExists',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
  const listFacet = (body.list ?? {}) as Record<string, unknown>;
  const list: ListState = {
    id: cryptoId(),
    name: displayName,
    displayName,
    description: typeof body.description === 'string' ? body.description : '',
    template: typeof listFacet.template === 'string' ? listFacet.template : 'genericList',
    columns: builtInColumns(),
    items: new Map(),
    nextItemId: 1,
    createdDateTime: new Date().toISOString(),
  };
  for (const definition of Array.isArray(body.columns) ? body.columns : []) {
    const added = addColumn(list, definition as Record<string, unknown>);
    if ('status' in added) return added;
  }
  site.lists.push(list);
  return ok(listJson(site, list, true), 201);
}

export function listColumns(site: SiteState, listId: string): GraphReply {
  const list = findList(site, listId);
  if (!list) return graphError(404, 'itemNotFound', 'The specified list was not found');
  return ok({ value: list.columns.map(columnJson) });
}

export function createColumn(site: SiteState, listId: string, call: GraphCall): GraphReply {
  const list = findList(site, listId);
  if (!list) return graphError(404, 'itemNotFound', 'The specified list was not found');
  const body = readJson(call);
  if (!body) return graphError(400, 'invalidRequest', 'A columnDefinition body is required.');
  const added = addColumn(list, body);
  return 'status' in added ? added : ok(columnJson(added), 201);
}

/** PATCH a column: display name, description, index and uniqueness flags, and the type facet. */
export function updateColumn(site: SiteState, listId: string, columnId: string, call: GraphCall): GraphReply {
  const list = findList(site, listId);
  const column = list?.columns.find((candidate) => candidate.id === columnId || candidate.name === columnId);
  if (!list || !column) return graphError(404, 'itemNotFound', 'The specified column was not found');
  if (column.readOnly) return graphError(400, 'invalidRequest', `Column '${column.name}' is read-only.`);
  const body = readJson(call) ?? {};
  const indexed = typeof body.indexed === 'boolean' ? body.indexed : column.indexed;
  const unique = typeof body.enforceUniqueValues === 'boolean' ? body.enforceUniqueValues : column.enforceUniqueValues;
  if (unique && !indexed) return graphError(400, 'invalidRequest', `Column '${column.name}' must be indexed to enforce unique values.`);
  if (typeof body.displayName === 'string') column.displayName = body.displayName;
  if (typeof body.description === 'string') column.description = body.description;
  column.indexed = indexed;
  column.enforceUniqueValues = unique;
  if (typeof body.required === 'boolean') column.required = body.required;
  const facet = body[column.kind];
  if (facet !== null && typeof facet === 'object') column.facet = { ...column.facet, ...(facet as Record<string, unknown>) };
  return ok(columnJson(column));
}
