/**
 * What the report card offers to do next. An unfinished priority offers "Continue this
 * priority"; a finished one offers "Edit a section" (any of its six), since continuing a
 * finished priority only walked back through it. Once the last section of a priority is saved,
 * the card offers the step after it, just under its notice: the next unfinished priority, or
 * "Review and submit" when every priority is done.
 */
import { SECTION_HEADINGS, SECTION_NAMES } from '../../domain/model';
import type { ReportCardData, ReportCardPriority } from '../../cards/card-models';
import { plainCardText, shortenText } from '../../cards/escape-card-text';
import { contextFor } from './card-context';
import { sectionsDoneCount, type PriorityInReport, type ReportState } from './report-state';

/** Characters of the next priority's title on its button; Teams cuts longer button titles anyway. */
const NEXT_TITLE_CHARS = 40;

/** All six sections done, each with text. */
export function isFinished(entry: PriorityInReport): boolean {
  return sectionsDoneCount(entry.update) === SECTION_NAMES.length;
}

/** The first unfinished priority after this one in report order, else the first before it. */
export function nextUnfinished(state: ReportState, priorityId: string): PriorityInReport | undefined {
  const index = state.priorities.findIndex((entry) => entry.priority.id === priorityId);
  const others = [...state.priorities.slice(index + 1), ...state.priorities.slice(0, Math.max(index, 0))];
  return others.find((entry) => entry.priority.id !== priorityId && !isFinished(entry));
}

/** The buttons under one priority of an editable report card. */
export function priorityButtons(state: ReportState, entry: PriorityInReport): Pick<ReportCardPriority, 'canContinue' | 'editRows'> {
  if (!isFinished(entry)) return { canContinue: true, editRows: [] };
  const sections = SECTION_NAMES.map((section) => ({
    heading: SECTION_HEADINGS[section],
    data: contextFor(state, 'section', { priorityId: entry.priority.id, section, version: entry.update.version }),
  }));
  // Rows of three: Teams shows at most five buttons in one action set.
  return { canContinue: false, editRows: [{ sections: sections.slice(0, 3) }, { sections: sections.slice(3) }] };
}

/** The step offered under the notice once `finishedId` is finished: the next unfinished priority, or Review and submit. */
export function stepAfter(state: ReportState, finishedId: string): NonNullable<ReportCardData['nextStep']> {
  const next = nextUnfinished(state, finishedId);
  if (!next) return { title: 'Review and submit' };
  return {
    title: `Next: ${plainCardText(shortenText(next.update.title || next.priority.title || 'New priority', NEXT_TITLE_CHARS))}`,
    continueData: contextFor(state, 'section', { priorityId: next.priority.id, version: next.update.version }),
  };
}
