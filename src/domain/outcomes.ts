/**
 * How priorities' outcomes move across terms: each term's RAG status, whether the priority is
 * improving, steady or worsening, and summaries per locality and theme for the county report
 * and `tass outcomes`. Figures are read and checked in impact-figures.ts.
 */
import type { ImpactFigure, Locality, Priority, PriorityUpdate, RagStatus } from './model';
import { compareTerms, termFromKey, type TermKey } from './term';
import { DEFAULT_THEMES, type Theme } from './themes';

export { extractImpactFigures, impactFigureSchema, parseImpactFigure, validateImpactFigure } from './impact-figures';
export type { FigureCheck } from './impact-figures';

export const TREND_DIRECTIONS = ['improving', 'steady', 'worsening', 'not enough data'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

/** A priority's status in one term; `rag` is absent when the update was not rated. */
export interface TermStatus {
  readonly term: TermKey;
  readonly rag?: RagStatus;
}

export interface PriorityTrend {
  readonly priorityId: string;
  readonly localityId: string;
  /** The title as written in the latest term. */
  readonly title: string;
  /** One entry per term with an update, oldest first. */
  readonly statuses: readonly TermStatus[];
  readonly latest?: RagStatus;
  /** The first rated term against the last: better, the same or worse. */
  readonly direction: TrendDirection;
  /** Figures reported in the latest term. */
  readonly figures: readonly ImpactFigure[];
}

/** Higher is better. */
const RAG_RANK: Record<RagStatus, number> = { 'off track': 0, 'some concerns': 1, 'on track': 2 };

function byTerm(a: TermKey, b: TermKey): number {
  return compareTerms(termFromKey(a), termFromKey(b));
}

function directionOf(statuses: readonly TermStatus[]): TrendDirection {
  const rated = statuses.filter((status): status is Required<TermStatus> => status.rag !== undefined);
  if (rated.length < 2) return 'not enough data';
  const change = RAG_RANK[rated[rated.length - 1].rag] - RAG_RANK[rated[0].rag];
  if (change > 0) return 'improving';
  return change < 0 ? 'worsening' : 'steady';
}

/**
 * Per priority, its statuses term by term and the direction of travel. Priorities come out in
 * the order they first appear in `updates` (the store's locality-then-priority order); when a
 * term appears twice for one priority, the higher version wins.
 */
export function outcomeTrend(updates: readonly PriorityUpdate[]): PriorityTrend[] {
  const byPriority = new Map<string, Map<TermKey, PriorityUpdate>>();
  for (const update of updates) {
    const terms = byPriority.get(update.priorityId) ?? new Map<TermKey, PriorityUpdate>();
    const existing = terms.get(update.term);
    if (!existing || update.version > existing.version) terms.set(update.term, update);
    byPriority.set(update.priorityId, terms);
  }
  return [...byPriority.entries()].map(([priorityId, terms]) => {
    const ordered = [...terms.values()].sort((a, b) => byTerm(a.term, b.term));
    const statuses = ordered.map((update): TermStatus => (update.rag ? { term: update.term, rag: update.rag } : { term: update.term }));
    const last = ordered[ordered.length - 1];
    return {
      priorityId,
      localityId: last.localityId,
      title: last.title,
      statuses,
      ...(last.rag ? { latest: last.rag } : {}),
      direction: directionOf(statuses),
      figures: last.figures,
    };
  });
}

export type StatusCounts = Record<RagStatus | 'not rated', number>;
export type DirectionCounts = Record<TrendDirection, number>;

/** Counts for one group of priorities: a locality, a theme or the county. */
export interface OutcomeGroup {
  readonly priorities: number;
  /** By each priority's latest status in the range. */
  readonly latest: StatusCounts;
  readonly directions: DirectionCounts;
}

export interface LocalityOutcomes extends OutcomeGroup {
  readonly localityId: string;
  readonly name: string;
}

export interface ThemeOutcomes extends OutcomeGroup {
  /** A theme id, or "unthemed" for priorities without one. */
  readonly themeId: string;
  readonly name: string;
  /** Localities with a priority in this theme, in report order. */
  readonly localityIds: readonly string[];
}

export interface OutcomeSummary {
  readonly fromTerm: TermKey;
  readonly toTerm: TermKey;
  readonly county: OutcomeGroup;
  readonly byLocality: readonly LocalityOutcomes[];
  readonly byTheme: readonly ThemeOutcomes[];
  /** Every priority with an update in the range, with its themes. */
  readonly priorities: ReadonlyArray<PriorityTrend & { readonly themes: readonly string[] }>;
}

export const UNTHEMED = 'unthemed';

/** The range runs backwards ("from" is after "to"). */
export class TermRangeError extends Error {
  constructor(
    readonly fromTerm: TermKey,
    readonly toTerm: TermKey,
  ) {
    super(`The term range ${fromTerm} to ${toTerm} runs backwards; give the earlier term first.`);
    this.name = 'TermRangeError';
  }
}

function groupOf(trends: readonly PriorityTrend[]): OutcomeGroup {
  const latest: StatusCounts = { 'on track': 0, 'some concerns': 0, 'off track': 0, 'not rated': 0 };
  const directions: DirectionCounts = { improving: 0, steady: 0, worsening: 0, 'not enough data': 0 };
  for (const trend of trends) {
    latest[trend.latest ?? 'not rated'] += 1;
    directions[trend.direction] += 1;
  }
  return { priorities: trends.length, latest, directions };
}

/**
 * The outcomes of every priority updated between two terms (inclusive), grouped for the county
 * report: by locality (every locality listed, in report order, even with nothing to count), by
 * theme (themes in the theme list's order, then any other theme ids, then "unthemed"), and for
 * the county as a whole.
 */
export function summariseOutcomes(
  priorities: readonly Priority[],
  updates: readonly PriorityUpdate[],
  localities: readonly Locality[],
  fromTerm: TermKey,
  toTerm: TermKey,
  themes: readonly Theme[] = DEFAULT_THEMES,
): OutcomeSummary {
  if (byTerm(fromTerm, toTerm) > 0) throw new TermRangeError(fromTerm, toTerm);
  const inRange = updates.filter((update) => byTerm(update.term, fromTerm) >= 0 && byTerm(update.term, toTerm) <= 0);
  const themesOf = new Map(priorities.map((priority) => [priority.id, priority.themes]));
  const trends = outcomeTrend(inRange).map((trend) => ({ ...trend, themes: themesOf.get(trend.priorityId) ?? [] }));

  const localityOrder = [...localities].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const byLocality = localityOrder.map((locality) => ({
    localityId: locality.id,
    name: locality.name,
    ...groupOf(trends.filter((trend) => trend.localityId === locality.id)),
  }));

  const themeIds = themeOrder(trends, themes);
  const byTheme = themeIds.map((themeId) => {
    const members = trends.filter((trend) => (trend.themes.length === 0 ? themeId === UNTHEMED : trend.themes.includes(themeId)));
    const localityIds = localityOrder.map((locality) => locality.id).filter((id) => members.some((trend) => trend.localityId === id));
    const name = themes.find((theme) => theme.id === themeId)?.name ?? (themeId === UNTHEMED ? 'No theme' : themeId);
    return { themeId, name, localityIds, ...groupOf(members) };
  });

  return { fromTerm, toTerm, county: groupOf(trends), byLocality, byTheme, priorities: trends };
}

/** Theme ids that occur, in the theme list's order, then others alphabetically, then "unthemed". */
function themeOrder(trends: ReadonlyArray<{ readonly themes: readonly string[] }>, themes: readonly Theme[]): string[] {
  const used = new Set(trends.flatMap((trend) => trend.themes));
  const listed = themes.map((theme) => theme.id).filter((id) => used.has(id));
  const others = [...used].filter((id) => !themes.some((theme) => theme.id === id)).sort();
  const unthemed = trends.some((trend) => trend.themes.length === 0) ? [UNTHEMED] : [];
  return [...listed, ...others, ...unthemed];
}
