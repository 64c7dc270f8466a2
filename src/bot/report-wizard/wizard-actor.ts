/** Who is pressing the button, and whether they may act on a locality's report. */
import { canEditLocality, isoDay } from '../../domain/cover';
import type { Officer } from '../../domain/model';
import type { ReportStore } from '../../store/report-store';

/** The sender of an Action.Execute, resolved to an officer. */
export interface WizardActor {
  readonly officer: Officer;
  /** The Teams user id (29:...) of the sender, used in card refresh lists. */
  readonly userId: string;
}

/**
 * An EPO acts on the localities they serve; an officer covering an absence acts on the covered
 * locality while the cover lasts, and the officer it names as absent does not; admins act
 * everywhere. The rule is canEditLocality in src/domain/cover.ts.
 */
export async function mayEditLocality(store: ReportStore, officer: Officer, localityId: string, today: Date): Promise<boolean> {
  return canEditLocality(officer, localityId, isoDay(today), await store.listCovers(localityId));
}

/** Teams user ids of everyone whose card should refresh: the authors with a known conversation, and the sender. */
export async function refreshUserIds(store: ReportStore, officerIds: readonly string[], actor: WizardActor): Promise<string[]> {
  const links = await Promise.all(officerIds.map((id) => store.getConversationLink(id)));
  const ids = links.flatMap((link) => {
    const user = link?.reference['user'];
    const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id.length > 0 ? [id] : [];
  });
  // Teams refreshes a card automatically for at most 60 users.
  return [...new Set([actor.userId, ...ids])].slice(0, 60);
}

// Made once: toLocale*String builds a new formatter (locale data and time zone) on every call,
// which showed in the save turn's CPU profile.
const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const UK_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "14:05 on 21 March 2025", in UK time as the council reads it. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  const time = UK_TIME.format(date);
  const day = UK_DAY.format(date);
  return `${time} on ${day}`;
}

/** "Claire Fox", "Claire Fox and Sam Lee", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
