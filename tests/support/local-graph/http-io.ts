/**
 * The request and response shapes the local Graph handlers work with, and Graph's error body.
 * Error shape: https://learn.microsoft.com/en-us/graph/errors
 */

/** One Graph request as a handler sees it: path relative to /v1.0, query decoded. */
export interface GraphCall {
  readonly method: string;
  /** Decoded path after the version segment, e.g. "/sites/x/lists/y/items". */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Set when the call came in through `$batch` rather than over the wire. */
  readonly inBatch: boolean;
}

export interface GraphReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body, a raw body, or nothing (204). */
  readonly json?: unknown;
  readonly raw?: Buffer;
}

/** Graph's error envelope: `{ error: { code, message, innerError } }`. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): GraphReply {
  return {
    status,
    headers,
    json: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': cryptoId(), 'client-request-id': cryptoId() },
      },
    },
  };
}

export function ok(json: unknown, status = 200, headers?: Record<string, string>): GraphReply {
  return { status, json, headers };
}

export function readJson(call: GraphCall): Record<string, unknown> | undefined {
  if (call.body.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(call.body.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
