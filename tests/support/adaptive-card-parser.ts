/**
 * Parses a card with the `adaptivecards` library (the renderer Teams' cards are built on) and
 * reports everything it objects to, plus the input ids it finds.
 */
import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's lib/ build is ES modules without file extensions, which Node cannot load; its
// dist/ bundle is the same library as a UMD module, so tests load that one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

export interface ParsedCard {
  /** Parse events and validation events; empty for a card the library accepts. */
  readonly problems: readonly string[];
  readonly inputIds: readonly string[];
  /** Each input's label as the library read it, by input id: what a screen reader announces with it. */
  readonly inputLabels: Readonly<Record<string, string>>;
  /** Every Action.Execute verb, the refresh action's included. */
  readonly verbs: readonly string[];
}

function collectVerbs(node: unknown, verbs: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectVerbs(child, verbs);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record['type'] === 'Action.Execute' && typeof record['verb'] === 'string') verbs.push(record['verb']);
  for (const value of Object.values(record)) collectVerbs(value, verbs);
}

export function parseAdaptiveCard(json: unknown): ParsedCard {
  const card = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext(adaptiveCards.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const verbs: string[] = [];
  collectVerbs(json, verbs);
  const inputs = card.getAllInputs();
  return {
    problems,
    inputIds: inputs.map((input) => input.id ?? ''),
    inputLabels: Object.fromEntries(inputs.map((input) => [input.id ?? '', input.label ?? ''])),
    verbs,
  };
}

/** What the card's inputs would submit if pressed as rendered: id -> prefilled value. */
export function prefilledInputs(json: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && typeof record['id'] === 'string') {
      values[record['id']] = typeof record['value'] === 'string' ? record['value'] : '';
    }
    Object.values(record).forEach(visit);
  };
  visit(json);
  return values;
}
