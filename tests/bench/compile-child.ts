/**
 * Runs in its own process so its peak memory is the compile's alone: compiles the county report
 * of one term from a SQLite file to .docx, once cold and then warm, and prints one JSON line
 * with the timings and VmHWM (peak resident set) from /proc/self/status.
 *
 *   node dist/tests/bench/compile-child.js <db file> <term key> [warm runs]
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileCountyReportFile } from '../../src/reports/compile-report-file';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';

export interface CompileChildResult {
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  readonly bytes: number;
  /** Peak RSS before the compile (modules loaded, store open), in KiB. */
  readonly baselineHwmKb: number;
  /** Peak RSS after the cold compile, in KiB. */
  readonly peakHwmKb: number;
}

/** VmHWM of this process in KiB (Linux); falls back to the current RSS elsewhere. */
export function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: the current RSS is the best figure left.
  }
  return Math.round(process.memoryUsage().rss / 1024);
}

async function main(dbPath: string, term: string, warmRuns: number): Promise<CompileChildResult> {
  const store = SqliteReportStore.open(dbPath);
  try {
    const baselineHwmKb = peakRssKb();
    const started = performance.now();
    const file = await compileCountyReportFile(store, term, 'docx');
    const coldMs = performance.now() - started;
    const peakHwmKb = peakRssKb();
    const warmMs: number[] = [];
    for (let run = 0; run < warmRuns; run += 1) {
      const began = performance.now();
      await compileCountyReportFile(store, term, 'docx');
      warmMs.push(performance.now() - began);
    }
    return { coldMs, warmMs, bytes: file.content.length, baselineHwmKb, peakHwmKb };
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const [dbPath, term, warm] = process.argv.slice(2);
  if (!dbPath || !term) {
    process.stderr.write('usage: node dist/tests/bench/compile-child.js <db file> <term key> [warm runs]\n');
    process.exitCode = 2;
  } else {
    main(dbPath, term, Number(warm ?? 2)).then(
      (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
      (error: unknown) => {
        process.stderr.write(`compile failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
