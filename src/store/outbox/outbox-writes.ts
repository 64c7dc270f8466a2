/**
 * The writes the outbox can hold: one variant per ReportStore write, kept as plain JSON so a
 * restarted bot replays exactly what was saved. For each write this module knows the entities it
 * touches (for read-your-writes and per-key ordering), the answer a queued save returns, how to
 * apply it to the real store, and whether a replay that met a conflict had in fact landed already.
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
} from '../../domain/model';
import type { ReportStore } from '../report-store';

export type OutboxWrite =
  | { readonly op: 'upsertLocality'; readonly locality: Locality }
  | { readonly op: 'upsertOfficer'; readonly officer: Officer }
  | { readonly op: 'savePriority'; readonly priority: Priority; readonly expectedVersion: number }
  | { readonly op: 'savePriorityUpdate'; readonly update: PriorityUpdate; readonly expectedVersion: number }
  | { readonly op: 'saveLocalityReport'; readonly report: LocalityReport; readonly expectedVersion: number }
  | {
      readonly op: 'saveReportWithUpdates';
      readonly report: LocalityReport;
      readonly expectedReportVersion: number;
      readonly updates: ReadonlyArray<{ update: PriorityUpdate; expectedVersion: number }>;
      readonly priorities: ReadonlyArray<{ priority: Priority; expectedVersion: number }>;
    }
  | { readonly op: 'appendReportEvent'; readonly event: ReportEvent }
  | { readonly op: 'saveConversationLink'; readonly link: ConversationLink }
  | { readonly op: 'recordDelivery'; readonly delivery: CampaignDelivery }
  | { readonly op: 'saveCover'; readonly cover: CoverAssignment }
  | { readonly op: 'deleteCover'; readonly id: string };

export const OUTBOX_OPERATIONS: ReadonlyArray<OutboxWrite['op']> = [
  'upsertLocality',
  'upsertOfficer',
  'savePriority',
  'savePriorityUpdate',
  'saveLocalityReport',
  'saveReportWithUpdates',
  'appendReportEvent',
  'saveConversationLink',
  'recordDelivery',
  'saveCover',
  'deleteCover',
];

export type EntityKind =
  | 'locality'
  | 'officer'
  | 'priority'
  | 'priorityUpdate'
  | 'localityReport'
  | 'reportEvents'
  | 'conversationLink'
  | 'delivery'
  | 'cover';

/** One entity a write changes, as it will be once the write lands (`value` undefined: deleted). */
export interface WrittenEntity {
  readonly entity: EntityKind;
  readonly key: string;
  readonly value: unknown;
}

export const updateKeyOf = (update: Pick<PriorityUpdate, 'priorityId' | 'term'>): string => `${update.priorityId}|${update.term}`;
export const reportKeyOf = (report: Pick<LocalityReport, 'localityId' | 'term'>): string => `${report.localityId}|${report.term}`;
export const deliveryKeyOf = (d: CampaignDelivery): string => `${d.term}|${d.localityId}|${d.officerId}|${d.kind}`;

const next = <T extends { version: number }>(entity: T, expectedVersion: number): T => ({ ...entity, version: expectedVersion + 1 });

/** What each write leaves behind, with the versions a successful save would give. */
export function writtenEntities(write: OutboxWrite): WrittenEntity[] {
  switch (write.op) {
    case 'upsertLocality':
      return [{ entity: 'locality', key: write.locality.id, value: write.locality }];
    case 'upsertOfficer':
      return [{ entity: 'officer', key: write.officer.id, value: write.officer }];
    case 'savePriority':
      return [{ entity: 'priority', key: write.priority.id, value: next(write.priority, write.expectedVersion) }];
    case 'savePriorityUpdate':
      return [{ entity: 'priorityUpdate', key: updateKeyOf(write.update), value: next(write.update, write.expectedVersion) }];
    case 'saveLocalityReport':
      return [{ entity: 'localityReport', key: reportKeyOf(write.report), value: next(write.report, write.expectedVersion) }];
    case 'saveReportWithUpdates':
      return [
        ...write.priorities.map(({ priority, expectedVersion }): WrittenEntity => ({ entity: 'priority', key: priority.id, value: next(priority, expectedVersion) })),
        ...write.updates.map(({ update, expectedVersion }): WrittenEntity => ({ entity: 'priorityUpdate', key: updateKeyOf(update), value: next(update, expectedVersion) })),
        { entity: 'localityReport', key: reportKeyOf(write.report), value: next(write.report, write.expectedReportVersion) },
      ];
    case 'appendReportEvent':
      return [{ entity: 'reportEvents', key: `${write.event.localityId}|${write.event.term}`, value: write.event }];
    case 'saveConversationLink':
      return [{ entity: 'conversationLink', key: write.link.officerId, value: write.link }];
    case 'recordDelivery':
      return [{ entity: 'delivery', key: deliveryKeyOf(write.delivery), value: write.delivery }];
    case 'saveCover':
      return [{ entity: 'cover', key: write.cover.id, value: write.cover }];
    case 'deleteCover':
      return [{ entity: 'cover', key: write.id, value: undefined }];
  }
}

