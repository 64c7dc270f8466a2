/**
 * How the benchmarks speak: one `BENCH <name> <value> <unit>` line per figure on stdout (with
 * ` MISS` when the figure misses its target), short human summaries after them, progress on
 * stderr. A missed target is reported, never thrown: benchmarks do not fail anything.
 */
import os from 'node:os';

/** What a figure should be; a figure with no target is only reported. */
export type BenchTarget =
  | { readonly atLeast: number }
  | { readonly atMost: number }
  | { readonly below: number }
  | { readonly equals: number };

export interface BenchFigure {
  /** Dotted, no spaces: "fanout.ratio_of_limit.n2000". */
  readonly name: string;
  readonly value: number;
  /** "ratio", "ms", "MB", "requests", ... */
  readonly unit: string;
  readonly target?: BenchTarget;
}

/** True when the value does not meet its target (never for a figure without one). */
export function missesTarget(value: number, target: BenchTarget | undefined): boolean {
  if (!target) return false;
  if (!Number.isFinite(value)) return true;
  if ('atLeast' in target) return value < target.atLeast;
  if ('atMost' in target) return value > target.atMost;
  if ('below' in target) return value >= target.below;
  return value !== target.equals;
}

/** Integers as they are; other numbers with at most three decimals, no exponent. */
export function formatBenchValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(3)));
}

/** `BENCH <name> <value> <unit>`, plus ` MISS` when the value misses its target. */
export function formatBenchLine(figure: BenchFigure): string {
  if (/\s/.test(figure.name) || figure.name === '') throw new RangeError(`a bench name has no spaces: "${figure.name}"`);
  if (/\s/.test(figure.unit) || figure.unit === '') throw new RangeError(`a bench unit has no spaces: "${figure.unit}"`);
  const line = `BENCH ${figure.name} ${formatBenchValue(figure.value)} ${figure.unit}`;
  return missesTarget(figure.value, figure.target) ? `${line} MISS` : line;
}

/** The target as people read it, for summaries: "target >= 0.9". */
export function describeTarget(target: BenchTarget): string {
  if ('atLeast' in target) return `target >= ${target.atLeast}`;
  if ('atMost' in target) return `target <= ${target.atMost}`;
  if ('below' in target) return `target < ${target.below}`;
  return `target = ${target.equals}`;
}

export interface MachineFacts {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** The 1-minute load average when the benchmark started: other work on the machine skews timings. */
  readonly loadAverage: number;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: os.loadavg()[0],
  };
}

/** One line: `MACHINE cores=2 memory_gib=7.8 node=v20.19.0 platform=linux-x64 load1=0.42 cpu="..."`. */
export function formatMachineLine(facts: MachineFacts): string {
  return (
    `MACHINE cores=${facts.cores} memory_gib=${facts.memoryGiB.toFixed(1)} node=${facts.node} platform=${facts.platform} ` +
    `load1=${facts.loadAverage.toFixed(2)} cpu="${facts.cpuModel}"`
  );
}

/** Where a benchmark writes; tests pass their own sinks. */
export interface BenchOutput {
  /** Prints the machine line; every benchmark calls this first. */
  machine(): void;
  figure(figure: BenchFigure): void;
  /** A human sentence after the figures. */
  summary(text: string): void;
  /** Progress for whoever watches: stderr. */
  progress(text: string): void;
}

export function createBenchOutput(
  writeOut: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  writeErr: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  facts: () => MachineFacts = machineFacts,
): BenchOutput {
  return {
    machine: () => writeOut(formatMachineLine(facts())),
    figure: (figure) => writeOut(formatBenchLine(figure)),
    summary: (text) => writeOut(`  ${text}`),
    progress: (text) => writeErr(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`),
  };
}

/** The p-th percentile (0-100) by nearest rank of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
