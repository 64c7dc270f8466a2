/**
 * `officers [locality]` in chat: the officers and their roles as a card, for managers and
 * admins. A manager sees the localities they manage (every locality when none are listed on
 * them); an admin sees everyone. Registered from chat-commands.ts before the other commands.
 */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Locality, Officer } from '../domain/model';
import { findLocalityByName } from '../domain/organisation';
import { isManager, localitiesManagedBy } from '../domain/term-progress';
import type { BotDeps } from './bot-deps';
import { renderCard, type AdaptiveCardJson } from '../cards/render-card';
import { OFFICERS_CARD } from '../cards/chat-card-models';
import { messageCard, notAllowedCard, plain } from './bot-cards';
import { normaliseChatText } from './chat-text';

/** The locality words of an `officers` command, or undefined when the text is another command. */
export function parseOfficersCommand(text: string): { readonly locality?: string } | undefined {
  const match = /^officers\b\s*(.*)$/i.exec(normaliseChatText(text));
  if (!match) return undefined;
  return match[1] ? { locality: match[1] } : {};
}

const ROLE_LABELS: Record<Officer['roles'][number], string> = { epo: 'EPO', manager: 'Manager', partner: 'Partner', admin: 'Admin' };

/** One officer per row: name, roles and the localities of theirs that are shown. */
export function officersCard(heading: string, officers: readonly Officer[], localities: readonly Locality[]): AdaptiveCardJson {
  const nameOf = new Map(localities.map((l) => [l.id, l.name]));
  const rows = officers.map((officer) => {
    const places = officer.localityIds.flatMap((id) => (nameOf.has(id) ? [plain(nameOf.get(id) ?? id)] : []));
    return {
      name: plain(officer.name),
      line: [officer.roles.map((role) => ROLE_LABELS[role]).join(', '), places.join(', ') || 'no locality'].join(' · '),
    };
  });
  return renderCard(OFFICERS_CARD, { heading, rows, hasRows: rows.length > 0 });
}

async function officersAnswer(deps: BotDeps, officer: Officer, localityWords: string | undefined): Promise<AdaptiveCardJson> {
  if (!isManager(officer)) return notAllowedCard('see the list of officers');
  const all = await deps.store.listLocalities();
  const visible = localitiesManagedBy(officer, all);
  if (localityWords === undefined) {
    const everyone = visible.length === all.length;
    const officers = (await deps.store.listOfficers()).filter((o) => everyone || o.localityIds.some((id) => visible.some((l) => l.id === id)));
    return officersCard('Officers', officers, visible);
  }
  const locality = findLocalityByName(visible, localityWords);
  if (!locality) return messageCard(`I do not know a locality called "${plain(localityWords)}" among yours.`);
  return officersCard(`Officers of ${plain(locality.name)}`, await deps.store.listOfficers({ localityId: locality.id }), visible);
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
