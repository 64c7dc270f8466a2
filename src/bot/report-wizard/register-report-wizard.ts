/**
 * Wires the wizard's verbs to Action.Execute on the teams-ai Application. Each route resolves the
 * sender and hands the validated work to wizard-handlers.ts, which returns the next card; teams-ai
 * turns it into the invoke response and, since every card carries `refresh`, updates the message
 * in place so every co-author's card refreshes to the same state.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AdaptiveCardJson } from '../../cards/render-card';
import type { BotDeps } from '../bot-deps';
import { resolveOfficer } from '../identity';
import { buildNoticeCard } from './report-cards';
import { ALL_WIZARD_VERBS } from './verbs';
import { handleWizardAction } from './wizard-handlers';

/**
 * teams-ai updates the card's message for everyone when the card has `refresh`, which needs the
 * message id. An invoke without `replyToId` (not from a message) gets the card as the invoke
 * response only, so it never fails for lack of a message to update.
 */
export async function answerWithoutMessage(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (context.activity.replyToId) return;
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}

export function registerReportWizard<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  for (const verb of ALL_WIZARD_VERBS) {
    app.adaptiveCards.actionExecute<unknown>(verb, async (context, _state, data) => {
      const officer = await resolveOfficer(context, deps);
      const card = officer
        ? await handleWizardAction(deps, { officer, userId: context.activity.from.id }, verb, data)
        : // The identity gate answers unknown users before this; kept so a route never acts for nobody.
          buildNoticeCard('Not registered', 'You are not registered for TASS reports. Ask a TASS admin to add you.');
      deps.logger.info({ verb, officerId: officer?.id, correlationId: context.activity.id }, 'wizard action');
      await answerWithoutMessage(context, card);
      return card;
    });
  }
}
