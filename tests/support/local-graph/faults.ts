/**
 * Fault injection and the request log. Throttling answers follow Graph's documented shape:
 * 429 (or 503) with a Retry-After header in seconds.
 * https://learn.microsoft.com/en-us/graph/throttling
 * https://learn.microsoft.com/en-us/graph/best-practices-concept#handling-expected-errors
 */

export type Fault =
  /** Answer with this status (and Retry-After) instead of serving the request. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  /** Serve the request, but only after this many milliseconds. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Destroy the socket before serving the request: nothing happens on the server. */
  | { readonly kind: 'drop-before' }
  /** Serve the request (writes happen), then destroy the socket instead of answering. */
  | { readonly kind: 'drop-after' }
  /** Run this first (e.g. another writer's save), then serve the request. */
  | { readonly kind: 'before'; readonly run: () => Promise<void> };

export interface FaultMatch {
  readonly method?: string;
  /** Matched against the path after the version segment (or "/token", "/upload/..."). */
  readonly path?: RegExp;
  /** Let this many matching requests through untouched before the fault applies. */
  readonly skip?: number;
  /** Apply to the requests inside a `$batch` (status faults only) instead of to HTTP requests. */
  readonly inBatch?: boolean;
}

interface FaultRule {
  readonly match: FaultMatch;
  readonly fault: Fault;
  remaining: number;
  toSkip: number;
}

/** What the next requests will suffer. Rules apply in the order they were added, each `times` times. */
export class FaultPlan {
  private readonly rules: FaultRule[] = [];
  private down = false;

  add(fault: Fault, times = 1, match: FaultMatch = {}): this {
    this.rules.push({ fault, match, remaining: times, toSkip: match.skip ?? 0 });
    return this;
  }

  /** N answers of 429 Too Many Requests with Retry-After. */
  throttle(times: number, retryAfterSeconds = 1, match?: FaultMatch): this {
    return this.add({ kind: 'status', status: 429, retryAfterSeconds }, times, match);
  }

  /** N answers of 503 Service Unavailable, with Retry-After unless it is undefined. */
  unavailable(times: number, retryAfterSeconds: number | undefined = 1, match?: FaultMatch): this {
    return this.add({ kind: 'status', status: 503, retryAfterSeconds }, times, match);
  }

  slow(ms: number, times = 1, match?: FaultMatch): this {
    return this.add({ kind: 'delay', ms }, times, match);
  }

  /** Drops the connection: `after` serves the request first, so a write lands but its answer is lost. */
  drop(times = 1, options: { after?: boolean } & FaultMatch = {}): this {
    const { after, ...match } = options;
    return this.add({ kind: after ? 'drop-after' : 'drop-before' }, times, match);
  }

  /** Runs `run` just before serving a matching request: an interleaved writer, deterministically. */
  before(run: () => Promise<void>, match?: FaultMatch): this {
    return this.add({ kind: 'before', run }, 1, match);
  }

  /** A full outage: every connection is dropped until it is switched off. */
  setOutage(down: boolean): this {
    this.down = down;
    return this;
  }

  get outage(): boolean {
    return this.down;
  }

  clear(): void {
    this.rules.length = 0;
    this.down = false;
  }

  /** The fault for this request, if any; consumes one use of the rule. */
  take(method: string, path: string, inBatch = false): Fault | undefined {
    if (this.down && !inBatch) return { kind: 'drop-before' };
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.match.inBatch === true) === inBatch &&
        (!candidate.match.method || candidate.match.method.toUpperCase() === method.toUpperCase()) &&
        (!candidate.match.path || candidate.match.path.test(path)),
    );
    if (!rule) return undefined;
    if (rule.toSkip > 0) {
      rule.toSkip -= 1;
      return undefined;
    }
    rule.remaining -= 1;
    return rule.fault;
  }
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  /** The HTTP status answered; 0 when the connection was dropped. */
  readonly status: number;
  /** True for the requests carried inside a `$batch`. */
  readonly inBatch: boolean;
  readonly fault?: Fault['kind'];
}

/** Every request the server saw, in order; the benchmark counts them per operation. */
export class RequestLog {
  readonly records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
  }

  /** HTTP requests on the wire (token requests included unless excluded by the predicate). */
  count(predicate: (record: RequestRecord) => boolean = () => true): number {
    return this.records.filter((record) => !record.inBatch && predicate(record)).length;
  }

  /** Graph HTTP requests on the wire, leaving out token requests and upload fragments. */
  graphRequests(): RequestRecord[] {
    return this.records.filter((record) => !record.inBatch && record.path !== '/token' && !record.path.startsWith('/upload/'));
  }

  clear(): void {
    this.records.length = 0;
  }
}
