/**
 * Who is talking to the bot. An officer is recognised by Entra object id, else by the email
 * Teams gives for the member (and the object id is then saved onto the officer). Anyone else
 * gets the same polite "not registered" answer to everything, enforced once for every route.
 */
import { ActivityTypes, CardFactory, MessageFactory, TeamsInfo, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Officer } from '../domain/model';
import type { BotDeps } from './bot-deps';
import { notRegisteredCard, type AdaptiveCardJson } from './bot-cards';

const OFFICER_KEY = Symbol('tass.officer');
const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

interface ResolvedIdentity {
  readonly officer: Officer | undefined;
}

/**
 * The officer behind this turn's activity, or undefined for someone the store does not know.
 * Looked up once per turn; later calls in the same turn reuse the answer.
 */
export async function resolveOfficer(context: TurnContext, deps: Pick<BotDeps, 'store' | 'logger'>): Promise<Officer | undefined> {
  const cached = context.turnState.get<ResolvedIdentity | undefined>(OFFICER_KEY);
  if (cached) return cached.officer;
  const officer = await lookUpOfficer(context, deps);
  context.turnState.set(OFFICER_KEY, { officer } satisfies ResolvedIdentity);
  return officer;
}

async function lookUpOfficer(context: TurnContext, deps: Pick<BotDeps, 'store' | 'logger'>): Promise<Officer | undefined> {
  const from = context.activity.from;
  if (!from?.id) return undefined;
  const aadObjectId = from.aadObjectId;
  if (aadObjectId) {
    const byAad = await deps.store.findOfficerByAadObjectId(aadObjectId);
    if (byAad) return byAad;
  }
  const email = await memberEmail(context, deps);
  if (!email) return undefined;
  const byEmail = await deps.store.findOfficerByEmail(email);
  if (!byEmail) return undefined;
  if (aadObjectId && byEmail.aadObjectId && byEmail.aadObjectId !== aadObjectId) {
    // Same email, different Entra account: never let one account speak for another.
    deps.logger.warn({ officerId: byEmail.id }, 'an account with another Entra object id used an officer\'s email; refused');
    return undefined;
  }
  if (aadObjectId && !byEmail.aadObjectId) {
    const saved = await deps.store.upsertOfficer({ ...byEmail, aadObjectId });
    deps.logger.info({ correlationId: context.activity.id, officerId: saved.id }, 'officer recognised by email; Entra object id saved');
    return saved;
  }
  return byEmail;
}

/** The member's email (or UPN) from Teams, or undefined when Teams cannot tell us. */
async function memberEmail(context: TurnContext, deps: Pick<BotDeps, 'logger'>): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch (error) {
    deps.logger.warn(
      { err: { type: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : '' } },
      'could not read the Teams member to recognise the user',
    );
    return undefined;
  }
}

/** The admins' names for the "not registered" card. */
async function adminNames(deps: Pick<BotDeps, 'store'>): Promise<string[]> {
  const admins = await deps.store.listOfficers({ role: 'admin' });
  return admins.map((admin) => admin.name);
}

/** Answers a refused turn the way its activity expects: an invoke gets a card back, a message gets a card. */
export async function refuse(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke && context.activity.name === ADAPTIVE_CARD_ACTION) {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return;
  }
  if (context.activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    return;
  }
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** Activities an unknown user is told about; anything else from them (typing, reactions) is ignored. */
function expectsAnswer(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke) return true;
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/** The conversation reference, kept for proactive messages when the conversation is personal. */
async function rememberConversation(context: TurnContext, officer: Officer, deps: Pick<BotDeps, 'store' | 'clock'>): Promise<void> {
  const conversationType = context.activity.conversation?.conversationType;
  if (conversationType && conversationType !== 'personal') return;
  const reference = TurnContext.getConversationReference(context.activity);
  // Most turns come from the same chat: skip the write (a Graph call with SharePoint) when nothing changed.
  const stored = (await deps.store.getConversationLink(officer.id))?.reference as Partial<typeof reference> | undefined;
  if (stored && stored.serviceUrl === reference.serviceUrl && stored.conversation?.id === reference.conversation?.id && stored.user?.id === reference.user?.id) return;
  await deps.store.saveConversationLink({
    officerId: officer.id,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: deps.clock().toISOString(),
  });
}

/**
 * Registers the gate every turn passes first: the sender is recognised (and their personal
 * conversation remembered) or refused, so no verb or command is reachable by an unknown user.
 */
export function registerIdentityGate<TState extends TurnState>(app: Application<TState>, deps: BotDeps): void {
  app.turn('beforeTurn', async (context) => {
    const officer = await resolveOfficer(context, deps);
    if (officer) {
      await rememberConversation(context, officer, deps);
      return true;
    }
    if (expectsAnswer(context)) {
      deps.logger.info({ correlationId: context.activity.id, activityType: context.activity.type, channelId: context.activity.channelId }, 'unregistered user refused');
      await refuse(context, notRegisteredCard(await adminNames(deps)));
    }
    return false;
  });
}
