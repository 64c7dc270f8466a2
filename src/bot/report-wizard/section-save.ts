/**
 * Saving one section: limits checked before anything is written, a save based on an old version
 * never overwrites a co-author silently, and the same save delivered twice writes once.
 */
import {
  EMPTY_SECTION,
  SECTION_HEADINGS,
  SECTION_NAMES,
  type CarryForwardMark,
  type LocalityReport,
  type Priority,
  type PriorityUpdate,
  type SectionName,
  type SectionText,
} from '../../domain/model';
import { cleanLine, isSectionEmpty, parseSectionText, sectionLength, sectionsEqual, sectionToEditableText } from '../../domain/section-text';
import { ConflictError } from '../../store/errors';
import type { BotDeps } from '../bot-deps';
import type { SectionAction } from './action-data';
import { sectionStamp } from './card-context';
import type { LineFindings } from '../../domain/personal-data';
import { checkSectionSave, kindsIn, personalDataContextOf, sameConfirmations, type PersonalDataConfirmationInput } from './personal-data-guard';
import { carriedItems, loadOrganisation, reportOfficers, sectionOf, startUpdate, type OrganisationSnapshot, type PriorityInReport, type ReportState } from './report-state';
import { SECTION_MAX_LENGTH } from './section-guidance';
import { termMonthOf } from './term-month';
import type { WizardActor } from './wizard-actor';
import { checkTypedImpact, impactChanged } from '../impact/impact-inputs';
import { mergeThemeChoice } from '../themes/theme-choice';

export type SaveMode = 'next' | 'draft' | 'back';

/** What happened to a save; the handler turns it into the next card. */
export type SaveOutcome =
  /** `state` is the report as this save left it, for the next card without reading it again. */
  | { readonly kind: 'saved'; readonly update: PriorityUpdate; readonly state: ReportState }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'problems'; readonly problems: string[] }
  | { readonly kind: 'conflict'; readonly current: PriorityUpdate }
  /** Held by the personal-data guard: the author edits the text or confirms it with a reason. */
  | { readonly kind: 'personal data'; readonly lines: readonly LineFindings[]; readonly flagged: string; readonly problem?: string };

/** A priority not yet stored, as the "Add a new priority" card starts it. */
export function newPriorityEntry(state: ReportState, priorityId: string): PriorityInReport {
  const priority: Priority = {
    id: priorityId,
    localityId: state.locality.id,
    title: '',
    intendedOutcomes: EMPTY_SECTION,
    exitStrategy: EMPTY_SECTION,
    themes: [],
    status: 'active',
    openedTerm: state.termKey,
    order: state.priorities.reduce((max, entry) => Math.max(max, entry.priority.order), 0) + 1,
    version: 0,
  };
  return { priority, update: startUpdate(priority, state.termKey, undefined), stored: false };
}

function normaliseTyped(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').split('\n').map(cleanLine).join('\n').trim();
}

/** What the author typed, as the section to store; untouched text keeps its stored shape. */
export function readTypedSection(raw: string, stored: SectionText): SectionText {
  if (normaliseTyped(raw) === normaliseTyped(sectionToEditableText(stored))) return stored;
  return parseSectionText(raw);
}

function titleOf(text: SectionText): string {
  return (text.kind === 'items' ? text.items : text.paragraphs).join(' ').trim();
}

function marksFor(entry: PriorityInReport, action: SectionAction): CarryForwardMark[] {
  return carriedItems(entry).flatMap((item, index) => {
    const outcome = action.carryForward.get(index);
    return outcome ? [{ item, outcome }] : [];
  });
}

function checkLimits(section: SectionName, text: SectionText, entry: PriorityInReport, action: SectionAction, mode: SaveMode): string[] {
  const problems: string[] = [];
  const length = sectionLength(text);
  const max = SECTION_MAX_LENGTH[section];
  if (length > max) {
    problems.push(
      `${SECTION_HEADINGS[section]} is ${length.toLocaleString('en-GB')} characters; the most a section can hold is ${max.toLocaleString('en-GB')}. Shorten it and save again.`,
    );
  }
  if (section === 'priority' && !entry.stored && entry.priority.version === 0 && isSectionEmpty(text) && mode !== 'back') {
    problems.push('A new priority needs its title before anything can be saved.');
  }
  if (mode === 'next' && isSectionEmpty(text)) {
    problems.push(`${SECTION_HEADINGS[section]} is needed for the report. Write it before moving on, or use Save draft.`);
  }
  if (mode === 'next' && section === 'activityLastPeriod') {
    const unmarked = carriedItems(entry).length - marksFor(entry, action).length;
    if (unmarked > 0) problems.push(`Say how each of last term's planned items went (${unmarked} not marked yet).`);
  }
  return problems;
}

