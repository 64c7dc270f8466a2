/**
 * A locality ready for the report wizard, behind the real bot server: Central Lancs with two EPOs
 * (Claire Fox and Alison Walsh) who have installed the bot, one priority carried from Autumn 2024
 * with Autumn's update, and an EPO of another locality. Cards are pressed the way Teams presses
 * them: an `adaptiveCard/action` invoke POSTed to /api/messages, replying to the card's message.
 */
import { randomUUID } from 'node:crypto';
import type { ReportPublisher } from '../../src/bot/bot-deps';
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import type { TermCalendar } from '../../src/domain/term-calendar';
import { BOT_ID, cardsOf, startBotHarness, TENANT_ID, type BotHarness, type HarnessUser, type InvokeResponseBody } from './bot-harness';
import { aLocality, anOfficer, anUpdate, aPriority, SAMPLE_TERM } from './builders';

export const SPRING = '2024-25-spring';
export const AUTUMN = SAMPLE_TERM;

export interface PublishCall {
  readonly localityId: string;
  readonly term: string;
  readonly submittedBy: string;
}

export interface WizardWorld {
  readonly bot: BotHarness;
  readonly claire: HarnessUser;
  readonly alison: HarnessUser;
  readonly peter: HarnessUser;
  readonly published: PublishCall[];
  close(): Promise<void>;
}

/**
 * `env`: extra settings for the bot's configuration (e.g. secrets a log test looks for);
 * `calendar`: the council's term dates, when not the English school-year defaults.
 */
export async function startWizardWorld(options: { env?: Record<string, string>; calendar?: TermCalendar } = {}): Promise<WizardWorld> {
  const published: PublishCall[] = [];
  const publisher: ReportPublisher = {
    publishLocalityReport: async (localityId, term, submittedBy) => {
      published.push({ localityId, term, submittedBy });
      return { documentUrl: `https://lancashire.sharepoint.com/sites/tass/Reports/${localityId}-${term}.docx` };
    },
  };
  // 10 March 2025: the Spring 2025 report is the one being written.
  const bot = await startBotHarness({ now: '2025-03-10T09:00:00Z', publisher, env: options.env, ...(options.calendar ? { calendar: options.calendar } : {}) });
  const { store } = bot;
  await store.upsertLocality(aLocality());
  await store.upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 3 }));
  await store.upsertOfficer(anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' }));
  await store.upsertOfficer(anOfficer({ aadObjectId: 'aad-alison' }));
  await store.upsertOfficer(anOfficer({ id: 'officer-peter-hale', name: 'Peter Hale', email: 'peter.hale@lancashire.gov.uk', aadObjectId: 'aad-peter', localityIds: ['preston'] }));
  await store.savePriority(aPriority(), 0);
  await store.savePriorityUpdate(anUpdate({ term: AUTUMN, sectionsDone: ['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy'] }), 0);

  const claire = bot.user({ name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' });
  const alison = bot.user({ name: 'Alison Walsh', email: 'alison.walsh@lancashire.gov.uk', aadObjectId: 'aad-alison' });
  const peter = bot.user({ name: 'Peter Hale', email: 'peter.hale@lancashire.gov.uk', aadObjectId: 'aad-peter' });
  for (const user of [claire, alison, peter]) await bot.install(user);
  return { bot, claire, alison, peter, published, close: () => bot.close() };
}

/** The report card `start` posts for this user (the first card when they serve one locality). */
export async function openReportCard(world: WizardWorld, user: HarnessUser): Promise<ShownCard> {
  const replies = await world.bot.say(user, 'start');
  const reply = replies.find((recorded) => cardsOf(recorded).length > 0);
  if (!reply) throw new Error('start posted no card');
  return { card: cardsOf(reply)[0] as AdaptiveCardJson, messageId: reply.id };
}

interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly verb: string;
  readonly title?: string;
  readonly data: Record<string, unknown>;
}

/** Every Action.Execute on a card (body action sets included), in order. */
export function actionsOf(card: unknown): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const visit = (node: unknown, inRefresh: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inRefresh));
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Action.Execute' && !inRefresh) found.push(record as unknown as ExecuteAction);
    for (const [key, value] of Object.entries(record)) visit(value, inRefresh || key === 'refresh');
  };
  visit(card, false);
  return found;
}

/** The refresh action of a card. */
export function refreshOf(card: unknown): { verb: string; data: Record<string, unknown>; userIds: string[] } {
  const refresh = (card as { refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] } }).refresh;
  if (!refresh) throw new Error('the card has no refresh');
  return { verb: refresh.action.verb, data: refresh.action.data, userIds: refresh.userIds };
}

