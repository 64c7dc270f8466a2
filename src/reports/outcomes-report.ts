/**
 * Outcomes across terms as a document: for the county and each theme and locality, the
 * priorities, their status term by term and their latest figures, with a chart of how many
 * priorities were on track in each term. What `tass outcomes` writes and the county report
 * includes. The numbers come from summariseOutcomes (src/domain/outcomes.ts).
 */
import type { ImpactFigure, Locality, Priority, PriorityUpdate, RagStatus } from '../domain/model';
import { summariseOutcomes, type OutcomeGroup, type OutcomeSummary, type PriorityTrend } from '../domain/outcomes';
import { compareTerms, termFromKey, termKey, termShortLabel, type TermKey } from '../domain/term';
import { DEFAULT_THEMES, type Theme } from '../domain/themes';
import type { ReportStore } from '../store/report-store';
import { renderStackedBarChart, type ChartImage, type StackedBarChart } from './outcome-chart';
import type { CompiledReportFile } from './compile-report-file';
import type { CountySnapshot } from './load-report-input';
import { renderReport } from './render-report';
import { FILE_EXTENSIONS, MEDIA_TYPES, type HeadingLevel, type ReportBlock, type ReportDocument, type ReportFormat } from './report-document';

export const STATUS_NAMES: Record<RagStatus | 'not rated', string> = {
  'on track': 'On track',
  'some concerns': 'Some concerns',
  'off track': 'Off track',
  'not rated': 'Not rated',
};

const STATUS_COLOURS: Record<RagStatus | 'not rated', string> = {
  'on track': '#2e7d32',
  'some concerns': '#b26a00',
  'off track': '#c62828',
  'not rated': '#757575',
};

const STATUS_ORDER = ['on track', 'some concerns', 'off track', 'not rated'] as const;

/** Everything the outcomes document is made from; no store involved. */
export interface OutcomesInput {
  readonly fromTerm: TermKey;
  readonly toTerm: TermKey;
  readonly localities: readonly Locality[];
  readonly priorities: readonly Priority[];
  /** Updates of any term; those outside the range are ignored. */
  readonly updates: readonly PriorityUpdate[];
  /** The council's themes to group by; the defaults when absent. */
  readonly themes?: readonly Theme[];
}

function byTerm(a: TermKey, b: TermKey): number {
  return compareTerms(termFromKey(a), termFromKey(b));
}

function inRange(input: Pick<OutcomesInput, 'fromTerm' | 'toTerm'>, term: TermKey): boolean {
  return byTerm(term, input.fromTerm) >= 0 && byTerm(term, input.toTerm) <= 0;
}

/** The first term of a term's academic year: the range the county report's outcomes cover. */
export function yearStartTerm(term: TermKey): TermKey {
  return termKey({ academicYear: termFromKey(term).academicYear, season: 'Autumn' });
}

/** "Autumn 2024 to Summer 2025", or one term's label. */
export function rangeLabel(fromTerm: TermKey, toTerm: TermKey): string {
  const from = termShortLabel(termFromKey(fromTerm));
  return fromTerm === toTerm ? from : `${from} to ${termShortLabel(termFromKey(toTerm))}`;
}

/** "3 on track, 1 some concerns, 0 off track, 1 not rated". */
export function countsLine(group: OutcomeGroup): string {
  return STATUS_ORDER.map((status) => `${group.latest[status]} ${status}`).join(', ');
}

/** "Autumn 2024: on track → Spring 2025: some concerns". */
export function trendLine(trend: PriorityTrend): string {
  return trend.statuses.map((status) => `${termShortLabel(termFromKey(status.term))}: ${status.rag ?? 'not rated'}`).join(' → ');
}

export function figuresLine(figures: readonly ImpactFigure[]): string {
  return figures.map((figure) => `${figure.value.toLocaleString('en-GB')} ${figure.counts}`).join('; ');
}

/** The counts of each status in each term of the range (every update counted in its own term). */
export function statusByTerm(input: Pick<OutcomesInput, 'fromTerm' | 'toTerm' | 'updates'>): StackedBarChart {
  const updates = input.updates.filter((update) => inRange(input, update.term));
  const terms = [...new Set(updates.map((update) => update.term))].sort(byTerm);
  return {
    title: 'Priorities by status, term by term',
    categories: terms.map((term) => termShortLabel(termFromKey(term))),
    series: STATUS_ORDER.map((status) => ({
      name: STATUS_NAMES[status],
      colour: STATUS_COLOURS[status],
      values: terms.map((term) => updates.filter((update) => update.term === term && (update.rag ?? 'not rated') === status).length),
    })),
  };
}

/** The latest status of the priorities of each theme, as a chart. */
export function statusByTheme(summary: OutcomeSummary): StackedBarChart {
  return {
    title: 'Latest status of priorities by theme',
    categories: summary.byTheme.map((theme) => theme.name),
    series: STATUS_ORDER.map((status) => ({ name: STATUS_NAMES[status], colour: STATUS_COLOURS[status], values: summary.byTheme.map((theme) => theme.latest[status]) })),
  };
}

function chartBlocks(chart: StackedBarChart, image: ChartImage): ReportBlock[] {
  return [
    { kind: 'image', ...image },
    {
      kind: 'table',
      caption: chart.title,
      header: ['', ...chart.series.map((series) => series.name)],
      rows: chart.categories.map((category, index) => [category, ...chart.series.map((series) => String(series.values[index] ?? 0))]),
    },
  ];
}

