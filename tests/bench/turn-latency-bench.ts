/**
 * Turn latency: 100 EPOs at once, each saving sections through the real bot server
 * (`POST /api/messages`, CloudAdapter, teams-ai, the report wizard, an embedded SQLite store) on
 * loopback with `adaptiveCard/action` invokes carrying the wizard's real save verbs, and the
 * same load on a bare restify endpoint in the same process run, to separate our cost from
 * HTTP's. Each EPO is a closed loop: the next save goes as soon as the card comes back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import restify from 'restify';
import type { Locality, Officer, Priority } from '../../src/domain/model';
import { WIZARD_VERBS } from '../../src/bot/report-wizard/verbs';
import { cardsOf, startBotHarness, type BotHarness, type HarnessUser } from '../support/bot-harness';
import { percentile, type BenchOutput } from './bench-output';
import type { ParsedPriority } from '../../src/import/parsed-report';
import { seedPriorities } from './seed-corpus';
import { actionOn, cardOf, invokeActivity, type TeamsUser } from './teams-activity';

const TERM = '2024-25-spring';
const NOW = '2025-03-10T09:00:00Z';
export const CONCURRENT_EPOS = 100;
/** Draft saves of the Priority card before walking the six sections with Save and next. */
const DRAFT_SAVES = 4;
/** The paced run: each EPO saves this many drafts, reading the card 0-2 x PACED_THINK_MS between them. */
const PACED_SAVES = 5;
const PACED_THINK_MS = 5000;

