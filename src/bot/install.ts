/**
 * Installation: when the bot is added to an officer's personal chat they are welcomed with what
 * they can do. The identity gate has already recognised them and kept the conversation reference.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './bot-deps';
import { welcomeCard } from './bot-cards';
import { resolveOfficer } from './identity';

export function registerInstall<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  // Teams sends both conversationUpdate (membersAdded) and installationUpdate for a personal
  // install; the welcome goes with the first only, when the bot itself is the member added.
  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient?.id);
    if (!botAdded) return;
    const officer = await resolveOfficer(context, deps);
    if (!officer) return;
    deps.logger.info({ correlationId: context.activity.id, officerId: officer.id }, 'bot installed');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(welcomeCard(officer))));
  });
  // The reference is saved by the gate; the route only marks the event as handled.
  app.activity('installationUpdate', async (context) => {
    deps.logger.info({ correlationId: context.activity.id, action: context.activity.action }, 'installation update');
  });
}
