/**
 * The body of a past report: priorities and their sections. A priority usually starts with a
 * "Priority" heading, but in some reports the title line simply follows the last Exit Strategy
 * (or the period), so a section heading that goes back in the order also starts a priority,
 * taking its title from the lines just before it.
 */
import { type CarryForwardMark, type SectionName, type SectionText, SECTION_NAMES } from '../domain/model';
import { readMarkedItem } from '../domain/carry-forward-marks';
import { type ReportLine, continuesLine } from './report-lines';
import type { ImportProblem } from './parsed-report';

export type BodySection = Exclude<SectionName, 'priority'>;

export interface ParsedPriority {
  readonly title: string;
  /** Line of the title (or of the Priority heading). */
  readonly line: number;
  readonly sections: Readonly<Record<BodySection, SectionText>>;
  /** Last term's planned items with their outcomes, read off the end of Activity last period. */
  readonly carryForward: readonly CarryForwardMark[];
}

interface PriorityDraft {
  line: number;
  title: ReportLine[];
  sections: Map<BodySection, ReportLine[]>;
  /** Section headings met so far in this priority. */
  headings: Set<BodySection>;
}

/**
 * A section heading without a Priority heading starts a new priority when this priority has
 * had that heading already, or when it is Intended Outcomes (always a priority's first section)
 * after later sections. Other headings out of the usual order stay in the same priority.
 */
function startsNewPriority(draft: PriorityDraft, heading: BodySection): boolean {
  if (draft.headings.has(heading)) return true;
  return heading === 'intendedOutcomes' && draft.headings.size > 0;
}

/** Whether each line continues the one before it (a wrapped item or paragraph). */
function continuations(lines: readonly ReportLine[]): boolean[] {
  const anyBullet = lines.some((line) => line.bullet);
  return lines.map((line, index) => index > 0 && continuesLine(lines[index - 1], line, anyBullet));
}

/** Joins wrapped lines back into the lines the author wrote. */
function joinedLines(lines: readonly ReportLine[]): string[] {
  const joined: string[] = [];
  const continued = continuations(lines);
  lines.forEach((line, index) => {
    if (continued[index] && joined.length > 0) joined[joined.length - 1] = `${joined[joined.length - 1]} ${line.content}`;
    else joined.push(line.content);
  });
  return joined;
}

/** Lines with any bullet are a list (plain lines become items too); otherwise each line is a paragraph. */
export function sectionFromLines(lines: readonly ReportLine[]): SectionText {
  const texts = joinedLines(lines);
  return lines.some((line) => line.bullet) ? { kind: 'items', items: texts } : { kind: 'prose', paragraphs: texts };
}

/**
 * Splits Activity last period into what the author wrote and the carry-forward marks a compiled
 * report prints after it: the trailing run of items ending "(done)", "(partly done)", "(not
 * done)" or "(carried forward)". Plain paragraphs, and items before other text, stay as written.
 */
export function splitCarryForward(lines: readonly ReportLine[]): { written: ReportLine[]; marks: CarryForwardMark[] } {
  let start = lines.length;
  while (start > 0 && lines[start - 1].bullet && readMarkedItem(lines[start - 1].content)) start -= 1;
  const marks = lines.slice(start).map((line) => readMarkedItem(line.content) as CarryForwardMark);
  return { written: lines.slice(0, start), marks };
}

/**
 * Takes the title of a headingless priority off the end of the section before it: the plain
 * lines after the last bullet when that section is a list, else its last line.
 */
function takeTitle(lines: ReportLine[]): ReportLine[] {
  if (lines.length === 0 || lines[lines.length - 1].bullet) return [];
  const continued = continuations(lines);
  let start = lines.length - 1;
  if (lines.some((line) => line.bullet)) {
    while (start > 0 && !lines[start - 1].bullet) start -= 1;
  }
  while (start < lines.length - 1 && continued[start]) start += 1;
  return lines.splice(start);
}

/** Parses the lines after a report's header into priorities. */
export function parsePriorities(lines: readonly ReportLine[], problems: ImportProblem[]): ParsedPriority[] {
  const drafts: PriorityDraft[] = [];
  let current: PriorityDraft | undefined;
  let section: SectionName = 'priority';
  const before: ReportLine[] = [];

  const start = (line: number, title: ReportLine[]): PriorityDraft => {
    const draft: PriorityDraft = { line, title, sections: new Map(), headings: new Set() };
    drafts.push(draft);
    return draft;
  };

  for (const line of lines) {
    const heading = line.heading;
    if (heading && heading.kind !== 'officers' && heading.kind !== 'period') {
      const inline = heading.inline ?? (heading.kind === 'priority' ? heading.qualifier : undefined);
      if (heading.kind === 'priority') {
        current = start(line.number, []);
      } else if (!current) {
        const title = takeTitle(before);
        current = start(title[0]?.number ?? line.number, title);
      } else if (startsNewPriority(current, heading.kind)) {
        const title = takeTitle(current.sections.get(section as BodySection) ?? []);
        current = start(title[0]?.number ?? line.number, title);
      }
      section = heading.kind;
      if (section !== 'priority') current.headings.add(section);
      if (heading.kind !== 'priority' && heading.qualifier) {
        problems.push({ line: line.number, text: line.text, reason: `heading note "${heading.qualifier}" is not kept; the house heading is used`, severity: 'warning' });
      }
      if (inline) {
        addLine(current, section, { number: line.number, text: inline, content: inline, bullet: false, indent: line.indent, blankBefore: true });
      }
      continue;
    }
    if (heading) {
      problems.push({ line: line.number, text: line.text, reason: `a "${line.text}" heading in the middle of a report cannot be placed`, severity: 'error' });
      continue;
    }
    if (!current) before.push(line);
    else addLine(current, section, line);
  }

  for (const line of before) {
    problems.push({ line: line.number, text: line.text, reason: 'text before the first priority cannot be placed', severity: 'error' });
  }

  return drafts.map((draft) => {
    if (draft.title.length === 0) {
      problems.push({ line: draft.line, text: '', reason: 'a priority has no title', severity: 'error' });
    }
    const activity = splitCarryForward(draft.sections.get('activityLastPeriod') ?? []);
    const linesOf = (name: BodySection): readonly ReportLine[] => (name === 'activityLastPeriod' ? activity.written : draft.sections.get(name) ?? []);
    const sections = Object.fromEntries(
      SECTION_NAMES.filter((name): name is BodySection => name !== 'priority').map((name) => [name, sectionFromLines(linesOf(name))]),
    ) as Record<BodySection, SectionText>;
    return { title: joinedLines(draft.title).join(' '), line: draft.line, sections, carryForward: activity.marks };
  });
}

function addLine(draft: PriorityDraft, section: SectionName, line: ReportLine): void {
  if (section === 'priority') {
    draft.title.push(line);
    return;
  }
  const lines = draft.sections.get(section) ?? [];
  lines.push(line);
  draft.sections.set(section, lines);
}
