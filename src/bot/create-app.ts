/**
 * Builds the teams-ai Application and registers each feature on it. Turn state is not given a
 * storage: nothing product-related lives there (drafts and deliveries are in the ReportStore),
 * so a restart loses nothing.
 */
import { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './bot-deps';
import { registerIdentityGate } from './identity';
import { registerUnhandledInvokes } from './unhandled-invokes';
import { registerInstall } from './install';
import { registerChatCommands, type ChatCommandOptions } from './chat-commands';
import { registerReportWizard } from './report-wizard/register-report-wizard';
import { registerSignOff } from './sign-off/register-sign-off';
import { registerCover } from './cover/register-cover';
import { registerManagerCommands } from './manager-commands';
import { registerOfficersPages } from './officers-command';

/** Optional: the messenger and pacing for campaigns opened from chat. */
export type CreateAppOptions = ChatCommandOptions;

export function createApp(deps: BotDeps, options: CreateAppOptions = {}): Application<TurnState> {
  const app = new Application<TurnState>({
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  // The gate first: an unknown user reaches nothing registered after it.
  registerIdentityGate(app, deps);
  registerInstall(app, deps);
  registerReportWizard(app, deps);
  registerSignOff(app, deps, options);
  registerCover(app, deps);
  registerOfficersPages(app, deps);
  registerManagerCommands(app, deps);
  registerChatCommands(app, deps, options);
  // Last: answers the invokes no route above took.
  registerUnhandledInvokes(app, deps);
  return app;
}
