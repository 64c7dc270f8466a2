/**
 * Who may post to /api/messages. botbuilder's ConfigurationBotFrameworkAuthentication does the
 * work: with MicrosoftAppId set, every request must carry a Bot Framework token for this app
 * (issuer https://api.botframework.com, audience = the app id, signed by a key from the Bot
 * Framework's OpenID metadata and endorsed for the channel). This module only builds its settings
 * and checks, before the server starts, that the bot's credentials are complete.
 */
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../config/config';

/**
 * Where the Bot Framework's signing keys are published. Production leaves this alone (the public
 * cloud endpoints); tests serve their own keys on loopback and sign their own tokens.
 */
export interface ChannelAuthenticationEndpoints {
  /** OpenID metadata for tokens from channels (Teams). */
  readonly channelOpenIdMetadataUrl: string;
  /** OpenID metadata for Emulator and Entra-issued tokens; defaults to the channel one. */
  readonly emulatorOpenIdMetadataUrl?: string;
}

/**
 * The adapter's settings. Setting any endpoint makes botbuilder take every endpoint from these
 * settings, so all of them are given: the public-cloud values except the key metadata.
 */
export function adapterAuthenticationSettings(
  bot: Config['bot'],
  endpoints?: ChannelAuthenticationEndpoints,
): ConfigurationBotFrameworkAuthenticationOptions {
  // Anonymous mode: botbuilder only accepts a missing app id with the MultiTenant type, and then
  // neither checks incoming tokens nor asks for one when calling the connector.
  if (!bot.appId) return { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' };
  const credentials = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  if (!endpoints) return credentials;
  return {
    ...credentials,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl ?? endpoints.channelOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The bot's Entra credentials are incomplete: the server would run half-configured. */
export class BotCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotCredentialsError';
  }
}

/**
 * Refuses a partial credential set in one line: an app id needs its password (SingleTenant,
 * MultiTenant) and tenant (SingleTenant, UserAssignedMSI); a password or tenant without an app id
 * would silently run the bot anonymously.
 */
export function checkBotCredentials(config: Config): void {
  const { appId, appPassword, appType, tenantId } = config.bot;
  if (!appId) {
    const stray = [appPassword ? 'MicrosoftAppPassword' : undefined, tenantId ? 'MicrosoftAppTenantId' : undefined].filter(Boolean);
    if (stray.length > 0) {
      throw new BotCredentialsError(
        `${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set but MicrosoftAppId is not: set MicrosoftAppId too, or unset ${stray.join(' and ')} to run anonymously on 127.0.0.1`,
      );
    }
    return;
  }
  const missing: string[] = [];
  if (appType !== 'UserAssignedMSI' && !appPassword) missing.push('MicrosoftAppPassword');
  if (appType !== 'MultiTenant' && !tenantId) missing.push('MicrosoftAppTenantId');
  if (missing.length > 0) {
    throw new BotCredentialsError(
      `MicrosoftAppId is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: a ${appType} bot needs MicrosoftAppId, ` +
        `${appType === 'UserAssignedMSI' ? 'MicrosoftAppTenantId' : appType === 'MultiTenant' ? 'MicrosoftAppPassword' : 'MicrosoftAppPassword and MicrosoftAppTenantId'}` +
        ' (or unset MicrosoftAppId to run anonymously on 127.0.0.1)',
    );
  }
}
