/**
 * `npm run bench`: every benchmark in one run, or only those named on the command line
 * (`node dist/tests/bench/run.js fanout turn`). Figures go to stdout as `BENCH name value unit [MISS]`,
 * progress to stderr. A missed target is printed, never an exit code.
 */
import { performance } from 'node:perf_hooks';
import { createBenchOutput, type BenchOutput } from './bench-output';
import { runFanoutBench } from './fanout-bench';
import { runGraphTrafficBench } from './graph-traffic-bench';
import { runTurnLatencyBench } from './turn-latency-bench';
import { runCompileBench } from './compile-bench';
import { runImportBench } from './import-bench';

type Benchmark = (output: BenchOutput) => Promise<void>;

const BENCHMARKS: ReadonlyArray<readonly [string, string, Benchmark]> = [
  ['fanout', 'Campaign fan-out at Teams rate limits', (output) => runFanoutBench(output)],
  ['graph', 'Graph traffic of the SharePoint store', runGraphTrafficBench],
  ['turn', 'Turn latency of section saves', runTurnLatencyBench],
  ['compile', 'County report compile', runCompileBench],
  ['import', 'tass import throughput', (output) => runImportBench(output)],
];

export async function runBenchmarks(names: readonly string[], output: BenchOutput = createBenchOutput()): Promise<number> {
  const unknown = names.filter((name) => !BENCHMARKS.some(([known]) => known === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHMARKS.map(([name]) => name).join(', ')}\n`);
    return 2;
  }
  const chosen = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter(([name]) => names.includes(name));
  const started = performance.now();
  for (const [name, title, run] of chosen) {
    process.stdout.write(`\n== ${title} (${name}) ==\n`);
    const began = performance.now();
    await run(output);
    output.progress(`${name} took ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  output.progress(`all benchmarks took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** Exits once stdout has been written out: a socket some library keeps alive must not hold the run open. */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

if (require.main === module) {
  runBenchmarks(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitWhenFlushed(1);
  });
}
