/**
 * With the embedded store and no app registration (the local run), compiled reports are kept
 * under `<data dir>/reports/` and served here so that a card's "Open the report" button works in
 * the Agents Playground. Never registered when the bot is authenticated: production documents
 * live in SharePoint, behind its own permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import type restify from 'restify';

/** One path segment of a stored report: what the folder library writes, nothing that climbs out. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

const MEDIA_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The URL a report stored at `<reportsRoot>/<folder>/<file>` is served at. */
export function localReportUrl(baseUrl: string, folder: string, file: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/reports/${encodeURIComponent(folder)}/${encodeURIComponent(file)}`;
}

export function registerLocalReportFiles(server: restify.Server, reportsRoot: string): void {
  server.get('/reports/:folder/:file', (req, res, next) => {
    const folder = String(req.params.folder ?? '');
    const file = String(req.params.file ?? '');
    const mediaType = MEDIA_TYPES[path.extname(file).toLowerCase()];
    if (!SAFE_SEGMENT.test(folder) || !SAFE_SEGMENT.test(file) || file.includes('..') || !mediaType) {
      res.send(404, { error: 'no such report' });
      return next();
    }
    const fullPath = path.join(reportsRoot, folder, file);
    fs.readFile(fullPath, (error, content) => {
      if (error) {
        res.send(404, { error: 'no such report' });
      } else {
        res.writeHead(200, {
          'Content-Type': mediaType,
          'Content-Length': content.length,
          'Content-Disposition': `attachment; filename="${file}"`,
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(content);
      }
      next();
    });
  });
}
