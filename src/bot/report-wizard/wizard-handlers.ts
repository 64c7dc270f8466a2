/**
 * The report wizard as plain async functions: (deps, actor, verb, data) -> the next card.
 * Nothing here knows about Teams turns; register-report-wizard.ts wires these to Action.Execute.
 */
import { randomUUID } from 'node:crypto';
import { SECTION_NAMES, type PriorityUpdate, type SectionName } from '../../domain/model';
import { syncStatusOf, updateKeyOf } from '../../store/outbox';
import { isTermKey, type TermKey } from '../../domain/term';
import type { ActionContext } from '../../cards/card-models';
import type { AdaptiveCardJson } from '../../cards/render-card';
import type { BotDeps } from '../bot-deps';
import { InvalidActionDataError, parseActionContext, parseClosePriorityAction, parseSectionAction } from './action-data';
import { contextFor, type CardFrame } from './card-context';
import { closePriority } from './priority-close';
import { priorityName } from './priority-name';
import { isFinished, nextUnfinished } from './report-card-steps';
import { buildNoticeCard, buildReportCard, buildReviewCard, isSubmitted } from './report-cards';
import { loadReportState, LocalityNotFoundError, type PriorityInReport, type ReportState } from './report-state';
import { buildClosePriorityCard, buildSectionCard } from './section-cards';
import { parsePersonalDataConfirmation, unconfirmedPersonalData, type PersonalDataConfirmationInput } from './personal-data-guard';
import { newPriorityEntry, saveSection, type SaveMode } from './section-save';
import { submitReport } from './submit-report';
import { WIZARD_VERBS, type WizardVerb } from './verbs';
import { formatWhen, mayEditLocality, refreshUserIds, type WizardActor } from './wizard-actor';

async function frameOf(deps: BotDeps, actor: WizardActor, state: ReportState): Promise<CardFrame> {
  const officerIds = state.officers.map((officer) => officer.id);
  return { state, userIds: await refreshUserIds(deps.store, officerIds, actor), themes: deps.themes };
}

async function submitterName(deps: BotDeps, state: ReportState): Promise<string | undefined> {
  const id = state.report?.submittedBy;
  return id ? (await deps.store.getOfficer(id))?.name : undefined;
}

async function reportCard(deps: BotDeps, actor: WizardActor, state: ReportState, notice?: string, finishedPriorityId?: string): Promise<AdaptiveCardJson> {
  return buildReportCard(await frameOf(deps, actor, state), {
    ...(notice ? { notice } : {}),
    ...(finishedPriorityId ? { finishedPriorityId } : {}),
    submitterName: await submitterName(deps, state),
  });
}

async function reviewCard(deps: BotDeps, actor: WizardActor, state: ReportState, notice?: string): Promise<AdaptiveCardJson> {
  const personalDataProblems = isSubmitted(state) ? [] : await unconfirmedPersonalData(deps, state);
  return buildReviewCard(await frameOf(deps, actor, state), {
    ...(notice ? { notice } : {}),
    submitterName: await submitterName(deps, state),
    personalDataProblems,
  });
}

const SUBMITTED_NOTICE = 'This report has been submitted, so it can no longer be changed here. If something needs correcting, ask your manager to return it for changes.';

/** The priority a card names: in this term's report, or a new one being added (title card only). */
async function findEntry(deps: BotDeps, state: ReportState, context: ActionContext): Promise<PriorityInReport | undefined> {
  const entry = state.priorities.find((candidate) => candidate.priority.id === context.priorityId);
  if (entry) return entry;
  if (context.section !== 'priority' || context.priorityId === '') return undefined;
  // A stored priority of another locality, or one not in this term, is never taken over.
  const existing = await deps.store.getPriority(context.priorityId);
  return existing ? undefined : newPriorityEntry(state, context.priorityId);
}

function firstUnfinished(entry: PriorityInReport): SectionName {
  return SECTION_NAMES.find((name) => !entry.update.sectionsDone.includes(name)) ?? 'priority';
}

