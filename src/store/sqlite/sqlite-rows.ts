/**
 * Rows of the SQLite tables and their mapping to and from the domain. JSON columns are checked
 * with zod on the way out, so a hand-edited or damaged row fails loudly instead of leaking a
 * malformed value into a card. Optional fields are stored as NULL and come back absent.
 */
import { z } from 'zod';
import {
  APPROVAL_STATUSES,
  CARRY_FORWARD_OUTCOMES,
  PRIORITY_STATUSES,
  RAG_STATUSES,
  REPORT_STATUSES,
  ROLES,
  SECTION_NAMES,
  type Locality,
  type LocalityReport,
  type Officer,
  type Priority,
  type PriorityUpdate,
  type SectionText,
} from '../../domain/model';
import { sectionConfirmationsSchema } from '../../domain/personal-data/section-confirmations';
import { publishedUpdateOf, type PublishedUpdate } from '../../domain/published-update';

const SectionTextSchema: z.ZodType<SectionText> = z.union([
  z.object({ kind: z.literal('items'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('prose'), paragraphs: z.array(z.string()) }),
]);
const StringList = z.array(z.string());
const RoleList = z.array(z.enum(ROLES));
const SectionNameList = z.array(z.enum(SECTION_NAMES));
const CarryForwardList = z.array(z.object({ item: z.string(), outcome: z.enum(CARRY_FORWARD_OUTCOMES) }));
const TermMonth = z.number().int().min(1).max(12);
const FigureList = z.array(z.object({ value: z.number(), counts: z.string() }));

export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function parsed<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

/** Adds `key: value` only when the column is not NULL, so absent optionals stay absent. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A section as stored: plain objects only, so what is saved is exactly what comes back. */
function section(text: SectionText): string {
  return text.kind === 'items'
    ? json({ kind: 'items', items: [...text.items] })
    : json({ kind: 'prose', paragraphs: [...text.paragraphs] });
}

export interface LocalityRow {
  id: string;
  name: string;
  sort_order: number;
}

export const localityToRow = (l: Locality): LocalityRow => ({ id: l.id, name: l.name, sort_order: l.order });
export const rowToLocality = (r: LocalityRow): Locality => ({ id: r.id, name: r.name, order: r.sort_order });

export interface OfficerRow {
  id: string;
  name: string;
  email: string;
  email_key: string;
  aad_object_id: string | null;
  roles: string;
  locality_ids: string;
}

/** Emails are matched case-insensitively; JavaScript lower-casing covers non-ASCII too, unlike SQLite's lower(). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export const officerToRow = (o: Officer): OfficerRow => ({
  id: o.id,
  name: o.name,
  email: o.email,
  email_key: emailKey(o.email),
  aad_object_id: o.aadObjectId ?? null,
  roles: json(o.roles),
  locality_ids: json(o.localityIds),
});

export const rowToOfficer = (r: OfficerRow): Officer => ({
  id: r.id,
  name: r.name,
  email: r.email,
  ...optional('aadObjectId', r.aad_object_id),
  roles: parsed(RoleList, r.roles),
  localityIds: parsed(StringList, r.locality_ids),
});

export interface PriorityRow {
  id: string;
  locality_id: string;
  title: string;
  intended_outcomes: string;
  exit_strategy: string;
  themes: string;
  status: string;
  closing_note: string | null;
  opened_term: string;
  closed_term: string | null;
  sort_order: number;
  version: number;
}

export const priorityToRow = (p: Priority, version: number): PriorityRow => ({
  id: p.id,
  locality_id: p.localityId,
  title: p.title,
  intended_outcomes: section(p.intendedOutcomes),
  exit_strategy: section(p.exitStrategy),
  themes: json(p.themes),
  status: p.status,
  closing_note: p.closingNote ?? null,
  opened_term: p.openedTerm,
  closed_term: p.closedTerm ?? null,
  sort_order: p.order,
  version,
});

export const rowToPriority = (r: PriorityRow): Priority => ({
  id: r.id,
  localityId: r.locality_id,
  title: r.title,
  intendedOutcomes: parsed(SectionTextSchema, r.intended_outcomes),
  exitStrategy: parsed(SectionTextSchema, r.exit_strategy),
  themes: parsed(StringList, r.themes),
  status: z.enum(PRIORITY_STATUSES).parse(r.status),
  ...optional('closingNote', r.closing_note),
  openedTerm: r.opened_term,
  ...optional('closedTerm', r.closed_term),
  order: r.sort_order,
  version: r.version,
});

export interface PriorityUpdateRow {
  priority_id: string;
  term: string;
  locality_id: string;
  title: string;
  intended_outcomes: string;
  activity_last_period: string;
  planned_activity_next_period: string;
  impact_so_far: string;
  exit_strategy: string;
  carry_forward: string;
  sections_done: string;
  rag: string | null;
  figures: string;
  /** JSON of the section confirmations; NULL when none (and in rows from before migration 3). */
  personal_data_confirmations: string | null;
  updated_by: string | null;
  updated_at: string | null;
  version: number;
}

