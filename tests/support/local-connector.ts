/**
 * A local Bot Framework connector on 127.0.0.1 (real HTTP). Activities the bot sends carry
 * `serviceUrl` pointing here, so its replies, proactive messages and card updates arrive here and
 * are recorded. It answers Teams' member lookup with the users it was told about, creates
 * conversations, and can enforce Teams' rate limits or fail chosen requests on purpose.
 *
 *   const connector = await startLocalConnector();
 *   connector.addMember({ id: '29:ann', aadObjectId: 'aad-ann', name: 'Ann', email: 'ann@x.gov.uk' });
 *   ... activities get serviceUrl: connector.serviceUrl ...
 *   connector.activitiesIn('a:conv-ann');   // what the bot posted there
 *   await connector.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** A Teams user as the connector's member lookup returns them. */
export interface ConnectorMember {
  /** The Teams user id ("29:..."), which is `from.id` on their activities. */
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly aadObjectId?: string;
  readonly tenantId?: string;
}

/** One request from the bot, as recorded. */
export interface RecordedActivity {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** The activity replied to (POST .../activities/{replyTo}) or updated (PUT). */
  readonly activityId?: string;
  /** The id the connector gave this activity (for POST) or the updated id (PUT). */
  readonly id: string;
  readonly activity: Record<string, unknown>;
  /** Milliseconds since the connector started: for pacing checks. */
  readonly at: number;
}

/** A sliding-window limit: at most `limit` requests in any `windowMs`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimits {
  /** Per conversation. Teams: 7/1s, 8/2s, 60/30s, 1800/3600s. */
  readonly perConversation: readonly RateLimit[];
  /** Across the whole bot. Teams: 50 per second. */
  readonly perApp: readonly RateLimit[];
  /** Retry-After sent with a 429, in seconds. */
  readonly retryAfterSeconds: number;
}

/** The limits Microsoft documents for Teams bots. */
export const TEAMS_RATE_LIMITS: RateLimits = {
  perConversation: [
    { limit: 7, windowMs: 1000 },
    { limit: 8, windowMs: 2000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1800, windowMs: 3_600_000 },
  ],
  perApp: [{ limit: 50, windowMs: 1000 }],
  retryAfterSeconds: 1,
};

/** A failure to inject: the next `times` matching requests get `status` (with Retry-After if given). */
export interface InjectedFailure {
  readonly status: number;
  times: number;
  readonly retryAfterSeconds?: number;
  readonly match?: (request: { method: string; path: string; conversationId?: string }) => boolean;
}

export interface LocalConnectorOptions {
  /** Enforce these limits, answering 429 beyond them. Off by default. */
  readonly rateLimits?: RateLimits;
}

export interface LocalConnector {
  /** The serviceUrl to put on activities, e.g. "http://127.0.0.1:41234/". */
  readonly serviceUrl: string;
  /** Every activity the bot posted or updated, in arrival order. */
  readonly activities: readonly RecordedActivity[];
  /** Conversations the bot created with POST /v3/conversations. */
  readonly createdConversations: readonly Record<string, unknown>[];
  /** Requests answered 429 (by the limits or an injected failure). */
  readonly throttled: number;
  /** Every request received, including refused ones: method, path and time. */
  readonly requests: readonly { method: string; path: string; status: number; at: number }[];
  addMember(member: ConnectorMember): void;
  activitiesIn(conversationId: string): RecordedActivity[];
  /** Fails the next matching requests on purpose (429 with Retry-After, 500, 503, ...). */
  injectFailure(failure: InjectedFailure): void;
  /** Forgets what was recorded (members stay). */
  clear(): void;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MEMBER_PATH = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)\/?$/;
