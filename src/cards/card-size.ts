/**
 * Teams refuses bot messages over 100 KB. Every card is kept under 80 KB: when the full text
 * would not fit, the card is rendered again with each text shortened, and says so.
 */
import type { AdaptiveCardJson } from './render-card';

/** The most a card may weigh, in bytes of JSON, leaving room for the activity around it. */
export const MAX_CARD_BYTES = 80 * 1024;

/** Characters per text tried in turn when a card is too big; `undefined` is the full text. */
const PREVIEW_STEPS: ReadonlyArray<number | undefined> = [undefined, 2000, 1000, 500, 250, 120, 60, 0];

export function cardBytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export class CardTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`A card of ${bytes} bytes is over the ${MAX_CARD_BYTES}-byte limit even when shortened`);
    this.name = 'CardTooLargeError';
  }
}

/**
 * Renders with the full text, then with shorter and shorter previews until the card fits.
 * `render(previewChars)` must shorten every long text to `previewChars` when it is set and
 * add a note that the card shows a shortened preview.
 */
export function renderWithinLimit(render: (previewChars: number | undefined) => AdaptiveCardJson): AdaptiveCardJson {
  let last: AdaptiveCardJson | undefined;
  for (const step of PREVIEW_STEPS) {
    last = render(step);
    if (cardBytes(last) <= MAX_CARD_BYTES) return last;
  }
  throw new CardTooLargeError(last ? cardBytes(last) : 0);
}
