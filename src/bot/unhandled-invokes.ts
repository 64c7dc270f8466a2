/**
 * The last route: an invoke nothing else answered. A button whose verb the bot does not know (an
 * old card, or a forged one) gets a card saying so; any other invoke gets 400 with a reason.
 * Left alone, botbuilder would answer both with an empty 501.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './bot-deps';
import { messageCard } from './bot-cards';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

async function answerUnhandled(context: TurnContext, deps: Pick<BotDeps, 'logger'>): Promise<void> {
  const isCardAction = context.activity.name === ADAPTIVE_CARD_ACTION;
  deps.logger.warn({ invoke: isCardAction ? ADAPTIVE_CARD_ACTION : 'other' }, 'invoke no route handles');
  const value = isCardAction
    ? {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.card.adaptive',
          value: messageCard('This button is not recognised: the card may be out of date. Type "help" to see what you can do.'),
        },
      }
    : { status: 400, body: { error: 'this bot does not handle this kind of invoke' } };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
}

/** Register after every other route: invoke routes are tried in the order they were added. */
export function registerUnhandledInvokes<TState extends TurnState>(app: Application<TState>, deps: Pick<BotDeps, 'logger'>): void {
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => answerUnhandled(context, deps),
    true,
  );
}
