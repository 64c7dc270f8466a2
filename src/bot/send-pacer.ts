/**
 * Pacing for proactive sends. Teams throttles bots (per conversation about 7 messages a second,
 * per app about 50), so a campaign spaces its sends with a token bucket instead of leaning on
 * 429s, and when a 429 still comes back it waits as long as the connector's Retry-After asks.
 */

export interface PacingOptions {
  /** Sends per second once the burst is used up. */
  readonly ratePerSecond: number;
  /** Sends allowed back to back before pacing starts. */
  readonly burst: number;
  /** How many times a throttled (429) send is retried before giving up. */
  readonly maxRetries: number;
  /** Wait before the first retry when the connector sends no Retry-After; doubles each time. */
  readonly backoffMs: number;
  /** Upper bound on any single wait, whatever Retry-After says. */
  readonly maxWaitMs: number;
  /** Pacing of the sends into any one conversation, on top of the app-wide rate above. */
  readonly perConversation: BucketRate;
}

/** A token bucket's refill rate and size. */
export interface BucketRate {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/**
 * Teams allows a bot 50 requests a second per app and tenant, and per conversation 7 a second,
 * 8 in 2 s and 60 in 30 s. App-wide: 46 a second with a burst of 2, so no 1-second window can
 * hold more than 48 even with a little network jitter (92% of the limit, leaving room for
 * replies in turns). Per conversation: a burst of 3 then 1.5 a second, inside all three limits
 * (at most 4.5 in 1 s, 6 in 2 s, 48 in 30 s), so an officer covering several localities is
 * not throttled either.
 */
export const DEFAULT_PACING: PacingOptions = {
  ratePerSecond: 46,
  burst: 2,
  maxRetries: 3,
  backoffMs: 1000,
  maxWaitMs: 60_000,
  perConversation: { ratePerSecond: 1.5, burst: 3 },
};

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A token bucket: `take()` resolves when a send may go. Callers are served in arrival order. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: BucketRate,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {
    if (options.ratePerSecond <= 0 || options.burst < 1) throw new RangeError('pacing needs a positive rate and a burst of at least 1');
    this.tokens = options.burst;
    this.refilledAt = now();
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.options.ratePerSecond));
    }
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.options.burst, this.tokens + elapsed * this.options.ratePerSecond);
    this.refilledAt = now;
  }
}

/** The connector answered 429 more often than we are willing to retry. */
export class ThrottledError extends Error {
  constructor(readonly attempts: number) {
    super(`the Teams connector kept throttling (429) after ${attempts} attempts`);
    this.name = 'ThrottledError';
  }
}

interface HttpLikeError {
  statusCode?: number;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string | undefined> };
}

/** The HTTP status carried by a connector error, if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as HttpLikeError;
  return candidate.statusCode ?? candidate.response?.status;
}

/** Retry-After in milliseconds (seconds or an HTTP date), if the error carries one. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as HttpLikeError).response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string | undefined>)['retry-after'] ?? (headers as Record<string, string | undefined>)['Retry-After'];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `send`, retrying on 429 after the connector's Retry-After (or an exponential backoff
 * when it gives none). Other errors are thrown at once.
 *
 * botbuilder's HTTP pipeline (@azure/core-client) already retries a 429 that carries Retry-After
 * up to three times, and 5xx answers with its own backoff; this is the outer layer for a 429
 * without Retry-After, or one that outlasts those retries.
 */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  options: Pick<PacingOptions, 'maxRetries' | 'backoffMs' | 'maxWaitMs'>,
  sleep: Sleep = realSleep,
  onThrottled?: (attempt: number, waitMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (statusOf(error) !== 429) throw error;
      if (attempt > options.maxRetries) throw new ThrottledError(attempt);
      const wait = Math.min(options.maxWaitMs, retryAfterMs(error) ?? options.backoffMs * 2 ** (attempt - 1));
      onThrottled?.(attempt, wait);
      await sleep(wait);
    }
  }
}
