/**
 * Compiling the county report: 50 localities x 5 priorities of seed text, submitted, in a
 * SQLite file, compiled to .docx in a child process (so its peak RSS, VmHWM, is the compile's
 * own), once cold as `tass compile` would and twice warm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalityReport, Officer } from '../../src/domain/model';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import type { BenchOutput } from './bench-output';
import { runNodeScript } from './child-process';
import type { CompileChildResult } from './compile-child';
import { seededPriority, seedPriorities } from './seed-corpus';

const TERM = '2024-25-spring';
export const COMPILE_LOCALITIES = 50;
export const COMPILE_PRIORITIES = 5;

/** Writes the county into a fresh SQLite file: every locality submitted with five priorities. */
export async function seedCountyDatabase(dbPath: string): Promise<void> {
  const store = SqliteReportStore.open(dbPath);
  const parsed = seedPriorities();
  try {
    for (let l = 0; l < COMPILE_LOCALITIES; l += 1) {
      const localityId = `locality-${l + 1}`;
      await store.upsertLocality({ id: localityId, name: `Bench Locality ${l + 1}`, order: l + 1 });
      const officer: Officer = { id: `${localityId}-epo`, name: `Officer of locality ${l + 1}`, email: `${localityId}@bench.test`, roles: ['epo'], localityIds: [localityId] };
      await store.upsertOfficer(officer);
      const seeded = Array.from({ length: COMPILE_PRIORITIES }, (_, p) => seededPriority(parsed, localityId, p, TERM, l));
      const report: LocalityReport = { localityId, term: TERM, officerIds: [officer.id], status: 'submitted', submittedBy: officer.id, submittedAt: '2025-03-20T10:00:00Z', approval: 'approved', version: 0 };
      await store.saveReportWithUpdates(
        report,
        0,
        seeded.map(({ update }) => ({ update, expectedVersion: 0 })),
        seeded.map(({ priority }) => ({ priority, expectedVersion: 0 })),
      );
    }
  } finally {
    await store.close();
  }
}

/** Seeds the county, compiles it in a child process and prints time and peak RSS. */
export async function runCompileBench(output: BenchOutput): Promise<void> {
  output.machine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-bench-compile-'));
  try {
    const dbPath = path.join(dir, 'tass.db');
    output.progress(`compile: seeding ${COMPILE_LOCALITIES} localities x ${COMPILE_PRIORITIES} priorities`);
    await seedCountyDatabase(dbPath);
    output.progress('compile: compiling the county report in a child process');
    const run = await runNodeScript('tests/bench/compile-child.js', [dbPath, TERM, '2']);
    if (run.code !== 0) throw new Error(`the compile child failed (${run.code}): ${run.stderr.trim()}`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as CompileChildResult;
    output.figure({ name: 'compile.county_docx_ms', value: result.coldMs, unit: 'ms' });
    output.figure({ name: 'compile.peak_rss_mb', value: result.peakHwmKb / 1024, unit: 'MB' });
    const warm = [...result.warmMs].sort((a, b) => a - b);
    output.summary(
      `County report, ${COMPILE_LOCALITIES} localities x ${COMPILE_PRIORITIES} priorities of seed text, ${(result.bytes / 1024).toFixed(0)} KiB .docx: ` +
        `${result.coldMs.toFixed(0)} ms cold (first compile in a fresh process), ${warm.map((ms) => ms.toFixed(0)).join(' / ')} ms warm; ` +
        `peak RSS ${(result.peakHwmKb / 1024).toFixed(0)} MB (VmHWM) against ${(result.baselineHwmKb / 1024).toFixed(0)} MB with the modules loaded and the store open.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
