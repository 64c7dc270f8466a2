/**
 * Stores compiled report documents in the site's document library, one folder per term.
 * Small files: one PUT (https://learn.microsoft.com/en-us/graph/api/driveitem-put-content).
 * Larger files: an upload session, sent in fragments that are multiples of 320 KiB, resumed from
 * the server's nextExpectedRanges after a failed fragment
 * (https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession). Either way an
 * existing file of the same name is replaced.
 */
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { GraphConnection } from '../store/sharepoint/graph-connection';
import { statusOf } from '../store/sharepoint/graph-failures';

/** Upload-session fragments must be multiples of this (320 KiB). */
export const FRAGMENT_UNIT = 320 * 1024;
/** 10 × 320 KiB: inside Microsoft's advice of 5-10 MiB per fragment, and small enough to retry cheaply. */
export const DEFAULT_FRAGMENT_SIZE = 10 * FRAGMENT_UNIT;
const FRAGMENT_ATTEMPTS = 4;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReportDocument {
  /** The term label, e.g. "Spring – March 2025": the folder the document goes in. */
  readonly folder: string;
  readonly fileName: string;
  readonly content: Buffer;
  /** Files larger than this many bytes go through an upload session (GRAPH_UPLOAD_SESSION_THRESHOLD). */
  readonly threshold?: number;
  /** Default: a Word document. */
  readonly mediaType?: string;
}

export interface StoredDocument {
  readonly webUrl: string;
  readonly id: string;
}

export class DocumentUploadError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DocumentUploadError';
  }
}

const DriveItem = z.object({ id: z.string(), webUrl: z.string() });
const UploadSession = z.object({ uploadUrl: z.string().url(), nextExpectedRanges: z.array(z.string()).optional() });
const SessionStatus = z.object({ nextExpectedRanges: z.array(z.string()) });

export interface ReportLibraryOptions {
  readonly connection: GraphConnection;
  readonly siteId: string;
  /** Default threshold, from config `graph.uploadSessionThreshold`. */
  readonly uploadSessionThreshold: number;
  readonly logger: Logger;
  /** Bytes per upload-session fragment; a multiple of 320 KiB. */
  readonly fragmentSize?: number;
  /** Per fragment request. Default 60 s. */
  readonly timeoutMs?: number;
}

export interface ReportLibrary {
  uploadReportDocument(document: ReportDocument): Promise<StoredDocument>;
}

/** SharePoint refuses " * : < > ? / \ | in names; such characters become "-". */
export function safeName(name: string): string {
  const cleaned = name.replace(/["*:<>?/\\|#%]/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  if (!cleaned) throw new DocumentUploadError(`"${name}" cannot be used as a SharePoint name`);
  return cleaned;
}

export function createReportLibrary(options: ReportLibraryOptions): ReportLibrary {
  const fragmentSize = options.fragmentSize ?? DEFAULT_FRAGMENT_SIZE;
  if (fragmentSize <= 0 || fragmentSize % FRAGMENT_UNIT !== 0) throw new RangeError('fragmentSize must be a multiple of 320 KiB');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const { client } = options.connection;

  async function uploadSmall(itemPath: string, content: Buffer, mediaType: string): Promise<StoredDocument> {
    // A non-stream media type keeps the body replayable, so RetryHandler may resend it after a 429.
    const answer: unknown = await client
      .api(`${itemPath}:/content?@microsoft.graph.conflictBehavior=replace`)
      .header('Content-Type', mediaType === 'application/octet-stream' ? DOCX_TYPE : mediaType)
      .put(content);
    return DriveItem.parse(answer);
  }

  /** Where the server wants the next fragment to start, after a failed one. */
  async function resumeOffset(uploadUrl: string): Promise<number> {
    const response = await fetch(uploadUrl, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new DocumentUploadError(`The upload session answered ${response.status} when asked where to resume`);
    const status = SessionStatus.parse(await response.json());
    return Number(status.nextExpectedRanges[0]?.split('-')[0] ?? 0);
  }

  async function sendFragment(uploadUrl: string, content: Buffer, start: number): Promise<Response> {
    const end = Math.min(start + fragmentSize, content.length) - 1;
    // The upload URL is pre-authenticated: no Authorization header (Graph may answer 401 to one).
    return fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${content.length}` },
      body: Uint8Array.from(content.subarray(start, end + 1)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  async function uploadLarge(itemPath: string, fileName: string, content: Buffer): Promise<StoredDocument> {
    const session = UploadSession.parse(
      await client.api(`${itemPath}:/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'replace', name: fileName } }),
    );
    let start = 0;
    let failures = 0;
    for (;;) {
      let response: Response | undefined;
      try {
        response = await sendFragment(session.uploadUrl, content, start);
      } catch (error) {
        options.logger.warn({ start, err: error instanceof Error ? error.name : 'unknown' }, 'an upload fragment got no answer');
      }
      if (response && (response.status === 200 || response.status === 201)) return DriveItem.parse(await response.json());
      if (response?.status === 202) {
        const status = SessionStatus.parse(await response.json());
        start = Number(status.nextExpectedRanges[0]?.split('-')[0] ?? start + fragmentSize);
        failures = 0;
        continue;
      }
      failures += 1;
      if (response && response.status < 500 && response.status !== 429 && response.status !== 416) {
        throw new DocumentUploadError(`The upload session refused a fragment (${response.status})`);
      }
      if (failures >= FRAGMENT_ATTEMPTS) throw new DocumentUploadError(`A fragment of ${fileName} failed ${failures} times`);
      const retryAfter = Number(response?.headers.get('Retry-After') ?? 0);
      await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfter * 1000, 200 * 2 ** failures)));
      start = await resumeOffset(session.uploadUrl);
    }
  }

  return {
    async uploadReportDocument(document) {
      const fileName = safeName(document.fileName);
      const folder = safeName(document.folder);
      const itemPath = `/sites/${options.siteId}/drive/root:/${encodeURIComponent(folder)}/${encodeURIComponent(fileName)}`;
      const threshold = document.threshold ?? options.uploadSessionThreshold;
      try {
        const stored = document.content.length <= threshold ? await uploadSmall(itemPath, document.content, document.mediaType ?? DOCX_TYPE) : await uploadLarge(itemPath, fileName, document.content);
        options.logger.info({ bytes: document.content.length, session: document.content.length > threshold }, 'report document stored');
        return { webUrl: stored.webUrl, id: stored.id };
      } catch (error) {
        if (error instanceof DocumentUploadError) throw error;
        const status = statusOf(error);
        throw new DocumentUploadError(`The report document could not be stored${status ? ` (SharePoint answered ${status})` : ' (SharePoint could not be reached)'}`, error);
      }
    },
  };
}
