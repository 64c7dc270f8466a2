/**
 * The one way a card is made: a JSON template from `cards/` expanded with typed data through
 * adaptivecards-templating. Templates are read from disk on each render (they are small), so
 * nothing is cached in module state.
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

/** Expands a template with its data. */
export function renderCard<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  const expanded: unknown = new Template(loadCardTemplate(template.file)).expand({ $root: data });
  const card = expanded as { type?: unknown; version?: unknown };
  if (card.type !== 'AdaptiveCard' || typeof card.version !== 'string') {
    throw new CardTemplateError(template.file, 'did not expand to an AdaptiveCard');
  }
  return expanded as AdaptiveCardJson;
}
