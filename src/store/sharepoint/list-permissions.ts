/**
 * Keeps drafts out of partners' sight: every working TASS list stops inheriting the site's
 * permissions and keeps only the site's Owners and Members groups, while the partner-readable
 * lists and the documents library keep the site's permissions, so the Visitors group (partners)
 * reads what has been published. Idempotent: a second run finds nothing to change.
 * Break inheritance and remove assignments:
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface
 */
import { LIST_NAMES, PARTNER_READABLE_LISTS as PARTNER_LISTS } from './schema';
import type { SharePointRest } from './sharepoint-rest';
import { hasUniquePermissions, listPath, readRoleAssignments, readSiteGroups, type RoleAssignment, type SiteGroups, type SitePrincipal } from './site-permissions';

/** The TASS lists partners may read; they keep the site's permissions. */
export const PARTNER_READABLE_LISTS: readonly string[] = PARTNER_LISTS;

/** The site's default document library, where compiled reports are filed; partners read it. */
export const DOCUMENTS_LIBRARY = 'Documents';

/** Every other TASS list holds drafts or the bot's working records. */
export const WORKING_LISTS: readonly string[] = Object.values(LIST_NAMES).filter((name) => !PARTNER_READABLE_LISTS.includes(name));

export type PermissionStep =
  | { readonly action: 'stop inheriting'; readonly list: string }
  | { readonly action: 'remove access'; readonly list: string; readonly principal: SitePrincipal };

/** Who can read one list once the plan is applied. */
export interface ListReaders {
  readonly list: string;
  readonly readers: readonly SitePrincipal[];
}

export interface PermissionPlan {
  readonly groups: SiteGroups;
  readonly steps: readonly PermissionStep[];
  /** Working lists already locked down. */
  readonly unchanged: readonly string[];
  /** Things an admin should look at, e.g. a partner-readable list with its own permissions. */
  readonly warnings: readonly string[];
  /** After the plan: who can read each TASS list and the documents library. */
  readonly readers: readonly ListReaders[];
}

const keeps = (groups: SiteGroups, principal: SitePrincipal): boolean => principal.Id === groups.owners.Id || principal.Id === groups.members.Id;

const readersOf = (assignments: readonly RoleAssignment[]): SitePrincipal[] => assignments.filter((assignment) => assignment.canRead).map((assignment) => assignment.principal);

/** Reads the site and works out what to change; changes nothing. */
export async function planListPermissions(rest: SharePointRest): Promise<PermissionPlan> {
  const groups = await readSiteGroups(rest);
  const webAssignments = await readRoleAssignments(rest, 'web', "reading the site's permissions");
  const steps: PermissionStep[] = [];
  const unchanged: string[] = [];
  const warnings: string[] = [];
  const readers: ListReaders[] = [];

  for (const list of WORKING_LISTS) {
    const unique = await hasUniquePermissions(rest, list);
    // A list not created yet (dry run before provisioning) will inherit the site's permissions.
    const current = unique === true ? await readRoleAssignments(rest, listPath(list), `reading the permissions of "${list}"`) : webAssignments;
    const before = steps.length;
    if (unique !== true) steps.push({ action: 'stop inheriting', list });
    for (const assignment of current) {
      if (!keeps(groups, assignment.principal)) steps.push({ action: 'remove access', list, principal: assignment.principal });
    }
    if (steps.length === before) unchanged.push(list);
    readers.push({ list, readers: readersOf(current.filter((assignment) => keeps(groups, assignment.principal))) });
  }

  for (const list of [...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY]) {
    const unique = await hasUniquePermissions(rest, list);
    if (unique === undefined) continue;
    if (unique) {
      warnings.push(`"${list}" has its own permissions, not the site's: partners in ${groups.visitors.Title} might not see it`);
      readers.push({ list, readers: readersOf(await readRoleAssignments(rest, listPath(list), `reading the permissions of "${list}"`)) });
    } else {
      readers.push({ list, readers: readersOf(webAssignments) });
    }
  }
  return { groups, steps, unchanged, warnings, readers };
}

/** Carries out a plan in order, calling `onStep` after each change. */
export async function applyListPermissions(rest: SharePointRest, plan: PermissionPlan, onStep: (step: PermissionStep) => void = () => undefined): Promise<void> {
  for (const step of plan.steps) {
    if (step.action === 'stop inheriting') {
      // Copy the site's assignments so Owners and Members keep theirs; clear item-level ones too.
      await rest.post(`${listPath(step.list)}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`, `locking "${step.list}"`);
    } else {
      await rest.delete(`${listPath(step.list)}/roleassignments/getbyprincipalid(${step.principal.Id})`, `removing ${step.principal.Title} from "${step.list}"`);
    }
    onStep(step);
  }
}

/** One line per step, for people. */
export function describePermissionStep(step: PermissionStep): string {
  return step.action === 'stop inheriting'
    ? `stop "${step.list}" inheriting the site's permissions`
    : `remove ${step.principal.Title} from "${step.list}"`;
}

/** "Visitors (partners) can read: …" lines, one per principal who can read anything. */
export function describeReaders(plan: PermissionPlan): string[] {
  const { owners, members, visitors } = plan.groups;
  const principals = new Map<number, SitePrincipal>();
  for (const entry of plan.readers) for (const reader of entry.readers) principals.set(reader.Id, reader);
  const label = (principal: SitePrincipal): string =>
    principal.Id === owners.Id ? `${principal.Title} (owners)` : principal.Id === members.Id ? `${principal.Title} (members)` : principal.Id === visitors.Id ? `${principal.Title} (partners)` : principal.Title;
  const order = (principal: SitePrincipal): number => [owners.Id, members.Id, visitors.Id].indexOf(principal.Id) >>> 0;
  const lines = [...principals.values()]
    .sort((a, b) => order(a) - order(b))
    .map((principal) => {
      const lists = plan.readers.filter((entry) => entry.readers.some((reader) => reader.Id === principal.Id)).map((entry) => entry.list);
      const everything = lists.length === plan.readers.length;
      return `${label(principal)} can read: ${everything ? `every TASS list${lists.includes(DOCUMENTS_LIBRARY) ? ` and ${DOCUMENTS_LIBRARY}` : ''}` : lists.join(', ')}`;
    });
  if (!principals.has(visitors.Id)) lines.push(`${label(visitors)} can read: none of the TASS lists`);
  return lines;
}
