/**
 * Entities to list-item fields and back. Readable columns are written for people; entities are
 * read back only from the exact JSON (`TassData` and each section's `…Data` column) and the
 * version column, so what SharePoint shows can never corrupt what the bot reads.
 */
import type {
  CampaignDelivery,
  ConversationLink,
  CoverAssignment,
  Locality,
  LocalityReport,
  Officer,
  Priority,
  PriorityUpdate,
  ReportEvent,
  SectionText,
} from '../../domain/model';
import { termFromKey, termLabel, type Term } from '../../domain/term';
import { markedItemText } from '../../domain/carry-forward-marks';
import { sectionConfirmationsSchema } from '../../domain/personal-data/section-confirmations';
import { CONFIRMATIONS_COLUMN, DATA_COLUMN, KEY_COLUMN, PRIORITY_SECTIONS, UPDATE_SECTIONS, VERSION_COLUMN, type ListKey } from './schema';

export type Fields = Record<string, unknown>;

/** How one entity type lives in its list. */
export interface EntityMapping<T> {
  readonly list: ListKey;
  /** For errors: "priority update". */
  readonly entityName: string;
  keyOf(entity: T): string;
  /** Every column's value; absent optional values are null so an update clears them. */
  toFields(entity: T): Fields;
  fromFields(fields: Readonly<Fields>): T;
  /** The columns `fromFields` needs: what reads `select`. */
  readonly readColumns: readonly string[];
}

const TITLE_MAX = 255;
export const title = (text: string): string => (text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text);

/** Bullets for lists, blank lines between paragraphs: how the reports themselves look. */
export function readableSection(section: SectionText): string {
  return section.kind === 'items' ? section.items.map((item) => `• ${item}`).join('\n') : section.paragraphs.join('\n\n');
}

export function dateTime(value: string | undefined, dateOnly = false): string | null {
  if (!value) return null;
  const iso = dateOnly ? `${value}T00:00:00Z` : value;
  return Number.isNaN(Date.parse(iso)) ? null : new Date(iso).toISOString().replace('.000Z', 'Z');
}

export function termOf(key: string): Term | undefined {
  try {
    return termFromKey(key);
  } catch {
    return undefined;
  }
}

export function data(fields: Readonly<Fields>): Record<string, unknown> {
  const raw = fields[DATA_COLUMN];
  if (typeof raw !== 'string') throw new CorruptItemError(String(fields[KEY_COLUMN] ?? '?'));
  return JSON.parse(raw) as Record<string, unknown>;
}

export function section(fields: Readonly<Fields>, column: string): SectionText {
  const raw = fields[`${column}Data`];
  if (typeof raw !== 'string') throw new CorruptItemError(String(fields[KEY_COLUMN] ?? '?'));
  return JSON.parse(raw) as SectionText;
}

/** The confirmations column: absent (null) when none, else JSON checked with zod. */
function confirmations(fields: Readonly<Fields>): Pick<PriorityUpdate, 'personalDataConfirmations'> {
  const raw = fields[CONFIRMATIONS_COLUMN];
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw !== 'string') throw new CorruptItemError(String(fields[KEY_COLUMN] ?? '?'));
  let checked: ReturnType<typeof sectionConfirmationsSchema.safeParse>;
  try {
    checked = sectionConfirmationsSchema.safeParse(JSON.parse(raw));
  } catch {
    throw new CorruptItemError(String(fields[KEY_COLUMN] ?? '?'));
  }
  if (!checked.success) throw new CorruptItemError(String(fields[KEY_COLUMN] ?? '?'));
  return { personalDataConfirmations: checked.data };
}

function version(fields: Readonly<Fields>): number {
  const value = fields[VERSION_COLUMN];
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** An item whose exact JSON is missing or unreadable (edited by hand in SharePoint). */
export class CorruptItemError extends Error {
  constructor(readonly key: string) {
    super(`The SharePoint item ${key} has lost its TASS data columns`);
    this.name = 'CorruptItemError';
  }
}

export function withoutKeys<T extends object>(entity: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entity).filter(([name]) => !keys.includes(name)));
}

export const localityMapping: EntityMapping<Locality> = {
  list: 'localities',
  entityName: 'locality',
  keyOf: (locality) => locality.id,
  toFields: (locality) => ({ Title: title(locality.name), [KEY_COLUMN]: locality.id, SortOrder: locality.order, [DATA_COLUMN]: JSON.stringify(locality) }),
  fromFields: (fields) => data(fields) as unknown as Locality,
  readColumns: [KEY_COLUMN, DATA_COLUMN],
};

