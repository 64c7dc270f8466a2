/**
 * The SharePoint REST endpoints `tass provision` uses for list permissions, below the site's
 * webUrl at `/_api/`. JSON light (`odata=nometadata`); errors in the `odata.error` envelope.
 * - Associated groups: GET web/associatedownergroup, associatedmembergroup, associatedvisitorgroup
 *   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/jj245813(v=office.15)
 * - Lists by title, HasUniqueRoleAssignments: GET web/lists/getbytitle('…')
 *   https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * - breakroleinheritance, roleassignments (+$expand=Member,RoleDefinitionBindings), getbyprincipalid(N) DELETE
 *   https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface
 * - getusereffectivepermissions(@u)?@u='i:0#.f|membership|…'
 *   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/jj245943(v=office.15)
 * - Sites.Selected: managing or reading permissions needs the fullcontrol role; an app with read
 *   or write gets 403 Access denied.
 *   https://learn.microsoft.com/en-us/graph/api/site-post-permissions
 */
import type { GraphReply } from './http-io';
import { ROLE_DEFINITIONS, type Assignments, type SharePointWeb } from './sharepoint-web';

export interface RestCall {
  readonly method: string;
  /** Decoded path after `/_api/`, e.g. "web/lists/getbytitle('TASS Officers')/roleassignments". */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

const NOMETADATA = { 'Content-Type': 'application/json;odata=nometadata;streaming=true;charset=utf-8' };

export function restError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphReply {
  return { status, headers: { ...NOMETADATA, ...headers }, json: { 'odata.error': { code, message: { lang: 'en-US', value: message } } } };
}

const ok = (json: unknown): GraphReply => ({ status: 200, headers: NOMETADATA, json });

const accessDenied = (): GraphReply => restError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');

function groupJson(web: SharePointWeb, id: number): Record<string, unknown> {
  const principal = web.principal(id);
  return { Id: id, Title: principal?.title, LoginName: principal?.loginName, PrincipalType: 8, OnlyAllowMembersViewMembership: false };
}

function roleAssignmentsJson(web: SharePointWeb, assignments: Assignments, expand: string): Record<string, unknown> {
  const expanded = expand.split(',').map((part) => part.trim().toLowerCase());
  return {
    value: [...assignments].map(([id, roles]) => {
      const principal = web.principal(id);
      return {
        PrincipalId: id,
        ...(expanded.includes('member') ? { Member: { Id: id, Title: principal?.title, LoginName: principal?.loginName, PrincipalType: principal?.principalType } } : {}),
        ...(expanded.includes('roledefinitionbindings')
          ? {
              RoleDefinitionBindings: roles.map((role) => {
                const definition = ROLE_DEFINITIONS[role];
                return { Id: definition.id, Name: definition.name, RoleTypeKind: definition.roleTypeKind, Hidden: false, BasePermissions: { High: String(definition.high), Low: String(definition.low) } };
              }),
            }
          : {}),
      };
    }),
  };
}

const LIST = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(?:\/(.*))?$/i;

/** Serves one REST call for an app whose token the server has already accepted. */
export function serveSharePointRest(web: SharePointWeb, call: RestCall): GraphReply {
  const method = (call.headers['x-http-method'] ?? call.method).toUpperCase();
  const manages = web.appRole === 'fullcontrol';
  const group = /^web\/associated(owner|member|visitor)group$/i.exec(call.path);
  if (group && method === 'GET') return ok(groupJson(web, web.associated[group[1].toLowerCase() as 'owner' | 'member' | 'visitor']));
  if (/^web\/roleassignments$/i.test(call.path) && method === 'GET') {
    return manages ? ok(roleAssignmentsJson(web, web.webAssignments, call.query.get('$expand') ?? '')) : accessDenied();
  }
  const list = LIST.exec(call.path);
  if (!list) return restError(404, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The endpoint '${call.path}' is not supported by this local server.`);
  const asked = list[1].replace(/''/g, "'");
  const title = web.listTitle(asked);
  if (!title) {
    return restError(404, '-1, System.ArgumentException', `List '${asked}' does not exist at site with URL '${'/sites/tass'}'.`);
  }
  const rest = list[2] ?? '';
  if (rest === '' && method === 'GET') return ok({ Title: title, HasUniqueRoleAssignments: web.hasUniqueAssignments(title) });
  const breaking = /^breakroleinheritance\(copyroleassignments=(true|false),clearsubscopes=(true|false)\)$/i.exec(rest);
  if (breaking && method === 'POST') {
    if (!manages) return accessDenied();
    web.breakInheritance(title, breaking[1].toLowerCase() === 'true');
    return ok({ 'odata.null': true });
  }
  if (/^roleassignments$/i.test(rest) && method === 'GET') {
    return manages ? ok(roleAssignmentsJson(web, web.assignmentsOf(title), call.query.get('$expand') ?? '')) : accessDenied();
  }
  const principal = /^roleassignments\/getbyprincipalid\((\d+)\)$/i.exec(rest);
  if (principal && method === 'DELETE') {
    if (!manages) return accessDenied();
    if (!web.hasUniqueAssignments(title)) {
      return restError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
    }
    const id = Number(principal[1]);
    const assignments = web.assignmentsOf(title);
    if (!assignments.has(id)) return restError(404, '-2146232832, Microsoft.SharePoint.SPException', `Can not find the principal with id: ${id}.`);
    assignments.delete(id);
    return ok({ 'odata.null': true });
  }
  if (/^getusereffectivepermissions\(@u\)$/i.test(rest) && method === 'GET') {
    if (!manages) return accessDenied();
    const login = /^'i:0#\.f\|membership\|(.+)'$/.exec(call.query.get('@u') ?? '');
    if (!login) return restError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The expression "@u" is not valid.');
    const permissions = web.effectivePermissions(title, login[1].replace(/''/g, "'"));
    return ok({ High: String(permissions.high), Low: String(permissions.low) });
  }
  return restError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `${method} is not supported on ${call.path}`);
}
