/**
 * `officers [locality]` in chat: the officers and their roles as a card, for managers and
 * admins. A manager sees the localities they manage (every locality when none are listed on
 * them); an admin sees everyone. Registered from chat-commands.ts before the other commands;
 * the card's "Previous" and "Next" come back here as Action.Execute, with the roles checked again.
 */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { Locality, Officer } from '../domain/model';
import { findLocalityByName } from '../domain/organisation';
import { isManager, localitiesManagedBy } from '../domain/term-progress';
import type { BotDeps } from './bot-deps';
import type { AdaptiveCardJson } from '../cards/render-card';
import { messageCard, notAllowedCard, plain } from './bot-cards';
import { normaliseChatText } from './chat-text';
import { resolveOfficer } from './identity';
import { OFFICERS_PAGE_VERB, officersCard } from './officers-card';

export { officersCard, OFFICERS_PAGE_SIZE, OFFICERS_PAGE_VERB } from './officers-card';

/** The locality words of an `officers` command, or undefined when the text is another command. */
export function parseOfficersCommand(text: string): { readonly locality?: string } | undefined {
  const match = /^officers\b\s*(.*)$/i.exec(normaliseChatText(text));
  if (!match) return undefined;
  return match[1] ? { locality: match[1] } : {};
}

/** The officers a manager may see: everyone in the localities they manage (everyone when they manage all). */
async function visibleOfficers(deps: BotDeps, visible: readonly Locality[], all: readonly Locality[]): Promise<Officer[]> {
  const everyone = visible.length === all.length;
  return (await deps.store.listOfficers()).filter((o) => everyone || o.localityIds.some((id) => visible.some((l) => l.id === id)));
}

async function officersAnswer(deps: BotDeps, officer: Officer, localityWords: string | undefined): Promise<AdaptiveCardJson> {
  if (!isManager(officer)) return notAllowedCard('see the list of officers');
  const all = await deps.store.listLocalities();
  const visible = localitiesManagedBy(officer, all);
  if (localityWords === undefined) return officersCard('Officers', await visibleOfficers(deps, visible, all), visible);
  const locality = findLocalityByName(visible, localityWords);
  if (!locality) return messageCard(`I do not know a locality called "${plain(localityWords)}" among yours.`);
  return officersCard(`Officers of ${plain(locality.name)}`, await deps.store.listOfficers({ localityId: locality.id }), visible, { localityId: locality.id });
}

const PageSchema = z.object({
  localityId: z.string().trim().max(200).default(''),
  page: z.number().int().min(0).max(100_000),
});

/** "Previous" or "Next": the same list as the command gave, at another page, for managers only. */
export async function officersPageAnswer(deps: BotDeps, officer: Officer, raw: unknown): Promise<AdaptiveCardJson> {
  if (!isManager(officer)) return notAllowedCard('see the list of officers');
  const parsed = PageSchema.safeParse(raw);
  if (!parsed.success) return messageCard('This list is out of date. Type "officers" for a fresh one.');
  const { localityId, page } = parsed.data;
  const all = await deps.store.listLocalities();
  const visible = localitiesManagedBy(officer, all);
  if (localityId === '') return officersCard('Officers', await visibleOfficers(deps, visible, all), visible, { page });
  const locality = visible.find((candidate) => candidate.id === localityId);
  if (!locality) return messageCard('You can only see the officers of the localities you manage.');
  return officersCard(`Officers of ${plain(locality.name)}`, await deps.store.listOfficers({ localityId }), visible, { localityId, page });
}

/** Answers the message when it is an `officers` command; false when it is not one. */
export async function answerOfficersCommand(context: TurnContext, deps: BotDeps, officer: Officer): Promise<boolean> {
  const command = parseOfficersCommand(context.activity.text ?? '');
  if (!command) return false;
  // Only the command's kind: the locality words are typed text.
  deps.logger.info({ officerId: officer.id, command: 'officers' }, 'chat command');
  const card = await officersAnswer(deps, officer, command.locality);
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return true;
}

/** Wires the officers card's "Previous" and "Next" to Action.Execute. */
export function registerOfficersPages<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<unknown>(OFFICERS_PAGE_VERB, async (context, _state, data) => {
    const officer = await resolveOfficer(context, deps);
    if (!officer) return messageCard('You are not registered for TASS reports. Ask a TASS admin to add you.');
    deps.logger.info({ verb: OFFICERS_PAGE_VERB, officerId: officer.id, correlationId: context.activity.id }, 'officers page');
    return officersPageAnswer(deps, officer, data);
  });
}
