/**
 * Works out what importing parsed reports would change in the store, without writing: which
 * localities and officers are new, which priorities match existing ones (same locality, same
 * title once normalised) and the versions every save must expect. `tass import --dry-run`
 * prints this plan; a real import applies it.
 */
import { randomUUID } from 'node:crypto';
import {
  type Locality,
  type LocalityReport,
  type Officer,
  type Priority,
  type PriorityUpdate,
  SECTION_NAMES,
} from '../domain/model';
import { type TermKey, compareTerms, termFromKey, termKey, unusualMonthOf } from '../domain/term';
import { cleanLine } from '../domain/section-text';
import type { ReportStore } from '../store/report-store';
import type { ParsedPriority, ParsedReport } from './parsed-report';

export interface Versioned<T> {
  readonly value: T;
  /** 0 when the entity is new. */
  readonly expectedVersion: number;
}

export interface PlannedPriority {
  readonly priority: Priority;
  readonly isNew: boolean;
  readonly update: Versioned<PriorityUpdate>;
}

export interface PlannedReport {
  readonly locality: Locality;
  readonly officers: readonly Officer[];
  readonly term: TermKey;
  readonly report: Versioned<LocalityReport>;
  readonly priorities: readonly PlannedPriority[];
  /** Priorities to create or change with this report's save (each saved once per file). */
  readonly prioritySaves: readonly Versioned<Priority>[];
}

export interface ImportPlan {
  readonly newLocalities: readonly Locality[];
  readonly newOfficers: readonly Officer[];
  readonly reports: readonly PlannedReport[];
}

export class ImportPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportPlanError';
  }
}

/** How titles and names are compared: case, spacing, dashes, quotes and end punctuation do not count. */
export function normaliseTitle(text: string): string {
  return cleanLine(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s*-\s*/g, '-')
    .replace(/[\s.;:,!]+$/, '');
}

function isLater(a: TermKey, b: TermKey): boolean {
  return compareTerms(termFromKey(a), termFromKey(b)) > 0;
}

interface LocalityState {
  priorities: Map<string, { priority: Priority; stored: number; latestTerm?: TermKey; savedInFile: boolean }>;
  updates: Map<string, PriorityUpdate>;
  reports: Map<TermKey, LocalityReport>;
  nextOrder: number;
}

export interface PlanOptions {
  readonly now: Date;
  readonly newId?: () => string;
}

interface PriorityContext {
  readonly localityId: string;
  readonly term: TermKey;
  readonly authorId?: string;
  readonly at: string;
  readonly newId: () => string;
}

/**
 * One priority of a report: matched to a stored (or earlier in the file) priority by title, or
 * new. Its current wording follows the newest term imported; the first report in the file that
 * names it saves it.
 */
function planPriority(
  state: LocalityState,
  key: string,
  parsed: ParsedPriority,
  context: PriorityContext,
): { entry: PlannedPriority; save?: { id: string; expectedVersion: number } } {
  const { localityId, term } = context;
  const existing = state.priorities.get(key);
  const base: Priority = existing?.priority ?? {
    id: context.newId(),
    localityId,
    title: parsed.title,
    intendedOutcomes: parsed.sections.intendedOutcomes,
    exitStrategy: parsed.sections.exitStrategy,
    themes: [],
    status: 'active',
    openedTerm: term,
    order: state.nextOrder++,
    version: 0,
  };
  const newest = !existing?.latestTerm || !isLater(existing.latestTerm, term);
  const priority: Priority = {
    ...base,
    ...(newest ? { title: parsed.title, intendedOutcomes: parsed.sections.intendedOutcomes, exitStrategy: parsed.sections.exitStrategy } : {}),
    openedTerm: isLater(base.openedTerm, term) ? term : base.openedTerm,
  };
  const tracked = existing ?? { priority, stored: 0, savedInFile: false };
  const save = tracked.savedInFile ? undefined : { id: priority.id, expectedVersion: tracked.stored };
  tracked.savedInFile = true;
  tracked.priority = priority;
  if (newest) tracked.latestTerm = term;
  state.priorities.set(key, tracked);
  const stored = state.updates.get(`${priority.id}|${term}`);
  const version = stored?.version ?? 0;
  const update: PriorityUpdate = {
    priorityId: priority.id,
    localityId,
    term,
    title: parsed.title,
    ...parsed.sections,
    carryForward: parsed.carryForward,
    sectionsDone: [...SECTION_NAMES],
    figures: [],
    ...(context.authorId ? { updatedBy: context.authorId } : {}),
    updatedAt: context.at,
    version,
  };
  return { entry: { priority, isNew: !existing, update: { value: update, expectedVersion: version } }, ...(save ? { save } : {}) };
}

