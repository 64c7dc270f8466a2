/**
 * The month a locality report started or submitted in the bot names in its label: the council's
 * calendar decides ("Autumn – December 2025" when its Autumn reports are due in December).
 */
import type { TermKey } from '../../domain/term';
import type { BotDeps } from '../bot-deps';

/** `{ termMonth }` to spread into a new LocalityReport, or nothing when the month is the season's usual one. */
export function termMonthOf(deps: Pick<BotDeps, 'calendar'>, term: TermKey): { termMonth?: number } {
  const termMonth = deps.calendar.reportMonthOf(term);
  return termMonth ? { termMonth } : {};
}
