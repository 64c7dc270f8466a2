/**
 * Setting, listing and ending cover for absence against the store: what `tass cover` and the
 * managers' cover card both call. The rules themselves are in src/domain/cover.ts.
 */
import { randomUUID } from 'node:crypto';
import { COVER_PROBLEMS, coverProblems, coverStatus, endCover, type CoverDate, type CoverStatus } from '../domain/cover';
import type { CoverAssignment, Locality, Officer } from '../domain/model';
import type { ReportStore } from '../store/report-store';

/** A cover could not be set; `problems` says everything that is wrong, in words. */
export class CoverRejectedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The cover cannot be set: ${problems.join('; ')}`);
    this.name = 'CoverRejectedError';
  }
}

/** A locality or officer named on the command line or a card is not known, or is ambiguous. */
export class CoverLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoverLookupError';
  }
}

export class CoverNotFoundError extends Error {
  constructor(readonly coverId: string) {
    super(`There is no cover with id ${coverId}`);
    this.name = 'CoverNotFoundError';
  }
}

/** An officer by email, Entra object id, officer id or full name (case-insensitive). */
export async function findOfficer(store: ReportStore, text: string): Promise<Officer> {
  const wanted = text.trim();
  if (wanted.includes('@')) {
    const byEmail = await store.findOfficerByEmail(wanted);
    if (byEmail) return byEmail;
    throw new CoverLookupError(`no officer has the email ${wanted}`);
  }
  const officers = await store.listOfficers();
  const lowered = wanted.toLowerCase();
  const byId = officers.find((officer) => officer.id === wanted);
  if (byId) return byId;
  const byName = officers.filter((officer) => officer.name.toLowerCase() === lowered);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new CoverLookupError(`${byName.length} officers are called "${wanted}"; give an email instead`);
  throw new CoverLookupError(`no officer is called "${wanted}"; give their name as TASS has it, or their email`);
}

/** A locality by id or name (case-insensitive). */
export async function findLocality(store: ReportStore, text: string): Promise<Locality> {
  const wanted = text.trim().toLowerCase();
  const localities = await store.listLocalities();
  const found = localities.find((locality) => locality.id.toLowerCase() === wanted || locality.name.toLowerCase() === wanted);
  if (found) return found;
  throw new CoverLookupError(`no locality called "${text.trim()}"; localities: ${localities.map((l) => l.name).join(', ') || 'none'}`);
}

export interface NewCover {
  readonly localityId: string;
  readonly coverOfficerId: string;
  readonly absentOfficerId?: string;
  readonly from: CoverDate;
  readonly to: CoverDate;
  /** Officer id of whoever set it (or "tass-cli"). */
  readonly assignedBy: string;
}

/** Checks and saves a new cover; throws CoverRejectedError listing every problem. */
export async function setCover(store: ReportStore, input: NewCover): Promise<CoverAssignment> {
  const cover: CoverAssignment = {
    id: `cover-${randomUUID().slice(0, 8)}`,
    localityId: input.localityId,
    coverOfficerId: input.coverOfficerId,
    ...(input.absentOfficerId ? { absentOfficerId: input.absentOfficerId } : {}),
    from: input.from,
    to: input.to,
    assignedBy: input.assignedBy,
  };
  const [officers, existing] = await Promise.all([store.listOfficers(), store.listCovers(input.localityId)]);
  const problems = coverProblems(cover, new Map(officers.map((officer) => [officer.id, officer])), existing);
  if (problems.length > 0) throw new CoverRejectedError(problems.map((problem) => COVER_PROBLEMS[problem]));
  await store.saveCover(cover);
  return cover;
}

/** What ending a cover did. */
export type CoverEnded = { readonly kind: 'removed' | 'already ended'; readonly cover: CoverAssignment } | { readonly kind: 'shortened'; readonly cover: CoverAssignment };

/** Ends a cover today: an upcoming one is removed, a current one stops yesterday. */
export async function endCoverById(store: ReportStore, id: string, today: CoverDate): Promise<CoverEnded> {
  const cover = (await store.listCovers()).find((candidate) => candidate.id === id);
  if (!cover) throw new CoverNotFoundError(id);
  const ending = endCover(cover, today);
  switch (ending.kind) {
    case 'already ended':
      return { kind: 'already ended', cover };
    case 'delete':
      await store.deleteCover(id);
      return { kind: 'removed', cover };
    case 'shorten':
      await store.saveCover(ending.cover);
      return { kind: 'shortened', cover: ending.cover };
  }
}

/** A cover with the names it refers to, for lists. */
export interface CoverRow {
  readonly cover: CoverAssignment;
  readonly status: CoverStatus;
  readonly localityName: string;
  readonly coverOfficerName: string;
  readonly absentOfficerName?: string;
}

/** Every cover, by start date, with names and its status on `today`. */
export async function listCoverRows(store: ReportStore, today: CoverDate): Promise<CoverRow[]> {
  const [covers, officers, localities] = await Promise.all([store.listCovers(), store.listOfficers(), store.listLocalities()]);
  const officerName = (id: string): string => officers.find((officer) => officer.id === id)?.name ?? id;
  return covers.map((cover) => ({
    cover,
    status: coverStatus(cover, today),
    localityName: localities.find((locality) => locality.id === cover.localityId)?.name ?? cover.localityId,
    coverOfficerName: officerName(cover.coverOfficerId),
    ...(cover.absentOfficerId ? { absentOfficerName: officerName(cover.absentOfficerId) } : {}),
  }));
}

/** "10 March 2025". */
export function longDate(date: CoverDate): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Peter Hale covers Central Lancs for Alison Walsh, 10 March 2025 to 21 March 2025". */
export function describeCover(row: CoverRow): string {
  const forWhom = row.absentOfficerName ? ` for ${row.absentOfficerName}` : '';
  return `${row.coverOfficerName} covers ${row.localityName}${forWhom}, ${longDate(row.cover.from)} to ${longDate(row.cover.to)}`;
}