function withSection(update: PriorityUpdate, section: SectionName, text: SectionText): PriorityUpdate {
  if (section === 'priority') return { ...update, title: titleOf(text) };
  return { ...update, [section]: text };
}

function doneAfter(update: PriorityUpdate, section: SectionName, text: SectionText, mode: SaveMode): SectionName[] {
  const others = update.sectionsDone.filter((name) => name !== section);
  const done = mode === 'next' || (update.sectionsDone.includes(section) && !isSectionEmpty(text));
  return SECTION_NAMES.filter((name) => others.includes(name) || (done && name === section));
}

function sameContent(a: PriorityUpdate, b: PriorityUpdate): boolean {
  return (
    a.title === b.title &&
    SECTION_NAMES.every((name) => name === 'priority' || sectionsEqual(a[name], b[name])) &&
    a.sectionsDone.length === b.sectionsDone.length &&
    a.sectionsDone.every((name) => b.sectionsDone.includes(name)) &&
    JSON.stringify(a.carryForward) === JSON.stringify(b.carryForward) &&
    !impactChanged(a, { ...(b.rag ? { rag: b.rag } : {}), figures: b.figures, problems: [] })
  );
}

/**
 * Saves the section the card showed. `state` is the report as this turn read it and `entry` the
 * priority in it (or a new one). Nothing is read again: an ordinary save of a report already in
 * progress is one write. Returns 'conflict' when a co-author changed this same section after
 * the author's card was made.
 */
export async function saveSection(
  deps: BotDeps,
  actor: WizardActor,
  state: ReportState,
  entry: PriorityInReport,
  action: SectionAction,
  mode: SaveMode,
  confirmation?: PersonalDataConfirmationInput,
): Promise<SaveOutcome> {
  const section = action.context.section as SectionName;
  const current = entry.update;
  const storedText = sectionOf(current, section);
  const typed = readTypedSection(action.text, storedText);
  if (mode === 'back' && !entry.stored && entry.priority.version === 0 && isSectionEmpty(typed)) return { kind: 'skipped' };

  const impact = section === 'impactSoFar' && action.impact ? checkTypedImpact(action.impact) : undefined;
  const problems = [...checkLimits(section, typed, entry, action, mode), ...(impact?.problems ?? [])];
  if (problems.length > 0) return { kind: 'problems', problems };

  const marks = section === 'activityLastPeriod' ? marksFor(entry, action) : current.carryForward;
  const { rag: _storedRag, ...withoutRag } = withSection(current, section, typed);
  const proposed: PriorityUpdate = {
    ...(impact ? { ...withoutRag, ...(impact.rag ? { rag: impact.rag } : {}), figures: impact.figures } : withSection(current, section, typed)),
    carryForward: marks,
    sectionsDone: doneAfter(current, section, typed, mode),
  };
  // Themes belong to the priority, not this term's update: saved beside it when they change.
  const themes = action.themes ? mergeThemeChoice(entry.priority.themes, action.themes, deps.themes) : undefined;
  const themesChanged = themes !== undefined && !sameThemes(themes, entry.priority.themes);
  const changed = !(entry.stored && sameContent(proposed, current));
  if (changed && action.context.version !== current.version && action.context.basis !== sectionStamp(storedText)) {
    return { kind: 'conflict', current };
  }

  const now = deps.clock().toISOString();
  // The turn reads the state with every officer and locality; read them here only if it did not.
  const organisation = state.organisation ?? (await loadOrganisation(deps.store));
  const guard = checkSectionSave(
    { section, typed, current, proposed, officerId: actor.officer.id, now, ...(confirmation ? { confirmation } : {}) },
    personalDataContextOf(deps, organisation),
  );
  // Back over text nobody changed only moves on; anything that would be written must pass the guard.
  if (guard.kind === 'hold' && (changed || mode !== 'back')) {
    deps.logger.info(
      { localityId: entry.priority.localityId, term: current.term, priorityId: entry.priority.id, section, mode, kinds: kindsIn(guard.lines) },
      'section held for personal data',
    );
    return { kind: 'personal data', lines: guard.lines, flagged: guard.flagged, ...(guard.problem ? { problem: guard.problem } : {}) };
  }
  const toSave = guard.kind === 'save' ? guard.update : proposed;
  if (!changed && sameConfirmations(toSave, current)) {
    if (!themesChanged || !themes) return { kind: 'unchanged' };
    const priority = await saveThemes(deps, entry.priority, themes);
    return { kind: 'saved', update: current, state: stateAfterSave({ ...state, organisation }, entry, priority, current, state.report) };
  }
  try {
    const created = !entry.stored && entry.priority.version === 0
      ? await deps.store.savePriority({ ...entry.priority, title: titleOf(typed) }, 0)
      : entry.priority;
    const saved = await deps.store.savePriorityUpdate({ ...toSave, updatedBy: actor.officer.id, updatedAt: now }, current.version);
    const priority = themesChanged && themes ? await saveThemes(deps, created, themes) : created;
    const report = await markReportInProgress(deps, state, actor);
    deps.logger.info(
      {
        localityId: entry.priority.localityId,
        term: current.term,
        priorityId: entry.priority.id,
        section,
        mode,
        version: saved.version,
        ...(guard.kind === 'save' && guard.confirmed.length > 0 ? { personalDataConfirmed: guard.confirmed } : {}),
      },
      'section saved',
    );
    return { kind: 'saved', update: saved, state: stateAfterSave({ ...state, organisation }, entry, priority, saved, report) };
  } catch (error) {
    if (error instanceof ConflictError) {
      const now = await deps.store.getPriorityUpdate(entry.priority.id, current.term);
      if (now) return { kind: 'conflict', current: now };
      // The priority was created by the same action delivered twice; its update is not there yet.
      return { kind: 'problems', problems: ['Someone saved this priority at the same moment. Save again.'] };
    }
    throw error;
  }
}