/** Re-renders the card a context names, from what is stored now. */
async function showView(deps: BotDeps, actor: WizardActor, context: ActionContext, notice?: string): Promise<AdaptiveCardJson> {
  // The review card checks the text for personal data, which needs every officer and locality.
  const state = await loadReportState(deps.store, context.localityId, context.term, { organisation: context.view === 'review' });
  if (context.view === 'review') return reviewCard(deps, actor, state, notice);
  if (context.view === 'report' || isSubmitted(state)) return reportCard(deps, actor, state, notice);
  const entry = await findEntry(deps, state, context);
  if (!entry) return reportCard(deps, actor, state, notice ?? 'That priority is no longer in this report.');
  const frame = await frameOf(deps, actor, state);
  if (context.view === 'close') return buildClosePriorityCard(frame, entry, notice ? { notice } : {});
  return buildSectionCard(frame, entry, context.section === '' ? firstUnfinished(entry) : context.section, notice ? { notice } : {});
}

async function handleSection(
  deps: BotDeps,
  actor: WizardActor,
  raw: unknown,
  mode: SaveMode,
  confirmation?: PersonalDataConfirmationInput,
): Promise<AdaptiveCardJson> {
  const action = parseSectionAction(raw, deps.themes);
  const { context } = action;
  const section = context.section as SectionName;
  // With every officer and locality: the save checks the text for personal data.
  const state = await loadReportState(deps.store, context.localityId, context.term, { organisation: true });
  if (isSubmitted(state)) return reportCard(deps, actor, state, SUBMITTED_NOTICE);
  const entry = await findEntry(deps, state, context);
  if (!entry) return reportCard(deps, actor, state, 'That priority is no longer in this report.');

  const outcome = await saveSection(deps, actor, state, entry, action, mode, confirmation);
  if (outcome.kind === 'personal data') {
    return buildSectionCard(await frameOf(deps, actor, state), entry, section, {
      text: action.text,
      carryForward: action.carryForward,
      problems: outcome.problem ? [outcome.problem] : [],
      version: context.version,
      basis: context.basis,
      personalData: { lines: outcome.lines, saveMode: mode, flagged: outcome.flagged },
    });
  }
  if (outcome.kind === 'problems') {
    return buildSectionCard(await frameOf(deps, actor, state), entry, section, {
      text: action.text,
      carryForward: action.carryForward,
      ...(action.impact ? { impact: action.impact } : {}),
      ...(action.themes ? { themes: action.themes } : {}),
      problems: outcome.problems,
      version: context.version,
      basis: context.basis,
    });
  }
  // A save hands back the report as it left it; only a conflict reads what the co-author saved.
  const fresh =
    outcome.kind === 'saved' ? outcome.state : outcome.kind === 'conflict' ? await loadReportState(deps.store, context.localityId, context.term) : state;
  const freshEntry = fresh.priorities.find((candidate) => candidate.priority.id === entry.priority.id);
  if (outcome.kind === 'conflict' && freshEntry) {
    const savedBy = outcome.current.updatedBy ? (await deps.store.getOfficer(outcome.current.updatedBy))?.name : undefined;
    return buildSectionCard(await frameOf(deps, actor, fresh), freshEntry, section, {
      text: action.text,
      carryForward: action.carryForward,
      ...(action.impact ? { impact: action.impact } : {}),
      ...(action.themes ? { themes: action.themes } : {}),
      conflict: {
        savedBy: savedBy ?? 'A co-author',
        savedAt: outcome.current.updatedAt ? formatWhen(outcome.current.updatedAt) : 'a moment ago',
        text: [...(section === 'priority' ? [outcome.current.title] : sectionLinesOf(outcome.current, section))].join('\n'),
      },
    });
  }
  if (!freshEntry) return reportCard(deps, actor, fresh);
  const index = SECTION_NAMES.indexOf(section);
  const frame = await frameOf(deps, actor, fresh);
  const syncing = outcome.kind === 'saved' ? syncingNotice(deps, outcome.update) : undefined;
  const withSyncing = (notice: string) => (syncing ? `${notice} ${syncing}` : notice);
  if (mode === 'draft') {
    const notice = outcome.kind === 'saved' ? `Draft saved at ${formatWhen(outcome.update.updatedAt ?? deps.clock().toISOString())}.` : 'Nothing new to save.';
    return buildSectionCard(frame, freshEntry, section, { notice: withSyncing(notice) });
  }
  if (mode === 'back') {
    return index === 0 ? reportCard(deps, actor, fresh, syncing) : buildSectionCard(frame, freshEntry, SECTION_NAMES[index - 1], syncing ? { notice: syncing } : {});
  }
  if (index === SECTION_NAMES.length - 1) {
    // A section left as a draft earlier keeps the priority unfinished: say so rather than "all done".
    if (!isFinished(freshEntry)) return reportCard(deps, actor, fresh, withSyncing(`${priorityName(freshEntry, 'sentence start')} is saved, but some of its sections are not done yet.`));
    const allDone = !nextUnfinished(fresh, freshEntry.priority.id);
    const notice = `All six sections of ${priorityName(freshEntry)} are done.${allDone ? ' Every priority is done: review the report and submit it.' : ''}`;
    return reportCard(deps, actor, fresh, withSyncing(notice), freshEntry.priority.id);
  }
  return buildSectionCard(frame, freshEntry, SECTION_NAMES[index + 1], syncing ? { notice: syncing } : {});
}

