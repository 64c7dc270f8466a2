/**
 * The managers' cover card (chat command `cover`): the covers of their localities with an End
 * button each, and a form to set a new one. Set and End come back as the same card, refreshed.
 */
import { isoDay } from '../../domain/cover';
import type { Officer } from '../../domain/model';
import { localitiesManagedBy } from '../../domain/term-progress';
import { escapeCardText } from '../../cards/escape-card-text';
import { renderCard, type AdaptiveCardJson } from '../../cards/render-card';
import { COVER_CARD, type CoverCardSubmit } from '../../cards/manager-card-models';
import { describeCover, listCoverRows } from '../../cover/cover-assignments';
import type { BotDeps } from '../bot-deps';

const STATUS_WORDS = { upcoming: 'Upcoming', current: 'Current', ended: 'Ended' } as const;

export interface CoverCardOptions {
  readonly notice?: string;
  readonly problems?: readonly string[];
  /** What was typed, kept when the card comes back with problems. */
  readonly typed?: Partial<CoverCardSubmit>;
}

/** The cover card for a manager or admin: covers of the localities they manage, newest last. */
export async function buildCoverCard(deps: Pick<BotDeps, 'store' | 'clock'>, officer: Officer, options: CoverCardOptions = {}): Promise<AdaptiveCardJson> {
  const today = isoDay(deps.clock());
  const [localities, epos, rows] = await Promise.all([
    deps.store.listLocalities(),
    deps.store.listOfficers({ role: 'epo' }),
    listCoverRows(deps.store, today),
  ]);
  const managed = localitiesManagedBy(officer, localities);
  const managedIds = new Set(managed.map((locality) => locality.id));
  const shown = rows.filter((row) => managedIds.has(row.cover.localityId) && row.status !== 'ended');
  const officerChoices = epos.map((epo) => ({ title: escapeCardText(epo.name), value: epo.id }));
  return renderCard(COVER_CARD, {
    ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
    problems: (options.problems ?? []).map((text) => ({ text: escapeCardText(text) })),
    covers: shown.map((row) => ({
      id: row.cover.id,
      line: escapeCardText(describeCover(row)),
      status: STATUS_WORDS[row.status],
      canEnd: row.status !== 'ended',
      endData: { coverId: row.cover.id },
    })),
    hasCovers: shown.length > 0,
    localityChoices: managed.map((locality) => ({ title: escapeCardText(locality.name), value: locality.id })),
    officerChoices,
    absentChoices: officerChoices,
    localityId: options.typed?.localityId ?? '',
    coverOfficerId: options.typed?.coverOfficerId ?? '',
    absentOfficerId: options.typed?.absentOfficerId ?? '',
    from: options.typed?.from ?? today,
    to: options.typed?.to ?? '',
  });
}
