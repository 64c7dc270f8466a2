/** Client-credentials sign-in against the local token endpoint: caching, refresh and failures. */
import { ClientCredentialsAuthProvider, GraphSignInError } from '../../../src/store/sharepoint/auth';
import { StoreUnavailableError } from '../../../src/store/errors';
import { startLocalGraph, type LocalGraph } from '../../support/local-graph/local-graph-server';

describe('client-credentials sign-in', () => {
  let graph: LocalGraph;
  let now: number;

  beforeEach(async () => {
    graph = await startLocalGraph({ tokenLifetimeSeconds: 3600 });
    now = Date.parse('2025-03-10T09:00:00Z');
  });

  afterEach(async () => {
    await graph.close();
  });

  const provider = (secret = graph.clientSecret) =>
    new ClientCredentialsAuthProvider(
      { tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: secret, tokenUrl: graph.tokenUrl },
      { now: () => now },
    );

  it('reuses the token until five minutes before it expires, then signs in again', async () => {
    const auth = provider();
    const first = await auth.getAccessToken();
    now += 54 * 60 * 1000;
    await expect(auth.getAccessToken()).resolves.toBe(first);
    now += 2 * 60 * 1000;
    const renewed = await auth.getAccessToken();
    expect(renewed).not.toBe(first);
    expect(graph.tokens.issuedCount).toBe(2);
    expect(graph.tokens.problemWith(`Bearer ${renewed}`)).toBeUndefined();
  });

  it('shares one sign-in between concurrent callers', async () => {
    const auth = provider();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => auth.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(graph.log.count((r) => r.path === '/token')).toBe(1);
  });

  it('refuses a wrong secret with GraphSignInError, without the secret in the message', async () => {
    const failure = await provider('not-the-secret').getAccessToken().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphSignInError);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toContain('401 invalid_client');
    expect((failure as Error).message).not.toContain('not-the-secret');
  });

  it.each([
    ['the sign-in service is down', () => graph.faults.setOutage(true)],
    ['the sign-in service answers 503', () => graph.faults.unavailable(1, 1, { path: /^\/token$/ })],
  ])('raises StoreUnavailableError when %s', async (_label, fault) => {
    fault();
    await expect(provider().getAccessToken()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