/** The versioned saves in a write, with the version each was based on: what a queued save is checked against. */
export function versionedBases(write: OutboxWrite): Array<{ entity: EntityKind; key: string; expectedVersion: number }> {
  switch (write.op) {
    case 'savePriority':
      return [{ entity: 'priority', key: write.priority.id, expectedVersion: write.expectedVersion }];
    case 'savePriorityUpdate':
      return [{ entity: 'priorityUpdate', key: updateKeyOf(write.update), expectedVersion: write.expectedVersion }];
    case 'saveLocalityReport':
      return [{ entity: 'localityReport', key: reportKeyOf(write.report), expectedVersion: write.expectedVersion }];
    case 'saveReportWithUpdates':
      return [
        ...write.priorities.map(({ priority, expectedVersion }) => ({ entity: 'priority' as const, key: priority.id, expectedVersion })),
        ...write.updates.map(({ update, expectedVersion }) => ({ entity: 'priorityUpdate' as const, key: updateKeyOf(update), expectedVersion })),
        { entity: 'localityReport', key: reportKeyOf(write.report), expectedVersion: write.expectedReportVersion },
      ];
    default:
      return [];
  }
}

/** Sends the write to the real store. */
export async function applyWrite(store: ReportStore, write: OutboxWrite): Promise<void> {
  switch (write.op) {
    case 'upsertLocality':
      await store.upsertLocality(write.locality);
      return;
    case 'upsertOfficer':
      await store.upsertOfficer(write.officer);
      return;
    case 'savePriority':
      await store.savePriority(write.priority, write.expectedVersion);
      return;
    case 'savePriorityUpdate':
      await store.savePriorityUpdate(write.update, write.expectedVersion);
      return;
    case 'saveLocalityReport':
      await store.saveLocalityReport(write.report, write.expectedVersion);
      return;
    case 'saveReportWithUpdates':
      await store.saveReportWithUpdates(write.report, write.expectedReportVersion, write.updates, write.priorities);
      return;
    case 'appendReportEvent': {
      // A replay after a lost answer must not record the event twice: the same event is identical in every field.
      const existing = await store.listReportEvents(write.event.localityId, write.event.term);
      if (existing.some((event) => sameContent(event, write.event))) return;
      await store.appendReportEvent(write.event);
      return;
    }
    case 'saveConversationLink':
      await store.saveConversationLink(write.link);
      return;
    case 'recordDelivery':
      await store.recordDelivery(write.delivery);
      return;
    case 'saveCover':
      await store.saveCover(write.cover);
      return;
    case 'deleteCover':
      await store.deleteCover(write.id);
      return;
  }
}

/**
 * True when a versioned write that met a ConflictError on replay had in fact landed earlier (its
 * first attempt's answer was lost): what is stored is exactly what it wrote, at the version it made.
 */
export async function landedAlready(store: ReportStore, write: OutboxWrite): Promise<boolean> {
  const stored = async (entity: EntityKind, key: string): Promise<unknown> => {
    const [first, second = ''] = key.split('|');
    if (entity === 'priority') return store.getPriority(first);
    if (entity === 'priorityUpdate') return store.getPriorityUpdate(first, second);
    if (entity === 'localityReport') return store.getLocalityReport(first, second);
    return undefined;
  };
  const expected = writtenEntities(write).filter((written) => ['priority', 'priorityUpdate', 'localityReport'].includes(written.entity));
  if (expected.length === 0) return false;
  for (const written of expected) {
    const current = await stored(written.entity, written.key);
    if (!current || !sameContent(current, written.value, true)) return false;
  }
  return true;
}

/** Deep equality of two stored entities as JSON (key order and absent-vs-undefined ignored). */
export function sameContent(a: unknown, b: unknown, withVersion = false): boolean {
  return canonical(a, withVersion) === canonical(b, withVersion);
}

function canonical(value: unknown, withVersion: boolean): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'version' && !withVersion) return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return inner;
  });
}
