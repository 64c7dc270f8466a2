/**
 * A local Microsoft Graph for tests: real HTTP on 127.0.0.1 and a random port, serving the
 * token endpoint, one SharePoint site (lists, columns, items, drive), `$batch`, and upload
 * sessions, and the site's SharePoint REST permissions endpoints below its webUrl, with fault
 * injection and a request log. Handlers live beside this file; this one only receives HTTP,
 * applies faults, checks the bearer token and writes the answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from './batch';
import { fileContent, uploadFragment, uploadSessionStatus } from './drive';
import { FaultPlan, RequestLog } from './faults';
import { createSiteState, type SiteState } from './graph-state';
import { graphError, type GraphCall, type GraphReply } from './http-io';
import { MAX_PAGE_SIZE } from './items';
import { routeGraphCall, type RouteContext } from './router';
import { restError, serveSharePointRest } from './sharepoint-rest';
import { SharePointWeb } from './sharepoint-web';
import { TokenIssuer } from './token-endpoint';

export interface LocalGraphOptions {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly siteId?: string;
  /** Lifetime of issued tokens; short lifetimes test token refresh. */
  readonly tokenLifetimeSeconds?: number;
  /** The most list items one page holds, even when `$top` asks for more (Graph may do this). Default 999. */
  readonly maxPageSize?: number;
}

export interface LocalGraph {
  /** e.g. "http://127.0.0.1:40123/v1.0": what GRAPH_BASE_URL points at. */
  readonly baseUrl: string;
  /** The token endpoint of the tenant: what GRAPH_TOKEN_URL points at. */
  readonly tokenUrl: string;
  readonly siteId: string;
  /** The site's webUrl on this server; SharePoint REST answers below it at `/_api/`. */
  readonly webUrl: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly faults: FaultPlan;
  readonly log: RequestLog;
  readonly site: SiteState;
  /** The site's groups, people and permissions, as SharePoint REST sees them. */
  readonly sharePoint: SharePointWeb;
  readonly tokens: TokenIssuer;
  /** Bytes of a file in the site's drive, by path below the root. */
  fileContent(path: string): Buffer | undefined;
  close(): Promise<void>;
}

const VERSION = '/v1.0';

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headersOf(request: http.IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
}

function send(response: http.ServerResponse, reply: GraphReply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: Buffer | undefined;
  if (reply.raw) {
    body = reply.raw;
    headers['Content-Type'] ??= 'application/octet-stream';
  } else if (reply.json !== undefined) {
    body = Buffer.from(JSON.stringify(reply.json));
    headers['Content-Type'] ??= 'application/json; odata.metadata=minimal';
  }
  headers['request-id'] = globalThis.crypto.randomUUID();
  if (body) headers['Content-Length'] = String(body.length);
  response.writeHead(reply.status, headers);
  response.end(body);
}

