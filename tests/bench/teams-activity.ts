/** Activities as Teams sends them to the bot, for driving the real server over HTTP. */
import { randomUUID } from 'node:crypto';
import { actionsOf } from '../support/wizard-world';

export const BENCH_BOT_ID = '28:tass-bot';
export const BENCH_TENANT_ID = 'tenant-local';

/** A Teams user in a personal chat with the bot. */
export interface TeamsUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly conversationId: string;
}

export function teamsUser(officerId: string, name: string, aadObjectId: string): TeamsUser {
  return { id: `29:${officerId}`, name, aadObjectId, conversationId: `a:personal-${officerId}` };
}

function base(serviceUrl: string, user: TeamsUser, now: Date): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: now.toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BENCH_BOT_ID, name: 'TASS' },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT_ID },
    channelData: { tenant: { id: BENCH_TENANT_ID } },
    locale: 'en-GB',
  };
}

/** A message typed by the user. */
export function messageActivity(serviceUrl: string, user: TeamsUser, text: string, now: Date): Record<string, unknown> {
  return { ...base(serviceUrl, user, now), type: 'message', text, textFormat: 'plain' };
}

/** An Action.Execute press on the card in message `messageId`. */
export function invokeActivity(
  serviceUrl: string,
  user: TeamsUser,
  press: { readonly messageId: string; readonly verb: string; readonly data: Record<string, unknown> },
  now: Date,
): Record<string, unknown> {
  return {
    ...base(serviceUrl, user, now),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: press.messageId,
    value: { action: { type: 'Action.Execute', verb: press.verb, data: press.data }, trigger: 'manual' },
  };
}

/** The Adaptive Card an invoke answered with; throws on anything else. */
export function cardOf(answer: unknown): Record<string, unknown> {
  const body = answer as { statusCode?: number; type?: string; value?: unknown } | undefined;
  if (body?.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card back, got ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return body.value as Record<string, unknown>;
}

/** The data of the Action.Execute with this verb on a card. */
export function actionOn(card: unknown, verb: string): Record<string, unknown> {
  const action = actionsOf(card).find((candidate) => candidate.verb === verb);
  if (!action) throw new Error(`no ${verb} on the card; it has ${actionsOf(card).map((a) => a.verb).join(', ') || 'no actions'}`);
  return action.data;
}
