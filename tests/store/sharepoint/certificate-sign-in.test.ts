/**
 * Certificate sign-in for SharePoint REST: the signed client assertion, the token it buys (good
 * for SharePoint, not for Graph), and a clear line for every way the PEM file can be wrong.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../../src/config/config';
import { ClientCredentialsAuthProvider, GraphSignInError, sharePointScope } from '../../../src/store/sharepoint/auth';
import { loadCertificateCredential } from '../../../src/store/sharepoint/certificate-credential';
import { createSharePointRest, SharePointAccessError } from '../../../src/store/sharepoint/sharepoint-rest';
import { startLocalGraph, type LocalGraph } from '../../support/local-graph/local-graph-server';
import { createTestCertificate, writeTemporaryPem, type TestCertificate } from '../../support/test-certificate';

const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('certificate sign-in', () => {
  let certificate: TestCertificate;
  let other: TestCertificate;
  let graph: LocalGraph;

  beforeAll(() => {
    certificate = createTestCertificate();
    other = createTestCertificate({ name: 'not uploaded' });
  });

  beforeEach(async () => {
    graph = await startLocalGraph();
    graph.tokens.registerCertificate(certificate.certificatePem);
  });

  afterEach(async () => {
    await graph.close();
  });

  const signIn = (pem: TestCertificate, scope = sharePointScope(graph.webUrl)) =>
    new ClientCredentialsAuthProvider({ tenantId: graph.tenantId, clientId: graph.clientId, certificate: loadCertificateCredential(pem.path), scope, tokenUrl: graph.tokenUrl });

  it('signs a short-lived RS256 assertion for this app and token endpoint, naming the certificate by its SHA-1 thumbprint', () => {
    const assertion = loadCertificateCredential(certificate.path).clientAssertion(graph.clientId, graph.tokenUrl);
    const [header, payload] = assertion.split('.').map((part, index) => (index < 2 ? decode(part) : {}));
    const der = new X509Certificate(certificate.certificatePem).raw;
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', x5t: createHash('sha1').update(der).digest('base64url') });
    expect(payload).toMatchObject({ aud: graph.tokenUrl, iss: graph.clientId, sub: graph.clientId });
    expect(typeof payload.jti).toBe('string');
    expect((payload.exp as number) - (payload.nbf as number)).toBeLessThanOrEqual(600);
    expect(assertion).not.toContain('PRIVATE');
  });

  it('gets a token SharePoint REST accepts and Graph refuses', async () => {
    const token = await signIn(certificate).getAccessToken();
    expect(graph.tokens.problemWith(`Bearer ${token}`, 'sharepoint')).toBeUndefined();
    expect(graph.tokens.problemWith(`Bearer ${token}`, 'graph')).toBe('Access token validation failure. Invalid audience.');
  });

  it('is refused by SharePoint REST when the token came from the client secret', async () => {
    const authProvider = new ClientCredentialsAuthProvider({
      tenantId: graph.tenantId,
      clientId: graph.clientId,
      clientSecret: graph.clientSecret,
      scope: sharePointScope(graph.webUrl),
      tokenUrl: graph.tokenUrl,
    });
    const rest = createSharePointRest({ webUrl: graph.webUrl, authProvider });
    const failure = await rest.get('web/associatedvisitorgroup', 'reading the visitors group').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SharePointAccessError);
    expect((failure as Error).message).toContain('accepts only tokens signed in with a certificate');
  });

  it('refuses a Graph token at SharePoint REST', async () => {
    const token = await signIn(certificate, 'https://graph.microsoft.com/.default').getAccessToken();
    expect(graph.tokens.problemWith(`Bearer ${token}`, 'sharepoint')).toBe('Invalid audience Uri.');
  });

  it('says so clearly when the certificate is not uploaded to the app registration', async () => {
    const failure = await signIn(other).getAccessToken().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphSignInError);
    expect((failure as Error).message).toContain('(401 invalid_client)');
    expect((failure as Error).message).toContain('SHAREPOINT_CERTIFICATE_PATH is uploaded to the app registration');
  });

  it('opens an encrypted key with its passphrase', async () => {
    const encrypted = createTestCertificate({ passphrase: 'correct horse' });
    graph.tokens.registerCertificate(encrypted.certificatePem);
    const credential = loadCertificateCredential(encrypted.path, 'correct horse');
    const auth = new ClientCredentialsAuthProvider({ tenantId: graph.tenantId, clientId: graph.clientId, certificate: credential, scope: sharePointScope(graph.webUrl), tokenUrl: graph.tokenUrl });
    await expect(auth.getAccessToken()).resolves.toEqual(expect.any(String));
  });

  describe('a PEM file that will not do', () => {
    let encrypted: TestCertificate;

    beforeAll(() => {
      encrypted = createTestCertificate({ passphrase: 'correct horse' });
    });

    type Input = () => readonly [path: string, passphrase: string | undefined];
    it.each<readonly [string, Input, string]>([
      ['a file that is not there', () => ['/nowhere/tass-bot.pem', undefined], 'SHAREPOINT_CERTIFICATE_PATH: cannot read the file /nowhere/tass-bot.pem'],
      ['a certificate without its key', () => [writeTemporaryPem(certificate.certificatePem), undefined], 'holds no private key'],
      ['a key without its certificate', () => [writeTemporaryPem(certificate.keyPem), undefined], 'holds no certificate'],
      ['an encrypted key and no passphrase', () => [encrypted.path, undefined], 'the private key is encrypted; set SHAREPOINT_CERTIFICATE_PASSPHRASE'],
      ['the wrong passphrase', () => [encrypted.path, 'wrong horse'], 'SHAREPOINT_CERTIFICATE_PASSPHRASE: the passphrase does not open the private key'],
      ['a key that belongs to another certificate', () => [writeTemporaryPem(`${certificate.certificatePem}${other.keyPem}`), undefined], 'does not belong to its certificate'],
    ])('refuses %s with one line naming the variable', (_label, input, expected) => {
      const [path, passphrase] = input();
      const failure = (() => {
        try {
          loadCertificateCredential(path, passphrase);
          return undefined;
        } catch (error) {
          return error;
        }
      })();
      expect(failure).toBeInstanceOf(ConfigError);
      const problems = (failure as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(expected);
      expect(problems[0]).toMatch(/^SHAREPOINT_CERTIFICATE_(PATH|PASSPHRASE): /);
      expect(problems[0]).not.toContain(readFileSync(certificate.path, 'utf8').slice(100, 140));
    });
  });
});