export async function startLocalGraph(options: LocalGraphOptions = {}): Promise<LocalGraph> {
  const tenantId = options.tenantId ?? 'contoso-tenant';
  const clientId = options.clientId ?? 'tass-bot-client';
  const clientSecret = options.clientSecret ?? 'local-secret';
  const siteId = options.siteId ?? 'tass.sharepoint.test,6e7cbd36-7a3a-4c2f-9d6a-6f4b1c0a1e01,1b5d5c5e-3f4a-4f0b-8d7e-2a9c3b4d5e6f';
  const faults = new FaultPlan();
  const log = new RequestLog();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const webPath = '/sites/tass';
  const site = createSiteState(siteId, `${origin}${webPath}`);
  const tokenUrl = `${origin}/${tenantId}/oauth2/v2.0/token`;
  const tokens = new TokenIssuer({ tenantId, clientId, clientSecret }, options.tokenLifetimeSeconds ?? 3599, { tokenUrl, sharePointOrigin: origin });
  const sharePoint = new SharePointWeb(site);
  const context: RouteContext = { site, versionBase: `${origin}${VERSION}`, uploadBase: `${origin}/upload`, maxPageSize: options.maxPageSize ?? MAX_PAGE_SIZE };

  const serveGraph = (call: GraphCall): GraphReply => {
    if (call.method === 'POST' && call.path === '/$batch') {
      return runBatch(call, (inner) => {
        const fault = faults.take(inner.method, inner.path, true);
        const reply =
          fault?.kind === 'status'
            ? graphError(fault.status, fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable', 'Throttled inside the batch.', {
                'Retry-After': String(fault.retryAfterSeconds ?? 1),
              })
            : routeGraphCall(inner, context);
        log.add({ method: inner.method, path: inner.path, status: reply.status, inBatch: true });
        return reply;
      });
    }
    return routeGraphCall(call, context);
  };

  const serve = (request: http.IncomingMessage, url: URL, body: Buffer): { path: string; reply: () => GraphReply } => {
    const method = request.method ?? 'GET';
    const headers = headersOf(request);
    const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (tokenMatch) {
      return {
        path: '/token',
        reply: () =>
          method === 'POST' ? tokens.issue(tokenMatch[1], new URLSearchParams(body.toString('utf8'))) : graphError(405, 'invalid_request', 'Use POST.'),
      };
    }
    if (url.pathname.startsWith(`${webPath}/_api/`)) {
      const restPath = decodeURIComponent(url.pathname.slice(`${webPath}/_api/`.length));
      return {
        path: decodeURIComponent(url.pathname),
        reply: () => {
          const problem = tokens.problemWith(headers.authorization, 'sharepoint');
          if (problem) {
            return restError(401, '-2147024891, System.UnauthorizedAccessException', problem, {
              'WWW-Authenticate': `Bearer realm="${tenantId}",client_id="00000003-0000-0ff1-ce00-000000000000"`,
            });
          }
          return serveSharePointRest(sharePoint, { method, path: restPath, query: url.searchParams, headers });
        },
      };
    }
    const uploadMatch = /^\/upload\/([^/]+)$/.exec(url.pathname);
    if (uploadMatch) {
      const call: GraphCall = { method, path: url.pathname, query: url.searchParams, headers, body, inBatch: false };
      return {
        path: url.pathname,
        reply: () => (method === 'GET' ? uploadSessionStatus(site, uploadMatch[1]) : uploadFragment(site, uploadMatch[1], call)),
      };
    }
    if (!url.pathname.startsWith(`${VERSION}/`)) return { path: url.pathname, reply: () => graphError(404, 'NotFound', 'Unknown endpoint') };
    const path = decodeURIComponent(url.pathname.slice(VERSION.length));
    return {
      path,
      reply: () => {
        const problem = tokens.problemWith(headers.authorization);
        if (problem) return graphError(401, 'InvalidAuthenticationToken', problem, { 'WWW-Authenticate': 'Bearer realm=""' });
        return serveGraph({ method, path, query: url.searchParams, headers, body, inBatch: false });
      },
    };
  };

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', origin);
      const method = request.method ?? 'GET';
      const { path, reply } = serve(request, url, body);
      const fault = faults.take(method, path);
      if (fault?.kind === 'drop-before') {
        log.add({ method, path, status: 0, inBatch: false, fault: fault.kind });
        request.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
        const code = fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable';
        log.add({ method, path, status: fault.status, inBatch: false, fault: fault.kind });
        send(response, graphError(fault.status, code, 'The request has been throttled or the service is unavailable.', retryAfter));
        return;
      }
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault?.kind === 'before') await fault.run();
      const answer = reply();
      log.add({ method, path, status: fault?.kind === 'drop-after' ? 0 : answer.status, inBatch: false, fault: fault?.kind });
      if (fault?.kind === 'drop-after' || response.destroyed) {
        request.socket.destroy();
        return;
      }
      send(response, answer);
    })().catch(() => {
      if (!response.headersSent) send(response, graphError(500, 'generalException', 'The local Graph server failed.'));
    });
  });

  return {
    baseUrl: `${origin}${VERSION}`,
    tokenUrl,
    siteId,
    webUrl: site.webUrl,
    tenantId,
    clientId,
    clientSecret,
    faults,
    log,
    site,
    sharePoint,
    tokens,
    fileContent: (path) => fileContent(site, path),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
