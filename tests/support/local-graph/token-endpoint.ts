/**
 * The Microsoft identity platform's client-credentials grant, with a client secret or a
 * certificate's signed client assertion, for Graph or for SharePoint.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 * https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials
 * POST /{tenant}/oauth2/v2.0/token (form: client_id, scope={resource}/.default, grant_type=client_credentials,
 * and client_secret, or client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
 * with client_assertion) -> { token_type: "Bearer", expires_in, access_token }.
 * Tokens are for one resource: Graph refuses a SharePoint token and SharePoint a Graph token, and
 * SharePoint REST refuses app-only tokens obtained with a secret ("Unsupported app only token.",
 * https://learn.microsoft.com/en-us/sharepoint/dev/solution-guidance/security-apponly-azuread).
 */
import { constants, createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import type { GraphReply } from './http-io';

export interface AppCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export type TokenAudience = 'graph' | 'sharepoint';

interface IssuedToken {
  expiresAt: number;
  readonly audience: TokenAudience;
  readonly withCertificate: boolean;
}

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function oauthError(status: number, error: string, description: string, code = status === 401 ? 7000215 : 90014): GraphReply {
  return { status, json: { error, error_description: description, error_codes: [code], timestamp: new Date().toISOString() } };
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Issues and checks access tokens for one app registration. */
export class TokenIssuer {
  private readonly issued = new Map<string, IssuedToken>();
  private readonly certificates: X509Certificate[] = [];

  /**
   * @param endpoints the token URL (a client assertion's `aud`) and the SharePoint origin whose
   *   `/.default` scope yields SharePoint tokens.
   */
  constructor(
    private readonly app: AppCredentials,
    private readonly lifetimeSeconds: number,
    private readonly endpoints: { readonly tokenUrl: string; readonly sharePointOrigin: string },
  ) {}

  /** Uploads a certificate (PEM) to the app registration, as an admin does in Entra. */
  registerCertificate(pem: string): void {
    this.certificates.push(new X509Certificate(pem));
  }

  issue(tenant: string, form: URLSearchParams): GraphReply {
    if (tenant !== this.app.tenantId) return oauthError(400, 'invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (form.get('client_id') !== this.app.clientId) return oauthError(400, 'unauthorized_client', `AADSTS700016: Application '${form.get('client_id')}' was not found.`);
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE) return oauthError(400, 'invalid_request', 'AADSTS700025: The client_assertion_type is not supported.', 700025);
      const problem = this.assertionProblem(assertion);
      if (problem) return oauthError(401, 'invalid_client', problem, 700027);
    } else if (form.get('client_secret') !== this.app.clientSecret) {
      return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    }
    const scope = form.get('scope');
    const audience: TokenAudience | undefined = scope === GRAPH_SCOPE ? 'graph' : scope === `${this.endpoints.sharePointOrigin}/.default` ? 'sharepoint' : undefined;
    if (!audience) return oauthError(400, 'invalid_scope', 'AADSTS1002012: The provided value for scope is not valid.');
    const token = randomBytes(24).toString('base64url');
    this.issued.set(token, { expiresAt: Date.now() + this.lifetimeSeconds * 1000, audience, withCertificate: assertion !== null });
    return { status: 200, json: { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds, access_token: token } };
  }

  /** Why the platform would refuse this client assertion, or undefined when it is good. */
  private assertionProblem(assertion: string): string | undefined {
    const [headerPart, payloadPart, signaturePart] = assertion.split('.');
    const header = decodePart(headerPart);
    const payload = decodePart(payloadPart);
    if (!header || !payload || !signaturePart) return 'AADSTS50027: JWT token is invalid or malformed.';
    const sha1 = typeof header.x5t === 'string' ? header.x5t : undefined;
    const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
    const certificate = this.certificates.find(
      (candidate) => createHash('sha1').update(candidate.raw).digest('base64url') === sha1 || createHash('sha256').update(candidate.raw).digest('base64url') === sha256,
    );
    if (!certificate) return `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${sha1 ?? sha256 ?? ''}']`;
    const input = Buffer.from(`${headerPart}.${payloadPart}`);
    const signature = Buffer.from(signaturePart, 'base64url');
    const valid =
      header.alg === 'RS256'
        ? verify('sha256', input, certificate.publicKey, signature)
        : header.alg === 'PS256'
          ? verify('sha256', input, { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
          : false;
    if (!valid) return 'AADSTS700027: Client assertion contains an invalid signature.';
    if (payload.aud !== this.endpoints.tokenUrl) return `AADSTS700021: Client assertion audience claim does not match Realm issuer. Expected ${this.endpoints.tokenUrl}.`;
    if (payload.iss !== this.app.clientId || payload.sub !== this.app.clientId) return 'AADSTS700023: Client assertion audience claim does not match the client id.';
    const now = Date.now() / 1000;
    if (typeof payload.exp !== 'number' || payload.exp <= now || (typeof payload.nbf === 'number' && payload.nbf > now + 300)) {
      return 'AADSTS700024: Client assertion is not within its valid time range.';
    }
    if (new Date(certificate.validTo).getTime() <= Date.now()) return 'AADSTS700027: The certificate used to sign the client assertion has expired.';
    return undefined;
  }

  /** Undefined when the Authorization header carries a live token for `audience`, else the 401 reason. */
  problemWith(authorization: string | undefined, audience: TokenAudience = 'graph'): string | undefined {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!match) return 'Access token is empty.';
    const token = this.issued.get(match[1]);
    if (token === undefined) return 'Invalid JWT token. The token is malformed.';
    if (token.expiresAt <= Date.now()) return 'Lifetime validation failed, the token is expired.';
    if (token.audience !== audience) return audience === 'graph' ? 'Access token validation failure. Invalid audience.' : 'Invalid audience Uri.';
    if (audience === 'sharepoint' && !token.withCertificate) return 'Unsupported app only token.';
    return undefined;
  }

  /** Revokes every token issued so far, as an admin rotating the secret or a tenant policy might. */
  revokeAll(): void {
    for (const token of this.issued.values()) token.expiresAt = 0;
  }

  /** How many tokens were issued: tests check that tokens are cached. */
  get issuedCount(): number {
    return this.issued.size;
  }
}
