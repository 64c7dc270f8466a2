/**
 * Wires the sign-off verbs to Action.Execute, and sends managers the sign-off card once a
 * report has been submitted through the wizard. The messenger comes from the server; without
 * one it is built from the turn's adapter.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { isTermKey } from '../../domain/term';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { resolveOfficer } from '../identity';
import { createProactiveMessenger } from '../proactive-messenger';
import type { PacingOptions } from '../send-pacer';
import { buildNoticeCard } from '../report-wizard/report-cards';
import { WIZARD_VERBS } from '../report-wizard/verbs';
import { answerWithoutMessage } from '../report-wizard/register-report-wizard';
import { handleSignOffAction } from './sign-off-handlers';
import { sendSignOffRequests } from './sign-off-messages';
import { ALL_SIGN_OFF_VERBS } from './verbs';

export interface SignOffOptions {
  readonly messenger?: ProactiveMessenger;
  readonly pacing?: Partial<PacingOptions>;
}

const SubmitInvokeSchema = z.object({
  action: z.object({
    verb: z.literal(WIZARD_VERBS.submit),
    data: z.object({ localityId: z.string().min(1).max(200), term: z.string().refine(isTermKey) }),
  }),
});

function messengerFor(context: TurnContext, deps: BotDeps, options: SignOffOptions): ProactiveMessenger {
  return (
    options.messenger ??
    createProactiveMessenger({ adapter: context.adapter as CloudAdapter, store: deps.store, logger: deps.logger, appId: deps.config.bot.appId ?? '', pacing: options.pacing })
  );
}

/**
 * After the wizard's Submit, the managers' cards go out in the background: Teams wants the
 * invoke answered within seconds, and paced sends to several managers can take longer. Sending
 * is idempotent per submission, so a repeated Submit press sends nothing new.
 */
function sendAfterSubmit(context: TurnContext, deps: BotDeps, options: SignOffOptions): void {
  if (context.activity.type !== 'invoke' || context.activity.name !== 'adaptiveCard/action') return;
  const submitted = SubmitInvokeSchema.safeParse(context.activity.value);
  if (!submitted.success) return;
  const { localityId, term } = submitted.data.action.data;
  void sendSignOffRequests(deps, messengerFor(context, deps, options), localityId, term).catch((error: unknown) => {
    deps.logger.error({ localityId, term, err: { type: error instanceof Error ? error.name : typeof error } }, 'sending the sign-off cards failed');
  });
}

export function registerSignOff<TState extends TurnState>(app: Application<TState>, deps: BotDeps, options: SignOffOptions = {}): void {
  for (const verb of ALL_SIGN_OFF_VERBS) {
    app.adaptiveCards.actionExecute<unknown>(verb, async (context, _state, data) => {
      const officer = await resolveOfficer(context, deps);
      if (!officer) return buildNoticeCard('Not registered', 'You are not registered for TASS reports. Ask a TASS admin to add you.');
      deps.logger.info({ verb, officerId: officer.id, correlationId: context.activity.id }, 'sign-off action');
      const card = await handleSignOffAction(deps, messengerFor(context, deps, options), { officer, userId: context.activity.from.id }, verb, data);
      // A forged invoke (or one not from a message) has no message to update: answer it directly.
      await answerWithoutMessage(context, card);
      return card;
    });
  }
  app.turn('afterTurn', async (context) => {
    sendAfterSubmit(context, deps, options);
    return true;
  });
}
