/**
 * What a POST to /api/messages must pass before the adapter runs a turn: a JSON object shaped like
 * a Bot Framework activity (else 400) carrying a token the Bot Framework's own validation accepts
 * (else 401). botbuilder's ConfigurationBotFrameworkAuthentication, built from the adapter's own
 * settings and credentials, does the token check; this gate only turns every way it can fail into
 * the right status. (Left to itself CloudAdapter answers a bad signature with 500, and a body that
 * is not an activity with an exception.)
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { z } from 'zod';

const optionalText = (max: number) => z.string().max(max).nullish();
const account = z.object({ id: z.string().min(1).max(1000), name: optionalText(1000), aadObjectId: optionalText(200) }).passthrough();

/**
 * The fields every activity from a channel carries, and the types the Bot Framework schema gives
 * the common optional ones (botbuilder copies some, such as `locale`, onto its replies and fails
 * on a wrong type); anything else is not for us.
 */
const InboundActivity = z
  .object({
    type: z.string().min(1).max(100),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.string().max(2000).url().refine((url) => /^https?:\/\//i.test(url), 'not an http(s) URL'),
    from: account,
    conversation: z.object({ id: z.string().min(1).max(1000), tenantId: optionalText(200), conversationType: optionalText(100) }).passthrough(),
    recipient: account,
    id: optionalText(1000),
    name: optionalText(200),
    locale: optionalText(100),
    text: optionalText(200_000),
    textFormat: optionalText(100),
    replyToId: optionalText(1000),
    action: optionalText(100),
    timestamp: optionalText(100),
    localTimestamp: optionalText(100),
    attachments: z.array(z.object({ contentType: z.string().max(200) }).passthrough()).optional(),
    entities: z.array(z.object({ type: z.string().max(200) }).passthrough()).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: z.record(z.unknown()).optional(),
  })
  .passthrough();

export type GateResult = { readonly ok: true } | { readonly ok: false; readonly status: 400 | 401 | 503; readonly reason: string };

export interface RequestGate {
  check(body: unknown, authorization: string | undefined): Promise<GateResult>;
}

/** Failures of the signing-key metadata download (the Bot Framework cannot be reached): not the caller's fault. */
function isKeySourceFailure(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 500;
}

/** The gate for one adapter: its token check uses the adapter's own settings and credentials factory. */
export function createRequestGate(adapter: TeamsAdapter): RequestGate {
  const authentication = new ConfigurationBotFrameworkAuthentication(adapter.botFrameworkAuthConfig ?? {}, adapter.credentialsFactory);
  return {
    async check(body, authorization) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return { ok: false, status: 400, reason: 'the body is not a JSON activity' };
      }
      const parsed = InboundActivity.safeParse(body);
      if (!parsed.success) {
        return { ok: false, status: 400, reason: `not a Bot Framework activity (${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')})` };
      }
      try {
        await authentication.authenticateRequest(body as Activity, authorization ?? '');
        return { ok: true };
      } catch (error) {
        if (isKeySourceFailure(error)) return { ok: false, status: 503, reason: 'the Bot Framework signing keys cannot be read right now' };
        return { ok: false, status: 401, reason: 'the request does not carry a valid Bot Framework token for this bot' };
      }
    },
  };
}
