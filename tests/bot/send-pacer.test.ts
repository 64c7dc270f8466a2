/** Pacing and 429 handling of proactive sends, with a simulated clock. */
import { TokenBucket, ThrottledError, retryAfterMs, sendWithRetry, statusOf } from '../../src/bot/send-pacer';

function simulatedTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then paces to the rate', async () => {
    const time = simulatedTime();
    const bucket = new TokenBucket({ ratePerSecond: 5, burst: 3 }, time.now, time.sleep);
    const startedAt: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      await bucket.take();
      startedAt.push(time.now());
    }
    expect(startedAt.slice(0, 3)).toEqual([0, 0, 0]);
    expect(startedAt.slice(3)).toEqual([200, 400, 600, 800, 1000]);
  });

  it('serves concurrent callers in order without exceeding the rate', async () => {
    const time = simulatedTime();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1 }, time.now, time.sleep);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(time.now()).toBe(300);
  });

  it.each([
    [{ ratePerSecond: 0, burst: 1 }],
    [{ ratePerSecond: 1, burst: 0 }],
  ])('refuses %j', (options) => {
    expect(() => new TokenBucket(options)).toThrow(RangeError);
  });
});

describe('sendWithRetry', () => {
  const throttled = (retryAfter?: string) =>
    Object.assign(new Error('Too Many Requests'), {
      statusCode: 429,
      response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
    });

  it.each([
    ['2', [2000]],
    [undefined, [100]],
  ])('waits Retry-After %s (or the backoff) and then succeeds', async (retryAfter, expectedWaits) => {
    const time = simulatedTime();
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw throttled(retryAfter);
        return 'sent';
      },
      { maxRetries: 3, backoffMs: 100, maxWaitMs: 60_000 },
      time.sleep,
    );
    expect(result).toBe('sent');
    expect(time.waits).toEqual(expectedWaits);
  });

  it('backs off exponentially and gives up with ThrottledError', async () => {
    const time = simulatedTime();
    await expect(
      sendWithRetry(async () => Promise.reject(throttled()), { maxRetries: 3, backoffMs: 100, maxWaitMs: 250 }, time.sleep),
    ).rejects.toThrow(ThrottledError);
    expect(time.waits).toEqual([100, 200, 250]);
  });

  it('does not retry other failures', async () => {
    const time = simulatedTime();
    let calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls += 1;
          throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
        },
        { maxRetries: 3, backoffMs: 100, maxWaitMs: 1000 },
        time.sleep,
      ),
    ).rejects.toThrow('Forbidden');
    expect(calls).toBe(1);
    expect(time.waits).toEqual([]);
  });
});

describe('reading connector errors', () => {
  it.each([
    [{ statusCode: 429 }, 429],
    [{ response: { status: 503 } }, 503],
    [new Error('network'), undefined],
    ['text', undefined],
  ])('statusOf(%j) is %s', (error, expected) => {
    expect(statusOf(error)).toBe(expected);
  });

  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'Retry-After': '0' }, 0],
    [{ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }, 5000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('retryAfterMs(%j) is %s', (headers, expected) => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs({ statusCode: 429, response: { headers } }, now)).toBe(expected);
  });
});
