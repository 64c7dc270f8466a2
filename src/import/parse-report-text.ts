/**
 * Reads past TASS reports from plain text: one or several per file, each a locality line (some
 * reports leave it out), the officer(s), the period, then the priorities. Pure: nothing is
 * stored here, and every line it cannot place comes back as a problem with its line number.
 */
import { type Term, MONTH_NAMES, SEASONS, termKey, tryParseTerm } from '../domain/term';
import { parsePriorities } from './parse-priorities';
import type { ImportProblem, ParseHints, ParseResult, ParsedReport } from './parsed-report';
import { type ReportLine, readReportLines } from './report-lines';

const TERM_WORDS = new RegExp(
  `\\b(?:${[...SEASONS, ...MONTH_NAMES, ...MONTH_NAMES.map((month) => month.slice(0, 3)), 'sept', 'term', 'half', 'period', 'academic', 'year'].join('|')})\\b`,
  'gi',
);

/** A line that is a term label and nothing else: "Summer 1 - May 2024", "Autumn October 24". */
export function termOfLine(line: ReportLine): Term | undefined {
  if (line.bullet || line.heading || line.text.length > 40 || !/\d/.test(line.text)) return undefined;
  const leftover = line.text.replace(TERM_WORDS, '').replace(/[\d\s\-\u2013\u2014/,.:()]+/g, '');
  return leftover === '' ? tryParseTerm(line.text) : undefined;
}

/** A short line that can name a locality: no sentence punctuation at its end, a few words. */
function couldBeLocality(line: ReportLine | undefined): line is ReportLine {
  return (
    line !== undefined &&
    !line.bullet &&
    !line.heading &&
    line.text.length <= 60 &&
    line.text.split(' ').length <= 6 &&
    !/[.!?;:,]$/.test(line.text) &&
    termOfLine(line) === undefined
  );
}

/** A line of officer names: "Claire Fox", "Claire Fox/Alison Walsh", "A & B", "A and B". */
function couldBeNames(line: ReportLine): boolean {
  return !line.bullet && !line.heading && line.text.length <= 80 && !/\d/.test(line.text) && !/[.!?;:]$/.test(line.text);
}

/** Splits joint officers: "A/B", "A & B", "A and B", "A, B". */
export function splitOfficerNames(text: string): string[] {
  return text
    .split(/\s*(?:\/|&|\+|,|;|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

interface Header {
  locality?: string;
  officers: string[];
  term?: Term;
  bodyStart: number;
}

function parseHeader(lines: readonly ReportLine[], problems: ImportProblem[]): Header {
  const header: Header = { officers: [], bodyStart: 0 };
  let index = 0;
  const next = lines[1];
  if (couldBeLocality(lines[0]) && next && (next.heading?.kind === 'officers' || next.heading?.kind === 'period' || termOfLine(next))) {
    header.locality = lines[0].text;
    index = 1;
  }
  let expecting: 'officers' | 'period' | undefined;
  let namesContinue = false;
  for (; index < lines.length; index += 1) {
    const line = lines[index];
    const kind = line.heading?.kind;
    if (kind === 'officers' || kind === 'period') {
      expecting = kind;
      const inline = line.heading?.inline ?? line.heading?.qualifier;
      if (inline && kind === 'officers') header.officers.push(...splitOfficerNames(inline));
      if (inline && kind === 'period') {
        header.term = tryParseTerm(inline);
        if (!header.term) problems.push({ line: line.number, text: line.text, reason: 'the period is not a term label', severity: 'error' });
      }
      continue;
    }
    if (line.heading) break;
    const term = header.term ? undefined : termOfLine(line);
    if (term) {
      header.term = term;
      expecting = undefined;
      continue;
    }
    if (expecting === 'period' && !header.term) {
      problems.push({ line: line.number, text: line.text, reason: 'expected a term label such as "Autumn – October 2024" after "Period"', severity: 'error' });
      expecting = undefined;
      continue;
    }
    // One line of names, or more while a line ends in a joiner ("Claire Fox &").
    if (expecting === 'officers' && couldBeNames(line) && (header.officers.length === 0 || namesContinue)) {
      header.officers.push(...splitOfficerNames(line.text));
      namesContinue = /(?:\/|&|\+|,|\band)$/i.test(line.text);
      continue;
    }
    break;
  }
  header.bodyStart = index;
  return header;
}

/** Where each report starts: at its locality line when there is one, else at its officer heading. */
function reportStarts(lines: readonly ReportLine[]): number[] {
  const starts: number[] = [];
  let floor = 0;
  lines.forEach((line, index) => {
    if (line.heading?.kind !== 'officers') return;
    const start = index > floor && couldBeLocality(lines[index - 1]) ? index - 1 : index;
    starts.push(start);
    floor = index + 2;
  });
  return starts.length > 0 ? starts : [0];
}

/** Parses the text of a file holding one or more past reports. */
export function parseReportText(text: string, hints: ParseHints = {}): ParseResult {
  const lines = readReportLines(text);
  const problems: ImportProblem[] = [];
  if (lines.length === 0) {
    problems.push({ line: 1, text: '', reason: 'the file has no text', severity: 'error' });
    return { reports: [], problems };
  }
  const starts = reportStarts(lines);
  for (const line of lines.slice(0, starts[0])) {
    problems.push({ line: line.number, text: line.text, reason: 'text before the first report cannot be placed', severity: 'error' });
  }
  const reports: ParsedReport[] = [];
  const seen = new Set<string>();
  starts.forEach((start, index) => {
    const region = lines.slice(start, starts[index + 1] ?? lines.length);
    const header = parseHeader(region, problems);
    const priorities = parsePriorities(region.slice(header.bodyStart), problems);
    const locality = header.locality ?? hints.locality;
    const term = header.term ?? hints.term;
    const line = region[0].number;
    if (!locality) problems.push({ line, text: region[0].text, reason: 'the report names no locality: pass --locality NAME', severity: 'error' });
    if (!term) problems.push({ line, text: region[0].text, reason: 'the report names no term: pass --term LABEL', severity: 'error' });
    if (header.officers.length === 0) problems.push({ line, text: region[0].text, reason: 'the report names no Education Partnership Officer', severity: 'warning' });
    if (priorities.length === 0) problems.push({ line, text: region[0].text, reason: 'the report has no priorities', severity: 'error' });
    const key = `${locality?.toLowerCase()}|${term ? termKey(term) : ''}`;
    if (locality && term && seen.has(key)) {
      problems.push({ line, text: region[0].text, reason: `a second report for ${locality} in the same term`, severity: 'error' });
    }
    seen.add(key);
    reports.push({ line, ...(locality ? { locality } : {}), officers: header.officers, ...(term ? { term } : {}), priorities });
  });
  problems.sort((a, b) => a.line - b.line);
  return { reports, problems };
}