/** Uniform waits of 0 to 2 x `meanMs` from mulberry32, a fixed pseudo-random sequence so runs compare (neighbouring seeds give unrelated sequences). */
function thinkTimes(seed: number, meanMs: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return (((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32) * 2 * meanMs;
  };
}

/**
 * A keep-alive HTTP client for the load: node:http with one socket per concurrent EPO (fetch's
 * pool showed second-long stalls when 100 sockets opened at once, which would measure the client).
 */
export interface LoadClient {
  /** `reuse: false` opens a connection for this request alone (for requests seconds apart, past the server's keep-alive). */
  post(url: string, body: string, reuse?: boolean): Promise<{ ms: number; status: number; answer: unknown }>;
  /** Opens `sockets` connections to the origin of `url` before anything is timed. */
  warm(url: string, sockets: number, body: string): Promise<void>;
  close(): void;
}

/** A client with up to `sockets` keep-alive connections. */
export function createLoadClient(sockets: number): LoadClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const post = (url: string, body: string, reuse = true) =>
    new Promise<{ ms: number; status: number; answer: unknown }>((resolve, reject) => {
      const started = performance.now();
      const target = new URL(url);
      const request = http.request(
        { agent: reuse ? agent : false, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ ms, status: response.statusCode ?? 0, answer: text ? (JSON.parse(text) as unknown) : undefined });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on('error', reject);
      // A request still unanswered after a minute has hung: fail the run instead of waiting forever.
      request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${target.pathname} within 60 s`)));
      request.end(body);
    });
  return {
    post,
    warm: async (url, count, body) => {
      await Promise.all(Array.from({ length: count }, () => post(url, body)));
    },
    close: () => agent.destroy(),
  };
}

function teamsUserOf(user: HarnessUser): TeamsUser {
  return { id: user.id, name: user.name, aadObjectId: user.aadObjectId ?? '', conversationId: user.conversationId };
}

async function seedEpos(harness: BotHarness, parsed: readonly ParsedPriority[], count: number): Promise<HarnessUser[]> {
  const users: HarnessUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const locality: Locality = { id: `locality-${i}`, name: `Locality ${i}`, order: i + 1 };
    const source = parsed[i % parsed.length];
    const priority: Priority = {
      id: `locality-${i}-priority-1`,
      localityId: locality.id,
      title: source.title,
      intendedOutcomes: source.sections.intendedOutcomes,
      exitStrategy: source.sections.exitStrategy,
      themes: [],
      status: 'active',
      openedTerm: TERM,
      order: 1,
      version: 0,
    };
    const officer: Officer = { id: `epo-${i}`, name: `Officer ${i}`, email: `epo-${i}@bench.test`, aadObjectId: `aad-epo-${i}`, roles: ['epo'], localityIds: [locality.id] };
    await harness.store.upsertLocality(locality);
    await harness.store.savePriority(priority, 0);
    await harness.store.upsertOfficer(officer);
    const user = harness.user({ name: officer.name, email: officer.email, aadObjectId: officer.aadObjectId });
    await harness.install(user);
    users.push(user);
  }
  return users;
}

/** What each EPO types, section by section: seed text, so the saves are the size of real ones. */
function typedSections(parsed: readonly ParsedPriority[], index: number): string[] {
  const source = parsed[index % parsed.length];
  const text = (section: { kind: string; items?: readonly string[]; paragraphs?: readonly string[] }): string =>
    (section.kind === 'items' ? (section.items ?? []) : (section.paragraphs ?? [])).join('\n') || 'Nothing to report this term.';
  return [
    source.title,
    text(source.sections.intendedOutcomes),
    text(source.sections.activityLastPeriod),
    text(source.sections.plannedActivityNextPeriod),
    text(source.sections.impactSoFar),
    text(source.sections.exitStrategy),
  ];
}

interface OpenedCard {
  readonly user: HarnessUser;
  readonly messageId: string;
  readonly card: Record<string, unknown>;
}

/** Posts "start" and opens the priority from the report card (one EPO at a time: the harness tells replies apart by order). */
async function openPriorityCard(harness: BotHarness, client: LoadClient, user: HarnessUser): Promise<OpenedCard> {
  const replies = await harness.say(user, 'start');
  const shown = replies.find((recorded) => recorded.conversationId === user.conversationId && cardsOf(recorded).length > 0);
  if (!shown) throw new Error('start posted no card');
  const invoke = { messageId: shown.id, verb: WIZARD_VERBS.continuePriority, data: actionOn(cardsOf(shown)[0], WIZARD_VERBS.continuePriority) };
  const opened = await client.post(`${harness.baseUrl}/api/messages`, JSON.stringify(invokeActivity(harness.connector.serviceUrl, teamsUserOf(user), invoke, harness.deps.clock())));
  return { user, messageId: shown.id, card: cardOf(opened.answer) };
}

/** One EPO: saves drafts of the Priority card, then every section with Save and next, each as soon as the last card is back. */
async function epoSession(harness: BotHarness, client: LoadClient, opened: OpenedCard, typed: readonly string[], samples: number[], firstSaves: number[], bodies: string[]): Promise<void> {
  const url = `${harness.baseUrl}/api/messages`;
  const { user, messageId } = opened;
  let card = opened.card;
  const steps: Array<[string, string]> = [
    ...Array.from({ length: DRAFT_SAVES }, (_, d): [string, string] => [WIZARD_VERBS.sectionSaveDraft, `${typed[0]} (draft ${d + 1})`]),
    ...typed.map((text): [string, string] => [WIZARD_VERBS.sectionSaveNext, text]),
  ];
  for (const [step, [verb, text]] of steps.entries()) {
    const body = JSON.stringify(invokeActivity(harness.connector.serviceUrl, teamsUserOf(user), { messageId, verb, data: { ...actionOn(card, verb), text } }, harness.deps.clock()));
    const result = await client.post(url, body);
    if (result.status !== 200) throw new Error(`the bot answered ${result.status}`);
    card = cardOf(result.answer);
    samples.push(result.ms);
    if (step === 0) firstSaves.push(result.ms);
    bodies.push(body);
  }
}

/** One EPO at a reading pace: a draft save, then a pause, as people work; returns the card it ends on. */
async function pacedSession(harness: BotHarness, client: LoadClient, opened: OpenedCard, title: string, think: () => number, samples: number[]): Promise<OpenedCard> {
  const url = `${harness.baseUrl}/api/messages`;
  let card = opened.card;
  for (let save = 1; save <= PACED_SAVES; save += 1) {
    await new Promise((resolve) => setTimeout(resolve, think()));
    const data = { ...actionOn(card, WIZARD_VERBS.sectionSaveDraft), text: `${title} (reviewed ${save})` };
    const body = JSON.stringify(invokeActivity(harness.connector.serviceUrl, teamsUserOf(opened.user), { messageId: opened.messageId, verb: WIZARD_VERBS.sectionSaveDraft, data }, harness.deps.clock()));
    const result = await client.post(url, body, false);
    if (result.status !== 200) throw new Error(`the bot answered ${result.status}`);
    card = cardOf(result.answer);
    samples.push(result.ms);
  }
  return { ...opened, card };
}

/** The same requests against restify with nothing behind it but an answer of the same size. */
async function bareRestify(client: LoadClient, bodies: readonly string[], concurrency: number, answer: unknown): Promise<number[]> {
  const server = restify.createServer({ name: 'bare', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', (_req, res, next) => {
    res.send(200, answer);
    return next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  const samples: number[] = [];
  const perClient = Math.ceil(bodies.length / concurrency);
  try {
    await client.warm(url, concurrency, bodies[0]);
    await Promise.all(
      Array.from({ length: concurrency }, async (_, index) => {
        for (const body of bodies.slice(index * perClient, (index + 1) * perClient)) samples.push((await client.post(url, body)).ms);
      }),
    );
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeAllConnections();
    });
  }
  return samples;
}

export interface TurnLatencyResult {
  /** Saves by EPOs pausing to read between them. */
  readonly pacedSamples: readonly number[];
  readonly samples: readonly number[];
  /** Each EPO's first save: all of them sent at the same instant. */
  readonly firstSaves: readonly number[];
  readonly bareSamples: readonly number[];
  readonly wallSeconds: number;
}

/** Seeds `epos` EPOs behind the real bot server, runs the paced and the saturating save loads, then the bare endpoint. */
export async function measureTurnLatency(output: BenchOutput, epos = CONCURRENT_EPOS): Promise<TurnLatencyResult> {
  const harness = await startBotHarness({ now: NOW });
  const client = createLoadClient(epos);
  try {
    output.progress(`turn: seeding and installing ${epos} EPOs`);
    const parsed = seedPriorities();
    const users = await seedEpos(harness, parsed, epos);
    const opened: OpenedCard[] = [];
    for (const user of users) opened.push(await openPriorityCard(harness, client, user));
    // Every EPO's connection is open before the clock starts; a refresh invoke changes nothing.
    const refresh = JSON.stringify(
      invokeActivity(
        harness.connector.serviceUrl,
        teamsUserOf(opened[0].user),
        { messageId: opened[0].messageId, verb: WIZARD_VERBS.refresh, data: actionOn(opened[0].card, WIZARD_VERBS.sectionSaveDraft) },
        harness.deps.clock(),
      ),
    );
    await client.warm(`${harness.baseUrl}/api/messages`, epos, refresh);
    output.progress(`turn: ${epos} EPOs saving at a reading pace (about ${Math.round((epos * 1000) / PACED_THINK_MS)} saves/s offered)`);
    const pacedSamples: number[] = [];
    const paced = await Promise.all(
      opened.map((card, index) => pacedSession(harness, client, card, typedSections(parsed, index)[0], thinkTimes(index + 1, PACED_THINK_MS), pacedSamples)),
    );
    const samples: number[] = [];
    const firstSaves: number[] = [];
    const bodies: string[] = [];
    output.progress(`turn: ${epos} EPOs saving sections at once`);
    const started = performance.now();
    await Promise.all(paced.map((card, index) => epoSession(harness, client, card, typedSections(parsed, index), samples, firstSaves, bodies)));
    const wallSeconds = (performance.now() - started) / 1000;
    const sample = await client.post(`${harness.baseUrl}/api/messages`, bodies[bodies.length - 1]);
    output.progress(`turn: the same ${bodies.length} requests on a bare restify endpoint`);
    const bareSamples = await bareRestify(client, bodies, epos, sample.answer);
    return { pacedSamples, samples, firstSaves, bareSamples, wallSeconds };
  } finally {
    client.close();
    await harness.close();
  }
}

/** Prints the latency percentiles of both loads and the bare endpoint's. */
export async function runTurnLatencyBench(output: BenchOutput): Promise<void> {
  output.machine();
  const result = await measureTurnLatency(output);
  const p50 = percentile(result.samples, 50);
  const p99 = percentile(result.samples, 99);
  const bareP50 = percentile(result.bareSamples, 50);
  const bareP99 = percentile(result.bareSamples, 99);
  output.figure({ name: 'turn.p50_ms', value: p50, unit: 'ms' });
  output.figure({ name: 'turn.p99_ms', value: p99, unit: 'ms', target: { below: 100 } });
  output.figure({ name: 'turn.bare_p50_ms', value: bareP50, unit: 'ms' });
  output.figure({ name: 'turn.bare_p99_ms', value: bareP99, unit: 'ms' });
  output.figure({ name: 'turn.p99_ratio_to_bare', value: p99 / bareP99, unit: 'ratio' });
  output.figure({ name: 'turn.paced_p50_ms', value: percentile(result.pacedSamples, 50), unit: 'ms' });
  output.figure({ name: 'turn.paced_p99_ms', value: percentile(result.pacedSamples, 99), unit: 'ms', target: { below: 100 } });
  output.figure({ name: 'turn.saves_per_s', value: result.samples.length / result.wallSeconds, unit: 'saves/s' });
  output.summary(
    `Saturation: ${result.samples.length} section saves by ${CONCURRENT_EPOS} EPOs at once (${DRAFT_SAVES} drafts then 6 x Save and next each, no pause between saves): ` +
      `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${(result.samples.length / result.wallSeconds).toFixed(0)} saves/s; ` +
      `bare restify with the same bodies and concurrency: p50 ${bareP50.toFixed(1)} ms, p99 ${bareP99.toFixed(1)} ms.`,
  );
  output.summary(
    `At a reading pace (${CONCURRENT_EPOS} EPOs each saving ${PACED_SAVES} drafts 0-${(2 * PACED_THINK_MS) / 1000} s apart, about ${Math.round((CONCURRENT_EPOS * 1000) / PACED_THINK_MS)} saves/s): ` +
      `p50 ${percentile(result.pacedSamples, 50).toFixed(1)} ms, p99 ${percentile(result.pacedSamples, 99).toFixed(1)} ms.`,
  );
  output.summary(
    `The ${result.firstSaves.length} first saves, sent at the same instant: p50 ${percentile(result.firstSaves, 50).toFixed(0)} ms, worst ${Math.max(...result.firstSaves).toFixed(0)} ms. ` +
      'Every save also waits for teams-ai to PUT the refreshed card to the connector (REPLACE_FOR_ALL) before it answers the invoke.',
  );
}
