/**
 * What a section save costs on SharePoint, counted on the local Graph server: an ordinary save
 * of a report already in progress is the one PATCH of the section, because the turn's report
 * state comes with it. The first save of a term still moves the report to "in progress", and a
 * co-author's save in between is still caught and shown, not overwritten.
 */
import { DEFAULT_THEMES } from '../../../src/domain/themes';
import { loadConfig } from '../../../src/config/config';
import type { BotDeps, ReportPublisher } from '../../../src/bot/bot-deps';
import { TermCalendar } from '../../../src/domain/term-calendar';
import { createLogger } from '../../../src/logging/logger';
import { sectionStamp } from '../../../src/bot/report-wizard/card-context';
import { loadReportState, type PriorityInReport, type ReportState } from '../../../src/bot/report-wizard/report-state';
import { saveSection, type SaveMode, type SaveOutcome } from '../../../src/bot/report-wizard/section-save';
import type { WizardActor } from '../../../src/bot/report-wizard/wizard-actor';
import type { RequestRecord } from '../../support/local-graph/faults';
import { FAST_TRANSPORT, openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';
import { createSharePointStore } from '../../../src/store/sharepoint/sharepoint-store';
import { sectionSaveTurnRequests } from '../../bench/graph-turn';
import { teamsUser } from '../../bench/teams-activity';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, items, NEXT_TERM, prose, SAMPLE_TERM } from '../../support/builders';

const NOW = new Date('2025-03-10T10:00:00Z');
const CLAIRE = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' });
const ALISON = anOfficer();
const PRIORITY_ID = 'central-school-avoidance';

const NOT_PUBLISHING: ReportPublisher = {
  publishLocalityReport: () => Promise.reject(new Error('no publishing in this test')),
};

/** Requests on the wire, token requests left out (as the benchmark counts them). */
function wire(records: readonly RequestRecord[]): string[] {
  return records.filter((record) => !record.inBatch && record.path !== '/token').map((record) => record.method);
}

