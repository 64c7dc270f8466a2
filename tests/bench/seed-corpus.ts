/**
 * Realistic bench data from the shared seed reports (/work/shared/seeds, beside the project):
 * their priorities' text for seeding stores, and a corpus of report files in their own format
 * (non-breaking spaces, bullets and missing headings kept) with the locality and term varied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SECTION_NAMES, type Priority, type PriorityUpdate, type SectionName, type SectionText } from '../../src/domain/model';
import { termFromKey, termKey, termLabel, tryParseTerm, SEASONS, type TermKey } from '../../src/domain/term';
import { parseReportText } from '../../src/import/parse-report-text';
import type { ParsedPriority } from '../../src/import/parsed-report';
import { seedFiles } from '../support/report-round-trip';

/** Used only to parse seeds that name no locality. */
const SEED_LOCALITY = 'Seed Locality';

export interface SeedReport {
  readonly file: string;
  readonly text: string;
}

/** The .txt seeds, in name order. */
export function readSeedReports(): SeedReport[] {
  const files = seedFiles().filter((file) => file.toLowerCase().endsWith('.txt'));
  if (files.length === 0) throw new Error('no .txt seed reports found beside the project (../shared/seeds)');
  return files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/** Every priority written in the seeds, as parsed by the importer. */
export function seedPriorities(seeds: readonly SeedReport[] = readSeedReports()): ParsedPriority[] {
  const found = seeds.flatMap((seed) => parseReportText(seed.text, { locality: SEED_LOCALITY }).reports.flatMap((report) => report.priorities));
  if (found.length === 0) throw new Error('the seed reports hold no priorities');
  return found;
}

/** The n-th of `count` priorities of a locality, with seed text (cycled), and its update for `term`. */
export function seededPriority(
  parsed: readonly ParsedPriority[],
  localityId: string,
  index: number,
  term: TermKey,
  offset = 0,
): { priority: Priority; update: PriorityUpdate } {
  const source = parsed[(offset + index) % parsed.length];
  const priority: Priority = {
    id: `${localityId}-priority-${index + 1}`,
    localityId,
    title: source.title,
    intendedOutcomes: source.sections.intendedOutcomes,
    exitStrategy: source.sections.exitStrategy,
    themes: [],
    status: 'active',
    openedTerm: term,
    order: index + 1,
    version: 0,
  };
  const section = (name: Exclude<SectionName, 'priority'>): SectionText => source.sections[name];
  const update: PriorityUpdate = {
    priorityId: priority.id,
    localityId,
    term,
    title: source.title,
    intendedOutcomes: section('intendedOutcomes'),
    activityLastPeriod: section('activityLastPeriod'),
    plannedActivityNextPeriod: section('plannedActivityNextPeriod'),
    impactSoFar: section('impactSoFar'),
    exitStrategy: section('exitStrategy'),
    carryForward: [],
    sectionsDone: [...SECTION_NAMES],
    figures: [],
    version: 0,
  };
  return { priority, update };
}

function isBlank(line: string): boolean {
  return line.replace(/[\s\u00a0]/g, '') === '';
}

/**
 * The seed's text as the report of another locality and term: the term line is rewritten, the
 * locality line replaced (or added, for seeds that have none). Everything else is left as it is.
 */
export function asReportOf(seedText: string, localityName: string, term: TermKey): string {
  const lines = seedText.split('\n');
  const label = termLabel(termFromKey(term));
  const termLine = lines.findIndex((line) => line.trim().length > 0 && line.trim().length <= 40 && tryParseTerm(line) !== undefined);
  if (termLine < 0) throw new Error('a seed report has no term line to vary');
  lines[termLine] = label;
  const first = lines.findIndex((line) => !isBlank(line));
  if (/^education\s+partnership\s+officer/i.test(lines[first].trim())) lines.splice(first, 0, localityName, '');
  else lines[first] = localityName;
  return lines.join('\n');
}

/** Terms from Autumn 2024 backwards, as many as asked for. */
export function pastTerms(count: number): TermKey[] {
  const terms: TermKey[] = [];
  for (let year = 2024; terms.length < count; year -= 1) {
    for (const season of [...SEASONS].reverse()) {
      if (year === 2024 && season !== 'Autumn') continue;
      if (terms.length < count) terms.push(termKey({ academicYear: year, season }));
    }
  }
  return terms;
}

/**
 * Writes `count` report files into `dir`: every (locality, term) pair at most once, the seeds
 * taken in turn. Returns the file paths. Each file is checked to read back as intended.
 */
export function writeImportCorpus(dir: string, count: number, localities = 50, seeds: readonly SeedReport[] = readSeedReports()): string[] {
  const terms = pastTerms(Math.ceil(count / localities));
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const localityName = `Bench Locality ${(i % localities) + 1}`;
    const term = terms[Math.floor(i / localities)];
    const text = asReportOf(seeds[i % seeds.length].text, localityName, term);
    if (i < seeds.length) {
      const parsed = parseReportText(text);
      const report = parsed.reports[0];
      const errors = parsed.problems.filter((problem) => problem.severity === 'error');
      if (parsed.reports.length !== 1 || report.locality !== localityName || !report.term || termKey(report.term) !== term || errors.length > 0) {
        throw new Error(`a generated report from ${path.basename(seeds[i % seeds.length].file)} does not read back as ${localityName}, ${term}`);
      }
    }
    const file = path.join(dir, `report-${String(i).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
