/**
 * The sign-off verbs as plain async functions: (deps, actor, verb, data) -> the next card.
 * register-sign-off.ts wires them to Action.Execute; nothing here knows about Teams turns.
 */
import { effectiveAuthors, isoDay } from '../../domain/cover';
import type { Officer } from '../../domain/model';
import { maySignOff, SIGN_OFF_REFUSALS, type SignOffDecision } from '../../domain/sign-off';
import type { AdaptiveCardJson } from '../../cards/render-card';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { buildNoticeCard } from '../report-wizard/report-cards';
import type { WizardActor } from '../report-wizard/wizard-actor';
import { InvalidSignOffDataError, parseSignOffAction, type SignOffAction } from './sign-off-action-data';
import { buildHistoryCard, buildSignOffCard } from './sign-off-cards';
import { managerUserIds, sendReturnedReport } from './sign-off-messages';
import { applySignOff, loadSignOffState, SignOffLocalityNotFoundError, type SignOffState } from './sign-off-state';
import { SIGN_OFF_VERBS, type SignOffVerb } from './verbs';

/** Who may read a report's history: its managers, the officers writing it, and admins. */
export async function mayReadHistory(deps: Pick<BotDeps, 'store' | 'clock'>, officer: Officer, localityId: string): Promise<boolean> {
  if (officer.roles.includes('admin') || maySignOff(officer, localityId)) return true;
  if (officer.localityIds.includes(localityId) && officer.roles.includes('epo')) return true;
  const covers = await deps.store.listCovers(localityId);
  return effectiveAuthors(localityId, isoDay(deps.clock()), [officer], covers).length > 0;
}

async function signOffCard(deps: BotDeps, actor: WizardActor, state: SignOffState, extra: { notice?: string; comment?: string } = {}): Promise<AdaptiveCardJson> {
  return buildSignOffCard(state, { viewer: actor.officer, userIds: await managerUserIds(deps, state.locality.id, actor.userId), ...extra });
}

async function decide(deps: BotDeps, messenger: ProactiveMessenger, actor: WizardActor, action: SignOffAction, decision: SignOffDecision): Promise<AdaptiveCardJson> {
  const { localityId, term, submittedAt } = action.data;
  const at = deps.clock().toISOString();
  const outcome = await applySignOff(deps.store, localityId, term, {
    decision,
    by: actor.officer,
    at,
    comment: action.comment,
    ...(submittedAt ? { submittedAt } : {}),
  });
  const state = await loadSignOffState(deps.store, localityId, term);
  switch (outcome.kind) {
    case 'refused':
      deps.logger.info({ localityId, term, officerId: actor.officer.id, decision, reason: outcome.reason }, 'sign-off refused');
      return signOffCard(deps, actor, state, { notice: SIGN_OFF_REFUSALS[outcome.reason], comment: action.comment });
    case 'unchanged':
      return signOffCard(deps, actor, state, { notice: outcome.reason === 'already approved' ? 'This report is already approved.' : 'This report has already been returned for changes.' });
    case 'decided':
      deps.logger.info({ localityId, term, officerId: actor.officer.id, decision }, 'sign-off decided');
      if (decision === 'return') {
        // In the background: Teams wants the invoke answered within seconds.
        void sendReturnedReport(deps, messenger, localityId, term, at, actor.officer.name).catch((error: unknown) => {
          deps.logger.warn({ localityId, term, err: { type: error instanceof Error ? error.name : typeof error } }, 'telling the EPOs of a return failed');
        });
      }
      return signOffCard(deps, actor, state, { notice: decision === 'approve' ? 'Approved. It goes into the county report.' : 'Returned. The EPOs can change it and submit it again.' });
  }
}

/**
 * Handles one sign-off action from `actor` and returns the next card. Never throws for bad
 * input; store failures propagate.
 */
export async function handleSignOffAction(deps: BotDeps, messenger: ProactiveMessenger, actor: WizardActor, verb: SignOffVerb, raw: unknown): Promise<AdaptiveCardJson> {
  let action: SignOffAction;
  try {
    action = parseSignOffAction(raw);
  } catch (error) {
    if (!(error instanceof InvalidSignOffDataError)) throw error;
    deps.logger.warn({ verb, issues: error.issues.length }, 'sign-off action with unreadable data');
    return buildNoticeCard('This card is out of date', 'The bot could not read this card. Type "status" to see the reports of this term.');
  }
  const { localityId, term } = action.data;
  // `return await`: a returned promise's rejection would otherwise skip the catch below.
  try {
    switch (verb) {
      case SIGN_OFF_VERBS.refresh:
        return await signOffCard(deps, actor, await loadSignOffState(deps.store, localityId, term));
      case SIGN_OFF_VERBS.approve:
        return await decide(deps, messenger, actor, action, 'approve');
      case SIGN_OFF_VERBS.returnForChanges:
        return await decide(deps, messenger, actor, action, 'return');
      case SIGN_OFF_VERBS.history:
        if (!(await mayReadHistory(deps, actor.officer, localityId))) {
          return buildNoticeCard('Not your locality', 'Only the managers and officers of a locality can see its report history.');
        }
        return buildHistoryCard(await loadSignOffState(deps.store, localityId, term));
    }
  } catch (error) {
    if (error instanceof SignOffLocalityNotFoundError) return buildNoticeCard('Locality not found', 'This locality is no longer set up in TASS.');
    throw error;
  }
}