describe('the Graph requests of a section save', () => {
  let sharepoint: LocalSharePoint;
  let deps: BotDeps;

  beforeEach(async () => {
    sharepoint = await openLocalSharePoint({ transport: FAST_TRANSPORT });
    const { store } = sharepoint;
    deps = {
      config: loadConfig({}),
      store,
      calendar: new TermCalendar(),
      clock: () => NOW,
      logger: createLogger({ level: 'silent' }),
      publisher: NOT_PUBLISHING,
      themes: DEFAULT_THEMES,
    };
    await store.upsertLocality(aLocality());
    await store.upsertOfficer(CLAIRE);
    await store.upsertOfficer(ALISON);
    // Autumn submitted; Spring's priority carried over, not yet written this term.
    await store.saveReportWithUpdates(aReport({ approval: 'approved' }), 0, [{ update: anUpdate(), expectedVersion: 0 }], [{ priority: aPriority(), expectedVersion: 0 }]);
  });

  afterEach(async () => {
    await sharepoint.cleanup();
  });

  /** The report state as a save turn reads it: with every officer and locality, for the personal-data check. */
  const turnState = (store = deps.store) => loadReportState(store, 'central-lancs', NEXT_TERM, { organisation: true });

  const actor = (officer = CLAIRE): WizardActor => ({ officer, userId: `29:${officer.id}` });

  function entryOf(state: ReportState): PriorityInReport {
    const entry = state.priorities.find((candidate) => candidate.priority.id === PRIORITY_ID);
    if (!entry) throw new Error('the priority is not in the report');
    return entry;
  }

  /** Saves Impact so far as the card made from `state` would send it; returns the outcome and the requests it made. */
  async function saveImpact(state: ReportState, text: string, who = CLAIRE, mode: SaveMode = 'draft', store = deps.store): Promise<{ outcome: SaveOutcome; requests: string[] }> {
    const entry = entryOf(state);
    sharepoint.graph.log.clear();
    const outcome = await saveSection({ ...deps, store }, actor(who), state, entry, {
      context: { localityId: state.locality.id, term: state.termKey, priorityId: PRIORITY_ID, section: 'impactSoFar', version: entry.update.version, basis: sectionStamp(entry.update.impactSoFar), view: 'section' },
      text,
      carryForward: new Map(),
    }, mode);
    return { outcome, requests: wire(sharepoint.graph.log.records) };
  }

  async function startSpring(): Promise<void> {
    const { outcome } = await saveImpact(await turnState(), 'Eight high schools attended the panel.');
    expect(outcome.kind).toBe('saved');
  }

  it('is the one PATCH of the section when the report is already in progress', async () => {
    await startSpring();
    const { outcome, requests } = await saveImpact(await turnState(), 'Eight high schools now refer through the panel.');

    expect(requests).toEqual(['PATCH']);
    expect(outcome.kind).toBe('saved');
    expect((await deps.store.getPriorityUpdate(PRIORITY_ID, NEXT_TERM))?.impactSoFar).toEqual(prose('Eight high schools now refer through the panel.'));
  });

  it('hands back the report as the save left it, the same as reading it again', async () => {
    await startSpring();
    const { outcome } = await saveImpact(await turnState(), 'Eight high schools now refer through the panel.');
    if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
    expect(outcome.state).toEqual(await turnState());
  });

  it('moves the report to "in progress" on the first save of the term, with no reads', async () => {
    const before = await turnState();
    expect(before.report).toBeUndefined();

    const { outcome, requests } = await saveImpact(before, 'Eight high schools attended the panel.', ALISON);

    // The update is new this term and so is the report: two writes, nothing read again.
    expect(requests).toEqual(['POST', 'POST']);
    const report = await deps.store.getLocalityReport('central-lancs', NEXT_TERM);
    expect(report).toMatchObject({ status: 'in progress', officerIds: ['officer-alison-walsh', 'officer-claire-fox'] });
    if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
    expect(outcome.state.report).toEqual(report);
    expect(outcome.state).toEqual(await turnState());
  });

  it('keeps a co-author\'s start of the report when both first saves race', async () => {
    const claireState = await turnState();
    // Alison starts the report after Claire's turn read it, on another priority's behalf.
    const alisonReport = await deps.store.saveLocalityReport(aReport({ term: NEXT_TERM, status: 'in progress', officerIds: ['officer-alison-walsh'], approval: undefined, submittedBy: undefined, submittedAt: undefined, returnComment: undefined, documentUrl: undefined }), 0);

    const { outcome } = await saveImpact(claireState, 'Eight high schools attended the panel.');

    expect(outcome.kind).toBe('saved');
    expect(await deps.store.getLocalityReport('central-lancs', NEXT_TERM)).toEqual(alisonReport);
    if (outcome.kind !== 'saved') return;
    expect(outcome.state.report).toEqual(alisonReport);
  });

  it('shows a co-author\'s save made after the turn read the report, and does not overwrite it', async () => {
    await startSpring();
    const claireState = await turnState();
    // Alison saves the same section between Claire's turn reading the report and Claire's save.
    const { outcome: alisonSaved } = await saveImpact(await turnState(), 'Six partners joined the panel.', ALISON);
    expect(alisonSaved.kind).toBe('saved');

    const { outcome, requests } = await saveImpact(claireState, 'Eight high schools now refer through the panel.');

    // Nothing is written: the store finds Alison's newer version, and what she saved is read to show Claire.
    expect(requests).toEqual(['GET', 'GET']);
    expect(outcome).toMatchObject({ kind: 'conflict', current: { impactSoFar: prose('Six partners joined the panel.'), updatedBy: 'officer-alison-walsh' } });
    expect((await deps.store.getPriorityUpdate(PRIORITY_ID, NEXT_TERM))?.impactSoFar).toEqual(prose('Six partners joined the panel.'));
  });

  it('shows a co-author\'s save that this bot did not see (another instance) once SharePoint refuses the PATCH', async () => {
    await startSpring();
    const claireState = await turnState();
    const { graph } = sharepoint;
    const elsewhere = createSharePointStore({
      baseUrl: graph.baseUrl, siteId: graph.siteId, tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, tokenUrl: graph.tokenUrl,
      logger: createLogger({ level: 'silent' }), transport: FAST_TRANSPORT,
    });
    try {
      const { outcome: alisonSaved } = await saveImpact(await turnState(elsewhere), 'Six partners joined the panel.', ALISON, 'draft', elsewhere);
      expect(alisonSaved.kind).toBe('saved');
    } finally {
      await elsewhere.close();
    }

    const { outcome, requests } = await saveImpact(claireState, 'Eight high schools now refer through the panel.');

    // The PATCH carries the version Claire's turn read (If-Match) and is refused; what Alison saved is read to show Claire.
    expect(requests[0]).toBe('PATCH');
    expect(requests.slice(1).every((method) => method === 'GET')).toBe(true);
    expect(outcome).toMatchObject({ kind: 'conflict', current: { impactSoFar: prose('Six partners joined the panel.'), updatedBy: 'officer-alison-walsh' } });
    expect((await deps.store.getPriorityUpdate(PRIORITY_ID, NEXT_TERM))?.impactSoFar).toEqual(prose('Six partners joined the panel.'));
  });

  it('shows a co-author\'s save the card was not based on without writing anything', async () => {
    await startSpring();
    const cardState = await turnState();
    await saveImpact(cardState, 'Six partners joined the panel.', ALISON);
    const current = await turnState();
    // Claire's card was made from the earlier state; her turn reads the current one.
    const cardEntry = entryOf(cardState);
    sharepoint.graph.log.clear();
    const outcome = await saveSection(deps, actor(), current, entryOf(current), {
      context: { localityId: 'central-lancs', term: NEXT_TERM, priorityId: PRIORITY_ID, section: 'impactSoFar', version: cardEntry.update.version, basis: sectionStamp(cardEntry.update.impactSoFar), view: 'section' },
      text: 'Eight high schools now refer through the panel.',
      carryForward: new Map(),
    }, 'next');

    expect(wire(sharepoint.graph.log.records)).toEqual([]);
    expect(outcome).toMatchObject({ kind: 'conflict', current: { impactSoFar: prose('Six partners joined the panel.') } });
  });

  it('still holds a section naming a child, with the officers and localities the turn read and no reads of its own', async () => {
    await startSpring();
    const { outcome, requests } = await saveImpact(
      await turnState(),
      'Claire Fox met the Central Lancs schools.\nDiscussed pupil Jack Smith at the panel.',
    );
    expect(requests).toEqual([]);
    if (outcome.kind !== 'personal data') throw new Error(`not held: ${outcome.kind}`);
    expect(outcome.lines.map((line) => [line.index, line.findings.map((finding) => finding.kind)])).toEqual([[1, ['named-child']]]);
  });

  it('reads the officers and localities for the check when the state was read without them', async () => {
    await startSpring();
    const { outcome, requests } = await saveImpact(
      await loadReportState(deps.store, 'central-lancs', NEXT_TERM),
      'Claire Fox met the Central Lancs schools.\nDiscussed pupil Jack Smith at the panel.',
    );
    expect(requests).toEqual(['GET', 'GET']);
    if (outcome.kind !== 'personal data') throw new Error(`not held: ${outcome.kind}`);
    expect(outcome.lines.map((line) => [line.index, line.findings.map((finding) => finding.kind)])).toEqual([[1, ['named-child']]]);
  });

  it('reads last term\'s planned items from one list of last term\'s updates', async () => {
    const state = await turnState();
    expect(entryOf(state)).toMatchObject({ stored: false, previous: { term: SAMPLE_TERM, plannedActivityNextPeriod: anUpdate().plannedActivityNextPeriod } });
    expect(entryOf(state).update.intendedOutcomes).toEqual(items('The Central Lancs TASS work will link in with the county wide work looking at this.'));
  });

  it('reads the report once in a whole save turn through the bot server, and saves with one PATCH', async () => {
    await startSpring();
    const turn = await sectionSaveTurnRequests(deps, sharepoint.graph, teamsUser(CLAIRE.id, CLAIRE.name, CLAIRE.aadObjectId ?? ''), (records) =>
      records.filter((record) => !record.inBatch && record.path !== '/token'),
    );
    const calls = Object.fromEntries(turn.storeCalls.split(', ').map((entry) => entry.split(' x')).map(([method, count]) => [method, Number(count)]));
    expect(calls).toMatchObject({ getLocalityReport: 1, listPriorities: 1, listPriorityUpdates: 2, savePriorityUpdate: 1 });
    expect(calls).not.toHaveProperty('getPriorityUpdate');
    expect(turn.requests.filter((record) => record.method !== 'GET').map((record) => record.method)).toEqual(['PATCH']);
  });
});
