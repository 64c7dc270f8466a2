/**
 * The Microsoft identity platform's client-credentials grant.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 * POST /{tenant}/oauth2/v2.0/token (form: client_id, scope=https://graph.microsoft.com/.default,
 * client_secret, grant_type=client_credentials) -> { token_type: "Bearer", expires_in, access_token }.
 */
import { randomBytes } from 'node:crypto';
import type { GraphReply } from './http-io';

export interface AppCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

function oauthError(status: number, error: string, description: string): GraphReply {
  return { status, json: { error, error_description: description, error_codes: [status === 401 ? 7000215 : 90014], timestamp: new Date().toISOString() } };
}

/** Issues and checks access tokens for one app registration. */
export class TokenIssuer {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly app: AppCredentials,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(tenant: string, form: URLSearchParams): GraphReply {
    if (tenant !== this.app.tenantId) return oauthError(400, 'invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (form.get('client_id') !== this.app.clientId) return oauthError(400, 'unauthorized_client', `AADSTS700016: Application '${form.get('client_id')}' was not found.`);
    if (form.get('client_secret') !== this.app.clientSecret) return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    if (form.get('scope') !== 'https://graph.microsoft.com/.default') return oauthError(400, 'invalid_scope', 'AADSTS1002012: The provided value for scope is not valid.');
    const token = randomBytes(24).toString('base64url');
    this.issued.set(token, Date.now() + this.lifetimeSeconds * 1000);
    return { status: 200, json: { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds, access_token: token } };
  }

  /** Undefined when the Authorization header carries a live token, else Graph's 401 reason. */
  problemWith(authorization: string | undefined): string | undefined {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!match) return 'Access token is empty.';
    const expiresAt = this.issued.get(match[1]);
    if (expiresAt === undefined) return 'Invalid JWT token. The token is malformed.';
    if (expiresAt <= Date.now()) return 'Lifetime validation failed, the token is expired.';
    return undefined;
  }

  /** Revokes every token issued so far, as an admin rotating the secret or a tenant policy might. */
  revokeAll(): void {
    for (const token of this.issued.keys()) this.issued.set(token, 0);
  }

  /** How many tokens were issued: tests check that tokens are cached. */
  get issuedCount(): number {
    return this.issued.size;
  }
}