export const updateToRow = (u: PriorityUpdate, version: number): PriorityUpdateRow => ({
  priority_id: u.priorityId,
  term: u.term,
  locality_id: u.localityId,
  title: u.title,
  intended_outcomes: section(u.intendedOutcomes),
  activity_last_period: section(u.activityLastPeriod),
  planned_activity_next_period: section(u.plannedActivityNextPeriod),
  impact_so_far: section(u.impactSoFar),
  exit_strategy: section(u.exitStrategy),
  carry_forward: json(u.carryForward.map((mark) => ({ item: mark.item, outcome: mark.outcome }))),
  sections_done: json(u.sectionsDone),
  rag: u.rag ?? null,
  figures: json(u.figures.map((figure) => ({ value: figure.value, counts: figure.counts }))),
  personal_data_confirmations: u.personalDataConfirmations === undefined ? null : json(u.personalDataConfirmations),
  updated_by: u.updatedBy ?? null,
  updated_at: u.updatedAt ?? null,
  version,
});

export const rowToUpdate = (r: PriorityUpdateRow): PriorityUpdate => ({
  priorityId: r.priority_id,
  localityId: r.locality_id,
  term: r.term,
  title: r.title,
  intendedOutcomes: parsed(SectionTextSchema, r.intended_outcomes),
  activityLastPeriod: parsed(SectionTextSchema, r.activity_last_period),
  plannedActivityNextPeriod: parsed(SectionTextSchema, r.planned_activity_next_period),
  impactSoFar: parsed(SectionTextSchema, r.impact_so_far),
  exitStrategy: parsed(SectionTextSchema, r.exit_strategy),
  carryForward: parsed(CarryForwardList, r.carry_forward),
  sectionsDone: parsed(SectionNameList, r.sections_done),
  ...optional('rag', r.rag === null ? null : z.enum(RAG_STATUSES).parse(r.rag)),
  figures: parsed(FigureList, r.figures),
  ...optional(
    'personalDataConfirmations',
    r.personal_data_confirmations === null ? null : parsed(sectionConfirmationsSchema, r.personal_data_confirmations),
  ),
  ...optional('updatedBy', r.updated_by),
  ...optional('updatedAt', r.updated_at),
  version: r.version,
});

/** A published update: the update's row without who saved it or the personal-data confirmations. */
export type PublishedUpdateRow = Omit<PriorityUpdateRow, 'updated_by' | 'personal_data_confirmations'>;

export function publishedToRow(update: PriorityUpdate): PublishedUpdateRow {
  const { updated_by: _by, personal_data_confirmations: _confirmations, ...row } = updateToRow(update, update.version);
  return row;
}

export const rowToPublished = (r: PublishedUpdateRow): PublishedUpdate =>
  publishedUpdateOf(rowToUpdate({ ...r, updated_by: null, personal_data_confirmations: null }));

export interface LocalityReportRow {
  locality_id: string;
  term: string;
  term_month: number | null;
  officer_ids: string;
  status: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approval: string | null;
  return_comment: string | null;
  document_url: string | null;
  version: number;
}

export const reportToRow = (r: LocalityReport, version: number): LocalityReportRow => ({
  locality_id: r.localityId,
  term: r.term,
  term_month: r.termMonth ?? null,
  officer_ids: json(r.officerIds),
  status: r.status,
  submitted_by: r.submittedBy ?? null,
  submitted_at: r.submittedAt ?? null,
  approval: r.approval ?? null,
  return_comment: r.returnComment ?? null,
  document_url: r.documentUrl ?? null,
  version,
});

export const rowToReport = (r: LocalityReportRow): LocalityReport => ({
  localityId: r.locality_id,
  term: r.term,
  ...optional('termMonth', r.term_month === null ? null : TermMonth.parse(r.term_month)),
  officerIds: parsed(StringList, r.officer_ids),
  status: z.enum(REPORT_STATUSES).parse(r.status),
  ...optional('submittedBy', r.submitted_by),
  ...optional('submittedAt', r.submitted_at),
  ...optional('approval', r.approval === null ? null : z.enum(APPROVAL_STATUSES).parse(r.approval)),
  ...optional('returnComment', r.return_comment),
  ...optional('documentUrl', r.document_url),
  version: r.version,
});
