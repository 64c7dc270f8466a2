/** Cards for managers: who has submitted, what is outstanding, and links to compiled reports. */
import type { Officer } from '../domain/model';
import type { LocalityProgress } from '../domain/term-progress';
import { adaptiveCard, plain, textBlock, type AdaptiveCardJson } from './bot-cards';

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

/** `status [term]`: one row per locality. */
export function statusCard(termLabel: string, rows: readonly LocalityProgress[], officers: ReadonlyMap<string, Officer>): AdaptiveCardJson {
  const submitted = rows.filter((row) => row.status === 'submitted').length;
  return adaptiveCard([
    textBlock(`${termLabel}: ${submitted} of ${rows.length} submitted`, { weight: 'Bolder', size: 'Medium' }),
    ...rows.map((row) => ({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [textBlock(plain(row.locality.name), { weight: 'Bolder' }), textBlock(names(row.epoIds, officers), { isSubtle: true, spacing: 'None' })] },
        {
          type: 'Column',
          width: 'auto',
          items: [
            textBlock(STATUS_WORDS[row.status]),
            ...(row.status === 'submitted' && row.submittedAt
              ? [textBlock(`${ukDate(row.submittedAt)}${row.submittedBy ? ` by ${names([row.submittedBy], officers)}` : ''}`, { isSubtle: true, spacing: 'None' })]
              : []),
          ],
        },
      ],
    })),
  ]);
}

/** The one card managers get on the due date. */
export function outstandingCard(termLabel: string, due: string, rows: readonly LocalityProgress[], officers: ReadonlyMap<string, Officer>): AdaptiveCardJson {
  if (rows.length === 0) {
    return adaptiveCard([textBlock(`${termLabel} reports are due ${due}: every locality has submitted.`, { weight: 'Bolder' })]);
  }
  return adaptiveCard([
    textBlock(`${termLabel} reports are due ${due}: ${rows.length} outstanding`, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: rows.map((row) => ({ title: plain(row.locality.name), value: `${row.status} (${names(row.epoIds, officers)})` })),
    },
  ]);
}

export interface PublishedReport {
  readonly localityName: string;
  readonly documentUrl: string;
}

/** `report <term> [locality]`: links to the compiled documents, and what is not yet submitted. */
export function reportLinksCard(termLabel: string, published: readonly PublishedReport[], notSubmitted: readonly string[], failed: readonly string[]): AdaptiveCardJson {
  const body = [textBlock(`${termLabel} reports`, { weight: 'Bolder', size: 'Medium' })];
  if (published.length === 0) body.push(textBlock('No report has been submitted for this term yet.'));
  if (notSubmitted.length > 0) body.push(textBlock(`Not submitted yet: ${notSubmitted.map(plain).join(', ')}`, { isSubtle: true }));
  if (failed.length > 0) body.push(textBlock(`Could not be compiled just now: ${failed.map(plain).join(', ')}. Please try again later.`, { color: 'Attention' }));
  return adaptiveCard(
    body,
    published.map((report) => ({ type: 'Action.OpenUrl', title: report.localityName, url: report.documentUrl })),
  );
}
