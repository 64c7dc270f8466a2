/**
 * `tass import` throughput: 1,000 reports in the seeds' own format (their text, with the locality
 * and term varied: 50 localities x 20 terms), imported by the real CLI in a child process into
 * a fresh SQLite file, then counted in the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import type { BenchOutput } from './bench-output';
import { runNodeScript } from './child-process';
import { writeImportCorpus } from './seed-corpus';

export const IMPORT_REPORTS = 1000;

/** Writes the corpus, runs `tass import` on it in a child process and prints reports per second. */
export async function runImportBench(output: BenchOutput, reports = IMPORT_REPORTS): Promise<void> {
  output.machine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-bench-import-'));
  try {
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    output.progress(`import: writing ${reports} report files`);
    const files = writeImportCorpus(corpus, reports);
    const bytes = files.reduce((total, file) => total + fs.statSync(file).size, 0);
    const dbPath = path.join(dir, 'tass.db');
    output.progress(`import: tass import of ${files.length} files`);
    const run = await runNodeScript('src/cli/main.js', ['import', '--db', dbPath, ...files]);
    if (run.code !== 0) throw new Error(`tass import failed (${run.code}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const store = SqliteReportStore.open(dbPath);
    let stored: number;
    try {
      stored = (await store.listLocalityReports()).length;
    } finally {
      await store.close();
    }
    // The comparison: what starting `tass` alone costs, so the per-report cost can be read apart from it.
    const start = await runNodeScript('src/cli/main.js', ['--help']);
    const seconds = run.wallMs / 1000;
    output.figure({ name: 'import.reports_per_s', value: stored / seconds, unit: 'reports/s' });
    output.figure({ name: 'import.reports_stored', value: stored, unit: 'reports', target: { equals: files.length } });
    output.figure({ name: 'import.cli_start_ms', value: start.wallMs, unit: 'ms' });
    output.summary(
      `tass import of ${files.length} report files (${(bytes / 1024 / 1024).toFixed(1)} MiB, seed text, 50 localities x ${Math.ceil(files.length / 50)} terms) ` +
        `into a fresh SQLite file: ${stored} reports stored in ${seconds.toFixed(1)} s, process start included ` +
        `(\`tass --help\` alone: ${start.wallMs.toFixed(0)} ms), so ${((run.wallMs - start.wallMs) / Math.max(1, stored)).toFixed(1)} ms per report.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
