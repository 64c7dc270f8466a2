/**
 * The one place the chat commands and the campaign get a locality's report card for an officer:
 * the report wizard's card (openReportCard), addressed to the officer's Teams user so their card
 * refreshes with their co-authors'.
 */
import type { Officer } from '../domain/model';
import type { TermKey } from '../domain/term';
import type { AdaptiveCardJson } from '../cards/render-card';
import type { BotDeps } from './bot-deps';
import { openReportCard } from './report-wizard/wizard-handlers';

/** The Teams user id (29:...) kept in the officer's conversation reference, if any. */
async function teamsUserIdOf(deps: Pick<BotDeps, 'store'>, officer: Officer): Promise<string> {
  const link = await deps.store.getConversationLink(officer.id);
  const user = link?.reference['user'];
  const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

export async function renderLocalityReportCard(deps: BotDeps, officer: Officer, localityId: string, term: TermKey): Promise<AdaptiveCardJson> {
  return openReportCard(deps, { officer, userId: await teamsUserIdOf(deps, officer) }, localityId, term);
}
