/**
 * The bot's own small cards: not registered, welcome, help, the refusal managers-only commands
 * give and one-line messages, each rendered from its template in `cards/`. Report cards come from
 * the report wizard; managers' lists from manager-cards.ts. Names typed by people go through
 * escapeCardText so they show as written.
 */
import type { Officer, Role } from '../domain/model';
import { escapeCardText } from '../cards/escape-card-text';
import { renderCard, type AdaptiveCardJson } from '../cards/render-card';
import { HELP_CARD, MESSAGE_CARD, NOT_REGISTERED_CARD, type HelpCardCommand } from '../cards/chat-card-models';

export type { AdaptiveCardJson } from '../cards/render-card';

/** People's and places' names as written, with no Markdown meaning. */
export const plain = escapeCardText;

/** Shown to anyone the store does not know, whatever they asked for. */
export function notRegisteredCard(adminNames: readonly string[]): AdaptiveCardJson {
  const askWho = adminNames.length === 0 ? 'the TASS programme administrator' : joinNames(adminNames.map(plain));
  return renderCard(NOT_REGISTERED_CARD, { askWho });
}

/** "Ann", "Ann or Bob", "Ann, Bob or Cat". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

interface CommandHelp extends HelpCardCommand {
  readonly roles: readonly Role[];
}

// Placeholders are in capitals: a TextBlock's Markdown drops "<term>" as if it were an HTML tag.
const COMMAND_HELP: readonly CommandHelp[] = [
  { command: 'start', what: 'your open reports for this term, one card per locality', roles: ['epo', 'manager', 'admin'] },
  { command: 'status [TERM]', what: 'who has submitted for a term', roles: ['manager', 'admin'] },
  { command: 'report TERM [LOCALITY]', what: 'the submitted reports of a term, as Word documents', roles: ['manager', 'partner', 'admin'] },
  { command: 'open campaign TERM', what: 'send every officer their report cards for a term', roles: ['manager', 'admin'] },
  { command: 'officers [LOCALITY]', what: 'the officers and their roles', roles: ['manager', 'admin'] },
  { command: 'history TERM [LOCALITY]', what: 'what happened to a report: submitted, returned, approved', roles: ['epo', 'manager', 'admin'] },
  { command: 'cover', what: 'set or end cover for an absent EPO', roles: ['manager', 'admin'] },
  { command: 'outcomes [FROM] [TO]', what: 'how priorities moved across terms, by theme and locality', roles: ['manager', 'admin'] },
  { command: 'help', what: 'this list', roles: ['epo', 'manager', 'partner', 'admin'] },
];

/** The commands this officer may use, for the help card. */
export function commandsFor(roles: readonly Role[]): readonly CommandHelp[] {
  return COMMAND_HELP.filter((help) => help.roles.some((role) => roles.includes(role)));
}

/** The commands this officer may use, each with what it does; `intro` replaces the heading. */
export function helpCard(officer: Officer, intro?: string): AdaptiveCardJson {
  return renderCard(HELP_CARD, {
    heading: intro ?? 'Here is what I can do',
    commands: commandsFor(officer.roles).map(({ command, what }) => ({ command, what })),
  });
}

/** The help card, greeting the officer by name: sent when the bot is installed. */
export function welcomeCard(officer: Officer): AdaptiveCardJson {
  return helpCard(officer, `Welcome to TASS reporting, ${plain(officer.name)}`);
}

/** The one answer to a command or verb the officer's role does not allow. */
export function notAllowedCard(what: string): AdaptiveCardJson {
  return messageCard(`Only managers can ${what}. Type "help" to see what you can do.`);
}

/** A short message card, for answers that are a sentence. */
export function messageCard(text: string): AdaptiveCardJson {
  return renderCard(MESSAGE_CARD, { text });
}
