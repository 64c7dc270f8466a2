/**
 * The SharePoint lists behind the store, one per entity, and their columns. Partners read the
 * lists in SharePoint, so each has readable columns (titles, choices, dates, section text as
 * bullets or paragraphs); the store reads back from the hidden `…Data` columns, which hold the
 * exact JSON, so every entity round-trips unchanged. Columns the store `$filter`s on are
 * indexed, as Graph requires. Column facets follow
 * https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 */
import { APPROVAL_STATUSES, CARRY_FORWARD_OUTCOMES, DELIVERY_STATUSES, PRIORITY_STATUSES, RAG_STATUSES, REPORT_EVENT_KINDS, REPORT_STATUSES } from '../../domain/model';
import { SEASONS } from '../../domain/term';

export type ColumnType =
  | { readonly kind: 'text' }
  | { readonly kind: 'multilineText' }
  | { readonly kind: 'number' }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly allowTextEntry?: boolean }
  | { readonly kind: 'dateTime'; readonly dateOnly?: boolean };

export interface ColumnSpec {
  /** The internal name: what `fields/<name>` and item fields use. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly type: ColumnType;
  /** Indexed because the store filters on it. */
  readonly indexed?: boolean;
  /** Unique (and so indexed): the entity key, which makes a duplicate create fail. */
  readonly unique?: boolean;
  /** Machine columns (keys and exact JSON) that partners need not see. */
  readonly hidden?: boolean;
}

