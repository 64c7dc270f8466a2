/** The ActionContext each card carries, and the fingerprints that tell a stale view from a current one. */
import { createHash } from 'node:crypto';
import type { SectionName, SectionText } from '../../domain/model';
import type { Theme } from '../../domain/themes';
import { sectionToEditableText } from '../../domain/section-text';
import type { ActionContext, CardRefresh, CardView } from '../../cards/card-models';
import type { ReportState } from './report-state';

/** What every card builder needs besides the state: who refreshes, and the council's themes. */
export interface CardFrame {
  readonly state: ReportState;
  readonly userIds: readonly string[];
  /** The council's themes, offered on the Intended Outcomes card. */
  readonly themes: readonly Theme[];
}

export function contextFor(
  state: ReportState,
  view: CardView,
  fields: { priorityId?: string; section?: SectionName | ''; version?: number; basis?: string } = {},
): ActionContext {
  return {
    localityId: state.locality.id,
    term: state.termKey,
    priorityId: fields.priorityId ?? '',
    section: fields.section ?? '',
    version: fields.version ?? state.report?.version ?? 0,
    basis: fields.basis ?? '',
    view,
  };
}

export function refreshFor(frame: CardFrame, data: ActionContext): CardRefresh {
  return { data, userIds: frame.userIds };
}

/** A short fingerprint of a section's text as the card showed it. */
export function sectionStamp(text: SectionText): string {
  return createHash('sha256').update(`${text.kind}\n${sectionToEditableText(text)}`).digest('hex').slice(0, 16);
}

/** A fingerprint of everything the review card showed: every priority and update version. */
export function reviewStamp(state: ReportState): string {
  const parts = state.priorities.map((entry) => `${entry.priority.id}:${entry.priority.version}:${entry.update.version}`);
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
}
