/**
 * The officers card, a page at a time: with the county's officers in one card, long names and
 * locality lists took it past Teams' size limit, so it shows 25 per page with "Previous" and
 * "Next" (Action.Execute, answered by officers-command.ts with the next page).
 */
import type { Locality, Officer } from '../domain/model';
import { OFFICERS_CARD, type OfficersPageData } from '../cards/chat-card-models';
import { renderCard, type AdaptiveCardJson } from '../cards/render-card';
import { renderWithinLimit } from '../cards/card-size';
import { shortenText } from '../cards/escape-card-text';
import { plain } from './bot-cards';

/** Officers per page: a screenful in Teams, and far under the card size limit with long names. */
export const OFFICERS_PAGE_SIZE = 25;

/** The verb of the card's "Previous" and "Next". */
export const OFFICERS_PAGE_VERB = 'tass.officers.page';

const ROLE_LABELS: Record<Officer['roles'][number], string> = { epo: 'EPO', manager: 'Manager', partner: 'Partner', admin: 'Admin' };

export interface OfficersPage {
  /** 0-based; a page past the end shows the last page. */
  readonly page?: number;
  /** The locality the list is for, carried by the paging buttons; empty for all visible officers. */
  readonly localityId?: string;
}

/** One page of officers, one per row: name, roles and the localities of theirs that are shown. */
export function officersCard(heading: string, officers: readonly Officer[], localities: readonly Locality[], options: OfficersPage = {}): AdaptiveCardJson {
  const nameOf = new Map(localities.map((l) => [l.id, l.name]));
  const pages = Math.max(1, Math.ceil(officers.length / OFFICERS_PAGE_SIZE));
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const first = page * OFFICERS_PAGE_SIZE;
  const shown = officers.slice(first, first + OFFICERS_PAGE_SIZE);
  const localityId = options.localityId ?? '';
  const pageData = (target: number): OfficersPageData => ({ localityId, page: target });
  return renderWithinLimit((previewChars) => {
    const cut = (text: string): string => (previewChars === undefined ? text : shortenText(text, Math.max(previewChars, 40)));
    const rows = shown.map((officer) => {
      const places = officer.localityIds.flatMap((id) => (nameOf.has(id) ? [nameOf.get(id) ?? id] : []));
      const line = [officer.roles.map((role) => ROLE_LABELS[role]).join(', '), places.join(', ') || 'no locality'].join(' · ');
      return { name: plain(cut(officer.name)), line: plain(cut(line)) };
    });
    return renderCard(OFFICERS_CARD, {
      heading,
      rows,
      hasRows: rows.length > 0,
      ...(pages > 1
        ? { pageLine: `Officers ${first + 1}\u2013${first + shown.length} of ${officers.length} (page ${page + 1} of ${pages})` }
        : {}),
      ...(previewChars !== undefined ? { previewNote: 'Long names and locality lists are shortened so the card fits in Teams.' } : {}),
      ...(page > 0 ? { previousData: pageData(page - 1) } : {}),
      ...(page < pages - 1 ? { nextData: pageData(page + 1) } : {}),
    });
  });
}
