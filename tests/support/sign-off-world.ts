/**
 * The wizard world (Central Lancs, Claire Fox and Alison Walsh; Peter Hale in Preston) plus the
 * managers who sign reports off: Mary Holt manages Central Lancs, Omar Patel manages Preston. The
 * Spring 2025 report of Central Lancs is fully drafted, so an EPO can review and submit it.
 */
import type { AdaptiveCardJson } from '../../src/cards/render-card';
import { cardText, cardsOf, type HarnessUser } from './bot-harness';
import { anOfficer, anUpdate, items, prose } from './builders';
import { openReportCard, press, SPRING, startWizardWorld, type ShownCard, type WizardWorld } from './wizard-world';

export interface SignOffWorld extends WizardWorld {
  readonly mary: HarnessUser;
  readonly omar: HarnessUser;
}

export const MARY = anOfficer({ id: 'officer-mary-holt', name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary', roles: ['manager'], localityIds: ['central-lancs'] });
export const OMAR = anOfficer({ id: 'officer-omar-patel', name: 'Omar Patel', email: 'omar.patel@lancashire.gov.uk', aadObjectId: 'aad-omar', roles: ['manager'], localityIds: ['preston'] });

/** `env`: extra settings for the bot's configuration (e.g. a SharePoint store on a local Graph server). */
export async function startSignOffWorld(options: { env?: Record<string, string> } = {}): Promise<SignOffWorld> {
  const world = await startWizardWorld(options);
  const { bot } = world;
  await bot.store.upsertOfficer(MARY);
  await bot.store.upsertOfficer(OMAR);
  await bot.store.savePriorityUpdate(
    anUpdate({
      term: SPRING,
      activityLastPeriod: items('School avoidance panel met twice with 9 high schools.'),
      plannedActivityNextPeriod: items('Hand the panel over to the LCC Attendance Team.'),
      impactSoFar: items('12 young people back in school full time.'),
      exitStrategy: prose('The panel runs without TASS support from September.'),
      carryForward: [],
      sectionsDone: ['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy'],
      rag: 'some concerns',
      updatedBy: 'officer-claire-fox',
      updatedAt: '2025-03-09T15:00:00.000Z',
    }),
    0,
  );
  const mary = bot.user({ name: MARY.name, email: MARY.email, aadObjectId: 'aad-mary' });
  const omar = bot.user({ name: OMAR.name, email: OMAR.email, aadObjectId: 'aad-omar' });
  await bot.install(mary);
  await bot.install(omar);
  return { ...world, mary, omar };
}

/** The EPO opens their report card, reviews it and presses Submit; resolves to the card Submit returns. */
export async function submitThroughWizard(world: WizardWorld, user: HarnessUser): Promise<ShownCard> {
  const shown = await openReportCard(world, user);
  const review = await press(world, user, shown, 'tass.report.review');
  return press(world, user, review, 'tass.report.submit');
}

/** The last card the bot posted into a user's chat, with the id of its message. */
export function latestCard(world: WizardWorld, user: HarnessUser): ShownCard {
  const withCards = world.bot.activitiesIn(user).filter((recorded) => cardsOf(recorded).length > 0);
  const last = withCards[withCards.length - 1];
  if (!last) throw new Error('no card in the chat');
  return { card: cardsOf(last)[0] as AdaptiveCardJson, messageId: last.id };
}

/** Waits (up to five seconds) for a card the bot sends in the background to reach a user's chat. */
export async function waitForCard(world: WizardWorld, user: HarnessUser, contains: string): Promise<ShownCard> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = world.bot
      .activitiesIn(user)
      .filter((recorded) => cardsOf(recorded).some((card) => cardText(card).includes(contains)))
      .pop();
    if (found) return { card: cardsOf(found)[0] as AdaptiveCardJson, messageId: found.id };
    if (Date.now() > deadline) throw new Error(`no card containing "${contains}" reached ${user.name}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
