/**
 * How the wizard's messages name a priority. No card shows priority numbers, so "priority 3"
 * meant nothing to an EPO: messages quote the priority's title instead, cut if long.
 */
import { shortenText } from '../../cards/escape-card-text';
import type { PriorityInReport } from './report-state';

/** Titles longer than this are cut, on a word, when a message names the priority. */
export const PRIORITY_NAME_CHARS = 80;

/**
 * “School avoidance: support for schools…”, or "the new priority" before it has a title
 * ("The new priority" at the start of a sentence). Plain text: escape it for a card.
 */
export function priorityName(entry: Pick<PriorityInReport, 'priority' | 'update'>, at: 'in sentence' | 'sentence start' = 'in sentence'): string {
  const title = (entry.update.title || entry.priority.title).trim();
  if (title) return `\u201c${shortenText(title, PRIORITY_NAME_CHARS)}\u201d`;
  return at === 'sentence start' ? 'The new priority' : 'the new priority';
}
