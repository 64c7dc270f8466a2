/**
 * The bot's own small cards: not registered, welcome, help and the refusal managers-only
 * commands give. Report cards come from the report wizard; managers' lists from manager-cards.ts.
 * Names typed by people go through escapeCardText so they show as written.
 */
import type { Officer, Role } from '../domain/model';
import { escapeCardText } from '../cards/escape-card-text';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

export function adaptiveCard(body: readonly Record<string, unknown>[], actions: readonly Record<string, unknown>[] = []): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...body],
    ...(actions.length > 0 ? { actions: [...actions] } : {}),
  };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** People's and places' names as written, with no Markdown meaning. */
export const plain = escapeCardText;

/** Shown to anyone the store does not know, whatever they asked for. */
export function notRegisteredCard(adminNames: readonly string[]): AdaptiveCardJson {
  const who =
    adminNames.length === 0
      ? 'Please ask the TASS programme administrator to add you.'
      : `Please ask ${joinNames(adminNames.map(plain))} to add you.`;
  return adaptiveCard([
    textBlock('You are not registered for TASS reporting yet', { weight: 'Bolder', size: 'Medium' }),
    textBlock(`This bot is for Education Partnership Officers and their managers. ${who}`),
  ]);
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

interface CommandHelp {
  readonly command: string;
  readonly what: string;
  readonly roles: readonly Role[];
}

const COMMAND_HELP: readonly CommandHelp[] = [
  { command: 'start', what: 'your open reports for this term, one card per locality', roles: ['epo', 'manager', 'admin'] },
  { command: 'status [term]', what: 'who has submitted for a term', roles: ['manager', 'admin'] },
  { command: 'report <term> [locality]', what: 'the compiled report of a term', roles: ['manager', 'admin'] },
  { command: 'open campaign <term>', what: 'send every officer their report cards for a term', roles: ['manager', 'admin'] },
  { command: 'help', what: 'this list', roles: ['epo', 'manager', 'partner', 'admin'] },
];

/** The commands this officer may use, for the help card. */
export function commandsFor(roles: readonly Role[]): readonly CommandHelp[] {
  return COMMAND_HELP.filter((help) => help.roles.some((role) => roles.includes(role)));
}

export function helpCard(officer: Officer, intro?: string): AdaptiveCardJson {
  return adaptiveCard([
    textBlock(intro ?? 'Here is what I can do', { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: commandsFor(officer.roles).map((help) => ({ title: help.command, value: help.what })),
    },
    textBlock('Terms can be written like "Spring 2025" or "Spring – March 2025".', { isSubtle: true, size: 'Small' }),
  ]);
}

export function welcomeCard(officer: Officer): AdaptiveCardJson {
  return helpCard(officer, `Welcome to TASS reporting, ${plain(officer.name)}`);
}

/** The one answer to a command or verb the officer's role does not allow. */
export function notAllowedCard(what: string): AdaptiveCardJson {
  return adaptiveCard([textBlock(`Only managers can ${what}. Type "help" to see what you can do.`)]);
}

/** A short message card, for answers that are a sentence. */
export function messageCard(text: string): AdaptiveCardJson {
  return adaptiveCard([textBlock(text)]);
}
