/**
 * JSON batching: https://learn.microsoft.com/en-us/graph/json-batching
 * POST /$batch { requests: [{ id, method, url, headers?, body?, dependsOn? }] } (at most 20) ->
 * 200 { responses: [{ id, status, headers, body }] }. A request whose dependency failed answers 424
 * Failed Dependency; a body needs a Content-Type header; ids must be unique; over 20 requests is a 400.
 */
import { graphError, ok, readJson, type GraphCall, type GraphReply } from './http-io';

export const MAX_BATCH_REQUESTS = 20;

interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn: string[];
}

function readSteps(call: GraphCall): BatchStep[] | string {
  const requests = readJson(call)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return 'The batch needs a non-empty requests array.';
  if (requests.length > MAX_BATCH_REQUESTS) return `The number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`;
  const steps: BatchStep[] = [];
  for (const raw of requests as Array<Record<string, unknown>>) {
    if (typeof raw?.id !== 'string' || typeof raw.method !== 'string' || typeof raw.url !== 'string') return 'Each request needs id, method and url.';
    if (steps.some((step) => step.id.toLowerCase() === (raw.id as string).toLowerCase())) return `Duplicate request id '${raw.id}'.`;
    const headers = Object.fromEntries(
      Object.entries((raw.headers ?? {}) as Record<string, unknown>).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    steps.push({ id: raw.id, method: raw.method.toUpperCase(), url: raw.url, headers, body: raw.body, dependsOn });
  }
  for (const step of steps) {
    for (const dependency of step.dependsOn) {
      if (!steps.some((other) => other.id === dependency && other !== step)) return `Request '${step.id}' depends on unknown request '${dependency}'.`;
    }
  }
  return steps;
}

/** Runs a batch; `serve` answers each inner request as if it came over the wire. */
export function runBatch(call: GraphCall, serve: (inner: GraphCall) => GraphReply): GraphReply {
  const steps = readSteps(call);
  if (typeof steps === 'string') return graphError(400, 'BadRequest', steps);
  const statuses = new Map<string, number>();
  const responses: Array<Record<string, unknown>> = [];
  const pending = [...steps];
  while (pending.length > 0) {
    const index = pending.findIndex((step) => step.dependsOn.every((dependency) => statuses.has(dependency)));
    if (index < 0) return graphError(400, 'BadRequest', 'The dependsOn chain has a cycle.');
    const [step] = pending.splice(index, 1);
    const reply = serveStep(step, statuses, serve);
    statuses.set(step.id, reply.status);
    responses.push({
      id: step.id,
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...(reply.headers ?? {}) },
      ...(reply.json !== undefined ? { body: reply.json } : {}),
    });
  }
  return ok({ responses });
}

function serveStep(step: BatchStep, statuses: Map<string, number>, serve: (inner: GraphCall) => GraphReply): GraphReply {
  if (step.dependsOn.some((dependency) => (statuses.get(dependency) ?? 0) >= 400)) {
    return graphError(424, 'FailedDependency', 'The request was not run because a request it depends on failed.');
  }
  if (step.body !== undefined && !step.headers['content-type']) {
    return graphError(400, 'BadRequest', 'A request with a body needs a Content-Type header.');
  }
  const relative = step.url.startsWith('/') ? step.url : `/${step.url}`;
  const url = new URL(`http://batch${relative}`);
  if (url.pathname === '/$batch') return graphError(400, 'BadRequest', 'Batches cannot be nested.');
  return serve({
    method: step.method,
    path: decodeURIComponent(url.pathname),
    query: url.searchParams,
    headers: step.headers,
    body: step.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(step.body)),
    inBatch: true,
  });
}
