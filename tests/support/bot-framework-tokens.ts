/**
 * A local stand-in for the Bot Framework's token signing, on 127.0.0.1 (real HTTP): an OpenID
 * metadata document and a JWKS with one RSA key endorsed for "msteams", and an RS256 signer for
 * tokens as the Bot Connector sends them. Point the adapter at `openIdMetadataUrl`.
 *
 *   const signing = await startBotFrameworkSigning();
 *   const token = signing.channelToken({ appId: 'app-id', serviceUrl });
 *   fetch(url, { headers: { authorization: `Bearer ${token}` } });
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TokenOptions {
  /** The audience: the bot's app id. */
  readonly appId: string;
  /** The `serviceurl` claim; botbuilder checks it equals the activity's serviceUrl. */
  readonly serviceUrl?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  readonly expiresIn?: number;
  /** Sign with a key the metadata does not publish (same kid). */
  readonly unknownKey?: boolean;
}

export interface BotFrameworkSigning {
  readonly openIdMetadataUrl: string;
  /** Requests for the metadata and the keys, to show the adapter really fetched them. */
  readonly requests: readonly string[];
  channelToken(options: TokenOptions): string;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** A compact JWS (RS256) of `payload`. */
export function signJwt(payload: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = base64url(JSON.stringify(payload));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${body}`);
  return `${header}.${body}.${base64url(signer.sign(privateKey))}`;
}

export async function startBotFrameworkSigning(options: { endorsements?: readonly string[] } = {}): Promise<BotFrameworkSigning> {
  const kid = `local-${randomUUID()}`;
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = published.publicKey.export({ format: 'jwk' });
  const requests: string[] = [];

  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (path === '/v1/.well-known/openidconfiguration') {
      send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
      return;
    }
    if (path === '/v1/.well-known/keys') {
      send(200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: options.endorsements ?? ['msteams'] }] });
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    openIdMetadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    requests,
    channelToken: (token) => {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: token.issuer ?? BOT_FRAMEWORK_ISSUER,
        aud: token.appId,
        nbf: now - 60,
        iat: now - 60,
        exp: now + (token.expiresIn ?? 3600),
        ...(token.serviceUrl ? { serviceurl: token.serviceUrl } : {}),
      };
      return signJwt(payload, token.unknownKey ? stranger.privateKey : published.privateKey, kid);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
