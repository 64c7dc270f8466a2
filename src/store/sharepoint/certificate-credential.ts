/**
 * The app's certificate credential: a PEM file with the certificate and its private key, and the
 * signed client assertion the Microsoft identity platform accepts in place of a client secret
 * (https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials).
 * SharePoint REST refuses app-only tokens obtained with a secret, so `tass provision` signs in
 * with this to set list permissions. Key material never leaves this module except as a signature.
 */
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../config/config';

export const CERTIFICATE_PATH_VARIABLE = 'SHAREPOINT_CERTIFICATE_PATH';
export const CERTIFICATE_PASSPHRASE_VARIABLE = 'SHAREPOINT_CERTIFICATE_PASSPHRASE';

/** How long a client assertion is valid: the platform accepts at most ten minutes. */
const ASSERTION_LIFETIME_SECONDS = 5 * 60;

export interface CertificateCredential {
  /** base64url SHA-1 thumbprint of the certificate (DER): the JWT header's `x5t`. */
  readonly thumbprint: string;
  /** base64url SHA-256 thumbprint: the JWT header's `x5t#S256`. */
  readonly thumbprintSha256: string;
  /** When the certificate stops being valid, so a message can say it has expired. */
  readonly validTo: Date;
  /** A signed client assertion for this app and token endpoint. */
  clientAssertion(clientId: string, tokenUrl: string, now?: number): string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

function problem(message: string): ConfigError {
  return new ConfigError([`${CERTIFICATE_PATH_VARIABLE}: ${message}`]);
}

function readPrivateKey(pem: string, passphrase: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    if (/ENCRYPTED/.test(pem)) {
      throw new ConfigError([
        passphrase === undefined
          ? `${CERTIFICATE_PATH_VARIABLE}: the private key is encrypted; set ${CERTIFICATE_PASSPHRASE_VARIABLE}`
          : `${CERTIFICATE_PASSPHRASE_VARIABLE}: the passphrase does not open the private key in ${CERTIFICATE_PATH_VARIABLE}`,
      ]);
    }
    throw problem('the private key in the file cannot be read');
  }
}

/**
 * Reads the certificate and its private key from one PEM file. Every problem (no file, no
 * certificate, no key, wrong passphrase, a key that does not belong to the certificate) is a
 * ConfigError naming the variable, before anything is sent anywhere.
 */
export function loadCertificateCredential(path: string, passphrase?: string): CertificateCredential {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw problem(`cannot read the file ${path}`);
  }
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => ({ label: match[1], pem: match[0] }));
  const certificateBlock = blocks.find((block) => block.label === 'CERTIFICATE');
  const keyBlock = blocks.find((block) => /PRIVATE KEY$/.test(block.label));
  if (!certificateBlock) throw problem(`${path} holds no certificate (expected a "BEGIN CERTIFICATE" block)`);
  if (!keyBlock) throw problem(`${path} holds no private key (expected a "BEGIN PRIVATE KEY" block with the certificate)`);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateBlock.pem);
  } catch {
    throw problem(`the certificate in ${path} cannot be read`);
  }
  const privateKey = readPrivateKey(keyBlock.pem, passphrase);
  const publicOfKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!publicOfKey.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
    throw problem(`the private key in ${path} does not belong to its certificate`);
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw problem('the certificate must have an RSA key (the identity platform signs with RS256)');
  const thumbprint = base64url(createHash('sha1').update(certificate.raw).digest());
  const thumbprintSha256 = base64url(createHash('sha256').update(certificate.raw).digest());
  return {
    thumbprint,
    thumbprintSha256,
    validTo: new Date(certificate.validTo),
    clientAssertion(clientId, tokenUrl, now = Date.now()) {
      const issuedAt = Math.floor(now / 1000);
      const header = { alg: 'RS256', typ: 'JWT', x5t: thumbprint };
      const payload = { aud: tokenUrl, iss: clientId, sub: clientId, jti: randomUUID(), nbf: issuedAt, iat: issuedAt, exp: issuedAt + ASSERTION_LIFETIME_SECONDS };
      const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
      const signature = sign('sha256', Buffer.from(signingInput), privateKey);
      return `${signingInput}.${base64url(signature)}`;
    },
  };
}