/** POSTs an activity to another bot server (a restarted one) than the harness's own. */
async function postTo(baseUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Sends an Action.Execute invoke as Teams would, from `user`, replying to `messageId`. */
export async function invoke(
  world: WizardWorld,
  user: HarnessUser,
  verb: string,
  data: Record<string, unknown>,
  options: { messageId?: string; trigger?: 'manual' | 'automatic'; baseUrl?: string } = {},
): Promise<InvokeResponseBody> {
  const activity = {
    id: randomUUID(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    timestamp: world.bot.deps.clock().toISOString(),
    serviceUrl: world.bot.connector.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'TASS' },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
    ...(options.messageId ? { replyToId: options.messageId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  };
  const { status, body } = options.baseUrl ? await postTo(options.baseUrl, activity) : await world.bot.post(activity);
  if (status !== 200) throw new Error(`the bot answered ${status}: ${JSON.stringify(body)}`);
  return body as InvokeResponseBody;
}

/** A card as it sits in a chat: its content and the id of the message that holds it. */
export interface ShownCard {
  readonly card: AdaptiveCardJson;
  readonly messageId: string;
}

function isShownCard(value: ShownCard | Record<string, unknown>): value is ShownCard {
  return typeof value['messageId'] === 'string' && typeof value['card'] === 'object';
}

/**
 * Presses a button on a card: the Action.Execute with this verb (and, when given, whose data
 * matches `where`), with `inputs` as what the user typed or chose. Resolves to the next card.
 * Given a ShownCard, the invoke replies to its message (as Teams does) and the next card comes
 * back as a ShownCard in the same message; given a bare card, the invoke has no message.
 */
export async function press(
  world: WizardWorld,
  user: HarnessUser,
  shown: ShownCard,
  verb: string,
  inputs?: Record<string, string>,
  where?: (data: Record<string, unknown>) => boolean,
): Promise<ShownCard>;
export async function press(
  world: WizardWorld,
  user: HarnessUser,
  card: Record<string, unknown>,
  verb: string,
  inputs?: Record<string, string>,
  where?: (data: Record<string, unknown>) => boolean,
): Promise<AdaptiveCardJson>;
export async function press(
  world: WizardWorld,
  user: HarnessUser,
  pressed: ShownCard | Record<string, unknown>,
  verb: string,
  inputs: Record<string, string> = {},
  where: (data: Record<string, unknown>) => boolean = () => true,
): Promise<ShownCard | AdaptiveCardJson> {
  const card = isShownCard(pressed) ? pressed.card : pressed;
  const action = actionsOf(card).find((candidate) => candidate.verb === verb && where(candidate.data));
  if (!action) throw new Error(`no ${verb} button on the card; it has ${actionsOf(card).map((a) => a.verb).join(', ')}`);
  const messageId = isShownCard(pressed) ? pressed.messageId : undefined;
  const body = await invoke(world, user, verb, { ...action.data, ...inputs }, messageId ? { messageId } : {});
  if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card back, got ${JSON.stringify(body)}`);
  }
  const next = body.value as AdaptiveCardJson;
  return messageId ? { card: next, messageId } : next;
}

/** The prefilled value of an input on a card. */
export function inputValue(card: unknown, id: string): unknown {
  let value: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['id'] === id && typeof record['type'] === 'string' && record['type'].startsWith('Input.')) value = record['value'];
    Object.values(record).forEach(visit);
  };
  visit(card);
  return value;
}

/** What an EPO types into each section card of one priority, in the report's order. */
export interface PriorityTexts {
  readonly priority: string;
  readonly intendedOutcomes: string;
  readonly activityLastPeriod: string;
  readonly plannedActivityNextPeriod: string;
  readonly impactSoFar: string;
  readonly exitStrategy: string;
}

/**
 * From a priority's first section card, types each section and presses Save and next six times
 * (marking last term's planned items with `carryForward` on the Activity card). Resolves to the
 * report card the last Save and finish returns.
 */
export async function writePriority(
  world: WizardWorld,
  user: HarnessUser,
  titleCard: ShownCard,
  texts: PriorityTexts,
  carryForward: Record<string, string> = {},
): Promise<ShownCard> {
  let shown = titleCard;
  for (const section of ['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy'] as const) {
    const extra = section === 'activityLastPeriod' ? carryForward : {};
    shown = await press(world, user, shown, 'tass.section.saveNext', { text: texts[section], ...extra });
  }
  return shown;
}
