/**
 * The messages sign-off sends outside the turn: the sign-off card to each manager of the
 * locality when a report is submitted, and the EPOs' report card when it is returned. Each is
 * recorded as a delivery, so a repeated submit or a double press sends it once.
 */
import { effectiveAuthors, isoDay } from '../../domain/cover';
import { signOffManagers } from '../../domain/sign-off';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { plain } from '../bot-cards';
import { deliverOnce, type DeliveryOutcome } from '../campaign/deliveries';
import { renderLocalityReportCard } from '../locality-report-card';
import { buildSignOffCard } from './sign-off-cards';
import { loadSignOffState } from './sign-off-state';

const NOTHING_SENT: DeliveryOutcome = { sent: 0, alreadySent: 0, noConversation: 0, failed: 0 };

/** The Teams user id (29:...) kept in an officer's conversation reference, if any. */
function teamsUserIdOf(reference: Record<string, unknown> | undefined): string | undefined {
  const user = reference?.['user'];
  const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** Teams user ids of a locality's managers (and the viewer), whose sign-off card refreshes. */
export async function managerUserIds(deps: Pick<BotDeps, 'store'>, localityId: string, viewerUserId?: string): Promise<string[]> {
  const managers = signOffManagers(await deps.store.listOfficers({ role: 'manager' }), localityId);
  const links = await Promise.all(managers.map((manager) => deps.store.getConversationLink(manager.id)));
  const ids = links.flatMap((link) => teamsUserIdOf(link?.reference) ?? []);
  // Teams refreshes a card automatically for at most 60 users.
  return [...new Set([...(viewerUserId ? [viewerUserId] : []), ...ids])].slice(0, 60);
}

/**
 * Sends each manager of the locality the sign-off card of its submitted report. Safe to call
 * after every submit press: nothing is sent twice for one submission.
 */
export async function sendSignOffRequests(deps: BotDeps, messenger: ProactiveMessenger, localityId: string, term: string): Promise<DeliveryOutcome> {
  const state = await loadSignOffState(deps.store, localityId, term);
  const report = state.report;
  if (report?.status !== 'submitted' || !report.submittedAt) return NOTHING_SENT;
  const managers = signOffManagers([...state.officers.values()], localityId);
  const userIds = await managerUserIds(deps, localityId);
  return deliverOnce(
    deps,
    messenger,
    term,
    `sign-off:${report.submittedAt}`,
    managers.map((manager) => ({
      localityId,
      officerId: manager.id,
      message: async () => ({
        text: `${plain(state.locality.name)}'s report is submitted and waiting for your approval.`,
        card: buildSignOffCard(state, { viewer: manager, userIds }),
      }),
    })),
  );
}

/** Sends the officers now writing the report their report card, which shows the manager's comment. */
export async function sendReturnedReport(deps: BotDeps, messenger: ProactiveMessenger, localityId: string, term: string, returnedAt: string, managerName: string): Promise<DeliveryOutcome> {
  const [officers, covers, locality] = await Promise.all([deps.store.listOfficers(), deps.store.listCovers(localityId), deps.store.getLocality(localityId)]);
  const authors = effectiveAuthors(localityId, isoDay(deps.clock()), officers, covers);
  return deliverOnce(
    deps,
    messenger,
    term,
    `returned:${returnedAt}`,
    authors.map((author) => ({
      localityId,
      officerId: author.id,
      message: async () => ({
        text: `${plain(managerName)} returned the ${plain(locality?.name ?? localityId)} report for changes.`,
        card: await renderLocalityReportCard(deps, author, localityId, term),
      }),
    })),
  );
}
