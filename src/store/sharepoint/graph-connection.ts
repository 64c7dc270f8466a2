/**
 * The Microsoft Graph client the SharePoint store and the report library use, with its
 * middleware chain: bearer token -> RetryHandler (429/503/504, honouring Retry-After) ->
 * retry of idempotent reads after a dropped connection -> per-attempt timeout -> fetch.
 * https://learn.microsoft.com/en-us/graph/sdks/customize-client
 */
import {
  Client,
  GraphClientError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export interface GraphConnectionOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (GRAPH_BASE_URL). */
  readonly baseUrl: string;
  readonly authProvider: RenewableAuthenticationProvider;
  /** Per attempt; a slower answer counts as a failed attempt. Default 30 s. */
  readonly timeoutMs?: number;
  /** Retries of 429/503/504 answers. Default 3. */
  readonly maxRetries?: number;
  /** Seconds between retries when the answer has no Retry-After. Default 3. */
  readonly retryDelaySeconds?: number;
  /** Attempts at a GET whose connection failed. Default 3. */
  readonly readAttempts?: number;
}

export interface GraphConnection {
  readonly client: Client;
  readonly baseUrl: string;
  /** Turns an absolute Graph URL (an @odata.nextLink) into the path the client expects. */
  relativePath(url: string): string;
}

/** An AuthenticationProvider that can drop a token Graph has refused. */
export interface RenewableAuthenticationProvider extends AuthenticationProvider {
  forgetToken?(): void;
}

/**
 * Adds `Authorization: Bearer` to requests for the Graph base URL only (never to upload URLs).
 * A 401 means the token was revoked or expired early: sign in again and send once more.
 */
class BearerTokenHandler implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly authProvider: RenewableAuthenticationProvider,
    private readonly baseUrl: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (!url.startsWith(this.baseUrl)) {
      await this.next?.execute(context);
      return;
    }
    await this.authorise(context);
    await this.next?.execute(context);
    if (context.response?.status === 401 && this.authProvider.forgetToken) {
      this.authProvider.forgetToken();
      await this.authorise(context);
      await this.next?.execute(context);
    }
  }

  private async authorise(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.authProvider.getAccessToken();
    } catch (error) {
      // The client turns other errors into a GraphError without the original; this kind it passes through.
      const passed = new GraphClientError(error instanceof Error ? error.message : 'sign-in failed');
      passed.customError = error;
      throw passed;
    }
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => {
      plain[name] = value;
    });
    context.options = { ...context.options, headers: plain };
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Retries a GET whose connection dropped or timed out: reading twice changes nothing. */
class ReadRetryHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly attempts: number) {}

  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.next?.execute(context);
        return;
      } catch (error) {
        if (method !== 'GET' || attempt >= this.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Gives every attempt its own deadline, so a hung connection fails instead of waiting forever. */
class TimeoutHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    context.options = { ...context.options, signal: AbortSignal.timeout(this.timeoutMs) };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph client whose every request goes through the middleware chain above. */
export function createGraphConnection(options: GraphConnectionOptions): GraphConnection {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const chain: Middleware[] = [
    new BearerTokenHandler(options.authProvider, baseUrl),
    new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 3)),
    new ReadRetryHandler(options.readAttempts ?? 3),
    new TimeoutHandler(options.timeoutMs ?? 30_000),
    new HTTPMessageHandler(),
  ];
  for (let i = 0; i < chain.length - 1; i += 1) chain[i].setNext?.(chain[i + 1]);
  // The version is part of baseUrl, so the client adds none of its own.
  const client = Client.initWithMiddleware({ middleware: chain[0], baseUrl, defaultVersion: '' });
  return {
    client,
    baseUrl,
    relativePath: (url) => (url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url),
  };
}
