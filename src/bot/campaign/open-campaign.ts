/**
 * The term-end campaign: the prompt that opens it, the reminders to EPOs whose report is not
 * submitted, and the managers' list of what is outstanding on the due date.
 */
import { formatDueDate, type TermDates } from '../../domain/term-calendar';
import { termFromKey, type TermKey } from '../../domain/term';
import { localitiesManagedBy } from '../../domain/term-progress';
import type { BotDeps, ProactiveMessenger } from '../bot-deps';
import { plain } from '../bot-cards';
import { outstandingCard } from '../manager-cards';
import { readTermProgress } from '../term-progress-reader';
import { renderLocalityReportCard } from '../locality-report-card';
import { listPromptTargets } from './campaign-targets';
import { deliverOnce, type DeliveryOutcome } from './deliveries';

/** Where the managers' card is recorded: it is about every locality, not one. */
export const ALL_LOCALITIES = '*';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function priorityCount(count: number): string {
  return `${count} active ${count === 1 ? 'priority' : 'priorities'}`;
}

function datesOf(deps: Pick<BotDeps, 'calendar'>, term: TermKey): TermDates {
  return deps.calendar.datesOf(termFromKey(term));
}

/**
 * Sends every EPO, for each locality they serve, "Spring – March 2025 report for Preston:
 * 3 active priorities, due 28 March" with the locality's report card. Safe to run again.
 */
export async function openCampaign(deps: BotDeps, messenger: ProactiveMessenger, term: TermKey): Promise<DeliveryOutcome> {
  const dates = datesOf(deps, term);
  const targets = await listPromptTargets(deps.store, isoDay(deps.clock()));
  deps.logger.info({ term, targets: targets.length }, 'opening the report campaign');
  return deliverOnce(
    deps,
    messenger,
    term,
    'prompt',
    targets.map((target) => ({
      localityId: target.locality.id,
      officerId: target.officer.id,
      message: async () => ({
        text: `${dates.label} report for ${plain(target.locality.name)}: ${priorityCount(target.activePriorities)}, due ${formatDueDate(dates.due)}`,
        card: await renderLocalityReportCard(deps, target.officer, target.locality.id, term),
      }),
    })),
  );
}

/** On a reminder date: EPOs whose locality's report is not submitted are reminded, once per date. */
export async function sendReminders(deps: BotDeps, messenger: ProactiveMessenger, term: TermKey, date: string): Promise<DeliveryOutcome> {
  const dates = datesOf(deps, term);
  const targets = await listPromptTargets(deps.store, date);
  const submitted = new Set((await deps.store.listLocalityReports(term)).filter((r) => r.status === 'submitted').map((r) => r.localityId));
  return deliverOnce(
    deps,
    messenger,
    term,
    `reminder:${date}`,
    targets
      .filter((target) => !submitted.has(target.locality.id))
      .map((target) => ({
        localityId: target.locality.id,
        officerId: target.officer.id,
        message: async () => ({
          text: `Reminder: the ${dates.label} report for ${plain(target.locality.name)} is due ${formatDueDate(dates.due)}`,
          card: await renderLocalityReportCard(deps, target.officer, target.locality.id, term),
        }),
      })),
  );
}

/** On the due date: each manager gets one card listing the localities not yet submitted. */
export async function sendOutstandingToManagers(deps: BotDeps, messenger: ProactiveMessenger, term: TermKey, date: string): Promise<DeliveryOutcome> {
  const dates = datesOf(deps, term);
  const [localities, managers] = await Promise.all([deps.store.listLocalities(), deps.store.listOfficers({ role: 'manager' })]);
  const progress = await readTermProgress(deps.store, term, localities);
  return deliverOnce(
    deps,
    messenger,
    term,
    `outstanding:${date}`,
    managers.map((manager) => ({
      localityId: ALL_LOCALITIES,
      officerId: manager.id,
      message: async () => {
        const mine = new Set(localitiesManagedBy(manager, localities).map((locality) => locality.id));
        const outstanding = progress.rows.filter((row) => mine.has(row.locality.id) && row.status !== 'submitted');
        return { card: outstandingCard(dates.label, formatDueDate(dates.due), outstanding, progress.officers) };
      },
    })),
  );
}
