/**
 * The rules of the organisation: localities and the officers who serve them. Pure functions:
 * each either returns the changed entity or throws OrganisationRuleError listing every problem,
 * so a command can report them all at once and store nothing.
 */
import { ROLES, type Locality, type Officer, type Role } from './model';

/** Written in report history, `updatedBy` and `submittedBy` in place of a removed officer's id. */
export const FORMER_OFFICER_ID = 'former-officer';

export const LOCALITY_NAME_LENGTH = { min: 2, max: 80 } as const;
export const OFFICER_NAME_LENGTH = { min: 2, max: 120 } as const;

/** One or more organisation rules were broken; `problems` says each in words. */
export class OrganisationRuleError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'OrganisationRuleError';
  }
}

/** Collapses runs of whitespace (non-breaking spaces included) and trims. */
export function tidyName(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Lower case, for comparisons that ignore case. */
const folded = (text: string): string => tidyName(text).toLowerCase();

/**
 * A stable id from a name: "West Lancashire" -> "west-lancashire". When the id is taken, a
 * number is added ("west-lancashire-2") so that it never collides with an existing one.
 */
export function stableIdFrom(name: string, takenIds: Iterable<string>, fallback = 'item'): string {
  const base =
    tidyName(name)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || fallback;
  const taken = new Set([...takenIds].map((id) => id.toLowerCase()));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/** A locality by id or name, ignoring case and spacing. */
export function findLocalityByName(localities: readonly Locality[], text: string): Locality | undefined {
  const wanted = folded(text);
  return localities.find((locality) => locality.id.toLowerCase() === wanted || folded(locality.name) === wanted);
}

/** What is wrong with a locality name; `exceptId` is the locality being renamed. */
export function localityNameProblems(name: string, existing: readonly Locality[], exceptId?: string): string[] {
  const tidy = tidyName(name);
  const problems: string[] = [];
  if (tidy.length < LOCALITY_NAME_LENGTH.min || tidy.length > LOCALITY_NAME_LENGTH.max) {
    problems.push(`a locality name must be ${LOCALITY_NAME_LENGTH.min} to ${LOCALITY_NAME_LENGTH.max} characters long, not ${tidy.length}`);
  }
  const clash = existing.find((locality) => locality.id !== exceptId && folded(locality.name) === tidy.toLowerCase());
  if (clash) problems.push(`there is already a locality called "${clash.name}"`);
  return problems;
}

/** A new locality, last in the county report unless `order` is given. */
export function newLocality(name: string, existing: readonly Locality[], order?: number): Locality {
  const problems = localityNameProblems(name, existing);
  if (order !== undefined && (!Number.isInteger(order) || order < 0)) problems.push(`the order must be a whole number of 0 or more, not ${order}`);
  if (problems.length > 0) throw new OrganisationRuleError(problems);
  const tidy = tidyName(name);
  return {
    id: stableIdFrom(tidy, existing.map((locality) => locality.id), 'locality'),
    name: tidy,
    order: order ?? Math.max(0, ...existing.map((locality) => locality.order)) + 1,
  };
}

/** The locality with its new name; its id stays, so everything that refers to it still does. */
export function renameLocality(locality: Locality, newName: string, existing: readonly Locality[]): Locality {
  const problems = localityNameProblems(newName, existing, locality.id);
  if (problems.length > 0) throw new OrganisationRuleError(problems);
  return { ...locality, name: tidyName(newName) };
}

/** An officer as typed by an admin, before it has an id. */
export interface OfficerDraft {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly localityIds: readonly string[];
  readonly aadObjectId?: string;
}

/** What an officer is checked against: the localities that exist and the other officers. */
export interface OrganisationContext {
  readonly localities: readonly Locality[];
  readonly officers: readonly Officer[];
}

// Deliberately plain: one @, no spaces, a dot in the domain. Mailbox existence is Entra's job.
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problems of an EPO or manager left with no locality. */
export const NEEDS_LOCALITY = {
  epo: 'an EPO must serve at least one locality',
  manager: 'a manager must manage at least one locality',
} as const;

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Roles as typed ("EPO", " manager") in the form they are stored. */
const typedRoles = (roles: readonly string[]): string[] => roles.map((role) => role.trim().toLowerCase());

/** Every broken rule of an officer; `exceptId` is the officer being changed. */
export function officerProblems(draft: OfficerDraft, context: OrganisationContext, exceptId?: string): string[] {
  const problems: string[] = [];
  const name = tidyName(draft.name);
  if (name.length < OFFICER_NAME_LENGTH.min || name.length > OFFICER_NAME_LENGTH.max) {
    problems.push(`a name must be ${OFFICER_NAME_LENGTH.min} to ${OFFICER_NAME_LENGTH.max} characters long`);
  }
  const email = draft.email.trim();
  if (!EMAIL.test(email)) problems.push(`"${email}" is not an email address`);
  const others = context.officers.filter((officer) => officer.id !== exceptId);
  if (others.some((officer) => officer.email.toLowerCase() === email.toLowerCase())) problems.push(`another officer already has the email ${email}`);
  if (draft.aadObjectId !== undefined) {
    if (!GUID.test(draft.aadObjectId)) problems.push(`"${draft.aadObjectId}" is not an Entra object id (a GUID)`);
    else if (others.some((officer) => officer.aadObjectId?.toLowerCase() === draft.aadObjectId?.toLowerCase())) {
      problems.push('another officer already has that Entra object id');
    }
  }
  const roles = typedRoles(draft.roles);
  for (const role of roles.filter((typed) => !isRole(typed))) problems.push(`"${role}" is not a role (roles: ${ROLES.join(', ')})`);
  if (roles.length === 0) problems.push('an officer needs at least one role');
  const known = new Set(context.localities.map((locality) => locality.id));
  for (const id of draft.localityIds) if (!known.has(id)) problems.push(`there is no locality "${id}"`);
  for (const role of ['epo', 'manager'] as const) {
    if (roles.includes(role) && draft.localityIds.length === 0) {
      problems.push(NEEDS_LOCALITY[role]);
    }
  }
  return problems;
}

/** The officer with name and email tidied, and roles and localities each listed once. */
function tidyOfficer(id: string, draft: OfficerDraft): Officer {
  const typed = typedRoles(draft.roles);
  const roles = ROLES.filter((role) => typed.includes(role));
  return {
    id,
    name: tidyName(draft.name),
    email: draft.email.trim(),
    ...(draft.aadObjectId !== undefined ? { aadObjectId: draft.aadObjectId } : {}),
    roles,
    localityIds: [...new Set(draft.localityIds)],
  };
}

/** A new officer with the given id, or OrganisationRuleError listing every broken rule. */
export function newOfficer(id: string, draft: OfficerDraft, context: OrganisationContext): Officer {
  const problems = officerProblems(draft, context);
  if (problems.length > 0) throw new OrganisationRuleError(problems);
  // Teams sends Entra object ids in lower case, and the store matches them exactly.
  return tidyOfficer(id, draft.aadObjectId === undefined ? draft : { ...draft, aadObjectId: draft.aadObjectId.toLowerCase() });
}

/** A change to an officer; every part is optional and applied in the order listed. */
export interface OfficerChange {
  readonly name?: string;
  readonly email?: string;
  readonly addRoles?: readonly string[];
  readonly removeRoles?: readonly string[];
  readonly addLocalityIds?: readonly string[];
  readonly removeLocalityIds?: readonly string[];
}

/** The officer after `change`, or OrganisationRuleError when the result would break a rule. */
export function changeOfficer(officer: Officer, change: OfficerChange, context: OrganisationContext): Officer {
  const problems: string[] = [];
  const removedRoles = new Set(typedRoles(change.removeRoles ?? []));
  for (const role of removedRoles) if (!officer.roles.some((held) => held === role)) problems.push(`${officer.email} does not have the role "${role}"`);
  for (const id of change.removeLocalityIds ?? []) if (!officer.localityIds.includes(id)) problems.push(`${officer.email} is not linked to the locality "${id}"`);
  const removedLocalities = new Set(change.removeLocalityIds ?? []);
  const draft: OfficerDraft = {
    name: change.name ?? officer.name,
    email: change.email ?? officer.email,
    roles: [...officer.roles.filter((role) => !removedRoles.has(role)), ...(change.addRoles ?? [])],
    localityIds: [...officer.localityIds.filter((id) => !removedLocalities.has(id)), ...(change.addLocalityIds ?? [])],
  };
  problems.push(...officerProblems(draft, context, officer.id));
  if (problems.length > 0) throw new OrganisationRuleError(problems);
  // The Entra object id is kept as stored: the bot fills it in from Teams, not an admin.
  return tidyOfficer(officer.id, officer.aadObjectId === undefined ? draft : { ...draft, aadObjectId: officer.aadObjectId });
}
