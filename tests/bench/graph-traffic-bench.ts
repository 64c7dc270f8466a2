/**
 * Microsoft Graph traffic of the SharePoint store, counted on the local Graph server: HTTP
 * requests on the wire per section save, per submit and per county compile (50 localities x 5
 * priorities, seed text), against the fewest a compile could make (one page per list at the
 * largest page size, the list ids, and the upload). Token requests are not counted.
 */
import { createLogger } from '../../src/logging/logger';
import type { BotDeps } from '../../src/bot/bot-deps';
import type { Locality, LocalityReport, Officer } from '../../src/domain/model';
import { TermCalendar } from '../../src/domain/term-calendar';
import { termFromKey, termLabel } from '../../src/domain/term';
import { loadConfig } from '../../src/config/config';
import { createReportLibrary, DEFAULT_FRAGMENT_SIZE, type ReportLibrary } from '../../src/graph/report-library';
import { compileCountyReportFile } from '../../src/reports/compile-report-file';
import { createReportPublisher, type ReportDocumentLibrary } from '../../src/reports/report-publisher';
import type { ReportStore } from '../../src/store/report-store';
import { loadReportState } from '../../src/bot/report-wizard/report-state';
import { saveSection } from '../../src/bot/report-wizard/section-save';
import { submitReport } from '../../src/bot/report-wizard/submit-report';
import { reviewStamp, sectionStamp } from '../../src/bot/report-wizard/card-context';
import { MAX_PAGE_SIZE } from '../support/local-graph/items';
import type { RequestRecord } from '../support/local-graph/faults';
import { connectTo, FAST_TRANSPORT, openLocalSharePoint, sharePointStoreOn, type LocalSharePoint } from '../support/local-graph/sharepoint-fixture';
import type { BenchOutput } from './bench-output';
import { seededPriority, seedPriorities } from './seed-corpus';
import { sectionSaveTurnRequests } from './graph-turn';
import { countStoreCalls } from './store-calls';
import { teamsUser } from './teams-activity';
import { DEFAULT_THEMES } from '../../src/domain/themes';

const TERM = '2024-25-spring';
const LOCALITIES = 50;
const PRIORITIES = 5;
const EPOS_PER_LOCALITY = 2;
const WRITING = 'bench-writing';
const NOW = new Date('2025-03-20T10:00:00Z');
const UPLOAD_THRESHOLD = loadConfig({}).graph.uploadSessionThreshold;

/** HTTP requests on the wire, token requests left out (upload fragments counted). */
function wireRequests(records: readonly RequestRecord[]): RequestRecord[] {
  return records.filter((record) => !record.inBatch && record.path !== '/token');
}