export const officerMapping: EntityMapping<Officer> = {
  list: 'officers',
  entityName: 'officer',
  keyOf: (officer) => officer.id,
  toFields: (officer) => ({
    Title: title(officer.name),
    [KEY_COLUMN]: officer.id,
    Email: title(officer.email),
    EmailKey: title(officer.email.toLowerCase()),
    AadObjectId: officer.aadObjectId ?? null,
    Roles: title(officer.roles.join('; ')),
    Localities: title(officer.localityIds.join('; ')),
    [DATA_COLUMN]: JSON.stringify(officer),
  }),
  fromFields: (fields) => data(fields) as unknown as Officer,
  readColumns: [KEY_COLUMN, DATA_COLUMN],
};

const PRIORITY_SECTION_NAMES = PRIORITY_SECTIONS.map(([property]) => property as string);

export const priorityMapping: EntityMapping<Priority> = {
  list: 'priorities',
  entityName: 'priority',
  keyOf: (priority) => priority.id,
  toFields: (priority) => ({
    Title: title(priority.title),
    [KEY_COLUMN]: priority.id,
    LocalityId: priority.localityId,
    Status: priority.status,
    SortOrder: priority.order,
    OpenedTerm: priority.openedTerm,
    ClosedTerm: priority.closedTerm ?? null,
    Themes: title(priority.themes.join('; ')),
    ClosingNote: priority.closingNote ?? null,
    ...Object.fromEntries(
      PRIORITY_SECTIONS.flatMap(([property, column]) => [
        [column, readableSection(priority[property])],
        [`${column}Data`, JSON.stringify(priority[property])],
      ]),
    ),
    [VERSION_COLUMN]: priority.version,
    [DATA_COLUMN]: JSON.stringify(withoutKeys(priority, [...PRIORITY_SECTION_NAMES, 'version'])),
  }),
  fromFields: (fields) =>
    ({
      ...data(fields),
      ...Object.fromEntries(PRIORITY_SECTIONS.map(([property, column]) => [property, section(fields, column)])),
      version: version(fields),
    }) as unknown as Priority,
  readColumns: [KEY_COLUMN, VERSION_COLUMN, DATA_COLUMN, ...PRIORITY_SECTIONS.map(([, column]) => `${column}Data`)],
};

const UPDATE_SECTION_NAMES = UPDATE_SECTIONS.map(([property]) => property as string);

export const updateKey = (priorityId: string, term: string): string => `${priorityId}|${term}`;

export const updateMapping: EntityMapping<PriorityUpdate> = {
  list: 'updates',
  entityName: 'priority update',
  keyOf: (update) => updateKey(update.priorityId, update.term),
  toFields: (update) => {
    const term = termOf(update.term);
    return {
      Title: title(update.title),
      [KEY_COLUMN]: updateKey(update.priorityId, update.term),
      PriorityId: update.priorityId,
      LocalityId: update.localityId,
      Term: update.term,
      TermSeason: term?.season ?? null,
      AcademicYear: term ? `${term.academicYear}/${String((term.academicYear + 1) % 100).padStart(2, '0')}` : null,
      Rag: update.rag ?? null,
      SectionsDone: title(update.sectionsDone.join(', ')),
      ...Object.fromEntries(
        UPDATE_SECTIONS.flatMap(([property, column]) => [
          [column, readableSection(update[property])],
          [`${column}Data`, JSON.stringify(update[property])],
        ]),
      ),
      CarryForward: update.carryForward.map((mark) => `• ${markedItemText(mark)}`).join('\n'),
      UpdatedBy: update.updatedBy ?? null,
      UpdatedAt: dateTime(update.updatedAt),
      [CONFIRMATIONS_COLUMN]: update.personalDataConfirmations === undefined ? null : JSON.stringify(update.personalDataConfirmations),
      [VERSION_COLUMN]: update.version,
      [DATA_COLUMN]: JSON.stringify(withoutKeys(update, [...UPDATE_SECTION_NAMES, 'personalDataConfirmations', 'version'])),
    };
  },
  fromFields: (fields) =>
    ({
      ...withoutKeys(data(fields), ['personalDataConfirmations']),
      ...Object.fromEntries(UPDATE_SECTIONS.map(([property, column]) => [property, section(fields, column)])),
      ...confirmations(fields),
      version: version(fields),
    }) as unknown as PriorityUpdate,
  readColumns: [KEY_COLUMN, VERSION_COLUMN, DATA_COLUMN, CONFIRMATIONS_COLUMN, ...UPDATE_SECTIONS.map(([, column]) => `${column}Data`)],
};

