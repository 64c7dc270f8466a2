/**
 * The managers' outcomes card (chat command `outcomes [from] [to]`): for the localities they
 * manage, each theme's priorities with their status term by term, direction and latest figures.
 * The same numbers as `tass outcomes`, from summariseOutcomes.
 */
import type { Officer } from '../../domain/model';
import { summariseOutcomes, TermRangeError, UNTHEMED, type OutcomeSummary } from '../../domain/outcomes';
import { localitiesManagedBy } from '../../domain/term-progress';
import { termKey, tryParseTerm, type TermKey } from '../../domain/term';
import { escapeCardText, shortenText } from '../../cards/escape-card-text';
import { renderWithinLimit } from '../../cards/card-size';
import { renderCard, type AdaptiveCardJson } from '../../cards/render-card';
import { OUTCOMES_CARD } from '../../cards/manager-card-models';
import { countsLine, figuresLine, loadOutcomesInput, rangeLabel, trendLine } from '../../reports/outcomes-report';
import type { BotDeps } from '../bot-deps';
import { messageCard, plain } from '../bot-cards';

export type OutcomesRange = { readonly kind: 'range'; readonly fromTerm: TermKey; readonly toTerm: TermKey } | { readonly kind: 'unreadable'; readonly words: string };

/**
 * Reads "Autumn 2024 to Summer 2025", "Autumn 2024 Summer 2025" or one term; with no words, the
 * current academic year so far (Autumn to the current term).
 */
export function parseOutcomesRange(words: string, currentTerm: TermKey): OutcomesRange {
  const text = words.trim();
  if (!text) {
    const year = currentTerm.slice(0, 7);
    return { kind: 'range', fromTerm: `${year}-autumn`, toTerm: currentTerm };
  }
  const parts = text.split(/\s+to\s+|\s*[–—]\s*(?=[a-z]*\s*(?:autumn|spring|summer))/i);
  const candidates = parts.length === 2 ? parts : splitTwoTerms(text);
  const terms = candidates.map((part) => tryParseTerm(part));
  if (terms.some((term) => term === undefined) || terms.length === 0) return { kind: 'unreadable', words: text };
  const keys = terms.map((term) => termKey(term!));
  return { kind: 'range', fromTerm: keys[0], toTerm: keys[keys.length - 1] };
}

/** "Autumn 2024 Summer 2025" -> ["Autumn 2024", "Summer 2025"]; one term stays one. */
function splitTwoTerms(text: string): string[] {
  const words = text.split(/\s+/);
  for (let count = 1; count < words.length; count += 1) {
    const first = words.slice(0, count).join(' ');
    const second = words.slice(count).join(' ');
    if (tryParseTerm(first) && tryParseTerm(second) && !/^\d/.test(second)) return [first, second];
  }
  return [text];
}

/** The outcomes card of a summary, limited to the given localities. */
export function buildOutcomesCard(summary: OutcomeSummary, localityNames: ReadonlyMap<string, string>): AdaptiveCardJson {
  const mine = summary.priorities.filter((trend) => localityNames.has(trend.localityId));
  return renderWithinLimit((previewChars) =>
    renderCard(OUTCOMES_CARD, {
      rangeLabel: rangeLabel(summary.fromTerm, summary.toTerm),
      countyCounts: `${mine.length} ${mine.length === 1 ? 'priority' : 'priorities'} in ${localityNames.size} ${localityNames.size === 1 ? 'locality' : 'localities'}. Latest status: ${countsLine(summary.county)}.`,
      ...(previewChars !== undefined ? { notice: 'Shortened to fit in Teams; `tass outcomes` gives the full document.' } : {}),
      themes: summary.byTheme
        .map((theme) => ({
          theme,
          members: mine.filter((trend) => (theme.themeId === UNTHEMED ? trend.themes.length === 0 : trend.themes.includes(theme.themeId))),
        }))
        .filter(({ members }) => members.length > 0)
        .map(({ theme, members }) => ({
          name: escapeCardText(theme.name),
          counts: countsLine(theme),
          priorities: members.map((trend) => ({
            title: escapeCardText(shortenText(trend.title, previewChars ?? 200)),
            localityName: escapeCardText(localityNames.get(trend.localityId) ?? trend.localityId),
            trend: trendLine(trend),
            direction: trend.direction,
            ...(trend.figures.length > 0 ? { figures: escapeCardText(shortenText(figuresLine(trend.figures), previewChars ?? 400)) } : {}),
          })),
        })),
      localities: summary.byLocality
        .filter((locality) => localityNames.has(locality.localityId))
        .map((locality) => ({ name: escapeCardText(locality.name), counts: `${locality.priorities} priorities: ${countsLine(locality)}` })),
      hasPriorities: mine.length > 0,
    }),
  );
}

/** The card answering `outcomes <words>` for a manager. */
export async function outcomesCardFor(deps: BotDeps, officer: Officer, words: string): Promise<AdaptiveCardJson> {
  const range = parseOutcomesRange(words, deps.calendar.currentTerm(deps.clock()).key);
  if (range.kind === 'unreadable') {
    return messageCard(`I could not read "${plain(range.words)}" as terms. Write it like "outcomes Autumn 2024 to Summer 2025".`);
  }
  const input = await loadOutcomesInput(deps.store, range.fromTerm, range.toTerm, deps.themes);
  const managed = localitiesManagedBy(officer, input.localities);
  let summary: OutcomeSummary;
  try {
    summary = summariseOutcomes(input.priorities, input.updates.filter((update) => managed.some((l) => l.id === update.localityId)), managed, range.fromTerm, range.toTerm, deps.themes);
  } catch (error) {
    if (error instanceof TermRangeError) return messageCard(error.message);
    throw error;
  }
  return buildOutcomesCard(summary, new Map(managed.map((locality) => [locality.id, locality.name])));
}
