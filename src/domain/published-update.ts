/**
 * What partners may read: a priority update exactly as it was submitted, while its locality
 * report stays submitted. Drafts never become published updates. The officer who last saved
 * and the reasons given for keeping flagged text stay in the working lists: partners do not
 * need them, and an erasure request then has nothing to scrub here.
 */
import type { LocalityReport, PriorityUpdate } from './model';

export type PublishedUpdate = Omit<PriorityUpdate, 'updatedBy' | 'personalDataConfirmations'>;

/** The partner-readable copy of a submitted update. */
export function publishedUpdateOf(update: PriorityUpdate): PublishedUpdate {
  const { updatedBy: _updatedBy, personalDataConfirmations: _confirmations, ...published } = update;
  return published;
}

/** A report's updates are published exactly while the report is submitted. */
export function isPublished(report: Pick<LocalityReport, 'status'>): boolean {
  return report.status === 'submitted';
}
