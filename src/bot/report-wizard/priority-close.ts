/** Closing or handing over a priority: status, closing note and the term it closed in. */
import type { Priority } from '../../domain/model';
import { ConflictError } from '../../store/errors';
import type { BotDeps } from '../bot-deps';
import type { ClosePriorityAction } from './action-data';
import type { PriorityInReport } from './report-state';
import { CLOSING_NOTE_MAX_LENGTH } from './section-guidance';

export type CloseOutcome =
  | { readonly kind: 'closed'; readonly priority: Priority }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'problems'; readonly problems: string[] }
  | { readonly kind: 'changed'; readonly current: Priority };

function cleanNote(note: string): string {
  return note.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}

export async function closePriority(deps: BotDeps, entry: PriorityInReport, action: ClosePriorityAction): Promise<CloseOutcome> {
  const note = cleanNote(action.closingNote);
  const problems: string[] = [];
  if (action.status === '') problems.push('Choose whether the priority is closed or handed over.');
  if (note.length === 0) problems.push('Write a closing note: where the work goes now and who stays involved.');
  if (note.length > CLOSING_NOTE_MAX_LENGTH) {
    problems.push(`The closing note is ${note.length.toLocaleString('en-GB')} characters; keep it under ${CLOSING_NOTE_MAX_LENGTH.toLocaleString('en-GB')}.`);
  }
  if (problems.length > 0 || action.status === '') return { kind: 'problems', problems };

  const current = entry.priority;
  if (current.status === action.status && current.closingNote === note && current.closedTerm === action.context.term) {
    return { kind: 'unchanged' };
  }
  if (current.version !== action.context.version) return { kind: 'changed', current };
  try {
    const saved = await deps.store.savePriority(
      { ...current, status: action.status, closingNote: note, closedTerm: action.context.term },
      current.version,
    );
    deps.logger.info({ localityId: current.localityId, priorityId: current.id, status: action.status }, 'priority closed');
    return { kind: 'closed', priority: saved };
  } catch (error) {
    if (error instanceof ConflictError) {
      const now = await deps.store.getPriority(current.id);
      if (now) return { kind: 'changed', current: now };
    }
    throw error;
  }
}
