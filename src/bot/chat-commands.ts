/**
 * What officers can type: help, start, status [term], report <term> [locality] and
 * open campaign <term>. Anything else gets the help card rather than silence.
 */
import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { effectiveAuthors, isoDay } from '../domain/cover';
import type { Officer } from '../domain/model';
import { tryParseTerm, termKey, termLabel, type TermKey } from '../domain/term';
import { isManager, localitiesManagedBy } from '../domain/term-progress';
import type { BotDeps, ProactiveMessenger } from './bot-deps';
import { helpCard, messageCard, notAllowedCard, plain, type AdaptiveCardJson } from './bot-cards';
import { parseChatCommand, type ChatCommand } from './chat-text';
import { resolveOfficer } from './identity';
import { reportLinksCard, statusCard, type PublishedReport } from './manager-cards';
import { readTermProgress } from './term-progress-reader';
import { renderLocalityReportCard } from './locality-report-card';
import { openCampaign } from './campaign/open-campaign';
import { createCampaignLock, type CampaignLock } from './campaign/campaign-lock';
import { createProactiveMessenger } from './proactive-messenger';
import { answerOfficersCommand } from './officers-command';
import type { PacingOptions } from './send-pacer';

export interface ChatCommandOptions {
  /** Sends the campaign started by `open campaign`; built from the turn's adapter when absent. */
  readonly messenger?: ProactiveMessenger;
  readonly pacing?: Partial<PacingOptions>;
  /** Shared with the daily scheduler so campaign runs never overlap; one per app when absent. */
  readonly campaignLock?: CampaignLock;
}

async function sendCards(context: TurnContext, cards: readonly AdaptiveCardJson[]): Promise<void> {
  await context.sendActivities(cards.map((card) => MessageFactory.attachment(CardFactory.adaptiveCard(card))));
}

/** The term a command names, or the current one; undefined when the words are not a term. */
function termOf(deps: BotDeps, words: string | undefined): { key: TermKey; label: string } | undefined {
  if (!words) {
    const current = deps.calendar.currentTerm(deps.clock());
    return { key: current.key, label: current.label };
  }
  const term = tryParseTerm(words);
  if (!term) return undefined;
  return { key: termKey(term), label: deps.calendar.datesOf(term).label };
}

function unreadableTerm(words: string): AdaptiveCardJson {
  return messageCard(`I could not read "${plain(words)}" as a term. Write it like "Spring 2025" or "Spring – March 2025".`);
}

async function start(context: TurnContext, deps: BotDeps, officer: Officer): Promise<void> {
  const current = deps.calendar.currentTerm(deps.clock());
  // Whoever writes each locality's report today: its EPOs, less any on cover, plus cover officers.
  const today = isoDay(deps.clock());
  const covers = await deps.store.listCovers();
  const localities = (await deps.store.listLocalities()).filter((locality) => effectiveAuthors(locality.id, today, [officer], covers).length > 0);
  if (localities.length === 0) {
    await sendCards(context, [messageCard(`You have no locality reports to write for ${current.label}. Type "help" to see what you can do.`)]);
    return;
  }
  const cards = [];
  for (const locality of localities) cards.push(await renderLocalityReportCard(deps, officer, locality.id, current.key));
  await sendCards(context, cards);
}

async function status(context: TurnContext, deps: BotDeps, officer: Officer, words: string | undefined): Promise<void> {
  const term = termOf(deps, words);
  if (!term) return sendCards(context, [unreadableTerm(words ?? '')]);
  const localities = localitiesManagedBy(officer, await deps.store.listLocalities());
  const progress = await readTermProgress(deps.store, term.key, localities);
  await sendCards(context, [statusCard(term.label, progress.rows, progress.officers)]);
}

/**
 * Links to the compiled reports of a term: submitted reports only, never drafts. A manager's
 * request compiles each afresh; a partner reads the document filed when it was submitted (it is
 * compiled only if none was filed).
 */