function priorityRows(trends: OutcomeSummary['priorities'], localities: readonly Locality[]): string[][] {
  const nameOf = new Map(localities.map((locality) => [locality.id, locality.name]));
  return trends.map((trend) => [nameOf.get(trend.localityId) ?? trend.localityId, trend.title, trendLine(trend), trend.direction, figuresLine(trend.figures) || '–']);
}

const PRIORITY_HEADER = ['Locality', 'Priority', 'Status by term', 'Direction', 'Latest figures'];

/**
 * The outcomes blocks. `baseLevel` is the level of the "Outcomes" heading: 1 in a document of
 * its own, 2 inside the county report. Charts are drawn here (SVG and PNG).
 */
export function outcomesBlocks(input: OutcomesInput, baseLevel: HeadingLevel = 1, options: { anchor?: string } = {}): ReportBlock[] {
  const summary = summariseOutcomes(input.priorities, input.updates, input.localities, input.fromTerm, input.toTerm, input.themes ?? DEFAULT_THEMES);
  const sub = Math.min(4, baseLevel + 1) as HeadingLevel;
  const subSub = Math.min(4, baseLevel + 2) as HeadingLevel;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: baseLevel, text: 'Outcomes across terms', ...(options.anchor ? { anchor: options.anchor } : {}) },
    { kind: 'paragraph', text: rangeLabel(input.fromTerm, input.toTerm) },
  ];
  if (summary.priorities.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No priority has an update in these terms yet.' });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: `${summary.county.priorities} priorities. Latest status: ${countsLine(summary.county)}. Since the first rated term: ${summary.county.directions.improving} improving, ${summary.county.directions.steady} steady, ${summary.county.directions.worsening} worsening.`,
  });
  const byTermChart = statusByTerm(input);
  blocks.push(...chartBlocks(byTermChart, renderStackedBarChart(byTermChart)));

  blocks.push({ kind: 'heading', level: sub, text: 'By theme' });
  const byThemeChart = statusByTheme(summary);
  blocks.push(...chartBlocks(byThemeChart, renderStackedBarChart(byThemeChart)));
  for (const theme of summary.byTheme) {
    blocks.push({ kind: 'heading', level: subSub, text: theme.name });
    blocks.push({ kind: 'paragraph', text: `${theme.priorities} ${theme.priorities === 1 ? 'priority' : 'priorities'}: ${countsLine(theme)}.` });
    const members = summary.priorities.filter((trend) => (theme.themeId === 'unthemed' ? trend.themes.length === 0 : trend.themes.includes(theme.themeId)));
    blocks.push({ kind: 'table', caption: `${theme.name}: priorities`, header: PRIORITY_HEADER, rows: priorityRows(members, input.localities) });
  }

  blocks.push({ kind: 'heading', level: sub, text: 'By locality' });
  blocks.push({
    kind: 'table',
    caption: 'Latest status and direction by locality',
    header: ['Locality', 'Priorities', ...STATUS_ORDER.map((status) => STATUS_NAMES[status]), 'Improving', 'Worsening'],
    rows: summary.byLocality.map((locality) => [
      locality.name,
      String(locality.priorities),
      ...STATUS_ORDER.map((status) => String(locality.latest[status])),
      String(locality.directions.improving),
      String(locality.directions.worsening),
    ]),
  });
  return blocks;
}

/** Outcomes across terms as a document of its own. */
export function compileOutcomesReport(input: OutcomesInput): ReportDocument {
  const range = rangeLabel(input.fromTerm, input.toTerm);
  return {
    title: `TASS outcomes – ${range}`,
    description: `Outcomes of TASS priorities by theme and locality, ${range}`,
    blocks: outcomesBlocks(input, 1),
  };
}

/** The outcomes input from a snapshot of every term (what the county compile reads); no store access. */
export function outcomesInputFromSnapshot(snapshot: CountySnapshot, fromTerm: TermKey, toTerm: TermKey, themes?: readonly Theme[]): OutcomesInput {
  return {
    fromTerm,
    toTerm,
    localities: snapshot.localities,
    // The snapshot keeps each locality's priorities in store order, in locality order.
    priorities: snapshot.priorities.flat(),
    updates: snapshot.updates.filter((update) => inRange({ fromTerm, toTerm }, update.term)),
    ...(themes ? { themes } : {}),
  };
}

/** Reads what the outcomes document needs: every locality, its priorities, and every update. */
export async function loadOutcomesInput(store: ReportStore, fromTerm: TermKey, toTerm: TermKey, themes?: readonly Theme[]): Promise<OutcomesInput> {
  // Every priority in one read (not one per locality), in locality order as before.
  const [localities, updates, allPriorities] = await Promise.all([store.listLocalities(), store.listPriorityUpdates({}), store.listPriorities()]);
  const priorities = localities.flatMap((locality) => allPriorities.filter((priority) => priority.localityId === locality.id));
  return { fromTerm, toTerm, localities, priorities, updates: updates.filter((update) => inRange({ fromTerm, toTerm }, update.term)), ...(themes ? { themes } : {}) };
}

/**
 * The outcomes document as a file in any format, grouped by the council's themes (the defaults
 * when none are given). Throws TermRangeError when the range runs backwards.
 */
export async function compileOutcomesReportFile(
  store: ReportStore,
  fromTerm: TermKey,
  toTerm: TermKey,
  format: ReportFormat,
  themes: readonly Theme[] = DEFAULT_THEMES,
): Promise<CompiledReportFile> {
  const document = compileOutcomesReport(await loadOutcomesInput(store, fromTerm, toTerm, themes));
  const content = await renderReport(document, format);
  return { content, fileName: `TASS-outcomes-${fromTerm}-to-${toTerm}.${FILE_EXTENSIONS[format]}`, mediaType: MEDIA_TYPES[format] };
}
