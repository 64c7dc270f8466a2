/**
 * Rows of the tables that support the reports rather than hold them: report events,
 * conversation links, campaign deliveries and cover. Same rules as sqlite-rows.ts.
 */
import { z } from 'zod';
import {
  DELIVERY_STATUSES,
  REPORT_EVENT_KINDS,
  type CampaignDelivery,
  type ConversationLink,
  type CoverAssignment,
  type ReportEvent,
} from '../../domain/model';
import { json, optional, parsed } from './sqlite-rows';

const Reference = z.record(z.unknown());

export interface ReportEventRow {
  locality_id: string;
  term: string;
  kind: string;
  by_officer: string;
  at: string;
  comment: string | null;
}

export const eventToRow = (e: ReportEvent): ReportEventRow => ({
  locality_id: e.localityId,
  term: e.term,
  kind: e.kind,
  by_officer: e.by,
  at: e.at,
  comment: e.comment ?? null,
});

export const rowToEvent = (r: ReportEventRow): ReportEvent => ({
  localityId: r.locality_id,
  term: r.term,
  kind: z.enum(REPORT_EVENT_KINDS).parse(r.kind),
  by: r.by_officer,
  at: r.at,
  ...optional('comment', r.comment),
});

export interface ConversationLinkRow {
  officer_id: string;
  reference: string;
  updated_at: string;
}

export const linkToRow = (l: ConversationLink): ConversationLinkRow => ({
  officer_id: l.officerId,
  reference: json(l.reference),
  updated_at: l.updatedAt,
});

export const rowToLink = (r: ConversationLinkRow): ConversationLink => ({
  officerId: r.officer_id,
  reference: parsed(Reference, r.reference),
  updatedAt: r.updated_at,
});

export interface DeliveryRow {
  term: string;
  locality_id: string;
  officer_id: string;
  kind: string;
  status: string;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
}

export const deliveryToRow = (d: CampaignDelivery): DeliveryRow => ({
  term: d.term,
  locality_id: d.localityId,
  officer_id: d.officerId,
  kind: d.kind,
  status: d.status,
  attempts: d.attempts,
  sent_at: d.sentAt ?? null,
  last_error: d.lastError ?? null,
});

export const rowToDelivery = (r: DeliveryRow): CampaignDelivery => ({
  term: r.term,
  localityId: r.locality_id,
  officerId: r.officer_id,
  kind: r.kind,
  status: z.enum(DELIVERY_STATUSES).parse(r.status),
  attempts: r.attempts,
  ...optional('sentAt', r.sent_at),
  ...optional('lastError', r.last_error),
});

export interface CoverRow {
  id: string;
  locality_id: string;
  cover_officer_id: string;
  absent_officer_id: string | null;
  date_from: string;
  date_to: string;
  assigned_by: string;
}

export const coverToRow = (c: CoverAssignment): CoverRow => ({
  id: c.id,
  locality_id: c.localityId,
  cover_officer_id: c.coverOfficerId,
  absent_officer_id: c.absentOfficerId ?? null,
  date_from: c.from,
  date_to: c.to,
  assigned_by: c.assignedBy,
});

export const rowToCover = (r: CoverRow): CoverAssignment => ({
  id: r.id,
  localityId: r.locality_id,
  coverOfficerId: r.cover_officer_id,
  ...optional('absentOfficerId', r.absent_officer_id),
  from: r.date_from,
  to: r.date_to,
  assignedBy: r.assigned_by,
});