async function report(context: TurnContext, deps: BotDeps, officer: Officer, words: string, localityWords: string | undefined): Promise<void> {
  const term = termOf(deps, words);
  if (!term) return sendCards(context, [unreadableTerm(words)]);
  let localities = localitiesManagedBy(officer, await deps.store.listLocalities());
  if (localityWords) {
    const wanted = localityWords.toLowerCase();
    localities = localities.filter((l) => l.name.toLowerCase() === wanted || l.id.toLowerCase() === wanted);
    if (localities.length === 0) return sendCards(context, [messageCard(`I do not know a locality called "${plain(localityWords)}" among yours.`)]);
  }
  const reports = new Map((await deps.store.listLocalityReports(term.key)).map((r) => [r.localityId, r]));
  const published: PublishedReport[] = [];
  const notSubmitted: string[] = [];
  const failed: string[] = [];
  for (const locality of localities) {
    if (reports.get(locality.id)?.status !== 'submitted') {
      notSubmitted.push(locality.name);
      continue;
    }
    const filed = isManager(officer) ? undefined : reports.get(locality.id)?.documentUrl;
    try {
      const documentUrl = filed ?? (await deps.publisher.publishLocalityReport(locality.id, term.key, officer.id)).documentUrl;
      published.push({ localityName: locality.name, documentUrl });
    } catch (error) {
      deps.logger.error({ localityId: locality.id, term: term.key, err: { type: error instanceof Error ? error.name : typeof error } }, 'compiling a report failed');
      failed.push(locality.name);
    }
  }
  await sendCards(context, [reportLinksCard(term.label, published, notSubmitted, failed)]);
}

function openCampaignInBackground(
  context: TurnContext,
  deps: BotDeps,
  officer: Officer,
  term: { key: TermKey; label: string },
  options: ChatCommandOptions & { campaignLock: CampaignLock },
): void {
  const messenger =
    options.messenger ??
    createProactiveMessenger({ adapter: context.adapter as CloudAdapter, store: deps.store, logger: deps.logger, appId: deps.config.bot.appId ?? '', pacing: options.pacing });
  // Paced sends to every officer take longer than Teams waits for a reply, so the campaign runs
  // after the turn and the manager is told the outcome in a new message.
  void options.campaignLock
    .exclusive(() => openCampaign(deps, messenger, term.key))
    .then((outcome) => {
      const parts = [`${outcome.sent} sent`, `${outcome.alreadySent} already sent earlier`];
      if (outcome.noConversation > 0) parts.push(`${outcome.noConversation} to officers who have not installed the bot yet`);
      if (outcome.failed > 0) parts.push(`${outcome.failed} failed (opening it again retries them)`);
      return messenger.sendToOfficer(officer.id, { card: messageCard(`${term.label} campaign: ${parts.join(', ')}.`) });
    })
    .catch((error: unknown) => {
      deps.logger.error({ term: term.key, err: { type: error instanceof Error ? error.name : typeof error } }, 'opening the campaign failed');
    });
}

async function handle(
  context: TurnContext,
  deps: BotDeps,
  officer: Officer,
  command: ChatCommand,
  options: ChatCommandOptions & { campaignLock: CampaignLock },
): Promise<void> {
  switch (command.kind) {
    case 'help':
    case 'unknown':
      return sendCards(context, [helpCard(officer)]);
    case 'start':
      return start(context, deps, officer);
    case 'status':
      if (!isManager(officer)) return sendCards(context, [notAllowedCard('see who has submitted')]);
      return status(context, deps, officer, command.term);
    case 'report-usage':
      return sendCards(context, [messageCard('Which term? For example "report Spring 2025" or "report Spring 2025 Preston".')]);
    case 'report':
      // Partners read submitted reports (and only those): the same links, without compiling.
      if (!isManager(officer) && !officer.roles.includes('partner')) return sendCards(context, [notAllowedCard('compile reports')]);
      return report(context, deps, officer, command.term, command.locality);
    case 'open-campaign': {
      if (!isManager(officer)) return sendCards(context, [notAllowedCard('open a campaign')]);
      const term = termOf(deps, command.term);
      if (!term) return sendCards(context, [unreadableTerm(command.term ?? '')]);
      openCampaignInBackground(context, deps, officer, term, options);
      return sendCards(context, [messageCard(`Opening the ${term.label} campaign: every EPO gets their report cards. I will tell you when it is done.`)]);
    }
  }
}

export function registerChatCommands<TState extends TurnState>(app: Application<TState>, deps: BotDeps, given: ChatCommandOptions = {}): void {
  const options = { ...given, campaignLock: given.campaignLock ?? createCampaignLock() };
  app.activity('message', async (context) => {
    const officer = await resolveOfficer(context, deps);
    if (!officer) return;
    if (await answerOfficersCommand(context, deps, officer)) return;
    const command = parseChatCommand(context.activity.text ?? '');
    // Only the command's kind: what was typed may name a child.
    deps.logger.info({ correlationId: context.activity.id, officerId: officer.id, command: command.kind }, 'chat command');
    await handle(context, deps, officer, command, options);
  });
}
