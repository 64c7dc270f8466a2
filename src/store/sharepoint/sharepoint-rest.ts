/**
 * A small SharePoint REST client for the few calls Graph v1.0 cannot make (list permissions).
 * JSON light without metadata (`application/json;odata=nometadata`); bearer tokens need no form
 * digest. Throttled answers (429, 503) are retried after their Retry-After, as SharePoint asks:
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 */
import { StoreUnavailableError } from '../errors';
import type { RenewableAuthenticationProvider } from './graph-connection';

export interface SharePointRestOptions {
  /** The site's webUrl, e.g. https://contoso.sharepoint.com/sites/TASS. */
  readonly webUrl: string;
  /** Signs in for the SharePoint resource (certificate credential). */
  readonly authProvider: RenewableAuthenticationProvider;
  /** Retries of a throttled request. Default 5. */
  readonly maxRetries?: number;
  /** Seconds to wait when a throttled answer has no Retry-After. Default 5. */
  readonly defaultRetryAfterSeconds?: number;
  /** Per request. Default 30 s. */
  readonly timeoutMs?: number;
}

export interface SharePointRest {
  readonly webUrl: string;
  /** GET `{webUrl}/_api/{path}`; `doing` says what for, in messages. */
  get<T>(path: string, doing: string): Promise<T>;
  post(path: string, doing: string): Promise<void>;
  delete(path: string, doing: string): Promise<void>;
}

/** SharePoint refused the app (401, 403): an admin has to change the app's grant or credential. */
export class SharePointAccessError extends StoreUnavailableError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SharePointAccessError';
  }
}

/** The list, group or principal asked for does not exist (404). */
export class SharePointNotFoundError extends StoreUnavailableError {
  constructor(doing: string) {
    super(`SharePoint answered 404 while ${doing}`);
    this.name = 'SharePointNotFoundError';
  }
}

/** A title inside an OData string literal: single quotes doubled, then URL-encoded. */
export function odataString(value: string): string {
  return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
}

function retryAfterSeconds(response: Response, fallback: number): number {
  const header = response.headers.get('Retry-After');
  if (header === null) return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallback : Math.max(0, (date - Date.now()) / 1000);
}

export function createSharePointRest(options: SharePointRestOptions): SharePointRest {
  const webUrl = options.webUrl.replace(/\/+$/, '');
  const maxRetries = options.maxRetries ?? 5;

  const send = async (method: string, path: string, token: string): Promise<Response> => {
    try {
      return await fetch(`${webUrl}/_api/${path}`, {
        method,
        headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new StoreUnavailableError(`SharePoint could not be reached at ${new URL(webUrl).origin}`, error);
    }
  };

  const call = async (method: string, path: string, doing: string): Promise<Response> => {
    let renewed = false;
    for (let attempt = 0; ; attempt += 1) {
      const response = await send(method, path, await options.authProvider.getAccessToken());
      if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
        await response.body?.cancel();
        const wait = retryAfterSeconds(response, options.defaultRetryAfterSeconds ?? 5);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (response.status === 401 && !renewed && options.authProvider.forgetToken) {
        // The token may have been revoked or expired early: sign in again once.
        await response.body?.cancel();
        options.authProvider.forgetToken();
        renewed = true;
        continue;
      }
      if (response.ok) return response;
      await response.body?.cancel();
      if (response.status === 401) {
        throw new SharePointAccessError(401, `SharePoint refused the app's token (401) while ${doing}: it accepts only tokens signed in with a certificate (SHAREPOINT_CERTIFICATE_PATH) for an app granted the site through Sites.Selected`);
      }
      if (response.status === 403) {
        throw new SharePointAccessError(403, `SharePoint answered 403 while ${doing}: the app needs the fullcontrol role on the site through Sites.Selected to manage list permissions`);
      }
      if (response.status === 404) throw new SharePointNotFoundError(doing);
      throw new StoreUnavailableError(`SharePoint answered ${response.status} while ${doing}`);
    }
  };

  return {
    webUrl,
    async get<T>(path: string, doing: string): Promise<T> {
      const response = await call('GET', path, doing);
      return (await response.json()) as T;
    },
    async post(path, doing) {
      await (await call('POST', path, doing)).body?.cancel();
    },
    async delete(path, doing) {
      await (await call('DELETE', path, doing)).body?.cancel();
    },
  };
}
