/** Maps a Graph path (after /v1.0) to its handler. One table, one job. */
import { createUploadSession, putSmallFile } from './drive';
import type { SiteState } from './graph-state';
import { graphError, type GraphCall, type GraphReply } from './http-io';
import { createItem, deleteItem, getItem, getItemFields, listItems, updateItemFields } from './items';
import { createColumn, createList, getList, getSite, listColumns, listLists, updateColumn } from './lists';

export interface RouteContext {
  readonly site: SiteState;
  /** e.g. "http://127.0.0.1:1234/v1.0", for @odata.nextLink. */
  readonly versionBase: string;
  /** Where upload sessions receive their fragments. */
  readonly uploadBase: string;
  /** The most items one page of list items holds. */
  readonly maxPageSize: number;
}

type Handler = (call: GraphCall, params: string[], context: RouteContext) => GraphReply;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

const SITE = '/sites/([^/]+)';
const LIST = `${SITE}/lists/([^/]+)`;

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: new RegExp(`^${SITE}$`), handler: (_call, [site], { site: state }) => getSite(state, site) },
  { method: 'GET', pattern: new RegExp(`^${SITE}/lists$`), handler: (_call, _params, { site }) => listLists(site) },
  { method: 'POST', pattern: new RegExp(`^${SITE}/lists$`), handler: (call, _params, { site }) => createList(site, call) },
  { method: 'GET', pattern: new RegExp(`^${LIST}$`), handler: (call, [, list], { site }) => getList(site, list, call) },
  { method: 'GET', pattern: new RegExp(`^${LIST}/columns$`), handler: (_call, [, list], { site }) => listColumns(site, list) },
  { method: 'POST', pattern: new RegExp(`^${LIST}/columns$`), handler: (call, [, list], { site }) => createColumn(site, list, call) },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${LIST}/columns/([^/]+)$`),
    handler: (call, [, list, column], { site }) => updateColumn(site, list, column, call),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${LIST}/items$`),
    handler: (call, [siteId, list], { site, versionBase, maxPageSize }) =>
      listItems(site, list, call, `${versionBase}/sites/${siteId}/lists/${encodeURIComponent(list)}/items`, maxPageSize),
  },
  { method: 'POST', pattern: new RegExp(`^${LIST}/items$`), handler: (call, [, list], { site }) => createItem(site, list, call) },
  { method: 'GET', pattern: new RegExp(`^${LIST}/items/(\\d+)$`), handler: (call, [, list, item], { site }) => getItem(site, list, item, call) },
  { method: 'DELETE', pattern: new RegExp(`^${LIST}/items/(\\d+)$`), handler: (call, [, list, item], { site }) => deleteItem(site, list, item, call) },
  { method: 'GET', pattern: new RegExp(`^${LIST}/items/(\\d+)/fields$`), handler: (_call, [, list, item], { site }) => getItemFields(site, list, item) },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${LIST}/items/(\\d+)/fields$`),
    handler: (call, [, list, item], { site }) => updateItemFields(site, list, item, call),
  },
  { method: 'PUT', pattern: new RegExp(`^${SITE}/drive/root:/(.+):/content$`), handler: (call, [, path], { site }) => putSmallFile(site, path, call) },
  {
    method: 'POST',
    pattern: new RegExp(`^${SITE}/drive/root:/(.+):/createUploadSession$`),
    handler: (call, [, path], { site, uploadBase }) => createUploadSession(site, path, call, uploadBase),
  },
];

/** Serves one Graph call (not `$batch`, which wraps this). */
export function routeGraphCall(call: GraphCall, context: RouteContext): GraphReply {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(call.path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== call.method) continue;
    const params = match.slice(1);
    if (call.path.startsWith('/sites/') && params[0] !== context.site.id) {
      return graphError(404, 'itemNotFound', 'Requested site could not be found');
    }
    return route.handler(call, params, context);
  }
  if (pathMatched) return graphError(405, 'Request_BadRequest', `${call.method} is not supported on ${call.path}`);
  return graphError(400, 'BadRequest', `Resource not found for the segment '${call.path.split('/').pop() ?? ''}'.`);
}
