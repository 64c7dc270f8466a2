/**
 * Reading a SharePoint site's permissions through REST: its associated groups, role assignments
 * with their role definitions, whether a list inherits, and a person's effective permissions.
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee536458(v=office.15) (BasePermissions)
 */
import { z } from 'zod';
import { StoreUnavailableError } from '../errors';
import { odataString, SharePointNotFoundError, type SharePointRest } from './sharepoint-rest';

/** SP.PermissionKind.ViewListItems: bit 0 of the low word. */
const VIEW_LIST_ITEMS_LOW_BIT = 0x1;

const Principal = z.object({ Id: z.number().int(), Title: z.string() });
export type SitePrincipal = z.infer<typeof Principal>;

const BasePermissions = z.object({ High: z.coerce.number(), Low: z.coerce.number() });

const RoleAssignments = z.object({
  value: z.array(
    z.object({
      PrincipalId: z.number().int(),
      Member: Principal,
      RoleDefinitionBindings: z.array(z.object({ Id: z.number().int(), Name: z.string(), BasePermissions })),
    }),
  ),
});

/** Who holds a role on a securable object, and whether that role lets them read list items. */
export interface RoleAssignment {
  readonly principal: SitePrincipal;
  readonly roles: readonly string[];
  readonly canRead: boolean;
}

export interface SiteGroups {
  readonly owners: SitePrincipal;
  readonly members: SitePrincipal;
  readonly visitors: SitePrincipal;
}

/** Reads an answer, or says SharePoint answered in a shape this code does not understand. */
async function answer<T>(schema: z.ZodType<T>, rest: SharePointRest, path: string, doing: string): Promise<T> {
  const parsed = schema.safeParse(await rest.get(path, doing));
  if (!parsed.success) throw new StoreUnavailableError(`SharePoint answered in an unexpected shape while ${doing}`);
  return parsed.data;
}

function allowsViewListItems(permissions: { Low: number }): boolean {
  // Low is an unsigned 32-bit word; & works on it after ToInt32, which keeps bit 0.
  return (permissions.Low & VIEW_LIST_ITEMS_LOW_BIT) === VIEW_LIST_ITEMS_LOW_BIT;
}

/** `web/lists/getbytitle('…')`, with the title escaped for OData. */
export function listPath(title: string): string {
  return `web/lists/getbytitle(${odataString(title)})`;
}

export async function readSiteGroups(rest: SharePointRest): Promise<SiteGroups> {
  const read = (which: 'owner' | 'member' | 'visitor') => answer(Principal, rest, `web/associated${which}group?$select=Id,Title`, `reading the site's ${which}s group`);
  const [owners, members, visitors] = await Promise.all([read('owner'), read('member'), read('visitor')]);
  return { owners, members, visitors };
}

/** The role assignments of the web (`path` = "web") or of a list (`listPath(title)`). */
export async function readRoleAssignments(rest: SharePointRest, path: string, doing: string): Promise<RoleAssignment[]> {
  const body = await answer(RoleAssignments, rest, `${path}/roleassignments?$expand=Member,RoleDefinitionBindings`, doing);
  return body.value.map((assignment) => ({
    principal: assignment.Member,
    roles: assignment.RoleDefinitionBindings.map((binding) => binding.Name),
    canRead: assignment.RoleDefinitionBindings.some((binding) => allowsViewListItems(binding.BasePermissions)),
  }));
}

/** Whether the list has its own permissions; undefined when there is no such list. */
export async function hasUniquePermissions(rest: SharePointRest, title: string): Promise<boolean | undefined> {
  try {
    const body = await answer(z.object({ HasUniqueRoleAssignments: z.boolean() }), rest, `${listPath(title)}?$select=HasUniqueRoleAssignments`, `reading the permissions of "${title}"`);
    return body.HasUniqueRoleAssignments;
  } catch (error) {
    if (error instanceof SharePointNotFoundError) return undefined;
    throw error;
  }
}

/** Whether a person (by sign-in name) can read the items of a list; undefined when there is no such list. */
export async function canPersonRead(rest: SharePointRest, title: string, email: string): Promise<boolean | undefined> {
  const login = encodeURIComponent(`'i:0#.f|membership|${email.replace(/'/g, "''")}'`);
  try {
    const permissions = await answer(BasePermissions, rest, `${listPath(title)}/getusereffectivepermissions(@u)?@u=${login}`, `reading a person's permissions on "${title}"`);
    return allowsViewListItems(permissions);
  } catch (error) {
    if (error instanceof SharePointNotFoundError) return undefined;
    throw error;
  }
}
