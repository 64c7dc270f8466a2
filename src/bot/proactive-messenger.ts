/**
 * Proactive messages (campaign prompts, reminders, managers' cards) sent through the adapter
 * with the conversation reference stored when the officer installed the bot or last wrote to it.
 * Sends are paced by a token bucket and a 429 is retried after the connector's Retry-After.
 */
import { CardFactory, MessageFactory, type BotAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { ReportStore } from '../store/report-store';
import type { ProactiveMessenger } from './bot-deps';
import { DEFAULT_PACING, TokenBucket, realSleep, sendWithRetry, type PacingOptions, type Sleep } from './send-pacer';

/** The part of CloudAdapter a messenger needs. */
export type ContinuingAdapter = Pick<BotAdapter, 'continueConversationAsync'>;

export interface ProactiveMessengerDeps {
  readonly adapter: ContinuingAdapter;
  readonly store: Pick<ReportStore, 'getConversationLink'>;
  readonly logger: Logger;
  /** The bot's MicrosoftAppId; empty in anonymous (local) mode. */
  readonly appId: string;
  readonly pacing?: Partial<PacingOptions>;
  readonly sleep?: Sleep;
  readonly now?: () => number;
}

/** The activity for a message: text, a card, or text above a card. */
export function buildMessageActivity(message: { text?: string; card?: Record<string, unknown> }) {
  if (message.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    if (message.text) activity.text = message.text;
    return activity;
  }
  return MessageFactory.text(message.text ?? '');
}

export function createProactiveMessenger(deps: ProactiveMessengerDeps): ProactiveMessenger {
  const pacing: PacingOptions = { ...DEFAULT_PACING, ...deps.pacing };
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const bucket = new TokenBucket(pacing, now, sleep);
  // One bucket per conversation, created on its first send; kept for the messenger's lifetime.
  const conversations = new Map<string, TokenBucket>();
  const conversationBucket = (conversationId: string): TokenBucket => {
    let found = conversations.get(conversationId);
    if (!found) {
      found = new TokenBucket(pacing.perConversation, now, sleep);
      conversations.set(conversationId, found);
    }
    return found;
  };
  return {
    async sendToOfficer(officerId, message) {
      const link = await deps.store.getConversationLink(officerId);
      if (!link) return false;
      const reference = link.reference as Partial<ConversationReference>;
      const activity = buildMessageActivity(message);
      await sendWithRetry(
        async () => {
          // The conversation's turn first, so an app-wide token is not held while it waits.
          await conversationBucket(reference.conversation?.id ?? officerId).take();
          await bucket.take();
          // The adapter hands errors thrown in a turn to onTurnError and swallows them, so the
          // send's failure is carried out of the turn by hand for the retry to see it.
          let failure: unknown;
          await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
            try {
              await context.sendActivity(activity);
            } catch (error) {
              failure = error;
            }
          });
          if (failure !== undefined) throw failure;
        },
        pacing,
        sleep,
        (attempt, waitMs) => deps.logger.warn({ officerId, attempt, waitMs }, 'connector throttled a proactive send; retrying'),
      );
      return true;
    },
  };
}