const CONVERSATIONS_PATH = /^\/v3\/conversations\/?$/;

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(response: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Starts the connector on 127.0.0.1 on a free port. */
export async function startLocalConnector(options: LocalConnectorOptions = {}): Promise<LocalConnector> {
  const started = Date.now();
  const members = new Map<string, ConnectorMember>();
  const activities: RecordedActivity[] = [];
  const createdConversations: Record<string, unknown>[] = [];
  const requests: { method: string; path: string; status: number; at: number }[] = [];
  const failures: InjectedFailure[] = [];
  const sentAt = new Map<string, number[]>();
  let throttled = 0;

  const overLimit = (key: string, limits: readonly RateLimit[], now: number): boolean => {
    const times = sentAt.get(key) ?? [];
    const longest = Math.max(...limits.map((l) => l.windowMs));
    const recent = times.filter((t) => now - t < longest);
    sentAt.set(key, recent);
    return limits.some((l) => recent.filter((t) => now - t < l.windowMs).length >= l.limit);
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<number> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const activityMatch = ACTIVITY_PATH.exec(path);
    const conversationId = activityMatch?.[1] ?? MEMBER_PATH.exec(path)?.[1];

    const failure = failures.find((f) => f.times > 0 && (!f.match || f.match({ method, path, conversationId })));
    if (failure) {
      failure.times -= 1;
      await readJson(request);
      if (failure.status === 429) throttled += 1;
      const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      send(response, failure.status, { error: { code: failure.status === 429 ? 'TooManyRequests' : 'InjectedFailure', message: 'injected by the test' } }, headers);
      return failure.status;
    }

    if (activityMatch && (method === 'POST' || method === 'PUT')) {
      const now = Date.now();
      if (options.rateLimits) {
        const limits = options.rateLimits;
        if (overLimit(`conversation:${activityMatch[1]}`, limits.perConversation, now) || overLimit('app', limits.perApp, now)) {
          throttled += 1;
          await readJson(request);
          send(response, 429, { error: { code: 'TooManyRequests', message: 'rate limit' } }, { 'retry-after': String(limits.retryAfterSeconds) });
          return 429;
        }
        for (const key of [`conversation:${activityMatch[1]}`, 'app']) sentAt.set(key, [...(sentAt.get(key) ?? []), now]);
      }
      const activity = await readJson(request);
      const id = method === 'PUT' ? (activityMatch[2] ?? randomUUID()) : randomUUID();
      activities.push({ method, conversationId: activityMatch[1], activityId: activityMatch[2], id, activity, at: now - started });
      send(response, 200, { id });
      return 200;
    }

    const memberMatch = MEMBER_PATH.exec(path);
    if (memberMatch && method === 'GET') {
      const member = members.get(memberMatch[2]);
      if (!member) {
        send(response, 404, { error: { code: 'MemberNotFoundInConversation', message: 'member not found' } });
        return 404;
      }
      send(response, 200, {
        id: member.id,
        name: member.name,
        aadObjectId: member.aadObjectId,
        email: member.email,
        userPrincipalName: member.email,
        givenName: member.name.split(' ')[0],
        surname: member.name.split(' ').slice(1).join(' '),
        tenantId: member.tenantId ?? 'tenant-local',
        userRole: 'user',
      });
      return 200;
    }

    if (CONVERSATIONS_PATH.test(path) && method === 'POST') {
      const parameters = await readJson(request);
      createdConversations.push(parameters);
      const id = `a:${randomUUID()}`;
      send(response, 201, { id, serviceUrl: serviceUrl, activityId: randomUUID() });
      return 201;
    }

    send(response, 404, { error: { code: 'NotFound', message: `${method} ${path} is not served by the local connector` } });
    return 404;
  };

  const server = http.createServer((request, response) => {
    handle(request, response)
      .then((status) => requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', status, at: Date.now() - started }))
      .catch((error: unknown) => send(response, 500, { error: { code: 'LocalConnectorError', message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    serviceUrl,
    activities,
    createdConversations,
    get throttled() {
      return throttled;
    },
    requests,
    addMember: (member) => {
      members.set(member.id, member);
    },
    activitiesIn: (conversationId) => activities.filter((a) => a.conversationId === conversationId),
    injectFailure: (failure) => {
      failures.push(failure);
    },
    clear: () => {
      activities.length = 0;
      createdConversations.length = 0;
      requests.length = 0;
      failures.length = 0;
      sentAt.clear();
      throttled = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
