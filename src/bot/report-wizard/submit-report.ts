/**
 * Submitting a locality report: written once and published once, however many times Submit is
 * pressed or the invoke is delivered. The report's version makes that natural: a second submit
 * finds the report already submitted and only shows it.
 */
import type { LocalityReport, Priority, PriorityUpdate } from '../../domain/model';
import { sectionsEqual } from '../../domain/section-text';
import { ConflictError } from '../../store/errors';
import type { BotDeps } from '../bot-deps';
import type { ActionContext } from '../../cards/card-models';
import { reviewStamp } from './card-context';
import { unconfirmedPersonalData } from './personal-data-guard';
import { loadReportState, type ReportState } from './report-state';
import { submitProblems } from './report-cards';
import { termMonthOf } from './term-month';
import type { WizardActor } from './wizard-actor';

export type SubmitOutcome =
  | { readonly kind: 'submitted'; readonly state: ReportState; readonly published: boolean }
  | { readonly kind: 'already submitted'; readonly state: ReportState }
  | { readonly kind: 'changed'; readonly state: ReportState }
  | { readonly kind: 'problems'; readonly state: ReportState };

/** A priority's current wording follows what was submitted this term. */
function prioritySynced(priority: Priority, update: PriorityUpdate): Priority | undefined {
  const same =
    priority.title === update.title &&
    sectionsEqual(priority.intendedOutcomes, update.intendedOutcomes) &&
    sectionsEqual(priority.exitStrategy, update.exitStrategy);
  return same
    ? undefined
    : { ...priority, title: update.title, intendedOutcomes: update.intendedOutcomes, exitStrategy: update.exitStrategy };
}

export async function submitReport(deps: BotDeps, actor: WizardActor, context: ActionContext): Promise<SubmitOutcome> {
  const state = await loadReportState(deps.store, context.localityId, context.term, { organisation: true });
  if (state.report?.status === 'submitted') return { kind: 'already submitted', state };
  if (context.basis !== reviewStamp(state) || context.version !== (state.report?.version ?? 0)) return { kind: 'changed', state };
  if (submitProblems(state).length > 0) return { kind: 'problems', state };
  // Reports are shared with partners: nothing that may identify a child goes out unconfirmed.
  if ((await unconfirmedPersonalData(deps, state)).length > 0) {
    deps.logger.info({ localityId: state.locality.id, term: state.termKey }, 'submit refused: unconfirmed personal data');
    return { kind: 'problems', state };
  }

  const at = deps.clock().toISOString();
  const base: LocalityReport = state.report ?? {
    localityId: state.locality.id,
    term: state.termKey,
    officerIds: state.officers.map((officer) => officer.id),
    status: 'not started',
    version: 0,
  };
  const { returnComment: _dropped, ...withoutComment } = base;
  const report: LocalityReport = {
    // A report started before its month was kept takes the calendar's now.
    ...(withoutComment.termMonth ? {} : termMonthOf(deps, state.termKey)),
    ...withoutComment,
    status: 'submitted',
    submittedBy: actor.officer.id,
    submittedAt: at,
    approval: 'pending',
  };
  const updates = state.priorities.map((entry) => ({ update: entry.update, expectedVersion: entry.update.version }));
  const priorities = state.priorities.flatMap((entry) => {
    const synced = prioritySynced(entry.priority, entry.update);
    return synced ? [{ priority: synced, expectedVersion: entry.priority.version }] : [];
  });
  try {
    await deps.store.saveReportWithUpdates(report, base.version, updates, priorities);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const now = await loadReportState(deps.store, context.localityId, context.term, { organisation: true });
    return now.report?.status === 'submitted' ? { kind: 'already submitted', state: now } : { kind: 'changed', state: now };
  }
  await deps.store.appendReportEvent({ localityId: state.locality.id, term: state.termKey, kind: 'submitted', by: actor.officer.id, at });
  deps.logger.info({ localityId: state.locality.id, term: state.termKey, priorities: updates.length }, 'locality report submitted');

  let published = true;
  try {
    await deps.publisher.publishLocalityReport(state.locality.id, state.termKey, actor.officer.id);
  } catch (error) {
    published = false;
    deps.logger.error(
      { localityId: state.locality.id, term: state.termKey, err: error instanceof Error ? error.name : 'unknown' },
      'publishing the submitted report failed',
    );
  }
  return { kind: 'submitted', state: await loadReportState(deps.store, context.localityId, context.term), published };
}
