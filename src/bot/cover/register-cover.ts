/** Wires the cover card's verbs to Action.Execute. */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../bot-deps';
import { resolveOfficer } from '../identity';
import { buildNoticeCard } from '../report-wizard/report-cards';
import { handleCoverAction } from './cover-handlers';
import { ALL_COVER_VERBS } from './verbs';

export function registerCover<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  for (const verb of ALL_COVER_VERBS) {
    app.adaptiveCards.actionExecute<unknown>(verb, async (context, _state, data) => {
      const officer = await resolveOfficer(context, deps);
      if (!officer) return buildNoticeCard('Not registered', 'You are not registered for TASS reports. Ask a TASS admin to add you.');
      deps.logger.info({ verb, officerId: officer.id, correlationId: context.activity.id }, 'cover action');
      return handleCoverAction(deps, { officer, userId: context.activity.from.id }, verb, data);
    });
  }
}
