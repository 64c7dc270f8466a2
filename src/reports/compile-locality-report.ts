/**
 * The locality report as structure, exactly in the layout EPOs have always written: the
 * locality, its officer(s), the period, then each priority with its six sections.
 */
import {
  type CarryForwardMark,
  type Locality,
  type LocalityReport,
  type Officer,
  type Priority,
  type PriorityUpdate,
  type SectionName,
  type SectionText,
  EMPTY_SECTION,
  SECTION_HEADINGS,
  SECTION_NAMES,
} from '../domain/model';
import { type TermKey, compareTerms, termFromKey } from '../domain/term';
import { sectionLines } from '../domain/section-text';
import { markedItemText } from '../domain/carry-forward-marks';
import type { HeadingLevel, ReportBlock, ReportDocument } from './report-document';

/** Everything one locality's report for one term is compiled from; no store involved. */
export interface LocalityReportInput {
  readonly locality: Locality;
  readonly term: TermKey;
  /** How the period is printed, e.g. "Spring – March 2025". */
  readonly termLabel: string;
  /** The authors, in the order their names are printed. */
  readonly officers: readonly Officer[];
  /** Every priority of the locality, any term; the compiler picks those that belong in `term`. */
  readonly priorities: readonly Priority[];
  /** The locality's priority updates for `term`. */
  readonly updates: readonly PriorityUpdate[];
  readonly report?: LocalityReport;
}

/** One priority as it appears in a term's report. */
export interface PriorityInReport {
  readonly priority: Priority;
  readonly title: string;
  readonly sections: Readonly<Record<Exclude<SectionName, 'priority'>, SectionText>>;
  /** How each of last term's planned items went, printed under Activity last period. */
  readonly carryForward: readonly CarryForwardMark[];
  /** Set when the priority closed or was handed over in this very term. */
  readonly closing?: { readonly status: 'closed' | 'handed over'; readonly note?: string };
}

function isBefore(a: TermKey, b: TermKey): boolean {
  return compareTerms(termFromKey(a), termFromKey(b)) < 0;
}

/**
 * The priorities of a term, in report order: those with an update for the term, and those that
 * closed or were handed over in it. A priority opened after the term, or closed before it, is
 * left out even if a stray update exists.
 */
export function prioritiesInTerm(input: Pick<LocalityReportInput, 'term' | 'priorities' | 'updates'>): PriorityInReport[] {
  const updatesById = new Map(input.updates.map((update) => [update.priorityId, update] as const));
  const chosen: PriorityInReport[] = [];
  for (const priority of input.priorities) {
    if (isBefore(input.term, priority.openedTerm)) continue;
    const closedHere = priority.status !== 'active' && priority.closedTerm === input.term;
    if (priority.status !== 'active' && priority.closedTerm && isBefore(priority.closedTerm, input.term)) continue;
    const update = updatesById.get(priority.id);
    if (!update && !closedHere) continue;
    chosen.push({
      priority,
      title: update?.title || priority.title,
      sections: {
        intendedOutcomes: update?.intendedOutcomes ?? priority.intendedOutcomes,
        activityLastPeriod: update?.activityLastPeriod ?? EMPTY_SECTION,
        plannedActivityNextPeriod: update?.plannedActivityNextPeriod ?? EMPTY_SECTION,
        impactSoFar: update?.impactSoFar ?? EMPTY_SECTION,
        exitStrategy: update?.exitStrategy ?? priority.exitStrategy,
      },
      carryForward: update?.carryForward ?? [],
      ...(closedHere
        ? { closing: { status: priority.status as 'closed' | 'handed over', ...(priority.closingNote ? { note: priority.closingNote } : {}) } }
        : {}),
    });
  }
  return chosen;
}

/** "Education Partnership Officer" for one, "Education Partnership Officers" for several. */
export function officerHeading(count: number): string {
  return count > 1 ? 'Education Partnership Officers' : 'Education Partnership Officer';
}

/** Officer names as the reports print them: "Claire Fox/Alison Walsh". */
export function officerNames(officers: readonly Officer[]): string {
  return officers.map((officer) => officer.name).join('/');
}

function sectionBlocks(text: SectionText): ReportBlock[] {
  const lines = sectionLines(text).filter((line) => line.trim().length > 0);
  if (lines.length === 0) return [];
  if (text.kind === 'items') return [{ kind: 'bullets', items: lines }];
  return lines.map((line) => ({ kind: 'paragraph', text: line }));
}

/**
 * Activity last period: what the author wrote, then last term's planned items with their
 * outcomes, "Police rep to attend the next meeting. (partly done)", as items after the text
 * (in the same list when the author wrote a list). The importer reads such trailing items back
 * as marks.
 */
function activityBlocks(text: SectionText, marks: readonly CarryForwardMark[]): ReportBlock[] {
  const written = sectionBlocks(text);
  if (marks.length === 0) return written;
  const marked = marks.map(markedItemText);
  const last = written[written.length - 1];
  if (last?.kind === 'bullets') return [...written.slice(0, -1), { kind: 'bullets', items: [...last.items, ...marked] }];
  return [...written, { kind: 'bullets', items: marked }];
}

function closingText(closing: NonNullable<PriorityInReport['closing']>): string {
  const what = closing.status === 'closed' ? 'Closed this period' : 'Handed over this period';
  return closing.note ? `${what}: ${closing.note}` : `${what}.`;
}

function level(base: HeadingLevel, offset: number): HeadingLevel {
  return Math.min(4, base + offset) as HeadingLevel;
}

/**
 * The blocks of one locality's report. `baseLevel` is the heading level of the locality name:
 * 1 in a report of its own, 2 inside the county report (which links to it by `anchor`).
 */
export function localityReportBlocks(input: LocalityReportInput, baseLevel: HeadingLevel = 1, anchor?: string): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: baseLevel, text: input.locality.name, ...(anchor ? { anchor } : {}) }];
  if (input.officers.length > 0) {
    blocks.push({ kind: 'heading', level: level(baseLevel, 1), text: officerHeading(input.officers.length) });
    blocks.push({ kind: 'paragraph', text: officerNames(input.officers) });
  }
  blocks.push({ kind: 'heading', level: level(baseLevel, 1), text: 'Period' });
  blocks.push({ kind: 'paragraph', text: input.termLabel });
  for (const entry of prioritiesInTerm(input)) {
    blocks.push({ kind: 'heading', level: level(baseLevel, 1), text: SECTION_HEADINGS.priority, spaced: true });
    blocks.push({ kind: 'paragraph', text: entry.title });
    if (entry.closing) blocks.push({ kind: 'paragraph', text: closingText(entry.closing) });
    for (const name of SECTION_NAMES) {
      if (name === 'priority') continue;
      blocks.push({ kind: 'heading', level: level(baseLevel, 2), text: SECTION_HEADINGS[name] });
      blocks.push(...(name === 'activityLastPeriod' ? activityBlocks(entry.sections[name], entry.carryForward) : sectionBlocks(entry.sections[name])));
    }
  }
  return blocks;
}

/** One locality's report for one term, as a document. */
export function compileLocalityReport(input: LocalityReportInput): ReportDocument {
  return {
    title: `${input.locality.name} – ${input.termLabel}`,
    description: `TASS locality report for ${input.locality.name}, ${input.termLabel}`,
    blocks: localityReportBlocks(input, 1),
  };
}
