/** What the daily scheduler does: whatever the term calendar says happens today. */
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { openCampaign, sendOutstandingToManagers, sendReminders } from './open-campaign';
import type { DeliveryOutcome } from './deliveries';

export interface CampaignDayResult {
  readonly term: string;
  readonly kind: 'opens' | 'reminder' | 'due';
  readonly outcome: DeliveryOutcome;
}

/** Runs the day's campaign events; one failing event does not stop the others. */
export async function runCampaignDay(deps: BotDeps, messenger: ProactiveMessenger, date: Date): Promise<CampaignDayResult[]> {
  const day = date.toISOString().slice(0, 10);
  const results: CampaignDayResult[] = [];
  for (const event of deps.calendar.eventsOn(date)) {
    const term = event.dates.key;
    try {
      const outcome =
        event.kind === 'opens'
          ? await openCampaign(deps, messenger, term)
          : event.kind === 'reminder'
            ? await sendReminders(deps, messenger, term, day)
            : await sendOutstandingToManagers(deps, messenger, term, day);
      results.push({ term, kind: event.kind, outcome });
    } catch (error) {
      deps.logger.error({ term, kind: event.kind, err: { type: error instanceof Error ? error.name : typeof error } }, 'campaign event failed');
    }
  }
  return results;
}