export interface ListSpec {
  readonly displayName: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

/** The column every list has: the entity's key (id, or a composite like "priority|term"). */
export const KEY_COLUMN = 'TassKey';
/** The entity's version, on versioned lists. */
export const VERSION_COLUMN = 'TassVersion';
/** The exact JSON of the entity's fields other than its sections. */
export const DATA_COLUMN = 'TassData';
/** On priority updates: the exact JSON of the personal-data confirmations, by section. */
export const CONFIRMATIONS_COLUMN = 'PersonalDataConfirmationsData';

const key: ColumnSpec = { name: KEY_COLUMN, displayName: 'TASS key', description: 'Identifies the record for the TASS bot. Do not edit.', type: { kind: 'text' }, indexed: true, unique: true, hidden: true };
const version: ColumnSpec = { name: VERSION_COLUMN, displayName: 'Version', description: 'Goes up by one on every save.', type: { kind: 'number' } };
const data: ColumnSpec = { name: DATA_COLUMN, displayName: 'TASS data', description: 'The exact record, for the TASS bot. Do not edit.', type: { kind: 'multilineText' }, hidden: true };

const text = (name: string, displayName: string, description = '', indexed = false): ColumnSpec => ({ name, displayName, description, type: { kind: 'text' }, indexed });
const multiline = (name: string, displayName: string, description = ''): ColumnSpec => ({ name, displayName, description, type: { kind: 'multilineText' } });
const choice = (name: string, displayName: string, choices: readonly string[], options: { indexed?: boolean; allowTextEntry?: boolean } = {}): ColumnSpec => ({
  name,
  displayName,
  description: '',
  type: { kind: 'choice', choices, allowTextEntry: options.allowTextEntry },
  indexed: options.indexed,
});
const date = (name: string, displayName: string, dateOnly = false): ColumnSpec => ({ name, displayName, description: '', type: { kind: 'dateTime', dateOnly } });
const number = (name: string, displayName: string): ColumnSpec => ({ name, displayName, description: '', type: { kind: 'number' } });
/** Locality ids are data, not a fixed set, so the choice column takes new values as they come. */
const locality = (indexed: boolean): ColumnSpec => choice('LocalityId', 'Locality', [], { indexed, allowTextEntry: true });
const term = (): ColumnSpec => text('Term', 'Term', 'The term key, e.g. 2024-25-spring.', true);
const season = (): ColumnSpec => choice('TermSeason', 'Season', SEASONS);

/** A section of a report: readable text for people, and its exact JSON for the bot. */
export function sectionColumns(name: string, displayName: string): ColumnSpec[] {
  return [
    multiline(name, displayName, 'Bullets (•) for lists, blank lines between paragraphs.'),
    { name: `${name}Data`, displayName: `${displayName} (data)`, description: 'The exact section, for the TASS bot. Do not edit.', type: { kind: 'multilineText' }, hidden: true },
  ];
}

export const LIST_NAMES = {
  localities: 'TASS Localities',
  officers: 'TASS Officers',
  priorities: 'TASS Priorities',
  updates: 'TASS Priority Updates',
  reports: 'TASS Locality Reports',
  events: 'TASS Report Events',
  links: 'TASS Conversation Links',
  deliveries: 'TASS Campaign Deliveries',
  covers: 'TASS Cover',
  published: 'TASS Published Updates',
} as const;

export type ListKey = keyof typeof LIST_NAMES;

/**
 * The lists partners may read (they keep the site's permissions). Every other list is a working
 * list, drafts included, and gets unique permissions that leave partners out.
 */
export const PARTNER_READABLE_LISTS = [LIST_NAMES.published] as const;

export const UPDATE_SECTIONS = [
  ['intendedOutcomes', 'IntendedOutcomes', 'Intended Outcomes'],
  ['activityLastPeriod', 'ActivityLastPeriod', 'Activity last period'],
  ['plannedActivityNextPeriod', 'PlannedActivityNextPeriod', 'Planned activity next period'],
  ['impactSoFar', 'ImpactSoFar', 'Impact so far'],
  ['exitStrategy', 'ExitStrategy', 'Exit Strategy'],
] as const;

/** A published report is awaiting sign-off or approved; a returned one is withdrawn. */
export const PUBLISHED_APPROVALS = ['pending', 'approved'] as const;

export const PRIORITY_SECTIONS = [
  ['intendedOutcomes', 'IntendedOutcomes', 'Intended Outcomes'],
  ['exitStrategy', 'ExitStrategy', 'Exit Strategy'],
] as const;

export const LIST_SPECS: Record<ListKey, ListSpec> = {
  localities: {
    displayName: LIST_NAMES.localities,
    description: 'The TASS localities, in the order of the county report.',
    columns: [key, number('SortOrder', 'Order in county report'), data],
  },
  officers: {
    displayName: LIST_NAMES.officers,
    description: 'Education Partnership Officers, managers, partners and admins.',
    columns: [
      key,
      text('Email', 'Email'),
      text('EmailKey', 'Email (lower case)', 'For look-ups; the bot fills it in.', true),
      text('AadObjectId', 'Entra object id', '', true),
      text('Roles', 'Roles'),
      text('Localities', 'Localities'),
      data,
    ],
  },
  priorities: {
    displayName: LIST_NAMES.priorities,
    description: 'The priorities each locality pursues across terms.',
    columns: [
      key,
      locality(true),
      choice('Status', 'Status', PRIORITY_STATUSES),
      number('SortOrder', 'Order in report'),
      text('OpenedTerm', 'Opened'),
      text('ClosedTerm', 'Closed'),
      text('Themes', 'Themes'),
      multiline('ClosingNote', 'Closing note'),
      ...PRIORITY_SECTIONS.flatMap(([, name, label]) => sectionColumns(name, label)),
      version,
      data,
    ],
  },
  updates: {
    displayName: LIST_NAMES.updates,
    description: 'Each priority in each term: the six sections of the report.',
    columns: [
      key,
      text('PriorityId', 'Priority', '', true),
      locality(true),
      term(),
      season(),
      text('AcademicYear', 'Academic year'),
      choice('Rag', 'RAG', RAG_STATUSES),
      text('SectionsDone', 'Sections done'),
      ...UPDATE_SECTIONS.flatMap(([, name, label]) => sectionColumns(name, label)),
      multiline('CarryForward', 'Last term\'s planned items', `One per line with its outcome (${CARRY_FORWARD_OUTCOMES.join(', ')}).`),
      text('UpdatedBy', 'Updated by'),
      date('UpdatedAt', 'Updated at'),
      {
        name: CONFIRMATIONS_COLUMN,
        displayName: 'Personal data confirmations (data)',
        description: 'Why flagged text was kept, by section, for the TASS bot. Do not edit.',
        type: { kind: 'multilineText' },
        hidden: true,
      },
      version,
      data,
    ],
  },
  reports: {
    displayName: LIST_NAMES.reports,
    description: 'Each locality in each term: status, approval and the compiled document.',
    columns: [
      key,
      locality(true),
      term(),
      season(),
      choice('Status', 'Status', REPORT_STATUSES, { indexed: true }),
      choice('Approval', 'Approval', APPROVAL_STATUSES),
      text('SubmittedBy', 'Submitted by'),
      date('SubmittedAt', 'Submitted at'),
      multiline('ReturnComment', 'Return comment'),
      multiline('DocumentUrl', 'Document'),
      version,
      data,
    ],
  },
  events: {
    displayName: LIST_NAMES.events,
    description: 'Submissions, returns, approvals and compilations of locality reports.',
    columns: [key, locality(true), term(), choice('Kind', 'Event', REPORT_EVENT_KINDS), text('By', 'By'), date('At', 'At'), multiline('Comment', 'Comment'), data],
  },
  links: {
    displayName: LIST_NAMES.links,
    description: 'Where the bot can reach each officer in Teams. Do not edit.',
    columns: [key, date('UpdatedAt', 'Updated at'), data],
  },
  deliveries: {
    displayName: LIST_NAMES.deliveries,
    description: 'Each campaign message to each officer, so a resumed campaign sends only what is missing.',
    columns: [
      key,
      term(),
      text('Kind', 'Kind', 'prompt, reminder:<date> or outstanding:<date>.', true),
      locality(false),
      text('OfficerId', 'Officer'),
      choice('DeliveryStatus', 'Status', DELIVERY_STATUSES),
      number('Attempts', 'Attempts'),
      date('SentAt', 'Sent at'),
      multiline('LastError', 'Last error'),
      data,
    ],
  },
  published: {
    displayName: LIST_NAMES.published,
    description: 'What partners read: each priority of each submitted locality report, as submitted. Drafts never appear; a returned report is withdrawn.',
    columns: [
      key,
      text('LocalityName', 'Locality'),
      { ...locality(true), displayName: 'Locality id' },
      term(),
      text('TermLabel', 'Term label', 'As the reports print it, e.g. Spring – March 2025.'),
      number('SortOrder', 'Order in report'),
      ...UPDATE_SECTIONS.flatMap(([, name, label]) => sectionColumns(name, label)),
      choice('Rag', 'RAG', RAG_STATUSES),
      multiline('ImpactFigures', 'Impact figures', 'One per line, e.g. 16 schools signed up to Positive Footsteps.'),
      text('Themes', 'Themes'),
      date('SubmittedAt', 'Submitted'),
      choice('Approval', 'Approval', PUBLISHED_APPROVALS),
      data,
    ],
  },
  covers: {
    displayName: LIST_NAMES.covers,
    description: 'Who covers for an absent EPO, for which locality and dates.',
    columns: [
      key,
      locality(true),
      text('CoverOfficerId', 'Cover officer'),
      text('AbsentOfficerId', 'Absent officer'),
      date('From', 'From', true),
      date('To', 'To', true),
      text('AssignedBy', 'Assigned by'),
      data,
    ],
  },
};

/** The columnDefinition body Graph expects when creating this column. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const common = {
    name: column.name,
    displayName: column.displayName,
    description: column.description,
    indexed: column.indexed === true || column.unique === true,
    enforceUniqueValues: column.unique === true,
    hidden: column.hidden === true,
  };
  switch (column.type.kind) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'multilineText':
      return { ...common, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } };
    case 'number':
      return { ...common, number: { decimalPlaces: 'none' } };
    case 'choice':
      return { ...common, choice: { allowTextEntry: column.type.allowTextEntry === true, choices: [...column.type.choices], displayAs: 'dropDownMenu' } };
    case 'dateTime':
      return { ...common, dateTime: { displayAs: 'default', format: column.type.dateOnly ? 'dateOnly' : 'dateTime' } };
  }
}
