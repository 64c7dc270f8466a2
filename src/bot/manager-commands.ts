/**
 * The chat commands of sign-off, cover and outcomes: `history <term> [locality]` (managers and
 * the locality's officers), `cover` and `outcomes [from] [to]` (managers and admins). Parsed
 * here and answered with cards; chat-commands.ts hands them over before its own commands.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Officer } from '../domain/model';
import { isManager } from '../domain/term-progress';
import type { BotDeps } from './bot-deps';
import { notAllowedCard, type AdaptiveCardJson } from './bot-cards';
import { normaliseChatText } from './chat-text';
import { buildCoverCard } from './cover/cover-card';
import { outcomesCardFor } from './outcomes/outcomes-card';
import { historyCards } from './sign-off/history-command';
import { resolveOfficer } from './identity';

export type ManagerCommand =
  | { readonly kind: 'history'; readonly words: string }
  | { readonly kind: 'cover' }
  | { readonly kind: 'outcomes'; readonly words: string };

/** The command in a message, or undefined when it is not one of these. */
export function parseManagerCommand(text: string): ManagerCommand | undefined {
  const [word = '', ...rest] = normaliseChatText(text).split(' ');
  const words = rest.join(' ').trim();
  switch (word.toLowerCase()) {
    case 'history':
      return { kind: 'history', words };
    case 'cover':
      return { kind: 'cover' };
    case 'outcomes':
      return { kind: 'outcomes', words };
    default:
      return undefined;
  }
}

/** The cards answering a command from this officer. */
export async function managerCommandCards(deps: BotDeps, officer: Officer, command: ManagerCommand): Promise<AdaptiveCardJson[]> {
  switch (command.kind) {
    case 'history':
      return historyCards(deps, officer, command.words);
    case 'cover':
      if (!isManager(officer)) return [notAllowedCard('set cover for absence')];
      return [await buildCoverCard(deps, officer)];
    case 'outcomes':
      if (!isManager(officer)) return [notAllowedCard('see outcomes across terms')];
      return [await outcomesCardFor(deps, officer, command.words)];
  }
}

/**
 * Answers these commands. Registered before the general chat commands, so its route is tried
 * first; any other message falls through to them.
 */
export function registerManagerCommands<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  app.message(
    async (context) => parseManagerCommand(context.activity.text ?? '') !== undefined,
    async (context) => {
      const officer = await resolveOfficer(context, deps);
      const command = parseManagerCommand(context.activity.text ?? '');
      if (!officer || !command) return;
      // Only the command's kind: what was typed may name a child.
      deps.logger.info({ officerId: officer.id, command: command.kind }, 'chat command');
      const cards = await managerCommandCards(deps, officer, command);
      await context.sendActivities(cards.map((card) => MessageFactory.attachment(CardFactory.adaptiveCard(card))));
    },
  );
}
