/**
 * Wires the sign-off verbs to Action.Execute. The messenger (for telling EPOs their report was
 * returned) comes from the server; without one it is built from the turn's adapter.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { resolveOfficer } from '../identity';
import { createProactiveMessenger } from '../proactive-messenger';
import type { PacingOptions } from '../send-pacer';
import { buildNoticeCard } from '../report-wizard/report-cards';
import { handleSignOffAction } from './sign-off-handlers';
import { ALL_SIGN_OFF_VERBS } from './verbs';

export interface SignOffOptions {
  readonly messenger?: ProactiveMessenger;
  readonly pacing?: Partial<PacingOptions>;
}

export function registerSignOff<TState extends TurnState>(app: Application<TState>, deps: BotDeps, options: SignOffOptions = {}): void {
  for (const verb of ALL_SIGN_OFF_VERBS) {
    app.adaptiveCards.actionExecute<unknown>(verb, async (context, _state, data) => {
      const officer = await resolveOfficer(context, deps);
      if (!officer) return buildNoticeCard('Not registered', 'You are not registered for TASS reports. Ask a TASS admin to add you.');
      deps.logger.info({ verb, officerId: officer.id, correlationId: context.activity.id }, 'sign-off action');
      const messenger =
        options.messenger ??
        createProactiveMessenger({ adapter: context.adapter as CloudAdapter, store: deps.store, logger: deps.logger, appId: deps.config.bot.appId ?? '', pacing: options.pacing });
      return handleSignOffAction(deps, messenger, { officer, userId: context.activity.from.id }, verb, data);
    });
  }
}
