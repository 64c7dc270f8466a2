/** The cover card's Set and End, as plain async functions returning the next card. */
import { z } from 'zod';
import { isoDay } from '../../domain/cover';
import { isManager, localitiesManagedBy } from '../../domain/term-progress';
import type { AdaptiveCardJson } from '../../cards/render-card';
import { CoverNotFoundError, CoverRejectedError, endCoverById, setCover } from '../../cover/cover-assignments';
import type { BotDeps } from '../bot-deps';
import { buildNoticeCard } from '../report-wizard/report-cards';
import type { WizardActor } from '../report-wizard/wizard-actor';
import { buildCoverCard } from './cover-card';
import { COVER_VERBS, type CoverVerb } from './verbs';

const SetCoverSchema = z.object({
  localityId: z.string().trim().max(200).default(''),
  coverOfficerId: z.string().trim().max(200).default(''),
  absentOfficerId: z.string().trim().max(200).default(''),
  from: z.string().trim().max(40).default(''),
  to: z.string().trim().max(40).default(''),
});

const EndCoverSchema = z.object({ coverId: z.string().trim().min(1).max(200) });

async function mayManageLocality(deps: Pick<BotDeps, 'store'>, actor: WizardActor, localityId: string): Promise<boolean> {
  const managed = localitiesManagedBy(actor.officer, await deps.store.listLocalities());
  return managed.some((locality) => locality.id === localityId);
}

async function handleSet(deps: BotDeps, actor: WizardActor, raw: unknown): Promise<AdaptiveCardJson> {
  const parsed = SetCoverSchema.safeParse(raw);
  if (!parsed.success) return buildCoverCard(deps, actor.officer, { problems: ['The card sent something the bot cannot read. Try again.'] });
  const typed = parsed.data;
  const missing = [
    ...(typed.localityId ? [] : ['Choose the locality.']),
    ...(typed.coverOfficerId ? [] : ['Choose who covers.']),
    ...(typed.from ? [] : ['Give the first day.']),
    ...(typed.to ? [] : ['Give the last day.']),
  ];
  if (missing.length > 0) return buildCoverCard(deps, actor.officer, { problems: missing, typed });
  if (!(await mayManageLocality(deps, actor, typed.localityId))) {
    return buildCoverCard(deps, actor.officer, { problems: ['You can only set cover for the localities you manage.'], typed });
  }
  try {
    await setCover(deps.store, {
      localityId: typed.localityId,
      coverOfficerId: typed.coverOfficerId,
      ...(typed.absentOfficerId ? { absentOfficerId: typed.absentOfficerId } : {}),
      from: typed.from,
      to: typed.to,
      assignedBy: actor.officer.id,
    });
  } catch (error) {
    if (error instanceof CoverRejectedError) return buildCoverCard(deps, actor.officer, { problems: error.problems.map((p) => `${p[0].toUpperCase()}${p.slice(1)}.`), typed });
    throw error;
  }
  deps.logger.info({ officerId: actor.officer.id, localityId: typed.localityId }, 'cover set');
  return buildCoverCard(deps, actor.officer, { notice: 'Cover set.' });
}

async function handleEnd(deps: BotDeps, actor: WizardActor, raw: unknown): Promise<AdaptiveCardJson> {
  const parsed = EndCoverSchema.safeParse(raw);
  if (!parsed.success) return buildCoverCard(deps, actor.officer, { problems: ['The card sent something the bot cannot read. Try again.'] });
  const cover = (await deps.store.listCovers()).find((candidate) => candidate.id === parsed.data.coverId);
  if (cover && !(await mayManageLocality(deps, actor, cover.localityId))) {
    return buildCoverCard(deps, actor.officer, { problems: ['You can only end cover for the localities you manage.'] });
  }
  try {
    const ended = await endCoverById(deps.store, parsed.data.coverId, isoDay(deps.clock()));
    deps.logger.info({ officerId: actor.officer.id, coverId: parsed.data.coverId, kind: ended.kind }, 'cover ended');
    return buildCoverCard(deps, actor.officer, { notice: ended.kind === 'removed' ? 'The cover is removed.' : 'The cover has ended.' });
  } catch (error) {
    if (error instanceof CoverNotFoundError) return buildCoverCard(deps, actor.officer, { notice: 'That cover has already been removed.' });
    throw error;
  }
}

/** Set or End from a manager or admin; anyone else is told so. */
export async function handleCoverAction(deps: BotDeps, actor: WizardActor, verb: CoverVerb, raw: unknown): Promise<AdaptiveCardJson> {
  if (!isManager(actor.officer)) return buildNoticeCard('Managers only', 'Only managers and admins can set cover for absence.');
  switch (verb) {
    case COVER_VERBS.set:
      return handleSet(deps, actor, raw);
    case COVER_VERBS.end:
      return handleEnd(deps, actor, raw);
  }
}
