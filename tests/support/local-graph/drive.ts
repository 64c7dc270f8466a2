/**
 * The site's document library (its default drive).
 * Small files: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content
 *   PUT /sites/{site-id}/drive/root:/{path}:/content -> 201 new / 200 replaced driveItem.
 * Large files: https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession
 *   POST .../root:/{path}:/createUploadSession -> uploadSession { uploadUrl, expirationDateTime, nextExpectedRanges }
 *   PUT {uploadUrl} with Content-Range "bytes a-b/total": 202 with nextExpectedRanges, 201/200 driveItem on the last byte.
 *   Fragments must be multiples of 320 KiB (327,680 bytes), except the last; the upload URL is pre-authenticated
 *   and "If you include the Authorization header when issuing the PUT call, it may result in an HTTP 401".
 *   GET {uploadUrl} reports the session's status: https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession#resuming-an-in-progress-upload
 */
import type { DriveItemState, SiteState, UploadSessionState } from './graph-state';
import { cryptoId, graphError, ok, readJson, type GraphCall, type GraphReply } from './http-io';

export const UPLOAD_FRAGMENT_UNIT = 320 * 1024;
const SESSION_LIFETIME_MS = 60 * 60 * 1000;

function driveItemJson(site: SiteState, file: DriveItemState): Record<string, unknown> {
  const name = file.path.split('/').pop() ?? file.path;
  const folder = file.path.split('/').slice(0, -1).join('/');
  return {
    '@odata.etag': `"{${file.id}},${file.version}"`,
    id: file.id,
    name,
    size: file.content.length,
    eTag: `"{${file.id}},${file.version}"`,
    cTag: `"c:{${file.id}},${file.version}"`,
    createdDateTime: file.createdDateTime,
    lastModifiedDateTime: file.lastModifiedDateTime,
    webUrl: `${site.webUrl}/Shared%20Documents/${file.path.split('/').map(encodeURIComponent).join('/')}`,
    parentReference: { driveId: site.driveId, driveType: 'documentLibrary', path: `/drive/root:${folder ? `/${folder}` : ''}` },
    file: { mimeType: mimeTypeOf(name) },
  };
}

function mimeTypeOf(name: string): string {
  if (name.endsWith('.docx')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (name.endsWith('.pdf')) return 'application/pdf';
  return 'application/octet-stream';
}

function validPath(path: string): boolean {
  return path.length > 0 && !path.split('/').some((part) => part === '' || part === '.' || part === '..' || /["*:<>?\\|]/.test(part));
}

/** Writes a file; a 409 when it exists and the caller asked to fail. */
function storeFile(site: SiteState, path: string, content: Buffer, conflictBehavior: string): GraphReply {
  const key = path.toLowerCase();
  const existing = site.files.get(key);
  const now = new Date().toISOString();
  if (existing) {
    if (conflictBehavior === 'fail') return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    if (conflictBehavior === 'rename') {
      const dot = path.lastIndexOf('.');
      const renamed = dot > 0 ? `${path.slice(0, dot)} 1${path.slice(dot)}` : `${path} 1`;
      return storeFile(site, renamed, content, 'rename');
    }
    existing.content = content;
    existing.version += 1;
    existing.lastModifiedDateTime = now;
    return ok(driveItemJson(site, existing), 200);
  }
  const file: DriveItemState = { id: cryptoId().toUpperCase(), path, content, version: 1, createdDateTime: now, lastModifiedDateTime: now };
  site.files.set(key, file);
  return ok(driveItemJson(site, file), 201);
}

export function putSmallFile(site: SiteState, path: string, call: GraphCall): GraphReply {
  if (!validPath(path)) return graphError(400, 'invalidRequest', 'The item path is not valid.');
  if (call.body.length > 250 * 1024 * 1024) return graphError(413, 'requestTooLarge', 'Use an upload session for files over 250 MB.');
  const behaviour = call.query.get('@microsoft.graph.conflictBehavior') ?? 'replace';
  return storeFile(site, path, call.body, behaviour);
}

export function createUploadSession(site: SiteState, path: string, call: GraphCall, uploadBase: string): GraphReply {
  if (!validPath(path)) return graphError(400, 'invalidRequest', 'The item path is not valid.');
  const item = (readJson(call)?.item ?? {}) as Record<string, unknown>;
  const behaviour = typeof item['@microsoft.graph.conflictBehavior'] === 'string' ? item['@microsoft.graph.conflictBehavior'] : 'fail';
  if (behaviour === 'fail' && site.files.has(path.toLowerCase())) {
    return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  }
  const session: UploadSessionState = {
    id: cryptoId(),
    path,
    conflictBehavior: behaviour,
    chunks: [],
    received: 0,
    expirationDateTime: new Date(Date.now() + SESSION_LIFETIME_MS).toISOString(),
  };
  site.uploadSessions.set(session.id, session);
  return ok({ uploadUrl: `${uploadBase}/${session.id}`, expirationDateTime: session.expirationDateTime, nextExpectedRanges: ['0-'] });
}

export function uploadSessionStatus(site: SiteState, sessionId: string): GraphReply {
  const session = site.uploadSessions.get(sessionId);
  if (!session) return graphError(404, 'itemNotFound', 'The upload session was not found.');
  return ok({ expirationDateTime: session.expirationDateTime, nextExpectedRanges: [`${session.received}-`] });
}

export function uploadFragment(site: SiteState, sessionId: string, call: GraphCall): GraphReply {
  if (call.headers.authorization) return graphError(401, 'unauthenticated', 'Do not send an Authorization header to the upload URL.');
  const session = site.uploadSessions.get(sessionId);
  if (!session) return graphError(404, 'itemNotFound', 'The upload session was not found.');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(call.headers['content-range'] ?? '');
  if (!range) return graphError(400, 'invalidRequest', 'Content-Range must be "bytes start-end/total".');
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (session.total !== undefined && session.total !== total) return graphError(400, 'invalidRequest', 'The total size changed during the session.');
  if (start !== session.received) {
    return graphError(416, 'invalidRange', `Expected the fragment to start at ${session.received}.`);
  }
  if (end < start || end >= total || call.body.length !== end - start + 1) {
    return graphError(400, 'invalidRequest', 'The Content-Range does not match the body.');
  }
  const isLast = end === total - 1;
  if (!isLast && call.body.length % UPLOAD_FRAGMENT_UNIT !== 0) {
    return graphError(400, 'invalidRequest', 'Fragments other than the last must be a multiple of 320 KiB (327,680 bytes).');
  }
  session.total = total;
  session.chunks.push(call.body);
  session.received = end + 1;
  if (!isLast) return ok({ expirationDateTime: session.expirationDateTime, nextExpectedRanges: [`${session.received}-`] }, 202);
  site.uploadSessions.delete(session.id);
  return storeFile(site, session.path, Buffer.concat(session.chunks), session.conflictBehavior);
}

/** The stored bytes of a file, for tests. */
export function fileContent(site: SiteState, path: string): Buffer | undefined {
  return site.files.get(path.toLowerCase())?.content;
}