function describe(records: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const record of records) {
    const kind = record.path === '/$batch' ? '$batch' : record.path.startsWith('/upload/') ? 'upload fragment' : record.method;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function pages(items: number): number {
  return Math.max(1, Math.ceil(items / MAX_PAGE_SIZE));
}

function libraryFor(sharepoint: LocalSharePoint): ReportLibrary {
  return createReportLibrary({
    connection: connectTo(sharepoint.graph),
    siteId: sharepoint.graph.siteId,
    uploadSessionThreshold: UPLOAD_THRESHOLD,
    logger: createLogger({ level: 'silent' }),
  });
}

/** The publisher the bot would run on SharePoint: compile to Word, store in the site's library. */
function documentLibrary(library: ReportLibrary): ReportDocumentLibrary {
  return {
    save: async (file, folder) => {
      const stored = await library.uploadReportDocument({
        folder: termLabel(termFromKey(folder)),
        fileName: file.fileName,
        content: Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      });
      return { url: stored.webUrl };
    },
  };
}

async function seedLocality(store: ReportStore, localityId: string, index: number, status: LocalityReport['status'], parsed: ReturnType<typeof seedPriorities>): Promise<void> {
  const locality: Locality = { id: localityId, name: `Bench Locality ${index + 1}`, order: index + 1 };
  await store.upsertLocality(locality);
  const officerIds: string[] = [];
  for (let e = 0; e < EPOS_PER_LOCALITY; e += 1) {
    const officer: Officer = {
      id: `${localityId}-epo-${e}`,
      name: `Officer ${e + 1} of ${locality.name}`,
      email: `${localityId}-epo-${e}@bench.test`,
      aadObjectId: `aad-${localityId}-epo-${e}`,
      roles: ['epo'],
      localityIds: [localityId],
    };
    await store.upsertOfficer(officer);
    officerIds.push(officer.id);
  }
  const seeded = Array.from({ length: PRIORITIES }, (_, p) => seededPriority(parsed, localityId, p, TERM, index));
  const report: LocalityReport = {
    localityId,
    term: TERM,
    officerIds,
    status,
    version: 0,
    ...(status === 'submitted' ? { submittedBy: officerIds[0], submittedAt: NOW.toISOString(), approval: 'approved' as const } : {}),
  };
  await store.saveReportWithUpdates(
    report,
    0,
    seeded.map(({ update }) => ({ update, expectedVersion: 0 })),
    seeded.map(({ priority }) => ({ priority, expectedVersion: 0 })),
  );
}

export interface GraphTrafficResult {
  readonly compile: readonly RequestRecord[];
  readonly compileLowerBound: number;
  readonly documentBytes: number;
  readonly sectionSave: readonly RequestRecord[];
  readonly sectionSaveCalls: string;
  /** The same kind of save as a whole turn: identity, conversation reference, state, save, next card. */
  readonly sectionSaveTurn: readonly RequestRecord[];
  readonly sectionSaveTurnCalls: string;
  readonly submitCalls: string;
  readonly submit: readonly RequestRecord[];
}

/** Seeds the local Graph server, then counts the requests of a county compile, a section save (alone and as a turn) and a submit. */
export async function measureGraphTraffic(output: BenchOutput): Promise<GraphTrafficResult> {
  const sharepoint = await openLocalSharePoint({ transport: FAST_TRANSPORT });
  const { graph, store } = sharepoint;
  try {
    output.progress(`graph: seeding ${LOCALITIES} localities x ${PRIORITIES} priorities on the local Graph server`);
    const parsed = seedPriorities();
    for (let l = 0; l < LOCALITIES; l += 1) await seedLocality(store, `locality-${l + 1}`, l, 'submitted', parsed);

    // The county compile as `tass compile` runs it: a fresh store (so list ids are resolved once), then the upload.
    output.progress('graph: compiling the county report');
    const compileStore = sharePointStoreOn(graph);
    const library = libraryFor(sharepoint);
    graph.log.clear();
    const file = await compileCountyReportFile(compileStore, TERM, 'docx');
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
    await library.uploadReportDocument({ folder: termLabel(termFromKey(TERM)), fileName: file.fileName, content });
    const compile = wireRequests(graph.log.records);
    const officers = (await store.listOfficers()).length;
    const upload = content.length <= UPLOAD_THRESHOLD ? 1 : 1 + Math.ceil(content.length / DEFAULT_FRAGMENT_SIZE);
    // List ids, then one page each of localities, officers, the term's reports, its updates and the priorities.
    const compileLowerBound = 1 + pages(LOCALITIES) + pages(officers) + pages(LOCALITIES) + pages(LOCALITIES * PRIORITIES) + pages(LOCALITIES * PRIORITIES) + upload;

    // A locality still writing: one section saved the way the wizard saves it, then the submit.
    await seedLocality(store, WRITING, LOCALITIES, 'in progress', parsed);
    const logger = createLogger({ level: 'silent' });
    const counted = countStoreCalls(store);
    const deps: BotDeps = {
      config: loadConfig({}),
      store: counted.store,
      calendar: new TermCalendar(),
      themes: DEFAULT_THEMES,
      clock: () => NOW,
      logger,
      publisher: createReportPublisher({ store: counted.store, library: documentLibrary(library), clock: () => NOW, logger }),
    };
    const officer = await store.getOfficer(`${WRITING}-epo-0`);
    if (!officer) throw new Error('the writing locality has no officer');
    const actor = { officer, userId: `29:${officer.id}` };

    // As the turn saves: the report state it read for the card, then the save alone is counted.
    output.progress('graph: one section save');
    const before = await loadReportState(store, WRITING, TERM, { organisation: true });
    const entry = before.priorities[0];
    graph.log.clear();
    counted.reset();
    const saved = await saveSection(
      deps,
      actor,
      before,
      entry,
      {
        context: { localityId: WRITING, term: TERM, priorityId: entry.priority.id, section: 'impactSoFar', version: entry.update.version, basis: sectionStamp(entry.update.impactSoFar), view: 'section' },
        text: 'Eight high schools now refer through the panel.\nAttendance of the referred pupils rose over the term.',
        carryForward: new Map(),
      },
      'next',
    );
    const sectionSave = wireRequests(graph.log.records);
    const sectionSaveCalls = counted.describe();
    if (saved.kind !== 'saved') throw new Error(`the section save did not save: ${saved.kind}`);

    output.progress('graph: one section save as a whole turn through the bot server');
    const turn = await sectionSaveTurnRequests(deps, graph, teamsUser(officer.id, officer.name, officer.aadObjectId ?? ''), wireRequests);

    output.progress('graph: one submit (with the Word document published)');
    const review = await loadReportState(store, WRITING, TERM);
    graph.log.clear();
    counted.reset();
    const submitted = await submitReport(deps, actor, {
      localityId: WRITING,
      term: TERM,
      priorityId: '',
      section: '',
      version: review.report?.version ?? 0,
      basis: reviewStamp(review),
      view: 'review',
    });
    const submit = wireRequests(graph.log.records);
    if (submitted.kind !== 'submitted' || !submitted.published) throw new Error(`the submit did not go through: ${submitted.kind}`);
    await compileStore.close();
    return { compile, compileLowerBound, documentBytes: content.length, sectionSave, sectionSaveCalls, sectionSaveTurn: turn.requests, sectionSaveTurnCalls: turn.storeCalls, submit, submitCalls: counted.describe() };
  } finally {
    await sharepoint.cleanup();
  }
}

/** Prints the Graph request counts against their targets and the county compile's lower bound. */
export async function runGraphTrafficBench(output: BenchOutput): Promise<void> {
  output.machine();
  const result = await measureGraphTraffic(output);
  output.figure({ name: 'graph.requests_per_section_save', value: result.sectionSave.length, unit: 'requests', target: { atMost: 1 } });
  output.figure({ name: 'graph.requests_per_section_save_turn', value: result.sectionSaveTurn.length, unit: 'requests' });
  output.figure({ name: 'graph.requests_per_submit', value: result.submit.length, unit: 'requests' });
  output.figure({ name: 'graph.requests_per_county_compile', value: result.compile.length, unit: 'requests', target: { atMost: result.compileLowerBound } });
  output.figure({ name: 'graph.requests_per_county_compile_lower_bound', value: result.compileLowerBound, unit: 'requests' });
  output.summary(`Section save (the wizard's saveSection with the report state the turn read): ${describe(result.sectionSave)}; store calls: ${result.sectionSaveCalls}.`);
  output.summary(`The whole save turn through the bot server (who is this, remember the conversation, read the report, save, render the next card): ${describe(result.sectionSaveTurn)}; store calls: ${result.sectionSaveTurnCalls}.`);
  output.summary(`Submit (read the report, all-or-nothing $batch, history event, Word document compiled and uploaded, state re-read): ${describe(result.submit)}; store calls (the publisher's included): ${result.submitCalls}.`);
  output.summary(
    `County compile of ${LOCALITIES} localities x ${PRIORITIES} priorities from a fresh store, ${(result.documentBytes / 1024).toFixed(0)} KiB .docx uploaded: ` +
      `${describe(result.compile)}; lower bound ${result.compileLowerBound} (list ids, one ${MAX_PAGE_SIZE}-item page each of localities, officers, reports, updates, priorities, and the upload).`,
  );
}
