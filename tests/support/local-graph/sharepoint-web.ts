/**
 * What the local SharePoint REST endpoint holds about the site's permissions: users, site groups
 * and their members, role definitions with their permission bits, the web's role assignments and
 * each list's own assignments once it stops inheriting. Lists themselves are the local Graph
 * site's lists (by title) plus the default "Documents" library.
 * Role definitions and base permissions:
 * https://learn.microsoft.com/en-us/sharepoint/sites/user-permissions-and-permission-levels
 * https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee536458(v=office.15)
 */
import { findList, type SiteState } from './graph-state';

export interface RoleDefinitionState {
  readonly id: number;
  readonly name: string;
  readonly roleTypeKind: number;
  /** The 64-bit base permissions as two unsigned 32-bit words, as SharePoint serialises them. */
  readonly high: number;
  readonly low: number;
}

/** The built-in permission levels (ids as on every SharePoint Online site). */
export const ROLE_DEFINITIONS = {
  'Full Control': { id: 1073741829, name: 'Full Control', roleTypeKind: 5, high: 2147483647, low: 4294967295 },
  Edit: { id: 1073741830, name: 'Edit', roleTypeKind: 6, high: 432, low: 1011030767 },
  Contribute: { id: 1073741827, name: 'Contribute', roleTypeKind: 3, high: 432, low: 1011028719 },
  Read: { id: 1073741826, name: 'Read', roleTypeKind: 2, high: 176, low: 138612833 },
} as const satisfies Record<string, RoleDefinitionState>;

export type RoleName = keyof typeof ROLE_DEFINITIONS;

export interface UserState {
  readonly id: number;
  readonly email: string;
  readonly title: string;
}

export interface GroupState {
  readonly id: number;
  readonly title: string;
  readonly memberIds: number[];
}

/** Principal id -> the role definitions it holds. */
export type Assignments = Map<number, RoleName[]>;

/** What the app's Sites.Selected grant on this site is. */
export type AppSiteRole = 'read' | 'write' | 'fullcontrol';

export const DOCUMENTS_LIBRARY_TITLE = 'Documents';

export class SharePointWeb {
  readonly users: UserState[] = [];
  readonly groups: GroupState[] = [];
  readonly webAssignments: Assignments = new Map();
  /** Lower-cased list title -> its own assignments; absent while the list inherits. */
  private readonly uniqueAssignments = new Map<string, Assignments>();
  readonly associated: { owner: number; member: number; visitor: number };
  appRole: AppSiteRole = 'fullcontrol';
  private nextId = 3;

  constructor(
    private readonly site: SiteState,
    siteTitle = 'TASS',
  ) {
    const owners = this.addGroup(`${siteTitle} Owners`);
    const visitors = this.addGroup(`${siteTitle} Visitors`);
    const members = this.addGroup(`${siteTitle} Members`);
    this.associated = { owner: owners.id, member: members.id, visitor: visitors.id };
    this.webAssignments.set(owners.id, ['Full Control']);
    this.webAssignments.set(members.id, ['Edit']);
    this.webAssignments.set(visitors.id, ['Read']);
  }

  addGroup(title: string): GroupState {
    const group = { id: this.nextId++, title, memberIds: [] };
    this.groups.push(group);
    return group;
  }

  /** A person on the site, optionally in some groups (by id). */
  addUser(email: string, groupIds: readonly number[] = []): UserState {
    const user = { id: this.nextId++, email: email.toLowerCase(), title: email.split('@')[0] };
    this.users.push(user);
    for (const id of groupIds) this.groups.find((group) => group.id === id)?.memberIds.push(user.id);
    return user;
  }

  principal(id: number): { id: number; title: string; principalType: number; loginName: string } | undefined {
    const group = this.groups.find((candidate) => candidate.id === id);
    if (group) return { id, title: group.title, principalType: 8, loginName: group.title };
    const user = this.users.find((candidate) => candidate.id === id);
    return user && { id, title: user.title, principalType: 1, loginName: `i:0#.f|membership|${user.email}` };
  }

  /** The list's real title, or undefined when there is no such list or library. */
  listTitle(title: string): string | undefined {
    if (title.toLowerCase() === DOCUMENTS_LIBRARY_TITLE.toLowerCase()) return DOCUMENTS_LIBRARY_TITLE;
    return findList(this.site, title)?.displayName;
  }

  hasUniqueAssignments(title: string): boolean {
    return this.uniqueAssignments.has(title.toLowerCase());
  }

  /** The assignments that apply to a list: its own, or the web's while it inherits. */
  assignmentsOf(title: string): Assignments {
    return this.uniqueAssignments.get(title.toLowerCase()) ?? this.webAssignments;
  }

  /** breakroleinheritance: a no-op on a list that already has its own permissions. */
  breakInheritance(title: string, copyRoleAssignments: boolean): void {
    if (this.hasUniqueAssignments(title)) return;
    const copied: Assignments = new Map();
    if (copyRoleAssignments) for (const [id, roles] of this.webAssignments) copied.set(id, [...roles]);
    this.uniqueAssignments.set(title.toLowerCase(), copied);
  }

  resetInheritance(title: string): void {
    this.uniqueAssignments.delete(title.toLowerCase());
  }

  /** The base permissions a person holds on a list, through their own and their groups' assignments. */
  effectivePermissions(title: string, email: string): { high: number; low: number } {
    const user = this.users.find((candidate) => candidate.email === email.toLowerCase());
    if (!user) return { high: 0, low: 0 };
    const principalIds = new Set([user.id, ...this.groups.filter((group) => group.memberIds.includes(user.id)).map((group) => group.id)]);
    let high = 0;
    let low = 0;
    for (const [id, roles] of this.assignmentsOf(title)) {
      if (!principalIds.has(id)) continue;
      for (const role of roles) {
        high = (high | ROLE_DEFINITIONS[role].high) >>> 0;
        low = (low | ROLE_DEFINITIONS[role].low) >>> 0;
      }
    }
    return { high, low };
  }

  /** Whether a person can see a list's items (ViewListItems, bit 0 of the low word). */
  canRead(email: string, title: string): boolean {
    return (this.effectivePermissions(title, email).low & 0x1) === 0x1;
  }
}
