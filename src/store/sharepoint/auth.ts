/**
 * App-only sign-in with the OAuth 2.0 client-credentials grant
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow),
 * as a Graph client AuthenticationProvider: with a client secret for Graph, or with a signed
 * certificate assertion (https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials),
 * which SharePoint REST requires. The token is cached until shortly before it expires, and
 * concurrent callers share one token request.
 */
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { StoreUnavailableError } from '../errors';
import type { CertificateCredential } from './certificate-credential';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** The `.default` scope of a SharePoint tenant, from any URL on it (e.g. the site's webUrl). */
export function sharePointScope(webUrl: string): string {
  return `${new URL(webUrl).origin}/.default`;
}

export interface ClientCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  /** The app's secret; or, instead, its certificate. */
  readonly clientSecret?: string;
  readonly certificate?: CertificateCredential;
  /** Default: Graph's `.default` scope. */
  readonly scope?: string;
  /** Default: https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token */
  readonly tokenUrl?: string;
}

/**
 * Sign-in was refused (wrong secret or certificate, unknown app or tenant): SharePoint is
 * unavailable until an admin fixes the settings, so this is a StoreUnavailableError that says why.
 */
export class GraphSignInError extends StoreUnavailableError {
  constructor(
    readonly status: number,
    readonly reason: string,
    withCertificate = false,
  ) {
    super(
      withCertificate
        ? `Microsoft sign-in with the certificate was refused (${status} ${reason}); check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and that the certificate in SHAREPOINT_CERTIFICATE_PATH is uploaded to the app registration and not expired`
        : `Microsoft Graph sign-in was refused (${status} ${reason}); check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET`,
    );
    this.name = 'GraphSignInError';
  }
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string(),
});

const TokenError = z.object({ error: z.string() }).partial();

/** The Microsoft identity platform's token endpoint for a tenant. */
export function defaultTokenUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

/** Signs in as the app (no user) and hands the Graph client a cached bearer token. */
export class ClientCredentialsAuthProvider implements AuthenticationProvider {
  private cached?: { token: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly options: { timeoutMs?: number; now?: () => number } = {},
  ) {}

  /** Drops the cached token: Graph refused it (revoked), so the next request signs in again. */
  forgetToken(): void {
    this.cached = undefined;
  }

  async getAccessToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now < this.cached.refreshAt) return this.cached.token;
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    const url = this.credentials.tokenUrl ?? defaultTokenUrl(this.credentials.tenantId);
    const { certificate, clientSecret, clientId } = this.credentials;
    const form = new URLSearchParams({ client_id: clientId, scope: this.credentials.scope ?? GRAPH_SCOPE, grant_type: 'client_credentials' });
    if (certificate) {
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', certificate.clientAssertion(clientId, url));
    } else {
      form.set('client_secret', clientSecret ?? '');
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new StoreUnavailableError('The Microsoft sign-in service cannot be reached', error);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (response.status >= 500 || response.status === 429) {
        throw new StoreUnavailableError(`The Microsoft sign-in service answered ${response.status}`);
      }
      const reason = TokenError.safeParse(body);
      throw new GraphSignInError(response.status, (reason.success && reason.data.error) || 'unknown error', certificate !== undefined);
    }
    const parsed = TokenResponse.safeParse(body);
    if (!parsed.success) throw new StoreUnavailableError('The Microsoft sign-in service answered without a token');
    // Refresh five minutes early (or halfway through a short-lived token) so no request carries an expiring token.
    const margin = Math.min(300, parsed.data.expires_in / 2) * 1000;
    this.cached = { token: parsed.data.access_token, refreshAt: (this.options.now ?? Date.now)() + parsed.data.expires_in * 1000 - margin };
    return parsed.data.access_token;
  }
}