/** Plans the import of the reports of one file. Reads the store, writes nothing. */
export async function planImport(store: ReportStore, parsed: readonly ParsedReport[], options: PlanOptions): Promise<ImportPlan> {
  const newId = options.newId ?? randomUUID;
  const at = options.now.toISOString();
  const [localities, officers, storedReports] = await Promise.all([store.listLocalities(), store.listOfficers(), store.listLocalityReports()]);
  const localityByName = new Map(localities.map((locality) => [normaliseTitle(locality.name), locality] as const));
  const officerByName = new Map(officers.map((officer) => [normaliseTitle(officer.name), officer] as const));
  const newLocalities: Locality[] = [];
  const newOfficers: Officer[] = [];
  const states = new Map<string, LocalityState>();
  let nextLocalityOrder = Math.max(0, ...localities.map((locality) => locality.order)) + 1;

  const stateOf = async (locality: Locality, isNew: boolean): Promise<LocalityState> => {
    const known = states.get(locality.id);
    if (known) return known;
    const [priorities, updates] = isNew
      ? [[], []]
      : await Promise.all([store.listPriorities(locality.id), store.listPriorityUpdates({ localityId: locality.id })]);
    const state: LocalityState = {
      priorities: new Map(priorities.map((priority) => [normaliseTitle(priority.title), { priority, stored: priority.version, savedInFile: false }] as const)),
      updates: new Map(updates.map((update) => [`${update.priorityId}|${update.term}`, update] as const)),
      reports: new Map(storedReports.filter((report) => report.localityId === locality.id).map((report) => [report.term, report] as const)),
      nextOrder: Math.max(0, ...priorities.map((priority) => priority.order)) + 1,
    };
    for (const update of updates) {
      const entry = [...state.priorities.values()].find((candidate) => candidate.priority.id === update.priorityId);
      if (entry && (!entry.latestTerm || isLater(update.term, entry.latestTerm))) entry.latestTerm = update.term;
    }
    states.set(locality.id, state);
    return state;
  };

  // Oldest term first, so each priority ends with the wording of the newest report.
  const ordered = [...parsed].sort((a, b) => (a.term && b.term ? compareTerms(a.term, b.term) : 0));
  const reports: Array<Omit<PlannedReport, 'prioritySaves'> & { prioritySaves: Array<{ id: string; expectedVersion: number }> }> = [];
  const reportKeys = new Set<string>();
  for (const report of ordered) {
    if (!report.locality || !report.term) throw new ImportPlanError(`the report at line ${report.line} has no locality or term`);
    const term = termKey(report.term);
    if (report.priorities.length === 0) throw new ImportPlanError(`the report at line ${report.line} has no priorities`);
    if (report.priorities.some((priority) => priority.title.trim() === '')) {
      throw new ImportPlanError(`the report at line ${report.line} has a priority without a title`);
    }
    const reportKey = `${normaliseTitle(report.locality)}|${term}`;
    if (reportKeys.has(reportKey)) throw new ImportPlanError(`the file has two reports for ${report.locality} in the same term`);
    reportKeys.add(reportKey);
    let locality = localityByName.get(normaliseTitle(report.locality));
    const localityIsNew = !locality || newLocalities.includes(locality);
    if (!locality) {
      locality = { id: newId(), name: report.locality, order: nextLocalityOrder++ };
      localityByName.set(normaliseTitle(locality.name), locality);
      newLocalities.push(locality);
    }
    const authors = report.officers.map((name) => {
      const found = officerByName.get(normaliseTitle(name));
      if (found) return found;
      const created: Officer = { id: newId(), name, email: '', roles: ['epo'], localityIds: [locality.id] };
      officerByName.set(normaliseTitle(name), created);
      newOfficers.push(created);
      return created;
    });
    const state = await stateOf(locality, localityIsNew);
    const titles = new Set<string>();
    const planned: PlannedPriority[] = [];
    const prioritySaves: Array<{ id: string; expectedVersion: number }> = [];
    for (const parsedPriority of report.priorities) {
      const key = normaliseTitle(parsedPriority.title);
      if (titles.has(key)) throw new ImportPlanError(`the report at line ${report.line} has two priorities titled "${parsedPriority.title}"`);
      titles.add(key);
      const { entry, save } = planPriority(state, key, parsedPriority, { localityId: locality.id, term, authorId: authors[0]?.id, at, newId });
      planned.push(entry);
      if (save) prioritySaves.push(save);
    }
    const storedReport = state.reports.get(term);
    const termMonth = unusualMonthOf(report.term);
    reports.push({
      locality,
      officers: authors,
      term,
      priorities: planned,
      prioritySaves,
      report: {
        expectedVersion: storedReport?.version ?? 0,
        value: {
          localityId: locality.id,
          term,
          // "Autumn – December 2024" compiles back as December, not the season's usual October.
          ...(termMonth ? { termMonth } : {}),
          officerIds: authors.map((officer) => officer.id),
          status: 'submitted',
          ...(authors[0] ? { submittedBy: authors[0].id } : {}),
          submittedAt: at,
          approval: 'approved',
          version: storedReport?.version ?? 0,
        },
      },
    });
  }
  // A priority is saved with the first report of the file that names it, in its final wording.
  const finalPriorities = new Map(
    [...states.values()].flatMap((state) => [...state.priorities.values()].map((entry) => [entry.priority.id, entry.priority] as const)),
  );
  return {
    newLocalities,
    newOfficers,
    reports: reports.map((report) => ({
      ...report,
      prioritySaves: report.prioritySaves.map((save) => ({ value: finalPriorities.get(save.id) as Priority, expectedVersion: save.expectedVersion })),
    })),
  };
}
