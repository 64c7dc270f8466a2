/**
 * JSON batching (https://learn.microsoft.com/en-us/graph/json-batching): up to 20 requests in
 * one POST /$batch. Writes that belong together run as one `dependsOn` chain, so a failure stops
 * the rest (they answer 424). Requests throttled inside a batch (429/503 with Retry-After, see
 * https://learn.microsoft.com/en-us/graph/throttling#best-practices-to-handle-throttling) are sent again.
 */
import type { GraphConnection } from './graph-connection';

export const MAX_BATCH_REQUESTS = 20;
const MAX_THROTTLED_ROUNDS = 3;

export interface BatchRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the Graph version, e.g. /sites/{id}/lists/{id}/items */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

interface RawAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function relative(connection: GraphConnection, url: string): string {
  const path = connection.relativePath(url);
  return path.startsWith('/') ? path : `/${path}`;
}

async function postBatch(connection: GraphConnection, requests: readonly BatchRequest[], chained: boolean): Promise<BatchAnswer[]> {
  const body = {
    requests: requests.map((request, index) => ({
      id: String(index + 1),
      method: request.method,
      url: relative(connection, request.url),
      ...(request.body !== undefined || request.headers
        ? { headers: { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers } }
        : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(chained && index > 0 ? { dependsOn: [String(index)] } : {}),
    })),
  };
  const answer = (await connection.client.api('/$batch').post(body)) as { responses: RawAnswer[] };
  const byId = new Map(answer.responses.map((response) => [response.id, response]));
  return requests.map((_, index) => {
    const raw = byId.get(String(index + 1));
    return { status: raw?.status ?? 0, headers: raw?.headers ?? {}, body: raw?.body };
  });
}

function retryAfterMs(answers: readonly BatchAnswer[]): number {
  const seconds = Math.max(1, ...answers.map((answer) => Number(answer.headers['Retry-After'] ?? answer.headers['retry-after'] ?? 0) || 0));
  return Math.min(seconds, 60) * 1000;
}

const throttled = (status: number): boolean => status === 429 || status === 503 || status === 504;

/**
 * Sends up to 20 requests in one batch, in order. `chained`: each depends on the one before, so
 * the first failure stops the rest. Throttled requests (and, in a chain, those after them) are
 * sent again after Retry-After, up to three times.
 */
export async function sendBatch(connection: GraphConnection, requests: readonly BatchRequest[], chained: boolean): Promise<BatchAnswer[]> {
  if (requests.length > MAX_BATCH_REQUESTS) throw new RangeError(`A batch holds at most ${MAX_BATCH_REQUESTS} requests`);
  const answers: Array<BatchAnswer | undefined> = requests.map(() => undefined);
  let pending = requests.map((_, index) => index);
  for (let round = 0; pending.length > 0; round += 1) {
    const got = await postBatch(connection, pending.map((index) => requests[index]), chained);
    got.forEach((answer, position) => {
      answers[pending[position]] = answer;
    });
    const firstThrottled = got.findIndex((answer) => throttled(answer.status));
    if (firstThrottled < 0 || round >= MAX_THROTTLED_ROUNDS) break;
    // In a chain everything after the throttled request answered 424 and must go again too.
    const again = chained ? pending.slice(firstThrottled) : pending.filter((_, position) => throttled(got[position].status));
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs(got)));
    pending = again;
  }
  return answers.map((answer) => answer ?? { status: 0, headers: {}, body: undefined });
}

/** Splits requests into batches of at most 20. */
export function inBatches<T>(values: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < values.length; i += MAX_BATCH_REQUESTS) batches.push(values.slice(i, i + MAX_BATCH_REQUESTS));
  return batches;
}
