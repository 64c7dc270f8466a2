/**
 * Who may post to /api/messages when the bot has an app id: only the Bot Framework, proven by a
 * token botbuilder's own validation accepts. The test plays the Bot Framework: it serves OpenID
 * metadata and a signing key on loopback, points the adapter at it, and signs its own tokens.
 * Every refused request leaves the store and the connector untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { TermCalendar } from '../../src/domain/term-calendar';
import { createLogger } from '../../src/logging/logger';
import { openStore } from '../../src/store/open-store';
import type { ReportStore } from '../../src/store/report-store';
import { createBotServer, type BotServer } from '../../src/server/create-bot-server';
import { anOfficer } from '../support/builders';
import { startBotFrameworkSigning, type BotFrameworkSigning } from '../support/bot-framework-tokens';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { DEFAULT_THEMES } from '../../src/domain/themes';

const APP_ID = '6f1c2a9e-0b7d-4c3e-9a55-1d2e3f4a5b6c';
const ANN = anOfficer({ id: 'officer-ann', aadObjectId: 'aad-ann', localityIds: ['preston'] });

describe('authentication of /api/messages with MicrosoftAppId set', () => {
  let dir: string;
  let store: ReportStore;
  let connector: LocalConnector;
  let signing: BotFrameworkSigning;
  let bot: BotServer;
  let baseUrl: string;
  let logged = '';
  const tokensSent: string[] = [];

  beforeAll(async () => {
    // botbuilder prints every refused token (and its key) with console.error; the assertions say what matters.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-auth-'));
    const config = loadConfig({
      TASS_DB: path.join(dir, 'tass.db'),
      TASS_DATA_DIR: dir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'app-password-not-used-here',
      MicrosoftAppType: 'MultiTenant',
    });
    store = await openStore(config);
    await store.upsertOfficer(ANN);
    connector = await startLocalConnector();
    connector.addMember({ id: '29:ann', name: ANN.name, email: ANN.email, aadObjectId: 'aad-ann' });
    signing = await startBotFrameworkSigning();
    bot = createBotServer({
      config,
      store,
      calendar: new TermCalendar(),
      themes: DEFAULT_THEMES,
      clock: () => new Date('2025-03-10T09:00:00Z'),
      logger: createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk: Buffer, _encoding, callback) {
            logged += chunk.toString('utf8');
            callback();
          },
        }),
      }),
      publisher: { publishLocalityReport: () => Promise.reject(new Error('not in this test')) },
      channelAuthentication: { channelOpenIdMetadataUrl: signing.openIdMetadataUrl },
    });
    baseUrl = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await bot.close();
    await signing.close();
    await connector.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  const activity = (type: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: randomUUID(),
    type,
    text: type === 'message' ? 'help' : undefined,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:ann', name: ANN.name, aadObjectId: 'aad-ann' },
    recipient: { id: `28:${APP_ID}`, name: 'TASS' },
    conversation: { id: 'a:personal-ann', conversationType: 'personal', tenantId: 'tenant-local' },
    ...overrides,
  });

  async function post(body: Record<string, unknown>, authorization?: string): Promise<number> {
    if (authorization) tokensSent.push(authorization.replace(/^\S+\s*/, ''));
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
    await response.text();
    return response.status;
  }

  /** What a turn would change: the remembered conversation, the officer, and anything sent. */
  async function snapshot(): Promise<unknown> {
    return {
      link: await store.getConversationLink(ANN.id),
      officers: await store.listOfficers(),
      connectorRequests: connector.requests.length,
      sent: connector.activities.length,
    };
  }

  const tamperedPayload = (token: string): string => {
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600, serviceurl: 'https://evil.example.com/' })).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };

  it.each<[string, () => string | undefined, Record<string, unknown>]>([
    ['no Authorization header', () => undefined, {}],
    ['an empty bearer token', () => 'Bearer ', {}],
    ['a token that is not a JWT', () => 'Bearer not-a-token', {}],
    ['a Basic credential', () => `Basic ${Buffer.from('user:pass').toString('base64')}`, {}],
    ['a token for another app (wrong audience)', () => `Bearer ${signing.channelToken({ appId: 'another-app-id', serviceUrl: connector.serviceUrl })}`, {}],
    ['an expired token', () => `Bearer ${signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, expiresIn: -3600 })}`, {}],
    ['a token signed with an unknown key', () => `Bearer ${signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, unknownKey: true })}`, {}],
    ['a token from another issuer', () => `Bearer ${signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, issuer: 'https://evil.example.com' })}`, {}],
    ['a token issued for another serviceUrl', () => `Bearer ${signing.channelToken({ appId: APP_ID, serviceUrl: 'https://evil.example.com/' })}`, {}],
    ['a token whose payload was changed after signing', () => `Bearer ${tamperedPayload(signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl }))}`, {}],
    ['a valid token on a channel its key is not endorsed for', () => `Bearer ${signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl })}`, { channelId: 'webchat' }],
  ])('refuses %s with 401 and touches nothing', async (_label, authorization, overrides) => {
    const before = await snapshot();
    for (const type of ['message', 'invoke', 'conversationUpdate']) {
      const extra = type === 'invoke' ? { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'tass.report.show', data: {} } } } : {};
      await expect(post(activity(type, { ...extra, ...overrides }), authorization())).resolves.toBe(401);
    }
    await expect(snapshot()).resolves.toEqual(before);
  });

  it('accepts a valid Bot Framework token for this app, checked against the published key', async () => {
    expect(await store.getConversationLink(ANN.id)).toBeUndefined();
    const token = signing.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    // A typing activity runs the turn (the identity gate remembers the conversation) without a reply,
    // which would need a token from Entra that this machine cannot reach.
    const status = await post(activity('typing'), `Bearer ${token}`);
    expect([200, 202]).toContain(status);
    expect(signing.requests).toEqual(expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']));
    expect((await store.getConversationLink(ANN.id))?.officerId).toBe(ANN.id);
  });

  it('logs the refusals, but never a token or the app password', () => {
    expect(logged).toContain('request to /api/messages refused');
    for (const token of tokensSent.filter((t) => t.length > 8)) expect(logged).not.toContain(token);
    expect(logged).not.toContain('app-password-not-used-here');
  });
});