export const reportKey = (localityId: string, term: string): string => `${localityId}|${term}`;

export const reportMapping: EntityMapping<LocalityReport> = {
  list: 'reports',
  entityName: 'locality report',
  keyOf: (report) => reportKey(report.localityId, report.term),
  toFields: (report) => {
    const term = termOf(report.term);
    return {
      Title: title(`${report.localityId} – ${term ? termLabel(report.termMonth ? { ...term, month: report.termMonth } : term) : report.term}`),
      [KEY_COLUMN]: reportKey(report.localityId, report.term),
      LocalityId: report.localityId,
      Term: report.term,
      TermSeason: term?.season ?? null,
      Status: report.status,
      Approval: report.approval ?? null,
      SubmittedBy: report.submittedBy ?? null,
      SubmittedAt: dateTime(report.submittedAt),
      ReturnComment: report.returnComment ?? null,
      DocumentUrl: report.documentUrl ?? null,
      [VERSION_COLUMN]: report.version,
      [DATA_COLUMN]: JSON.stringify(withoutKeys(report, ['version'])),
    };
  },
  fromFields: (fields) => ({ ...data(fields), version: version(fields) }) as unknown as LocalityReport,
  readColumns: [KEY_COLUMN, VERSION_COLUMN, DATA_COLUMN],
};

/** Events have no natural key; each gets a random one and they are read back in item order. */
export function eventFields(event: ReportEvent, key: string): Fields {
  return {
    Title: title(`${event.kind} – ${event.localityId} ${event.term}`),
    [KEY_COLUMN]: key,
    LocalityId: event.localityId,
    Term: event.term,
    Kind: event.kind,
    By: event.by,
    At: dateTime(event.at),
    Comment: event.comment ?? null,
    [DATA_COLUMN]: JSON.stringify(event),
  };
}

export const eventReadColumns = [KEY_COLUMN, DATA_COLUMN];
export const eventFromFields = (fields: Readonly<Fields>): ReportEvent => data(fields) as unknown as ReportEvent;

export const linkMapping: EntityMapping<ConversationLink> = {
  list: 'links',
  entityName: 'conversation link',
  keyOf: (link) => link.officerId,
  toFields: (link) => ({ Title: title(link.officerId), [KEY_COLUMN]: link.officerId, UpdatedAt: dateTime(link.updatedAt), [DATA_COLUMN]: JSON.stringify(link) }),
  fromFields: (fields) => data(fields) as unknown as ConversationLink,
  readColumns: [KEY_COLUMN, DATA_COLUMN],
};

export const deliveryKey = (delivery: Pick<CampaignDelivery, 'term' | 'localityId' | 'officerId' | 'kind'>): string =>
  [delivery.term, delivery.localityId, delivery.officerId, delivery.kind].join('|');

export const deliveryMapping: EntityMapping<CampaignDelivery> = {
  list: 'deliveries',
  entityName: 'campaign delivery',
  keyOf: deliveryKey,
  toFields: (delivery) => ({
    Title: title(`${delivery.kind} to ${delivery.officerId}`),
    [KEY_COLUMN]: deliveryKey(delivery),
    Term: delivery.term,
    Kind: title(delivery.kind),
    LocalityId: delivery.localityId,
    OfficerId: delivery.officerId,
    DeliveryStatus: delivery.status,
    Attempts: delivery.attempts,
    SentAt: dateTime(delivery.sentAt),
    LastError: delivery.lastError ?? null,
    [DATA_COLUMN]: JSON.stringify(delivery),
  }),
  fromFields: (fields) => data(fields) as unknown as CampaignDelivery,
  readColumns: [KEY_COLUMN, DATA_COLUMN],
};

export const coverMapping: EntityMapping<CoverAssignment> = {
  list: 'covers',
  entityName: 'cover',
  keyOf: (cover) => cover.id,
  toFields: (cover) => ({
    Title: title(`Cover for ${cover.localityId}`),
    [KEY_COLUMN]: cover.id,
    LocalityId: cover.localityId,
    CoverOfficerId: cover.coverOfficerId,
    AbsentOfficerId: cover.absentOfficerId ?? null,
    From: dateTime(cover.from, true),
    To: dateTime(cover.to, true),
    AssignedBy: cover.assignedBy,
    [DATA_COLUMN]: JSON.stringify(cover),
  }),
  fromFields: (fields) => data(fields) as unknown as CoverAssignment,
  readColumns: [KEY_COLUMN, DATA_COLUMN],
};