/** Said when SharePoint could not take a save yet: the outbox keeps it and copies it over when SharePoint is back. */
function syncingNotice(deps: BotDeps, update: PriorityUpdate): string | undefined {
  return syncStatusOf(deps.store, 'priorityUpdate', updateKeyOf(update)) === 'syncing'
    ? 'Saved on the bot: SharePoint cannot be reached just now, so it will be copied there automatically when it is back.'
    : undefined;
}

function sectionLinesOf(update: PriorityInReport['update'], section: Exclude<SectionName, 'priority'>): readonly string[] {
  const text = update[section];
  return text.kind === 'items' ? text.items : text.paragraphs;
}

async function handleClose(deps: BotDeps, actor: WizardActor, raw: unknown): Promise<AdaptiveCardJson> {
  const action = parseClosePriorityAction(raw);
  const state = await loadReportState(deps.store, action.context.localityId, action.context.term);
  if (isSubmitted(state)) return reportCard(deps, actor, state, SUBMITTED_NOTICE);
  const entry = state.priorities.find((candidate) => candidate.priority.id === action.context.priorityId);
  if (!entry) return reportCard(deps, actor, state, 'That priority is no longer in this report.');
  const outcome = await closePriority(deps, entry, action);
  const typed = { status: action.status, closingNote: action.closingNote };
  if (outcome.kind === 'problems') return buildClosePriorityCard(await frameOf(deps, actor, state), entry, { ...typed, problems: outcome.problems });
  const fresh = await loadReportState(deps.store, action.context.localityId, action.context.term);
  if (outcome.kind === 'changed') {
    const freshEntry = fresh.priorities.find((candidate) => candidate.priority.id === entry.priority.id);
    if (!freshEntry) return reportCard(deps, actor, fresh);
    return buildClosePriorityCard(await frameOf(deps, actor, fresh), freshEntry, {
      ...typed,
      notice: 'A co-author changed this priority since you opened this card. Check it and close it again.',
    });
  }
  return reportCard(deps, actor, fresh, 'The priority is closed. It stays in this term\'s report with your closing note.');
}

async function handleSubmit(deps: BotDeps, actor: WizardActor, raw: unknown): Promise<AdaptiveCardJson> {
  const outcome = await submitReport(deps, actor, parseActionContext(raw));
  switch (outcome.kind) {
    case 'submitted':
      return reviewCard(deps, actor, outcome.state, outcome.published ? undefined : 'The report is submitted. The compiled document could not be made just now; it will be made again later.');
    case 'already submitted':
      return reviewCard(deps, actor, outcome.state);
    case 'changed':
      return reviewCard(deps, actor, outcome.state, 'The report changed since you opened this review. Check it and submit again.');
    case 'problems':
      return reviewCard(deps, actor, outcome.state, 'The report was not submitted. Sort out what is listed below, then submit again.');
  }
}

