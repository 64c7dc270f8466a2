/**
 * Adding and changing localities and officers against the store: what `tass locality` and
 * `tass officer` call. The rules are in src/domain/organisation.ts; this module looks names up,
 * checks everything first and writes only when every check has passed.
 */
import { randomUUID } from 'node:crypto';
import type { Locality, Officer, Role } from '../domain/model';
import {
  changeOfficer,
  findLocalityByName,
  newLocality,
  NEEDS_LOCALITY,
  newOfficer,
  OrganisationRuleError,
  renameLocality,
  type OfficerChange,
  type OfficerDraft,
  type OrganisationContext,
} from '../domain/organisation';
import type { ReportStore } from '../store/report-store';

/** A locality or officer that was named is not known. */
export class OrganisationLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrganisationLookupError';
  }
}

/** A fresh officer id. Random rather than made from the name, so ids in logs and history name nobody. */
export function newOfficerId(): string {
  return `officer-${randomUUID()}`;
}

export async function readOrganisation(store: ReportStore): Promise<OrganisationContext> {
  const [localities, officers] = await Promise.all([store.listLocalities(), store.listOfficers()]);
  return { localities, officers };
}

/** Locality names (or ids) to ids; every unknown name is a problem, collected rather than thrown. */
export function localityIdsOf(names: readonly string[], localities: readonly Locality[], problems: string[]): string[] {
  return names.flatMap((name) => {
    const found = findLocalityByName(localities, name);
    if (found) return [found.id];
    problems.push(`there is no locality called "${name.trim()}"`);
    return [];
  });
}

export async function addLocality(store: ReportStore, name: string, order?: number): Promise<Locality> {
  const locality = newLocality(name, await store.listLocalities(), order);
  return store.upsertLocality(locality);
}

export async function renameLocalityCalled(store: ReportStore, oldName: string, newName: string): Promise<Locality> {
  const localities = await store.listLocalities();
  const locality = findLocalityByName(localities, oldName);
  if (!locality) throw new OrganisationLookupError(`there is no locality called "${oldName.trim()}"`);
  return store.upsertLocality(renameLocality(locality, newName, localities));
}

/** An officer as typed: localities by name. */
export interface OfficerInput extends Omit<OfficerDraft, 'localityIds'> {
  readonly localities: readonly string[];
}

/**
 * Runs a rule check after localities were looked up by name: throws every lookup and rule
 * problem together. "Must serve at least one locality" is left out when a locality was named but
 * not found: the unknown name is the problem to fix.
 */
function withLookupProblems<T>(lookupProblems: readonly string[], check: () => T): T {
  let ruleProblems: readonly string[] = [];
  let result: T | undefined;
  try {
    result = check();
  } catch (error) {
    if (!(error instanceof OrganisationRuleError)) throw error;
    ruleProblems = error.problems;
  }
  const noise: readonly string[] = lookupProblems.length > 0 ? Object.values(NEEDS_LOCALITY) : [];
  const problems = [...lookupProblems, ...ruleProblems.filter((problem) => !noise.includes(problem))];
  if (problems.length > 0 || result === undefined) throw new OrganisationRuleError(problems);
  return result;
}

/** Checks an officer typed by an admin against the organisation; returns it, or throws every problem. */
export function checkNewOfficer(input: OfficerInput, context: OrganisationContext, id: string = newOfficerId()): Officer {
  const problems: string[] = [];
  const localityIds = localityIdsOf(input.localities, context.localities, problems);
  return withLookupProblems(problems, () => newOfficer(id, { ...input, localityIds }, context));
}

export async function addOfficer(store: ReportStore, input: OfficerInput): Promise<Officer> {
  return store.upsertOfficer(checkNewOfficer(input, await readOrganisation(store)));
}

export async function officerWithEmail(store: ReportStore, email: string): Promise<Officer> {
  const officer = await store.findOfficerByEmail(email.trim());
  if (!officer) throw new OrganisationLookupError(`no officer has the email ${email.trim()}`);
  return officer;
}

/** A change as typed: localities by name. */
export interface OfficerChangeInput extends Omit<OfficerChange, 'addLocalityIds' | 'removeLocalityIds'> {
  readonly addLocalities?: readonly string[];
  readonly removeLocalities?: readonly string[];
}

export async function updateOfficer(store: ReportStore, email: string, input: OfficerChangeInput): Promise<Officer> {
  const officer = await officerWithEmail(store, email);
  const context = await readOrganisation(store);
  const problems: string[] = [];
  const change: OfficerChange = {
    ...input,
    addLocalityIds: localityIdsOf(input.addLocalities ?? [], context.localities, problems),
    removeLocalityIds: localityIdsOf(input.removeLocalities ?? [], context.localities, problems),
  };
  return store.upsertOfficer(withLookupProblems(problems, () => changeOfficer(officer, change, context)));
}

/** Officers, optionally of one locality (by name) and one role. */
export async function listOfficersWhere(store: ReportStore, filter: { locality?: string; role?: Role }): Promise<{ officers: Officer[]; localities: Locality[] }> {
  const localities = await store.listLocalities();
  let localityId: string | undefined;
  if (filter.locality !== undefined) {
    const found = findLocalityByName(localities, filter.locality);
    if (!found) throw new OrganisationLookupError(`there is no locality called "${filter.locality.trim()}"`);
    localityId = found.id;
  }
  const officers = await store.listOfficers({ ...(localityId ? { localityId } : {}), ...(filter.role ? { role: filter.role } : {}) });
  return { officers, localities };
}
