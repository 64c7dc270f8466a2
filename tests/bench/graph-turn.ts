/**
 * One section save as a whole Teams turn on the SharePoint store: the real bot server, an
 * `adaptiveCard/action` invoke with the wizard's save verb, and every Graph request the turn
 * makes (identity, conversation reference, report state, the save, the next card).
 */
import type { BotDeps } from '../../src/bot/bot-deps';
import { WIZARD_VERBS } from '../../src/bot/report-wizard/verbs';
import { createBotServer } from '../../src/server/create-bot-server';
import { cardsOf } from '../support/bot-harness';
import { startLocalConnector } from '../support/local-connector';
import type { LocalGraph } from '../support/local-graph/local-graph-server';
import type { RequestRecord } from '../support/local-graph/faults';
import { countStoreCalls } from './store-calls';
import { actionOn, cardOf, invokeActivity, messageActivity, type TeamsUser } from './teams-activity';
import { actionsOf } from '../support/wizard-world';

/** A turn that has not answered by then has hung: fail the benchmark rather than wait forever. */
const REQUEST_TIMEOUT_MS = 60_000;

async function postJson(url: string, body: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`the bot answered ${response.status}: ${text.slice(0, 200)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export interface TurnTraffic {
  readonly requests: RequestRecord[];
  /** The store calls behind them. */
  readonly storeCalls: string;
}

/** Opens the user's report card with "start", then saves a draft of the first section card; returns that turn's Graph requests. */
export async function sectionSaveTurnRequests(deps: BotDeps, graph: LocalGraph, user: TeamsUser, wire: (records: readonly RequestRecord[]) => RequestRecord[]): Promise<TurnTraffic> {
  const connector = await startLocalConnector();
  const counted = countStoreCalls(deps.store);
  const bot = createBotServer({ ...deps, store: counted.store });
  try {
    const port = await bot.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/api/messages`;
    const now = deps.clock();
    await postJson(url, messageActivity(connector.serviceUrl, user, 'start', now));
    const shown = connector.activitiesIn(user.conversationId).find((recorded) => cardsOf(recorded).length > 0);
    if (!shown) throw new Error('"start" posted no report card');
    const press = (verb: string, data: Record<string, unknown>) => invokeActivity(connector.serviceUrl, user, { messageId: shown.id, verb, data }, now);
    // An unfinished priority offers "Continue this priority"; a finished one "Edit a section" (its first is the Priority).
    const reportCard = cardsOf(shown)[0];
    const verb = actionsOf(reportCard).some((action) => action.verb === WIZARD_VERBS.continuePriority) ? WIZARD_VERBS.continuePriority : WIZARD_VERBS.openSection;
    const sectionCard = cardOf(await postJson(url, press(verb, actionOn(reportCard, verb))));
    const save = press(WIZARD_VERBS.sectionSaveDraft, { ...actionOn(sectionCard, WIZARD_VERBS.sectionSaveDraft), text: 'Support school-to-school networks for small and rural schools in the locality' });
    const priorityId = String(actionOn(sectionCard, WIZARD_VERBS.sectionSaveDraft).priorityId);
    const term = String(actionOn(sectionCard, WIZARD_VERBS.sectionSaveDraft).term);
    const before = await deps.store.getPriorityUpdate(priorityId, term);
    graph.log.clear();
    counted.reset();
    cardOf(await postJson(url, save));
    const requests = wire(graph.log.records);
    const storeCalls = counted.describe();
    const after = await deps.store.getPriorityUpdate(priorityId, term);
    if (!before || !after || after.version !== before.version + 1) throw new Error('the section save turn did not save the section');
    return { requests, storeCalls };
  } finally {
    await bot.close();
    await connector.close();
  }
}
