/** Cards for managers: who has submitted, what is outstanding, and links to compiled reports. */
import type { Officer } from '../domain/model';
import type { LocalityProgress } from '../domain/term-progress';
import { renderCard, type AdaptiveCardJson } from '../cards/render-card';
import { MAX_CARD_ACTIONS, OUTSTANDING_CARD, REPORT_LINKS_CARD, STATUS_CARD } from '../cards/chat-card-models';
import { plain } from './bot-cards';

const STATUS_WORDS: Record<LocalityProgress['status'], string> = {
  submitted: '✅ Submitted',
  'in progress': '✏️ In progress',
  'not started': '⬜ Not started',
};

function names(ids: readonly string[], officers: ReadonlyMap<string, Officer>): string {
  const known = ids.map((id) => officers.get(id)?.name).filter((name): name is string => Boolean(name));
  return known.length > 0 ? known.map(plain).join(', ') : 'no EPO assigned';
}

function ukDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' });
}

function submittedLine(row: LocalityProgress, officers: ReadonlyMap<string, Officer>): string | undefined {
  if (row.status !== 'submitted' || !row.submittedAt) return undefined;
  return `${ukDate(row.submittedAt)}${row.submittedBy ? ` by ${names([row.submittedBy], officers)}` : ''}`;
}

/** `status [term]`: one row per locality. */
export function statusCard(termLabel: string, rows: readonly LocalityProgress[], officers: ReadonlyMap<string, Officer>): AdaptiveCardJson {
  const submitted = rows.filter((row) => row.status === 'submitted').length;
  return renderCard(STATUS_CARD, {
    heading: `${termLabel}: ${submitted} of ${rows.length} submitted`,
    rows: rows.map((row) => ({
      localityName: plain(row.locality.name),
      officers: names(row.epoIds, officers),
      statusLabel: STATUS_WORDS[row.status],
      submittedLine: submittedLine(row, officers),
    })),
  });
}

/** The one card managers get on the due date. */
export function outstandingCard(termLabel: string, due: string, rows: readonly LocalityProgress[], officers: ReadonlyMap<string, Officer>): AdaptiveCardJson {
  return renderCard(OUTSTANDING_CARD, {
    heading:
      rows.length === 0
        ? `${termLabel} reports are due ${due}: every locality has submitted.`
        : `${termLabel} reports are due ${due}: ${rows.length} outstanding`,
    rows: rows.map((row) => ({ localityName: plain(row.locality.name), line: `${row.status} (${names(row.epoIds, officers)})` })),
    hasRows: rows.length > 0,
  });
}

export interface PublishedReport {
  readonly localityName: string;
  readonly documentUrl: string;
}

/** `report <term> [locality]`: links to the compiled documents, and what is not yet submitted. */
export function reportLinksCard(termLabel: string, published: readonly PublishedReport[], notSubmitted: readonly string[], failed: readonly string[]): AdaptiveCardJson {
  return renderCard(REPORT_LINKS_CARD, {
    heading: `${termLabel} reports`,
    noneSubmitted: published.length === 0,
    notSubmitted: notSubmitted.length > 0 ? notSubmitted.map(plain).join(', ') : undefined,
    failed: failed.length > 0 ? failed.map(plain).join(', ') : undefined,
    actionLinks: published.length <= MAX_CARD_ACTIONS ? published.map((report) => ({ title: report.localityName, url: report.documentUrl })) : [],
    listedLinks: published.length > MAX_CARD_ACTIONS ? published.map((report) => ({ title: plain(report.localityName), url: report.documentUrl })) : [],
  });
}
