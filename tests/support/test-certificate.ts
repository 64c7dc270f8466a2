/**
 * Self-signed certificates made at test time with the `openssl` command line (node cannot make
 * X.509 certificates), so no private key is ever committed. Each is written as one PEM file
 * holding the certificate and its key, as SHAREPOINT_CERTIFICATE_PATH expects.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  /** The PEM file with the certificate and its private key. */
  readonly path: string;
  /** The certificate alone, as an admin uploads it to the app registration. */
  readonly certificatePem: string;
  /** The private key alone (PEM; encrypted when a passphrase was given). */
  readonly keyPem: string;
}

function openssl(args: readonly string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('These tests make certificates with the openssl command line, which is not installed here (apt-get install openssl).');
    }
    throw error;
  }
}

/** A fresh RSA certificate and key in a new temporary folder. */
export function createTestCertificate(options: { passphrase?: string; name?: string } = {}): TestCertificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tass-cert-'));
  const keyPath = path.join(dir, 'key.pem');
  const certificatePath = path.join(dir, 'certificate.pem');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certificatePath, '-days', '2', '-subj', `/CN=${options.name ?? 'tass-bot test'}`, '-batch']);
  let keyPem = readFileSync(keyPath, 'utf8');
  if (options.passphrase !== undefined) {
    const encryptedPath = path.join(dir, 'key.encrypted.pem');
    openssl(['pkcs8', '-topk8', '-in', keyPath, '-out', encryptedPath, '-v2', 'aes-256-cbc', '-passout', `pass:${options.passphrase}`]);
    keyPem = readFileSync(encryptedPath, 'utf8');
  }
  const certificatePem = readFileSync(certificatePath, 'utf8');
  const combined = path.join(dir, 'tass-bot.pem');
  writeFileSync(combined, `${certificatePem}${keyPem}`, { mode: 0o600 });
  return { path: combined, certificatePem, keyPem };
}

/** Writes `text` to a new temporary file, for PEM files that are broken on purpose. */
export function writeTemporaryPem(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tass-pem-')), 'broken.pem');
  writeFileSync(file, text);
  return file;
}
