import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { countCompiledPriorities, countOriginalPriorities, seedFiles } from '../../support/report-round-trip';
import { runTass } from '../../support/run-tass-cli';

// Each run starts the whole CLI in a child process; on a busy machine that takes seconds.
jest.setTimeout(180_000);

describe('tass compile', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-compile-'));
    db = path.join(dir, 'tass.db');
    const run = await runTass(['import', '--locality', 'Preston', '--db', db, ...seedFiles()]);
    expect(run.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--all --format text writes every report, oldest term first, with progress on stderr', async () => {
    const run = await runTass(['compile', '--all', '--format', 'text', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^compiling 1\/\d+ West Lancashire, Summer 1 – May 2024$/m);
    expect(run.stdout.indexOf('Summer 1 – May 2024')).toBeLessThan(run.stdout.indexOf('Autumn – October 2024'));
    const expected = seedFiles().reduce((sum, file) => sum + countOriginalPriorities(readFileSync(file, 'utf8')), 0);
    expect(countCompiledPriorities(run.stdout)).toBe(expected);
  });

  it('writes a locality report as .docx into a directory under its own name', async () => {
    const out = path.join(dir, 'out') + path.sep;
    const run = await runTass(['compile', '--term', 'Autumn 2024', '--locality', 'preston', '--format', 'docx', '--out', out, '--db', db]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'Preston-2024-25-autumn.docx')));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('<w:pStyle w:val="Heading1"/><');
    expect(body).toContain('Develop a partnership approach');
  });

  it('writes the county report as HTML to a file', async () => {
    const out = path.join(dir, 'county.html');
    const run = await runTass(['compile', '--term', 'Autumn – October 2024', '--format', 'html', '--out', out, '--db', db], {
      env: { TASS_COUNTY_INTRO: 'Intro from the <config>.' },
    });
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>TASS in action</h1>');
    expect(html).toContain('<p>Intro from the &lt;config&gt;.</p>');
    expect(html).toContain('<th scope="row">Central</th>');
    expect(html).toContain('Not yet submitted: West Lancashire.');
  });

  it.each([
    [['--term', 'Spring 2021'], /^tass: no reports for the term "Spring 2021"; terms in the store: Summer 1 – May 2024, Autumn – October 2024$/m],
    [['--term', 'Autumn 2024', '--locality', 'Pendle'], /^tass: no locality called "Pendle"; localities in the store: .*West Lancashire.*Central.*Preston/m],
    [['--term', 'Summer 1 2024', '--locality', 'Preston'], /^tass: Preston has no report for Summer 1 – May 2024; it has reports for: Autumn – October 2024$/m],
    [['--term', 'Autumn 2024', '--format', 'pdf'], /^tass: --format must be one of docx, html, md, text/m],
    [['--term', 'Autumn 2024', '--format', 'docx'], /^tass: a \.docx report needs --out FILE or --out DIR$/m],
  ])('explains %j in one line', async (args, message) => {
    const withFormat = args.includes('--format') ? args : [...args, '--format', 'text'];
    const run = await runTass(['compile', ...withFormat, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
