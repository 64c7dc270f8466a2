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

/** How many officers' messages are prepared and sent at once; the messenger's pacing sets the rate. */
export const DELIVERY_CONCURRENCY = 8;

/**
 * Sends what has not been sent for this term and kind. Several officers' deliveries are in
 * flight at once (rendering a card and a connector round trip take longer than the pacing
 * interval), each officer's one after another and in order; the messenger's token buckets
 * decide when each send goes.
 */
export async function deliverOnce(
  deps: Pick<BotDeps, 'store' | 'clock' | 'logger'>,
  messenger: ProactiveMessenger,
  term: TermKey,
  kind: string,
  requests: readonly DeliveryRequest[],
  concurrency: number = DELIVERY_CONCURRENCY,
): Promise<DeliveryOutcome> {
  const earlier = new Map((await deps.store.listDeliveries(term, kind)).map((delivery) => [keyOf(delivery), delivery]));
  const outcome = { sent: 0, alreadySent: 0, noConversation: 0, failed: 0 };
  const deliver = async (request: DeliveryRequest): Promise<void> => {
    const previous = earlier.get(keyOf(request));
    if (previous?.status === 'sent') {
      outcome.alreadySent += 1;
      return;
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
  };
  // One queue per officer, in the order of their first request: an officer's messages go one
  // after another and in order, while different officers' messages are prepared side by side.
  const queues = new Map<string, DeliveryRequest[]>();
  for (const request of requests) {
    const queue = queues.get(request.officerId);
    if (queue) queue.push(request);
    else queues.set(request.officerId, [request]);
  }
  const pending = [...queues.values()];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const queue = pending[next];
      next += 1;
      try {
        for (const request of queue) await deliver(request);
      } catch (error) {
        // The store could not record a delivery: hand out no more work, as the sequential loop did.
        next = pending.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, worker));
  deps.logger.info({ term, kind, ...outcome }, 'campaign messages delivered');
  return outcome;
}
