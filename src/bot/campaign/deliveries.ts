/**
 * Sends each campaign message at most once. Every send is recorded in the store by (term,
 * locality, officer, kind); a message already recorded as sent is skipped, so opening a campaign
 * twice or resuming one that was interrupted sends only what is missing.
 */
import type { CampaignDelivery } from '../../domain/model';
import type { TermKey } from '../../domain/term';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';

export interface DeliveryRequest {
  readonly localityId: string;
  readonly officerId: string;
  readonly message: () => Promise<{ text?: string; card?: Record<string, unknown> }>;
}

export interface DeliveryOutcome {
  /** Sent now. */
  readonly sent: number;
  /** Sent by an earlier run: not sent again. */
  readonly alreadySent: number;
  /** No conversation with the officer yet (they have not installed the bot). */
  readonly noConversation: number;
  /** The send failed; recorded as failed with the error, and retried by the next run. */
  readonly failed: number;
}

export const NO_CONVERSATION = 'no conversation with this officer yet';

function keyOf(delivery: Pick<CampaignDelivery, 'localityId' | 'officerId'>): string {
  return `${delivery.localityId}\u0000${delivery.officerId}`;
}

/** Sends what has not been sent for this term and kind, one at a time (the messenger paces). */
export async function deliverOnce(
  deps: Pick<BotDeps, 'store' | 'clock' | 'logger'>,
  messenger: ProactiveMessenger,
  term: TermKey,
  kind: string,
  requests: readonly DeliveryRequest[],
): Promise<DeliveryOutcome> {
  const earlier = new Map((await deps.store.listDeliveries(term, kind)).map((delivery) => [keyOf(delivery), delivery]));
  const outcome = { sent: 0, alreadySent: 0, noConversation: 0, failed: 0 };
  for (const request of requests) {
    const previous = earlier.get(keyOf(request));
    if (previous?.status === 'sent') {
      outcome.alreadySent += 1;
      continue;
    }
    const base = { term, kind, localityId: request.localityId, officerId: request.officerId, attempts: (previous?.attempts ?? 0) + 1 };
    try {
      const delivered = await messenger.sendToOfficer(request.officerId, await request.message());
      if (delivered) {
        outcome.sent += 1;
        await deps.store.recordDelivery({ ...base, status: 'sent', sentAt: deps.clock().toISOString() });
      } else {
        outcome.noConversation += 1;
        await deps.store.recordDelivery({ ...base, status: 'failed', lastError: NO_CONVERSATION });
      }
    } catch (error) {
      outcome.failed += 1;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      deps.logger.warn({ term, kind, localityId: request.localityId, officerId: request.officerId, reason }, 'campaign message not delivered');
      await deps.store.recordDelivery({ ...base, status: 'failed', lastError: reason.slice(0, 500) });
    }
  }
  deps.logger.info({ term, kind, ...outcome }, 'campaign messages delivered');
  return outcome;
}
