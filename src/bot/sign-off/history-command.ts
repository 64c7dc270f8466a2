/**
 * The `history <term> [locality]` chat command: the history card of each report the officer may
 * read for that term (one locality when named).
 */
import type { Officer } from '../../domain/model';
import { tryParseTerm, termKey } from '../../domain/term';
import type { BotDeps } from '../bot-deps';
import { messageCard, plain, type AdaptiveCardJson } from '../bot-cards';
import { splitTermAndLocality } from '../chat-text';
import { mayReadHistory } from './sign-off-handlers';
import { buildHistoryCard } from './sign-off-cards';
import { loadSignOffState } from './sign-off-state';

/** The cards answering `history <words>`. */
export async function historyCards(deps: BotDeps, officer: Officer, words: string): Promise<AdaptiveCardJson[]> {
  if (!words.trim()) return [messageCard('Which term? For example "history Spring 2025" or "history Spring 2025 Preston".')];
  const split = splitTermAndLocality(words.trim());
  const term = tryParseTerm(split.term);
  if (!term) return [messageCard(`I could not read "${plain(split.term)}" as a term. Write it like "Spring 2025".`)];
  const key = termKey(term);
  let localities = await deps.store.listLocalities();
  if (split.locality) {
    const wanted = split.locality.toLowerCase();
    localities = localities.filter((locality) => locality.name.toLowerCase() === wanted || locality.id.toLowerCase() === wanted);
  }
  const readable = [];
  for (const locality of localities) if (await mayReadHistory(deps, officer, locality.id)) readable.push(locality);
  if (readable.length === 0) {
    const what = split.locality ? `a locality called "${plain(split.locality)}" among yours` : 'any locality whose history you can see';
    return [messageCard(`I do not know ${what}.`)];
  }
  const cards: AdaptiveCardJson[] = [];
  for (const locality of readable) cards.push(buildHistoryCard(await loadSignOffState(deps.store, locality.id, key)));
  return cards;
}
