/**
 * Cover for absence: while an EPO is away, a colleague writes a locality's report. During the
 * cover's dates (inclusive) prompts, reminders and editing rights go to the cover officer and
 * the absent officer is left alone; when the cover ends, the rights return. Pure: the caller
 * reads officers and covers from the store and passes today's date.
 */
import type { CoverAssignment, Officer } from './model';

/** An ISO date, "2025-03-14". */
export type CoverDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The date part of a time, in UTC, as covers store it. */
export function isoDay(date: Date): CoverDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: CoverDate, days: number): CoverDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return isoDay(day);
}

export type CoverStatus = 'upcoming' | 'current' | 'ended';

export function coverStatus(cover: Pick<CoverAssignment, 'from' | 'to'>, date: CoverDate): CoverStatus {
  if (date < cover.from) return 'upcoming';
  return date > cover.to ? 'ended' : 'current';
}

/** The covers of a locality in force on a date. */
export function activeCovers(covers: readonly CoverAssignment[], localityId: string, date: CoverDate): CoverAssignment[] {
  return covers.filter((cover) => cover.localityId === localityId && coverStatus(cover, date) === 'current');
}

/**
 * Who writes a locality's report on a date: its EPOs, less any officer a current cover names as
 * absent, plus the current cover officers. In the order of `officers` (the store lists them by
 * name), each once.
 */
export function effectiveAuthors(
  localityId: string,
  date: CoverDate,
  officers: readonly Officer[],
  covers: readonly CoverAssignment[],
): Officer[] {
  const current = activeCovers(covers, localityId, date);
  const absent = new Set(current.flatMap((cover) => (cover.absentOfficerId ? [cover.absentOfficerId] : [])));
  const covering = new Set(current.map((cover) => cover.coverOfficerId));
  return officers.filter((officer) => {
    if (covering.has(officer.id)) return true;
    return officer.roles.includes('epo') && officer.localityIds.includes(localityId) && !absent.has(officer.id);
  });
}

/**
 * Whether an officer may write a locality's report on a date. Admins may always (they fix
 * things); otherwise the effective authors may, so an officer marked absent may not while the
 * cover lasts.
 */
export function canEditLocality(officer: Officer, localityId: string, date: CoverDate, covers: readonly CoverAssignment[]): boolean {
  if (officer.roles.includes('admin')) return true;
  return effectiveAuthors(localityId, date, [officer], covers).some((author) => author.id === officer.id);
}

export type CoverProblem =
  | 'from is not a date'
  | 'to is not a date'
  | 'ends before it starts'
  | 'covers themselves'
  | 'cover officer is not an EPO'
  | 'absent officer does not serve the locality'
  | 'overlaps another cover';

export const COVER_PROBLEMS: Record<CoverProblem, string> = {
  'from is not a date': 'the start date is not a date; write it as YYYY-MM-DD',
  'to is not a date': 'the end date is not a date; write it as YYYY-MM-DD',
  'ends before it starts': 'the cover ends before it starts',
  'covers themselves': 'an officer cannot cover their own absence',
  'cover officer is not an EPO': 'the cover officer must be an Education Partnership Officer',
  'absent officer does not serve the locality': 'the absent officer is not an EPO of that locality',
  'overlaps another cover': 'the same officer already covers this locality on some of these dates',
};

/** Everything wrong with a new cover, checked against the officers and the covers already set. */
export function coverProblems(
  cover: CoverAssignment,
  officers: ReadonlyMap<string, Officer>,
  existing: readonly CoverAssignment[],
): CoverProblem[] {
  const problems: CoverProblem[] = [];
  const fromOk = isIsoDate(cover.from);
  const toOk = isIsoDate(cover.to);
  if (!fromOk) problems.push('from is not a date');
  if (!toOk) problems.push('to is not a date');
  if (fromOk && toOk && cover.to < cover.from) problems.push('ends before it starts');
  if (cover.absentOfficerId === cover.coverOfficerId) problems.push('covers themselves');
  if (!officers.get(cover.coverOfficerId)?.roles.includes('epo')) problems.push('cover officer is not an EPO');
  if (cover.absentOfficerId) {
    const absent = officers.get(cover.absentOfficerId);
    if (!absent || !absent.localityIds.includes(cover.localityId)) problems.push('absent officer does not serve the locality');
  }
  const overlaps = existing.some(
    (other) =>
      other.id !== cover.id &&
      other.localityId === cover.localityId &&
      other.coverOfficerId === cover.coverOfficerId &&
      other.from <= cover.to &&
      cover.from <= other.to,
  );
  if (overlaps) problems.push('overlaps another cover');
  return problems;
}

/** What ending a cover today does: an upcoming cover is removed; a current one stops yesterday. */
export type CoverEnding =
  | { readonly kind: 'delete' }
  | { readonly kind: 'shorten'; readonly cover: CoverAssignment }
  | { readonly kind: 'already ended' };

/** Ends a cover on `date`: from that day the rights go back to the locality's own EPOs. */
export function endCover(cover: CoverAssignment, date: CoverDate): CoverEnding {
  const status = coverStatus(cover, date);
  if (status === 'ended') return { kind: 'already ended' };
  if (date <= cover.from) return { kind: 'delete' };
  return { kind: 'shorten', cover: { ...cover, to: addDays(date, -1) } };
}