async function dispatch(deps: BotDeps, actor: WizardActor, verb: WizardVerb, raw: unknown, context: ActionContext): Promise<AdaptiveCardJson> {
  switch (verb) {
    case WIZARD_VERBS.refresh:
      return showView(deps, actor, context);
    case WIZARD_VERBS.showReport:
      return showView(deps, actor, { ...context, view: 'report' });
    case WIZARD_VERBS.review:
      return showView(deps, actor, { ...context, view: 'review' });
    case WIZARD_VERBS.continuePriority:
      return showView(deps, actor, { ...context, view: 'section', section: '' });
    case WIZARD_VERBS.openSection:
      return showView(deps, actor, { ...context, view: 'section' });
    case WIZARD_VERBS.openClosePriority:
      return showView(deps, actor, { ...context, view: 'close', section: '' });
    case WIZARD_VERBS.addPriority: {
      const state = await loadReportState(deps.store, context.localityId, context.term);
      if (isSubmitted(state)) return reportCard(deps, actor, state, SUBMITTED_NOTICE);
      // The new priority's id is made now and travels in the card, so a repeated save creates it once.
      const entry = newPriorityEntry(state, `${context.localityId}-${randomUUID()}`);
      return buildSectionCard(await frameOf(deps, actor, state), entry, 'priority');
    }
    case WIZARD_VERBS.closePriority:
      return handleClose(deps, actor, raw);
    case WIZARD_VERBS.sectionBack:
      return handleSection(deps, actor, raw, 'back');
    case WIZARD_VERBS.sectionSaveNext:
      return handleSection(deps, actor, raw, 'next');
    case WIZARD_VERBS.sectionSaveDraft:
      return handleSection(deps, actor, raw, 'draft');
    case WIZARD_VERBS.sectionConfirmPersonalData: {
      const { saveMode, confirmation } = parsePersonalDataConfirmation(raw);
      return handleSection(deps, actor, raw, saveMode, confirmation);
    }
    case WIZARD_VERBS.submit:
      return handleSubmit(deps, actor, raw);
  }
}

/**
 * Handles one wizard action from `actor`: validates the data, checks the actor may work on the
 * locality, and returns the next card. Never throws for bad input; store failures propagate.
 */
export async function handleWizardAction(deps: BotDeps, actor: WizardActor, verb: WizardVerb, raw: unknown): Promise<AdaptiveCardJson> {
  let context: ActionContext;
  try {
    context = parseActionContext(raw);
  } catch (error) {
    if (!(error instanceof InvalidActionDataError)) throw error;
    deps.logger.warn({ verb, issues: error.issues.length }, 'wizard action with unreadable data');
    return buildNoticeCard('This card is out of date', 'The bot could not read this card. Type "report" in this chat to get a fresh one.');
  }
  if (!(await mayEditLocality(deps.store, actor.officer, context.localityId, deps.clock()))) {
    deps.logger.warn({ verb, officerId: actor.officer.id, localityId: context.localityId }, 'wizard action refused: not an EPO of the locality');
    return buildNoticeCard('Not your locality', 'You can only work on the reports of localities you serve as an EPO. If you are covering for a colleague, ask a manager to set up cover.');
  }
  try {
    return await dispatch(deps, actor, verb, raw, context);
  } catch (error) {
    if (error instanceof InvalidActionDataError) {
      deps.logger.warn({ verb, issues: error.issues.length }, 'wizard action with unreadable inputs');
      return buildNoticeCard('Something on this card could not be read', 'Check what you entered and try again.', contextFor(await loadReportState(deps.store, context.localityId, context.term), 'report'));
    }
    if (error instanceof LocalityNotFoundError) return buildNoticeCard('Locality not found', 'This locality is no longer set up in TASS.');
    throw error;
  }
}

/** The report card for a locality and term (the current term when none is given), to send from a chat command. */
export async function openReportCard(deps: BotDeps, actor: WizardActor, localityId: string, term?: TermKey): Promise<AdaptiveCardJson> {
  const key = term && isTermKey(term) ? term : deps.calendar.currentTerm(deps.clock()).key;
  return handleWizardAction(deps, actor, WIZARD_VERBS.showReport, { localityId, term: key, version: 0, view: 'report' });
}
