/**
 * The one way a card is made: a JSON template from `cards/` expanded with typed data through
 * adaptivecards-templating.
 *
 * Preparing a template (parsing its `${}` expressions) costs about 40 times as much as expanding
 * it, and was the largest cost of a turn in the benchmark, so each file is prepared once per
 * process. The cache holds only what the read-only template files say, never request data, so
 * it cannot leak anything between users or turns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { cardsFolder } from './package-root';

/** An Adaptive Card as JSON, ready to send or return from an Action.Execute handler. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

/**
 * A template file in `cards/`, typed by the data it binds. `TData` is phantom: it ties the
 * file to its data interface so `renderCard` cannot be called with the wrong data.
 */
export interface CardTemplate<TData> {
  readonly file: string;
  /** Never set; carries the data type. */
  readonly __data?: TData;
}

export class CardTemplateError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`Card template ${file}: ${reason}`);
    this.name = 'CardTemplateError';
  }
}

/** Reads a template's JSON from the cards folder. */
export function loadCardTemplate(file: string, folder: string = cardsFolder()): Record<string, unknown> {
  const fullPath = path.join(folder, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(fullPath, 'utf8'));
  } catch (error) {
    throw new CardTemplateError(file, error instanceof Error ? error.message : String(error));
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new CardTemplateError(file, 'is not an AdaptiveCard');
  }
  return parsed as Record<string, unknown>;
}

const preparedTemplates = new Map<string, Template>();

function preparedTemplate(file: string): Template {
  // Keyed by file name alone: the cards folder is fixed for the process (found from __dirname).
  let prepared = preparedTemplates.get(file);
  if (!prepared) {
    prepared = new Template(loadCardTemplate(file));
    preparedTemplates.set(file, prepared);
  }
  return prepared;
}

/** Expands a template with its data. */
export function renderCard<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  const expanded: unknown = preparedTemplate(template.file).expand({ $root: data });
  const card = expanded as { type?: unknown; version?: unknown };
  if (card.type !== 'AdaptiveCard' || typeof card.version !== 'string') {
    throw new CardTemplateError(template.file, 'did not expand to an AdaptiveCard');
  }
  return expanded as AdaptiveCardJson;
}
