/**
 * What the sign-off and history cards show, read fresh from the store each time, and the one
 * place a manager's decision is applied and saved (with its history event).
 */
import type { Locality, LocalityReport, Officer, PriorityUpdate, ReportEvent } from '../../domain/model';
import { decideSignOff, type SignOffOutcome, type SignOffRequest } from '../../domain/sign-off';
import type { TermKey } from '../../domain/term';
import { ConflictError } from '../../store/errors';
import type { ReportStore } from '../../store/report-store';

export interface SignOffState {
  readonly locality: Locality;
  readonly term: TermKey;
  readonly report?: LocalityReport;
  /** The report's authors (its officerIds, else the locality's EPOs). */
  readonly authors: readonly Officer[];
  readonly updates: readonly PriorityUpdate[];
  readonly events: readonly ReportEvent[];
  /** Every officer by id, for names in the history. */
  readonly officers: ReadonlyMap<string, Officer>;
}

export class SignOffLocalityNotFoundError extends Error {
  constructor(readonly localityId: string) {
    super(`Locality ${localityId} does not exist`);
    this.name = 'SignOffLocalityNotFoundError';
  }
}

export async function loadSignOffState(store: ReportStore, localityId: string, term: TermKey): Promise<SignOffState> {
  const [locality, report, updates, events, officers] = await Promise.all([
    store.getLocality(localityId),
    store.getLocalityReport(localityId, term),
    store.listPriorityUpdates({ localityId, term }),
    store.listReportEvents(localityId, term),
    store.listOfficers(),
  ]);
  if (!locality) throw new SignOffLocalityNotFoundError(localityId);
  const byId = new Map(officers.map((officer) => [officer.id, officer]));
  const named = (report?.officerIds ?? []).flatMap((id) => byId.get(id) ?? []);
  const authors = named.length > 0 ? named : officers.filter((o) => o.roles.includes('epo') && o.localityIds.includes(localityId));
  return { locality, term, ...(report ? { report } : {}), authors, updates, events, officers: byId };
}

/** The latest approval or return, for "Approved by Mary Holt". */
export function lastDecision(state: SignOffState): ReportEvent | undefined {
  return [...state.events].reverse().find((event) => event.kind === 'approved' || event.kind === 'returned' || event.kind === 'submitted');
}

/**
 * Applies a manager's decision to the report as stored and saves it with its history event.
 * When someone saved the report in between, the decision is taken again on what they saved,
 * so two managers pressing at once end with one decision and one event.
 */
export async function applySignOff(store: ReportStore, localityId: string, term: TermKey, request: SignOffRequest): Promise<SignOffOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    const current = await store.getLocalityReport(localityId, term);
    const outcome = decideSignOff(current, request);
    if (outcome.kind !== 'decided' || !current) return outcome;
    try {
      await store.saveLocalityReport(outcome.report, current.version);
    } catch (error) {
      if (error instanceof ConflictError && attempt < 2) continue;
      throw error;
    }
    await store.appendReportEvent(outcome.event);
    return outcome;
  }
}
