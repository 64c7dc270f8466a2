/** The local run serves compiled reports so the card's "Open the report" button works. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { localReportUrl, registerLocalReportFiles } from '../../src/server/local-report-files';

describe('compiled reports served by the local bot', () => {
  let root: string;
  let server: restify.Server;
  let base: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-reports-'));
    fs.mkdirSync(path.join(root, '2026-27-spring'));
    fs.writeFileSync(path.join(root, '2026-27-spring', 'Preston-2026-27-spring.docx'), 'word document bytes');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not a report');
    server = restify.createServer();
    registerLocalReportFiles(server, path.join(root));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves a stored report as a Word download at the URL the publisher hands out', async () => {
    const response = await fetch(localReportUrl(base, '2026-27-spring', 'Preston-2026-27-spring.docx'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(await response.text()).toBe('word document bytes');
  });

  it.each([
    ['a missing report', '/reports/2026-27-spring/Lancaster-2026-27-spring.docx'],
    ['a path that climbs out', '/reports/..%2F/secret.txt'],
    ['a dotted folder', '/reports/../secret.txt'],
    ['a file that is not a report', '/reports/2026-27-spring/tass.db'],
  ])('answers 404 for %s', async (_label, urlPath) => {
    const response = await fetch(`${base}${urlPath}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not a report');
  });
});
