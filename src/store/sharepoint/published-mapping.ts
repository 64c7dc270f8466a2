/**
 * The items of `TASS Published Updates`: what partners read of a submitted report, one item per
 * priority. Readable columns for a SharePoint view or an Excel export (locality name, term label,
 * section text as bullets, figures one per line); the bot reads back only the exact JSON. No
 * officer ids and no personal-data confirmation reasons: nothing here needs scrubbing when an
 * officer's data is erased.
 */
import type { ApprovalStatus, LocalityReport } from '../../domain/model';
import type { PublishedUpdate } from '../../domain/published-update';
import { termLabel } from '../../domain/term';
import { data, dateTime, readableSection, section, termOf, title, updateKey, withoutKeys, type EntityMapping } from './mapping';
import { DATA_COLUMN, KEY_COLUMN, UPDATE_SECTIONS, type PUBLISHED_APPROVALS } from './schema';

/** A published update with what a partner's view shows beside it. */
export interface PublishedItem {
  readonly update: PublishedUpdate;
  readonly localityName: string;
  /** The priority's position in the report, and its themes, when the report was submitted. */
  readonly order: number;
  readonly themes: readonly string[];
  readonly submittedAt?: string;
  readonly approval: (typeof PUBLISHED_APPROVALS)[number];
  /** The month the report's label names, when not the season's usual one (LocalityReport.termMonth). */
  readonly termMonth?: number;
}

/** What partners see of a report's sign-off: approved, or still awaiting it. */
export function publishedApproval(approval: ApprovalStatus | undefined): PublishedItem['approval'] {
  return approval === 'approved' ? 'approved' : 'pending';
}

/** The parts of a report its published items carry: they change when these do. */
export function publicationOf(
  report: Pick<LocalityReport, 'submittedAt' | 'approval' | 'termMonth'>,
): Pick<PublishedItem, 'submittedAt' | 'approval' | 'termMonth'> {
  return { submittedAt: report.submittedAt, approval: publishedApproval(report.approval), termMonth: report.termMonth };
}

const SECTION_PROPERTIES = UPDATE_SECTIONS.map(([property]) => property as string);

export const publishedMapping: EntityMapping<PublishedItem> = {
  list: 'published',
  entityName: 'published update',
  keyOf: (item) => updateKey(item.update.priorityId, item.update.term),
  toFields: (item) => {
    const { update } = item;
    const term = termOf(update.term);
    return {
      Title: title(update.title),
      [KEY_COLUMN]: updateKey(update.priorityId, update.term),
      LocalityName: title(item.localityName),
      LocalityId: update.localityId,
      Term: update.term,
      TermLabel: term ? termLabel(item.termMonth ? { ...term, month: item.termMonth } : term) : update.term,
      SortOrder: item.order,
      ...Object.fromEntries(
        UPDATE_SECTIONS.flatMap(([property, column]) => [
          [column, readableSection(update[property])],
          [`${column}Data`, JSON.stringify(update[property])],
        ]),
      ),
      Rag: update.rag ?? null,
      ImpactFigures: update.figures.map((figure) => `${figure.value} ${figure.counts}`).join('\n'),
      Themes: title(item.themes.join('; ')),
      SubmittedAt: dateTime(item.submittedAt),
      Approval: item.approval,
      [DATA_COLUMN]: JSON.stringify({ ...item, update: withoutKeys(update, SECTION_PROPERTIES) }),
    };
  },
  fromFields: (fields) => {
    const stored = data(fields) as { update: Record<string, unknown> } & Omit<PublishedItem, 'update'>;
    const sections = Object.fromEntries(UPDATE_SECTIONS.map(([property, column]) => [property, section(fields, column)]));
    return { ...stored, update: { ...stored.update, ...sections } as unknown as PublishedUpdate };
  },
  readColumns: [KEY_COLUMN, DATA_COLUMN, ...UPDATE_SECTIONS.map(([, column]) => `${column}Data`)],
};