function sameThemes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * The report state as a save left it: the saved priority and update in place (a new priority
 * last, as its order puts it), the report and its officers as they are now.
 */
function stateAfterSave(
  state: ReportState & { organisation: OrganisationSnapshot },
  entry: PriorityInReport,
  priority: Priority,
  update: PriorityUpdate,
  report: LocalityReport | undefined,
): ReportState {
  const saved: PriorityInReport = { priority, update, stored: true, ...(entry.previous ? { previous: entry.previous } : {}) };
  const known = state.priorities.some((candidate) => candidate.priority.id === priority.id);
  return {
    ...state,
    report,
    officers: report === state.report ? state.officers : reportOfficers(state.locality.id, report, state.organisation.officers),
    priorities: known
      ? state.priorities.map((candidate) => (candidate.priority.id === priority.id ? saved : candidate))
      : [...state.priorities, saved],
  };
}

/**
 * Themes belong to the priority across terms, not to this term's update, so they are saved on
 * the priority as the turn read it; a co-author's save in between is re-read once. Returns the
 * priority as stored.
 */
async function saveThemes(deps: BotDeps, basis: Priority, themes: readonly string[]): Promise<Priority> {
  let priority: Priority | undefined = basis;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (!priority || sameThemes(priority.themes, themes)) return priority ?? basis;
    try {
      return await deps.store.savePriority({ ...priority, themes: [...themes] }, priority.version);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 1) throw error;
      priority = await deps.store.getPriority(basis.id);
    }
  }
  return priority ?? basis;
}

/**
 * The first save of a term moves the locality report from "not started" to "in progress". The
 * report is as the turn read it; returns it as stored now.
 */
async function markReportInProgress(deps: BotDeps, state: ReportState, actor: WizardActor): Promise<LocalityReport | undefined> {
  const { report } = state;
  if (report && report.status !== 'not started') return report;
  const localityId = state.locality.id;
  // The state's officers are the locality's EPOs when the report names none.
  const officers = report?.officerIds.length ? report.officerIds : state.officers.map((officer) => officer.id);
  const officerIds = officers.includes(actor.officer.id) || !actor.officer.roles.includes('epo') ? officers : [...officers, actor.officer.id];
  try {
    return await deps.store.saveLocalityReport(
      { ...(report ?? { localityId, term: state.termKey, ...termMonthOf(deps, state.termKey), version: 0 }), officerIds, status: 'in progress' },
      report?.version ?? 0,
    );
  } catch (error) {
    // A co-author started the report at the same moment: theirs stands.
    if (!(error instanceof ConflictError)) throw error;
    return (error as ConflictError<LocalityReport>).current ?? (await deps.store.getLocalityReport(localityId, state.termKey));
  }
}
