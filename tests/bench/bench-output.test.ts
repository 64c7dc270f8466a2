/** The benchmark's output lines: `BENCH name value unit`, with ` MISS` only when a target is missed. */
import {
  createBenchOutput,
  formatBenchLine,
  formatMachineLine,
  missesTarget,
  percentile,
  type BenchFigure,
  type BenchTarget,
} from './bench-output';

describe('formatBenchLine', () => {
  it.each<[string, BenchFigure, string]>([
    ['an integer, no target', { name: 'fanout.http_429.n2000', value: 12, unit: 'responses' }, 'BENCH fanout.http_429.n2000 12 responses'],
    ['a ratio that meets its target', { name: 'fanout.ratio_of_limit.n2000', value: 0.9583333, unit: 'ratio', target: { atLeast: 0.9 } }, 'BENCH fanout.ratio_of_limit.n2000 0.958 ratio'],
    ['a ratio that misses its target', { name: 'fanout.ratio_of_limit.n200', value: 0.1, unit: 'ratio', target: { atLeast: 0.9 } }, 'BENCH fanout.ratio_of_limit.n200 0.1 ratio MISS'],
    ['a latency under its bound', { name: 'turn.p99_ms', value: 42.25, unit: 'ms', target: { below: 100 } }, 'BENCH turn.p99_ms 42.25 ms'],
    ['a latency at its bound misses', { name: 'turn.p99_ms', value: 100, unit: 'ms', target: { below: 100 } }, 'BENCH turn.p99_ms 100 ms MISS'],
    ['a count at its ceiling', { name: 'graph.requests_per_section_save', value: 1, unit: 'requests', target: { atMost: 1 } }, 'BENCH graph.requests_per_section_save 1 requests'],
    ['a count over its ceiling', { name: 'graph.requests_per_section_save', value: 2, unit: 'requests', target: { atMost: 1 } }, 'BENCH graph.requests_per_section_save 2 requests MISS'],
    ['zero expected and found', { name: 'fanout.lost.n200', value: 0, unit: 'messages', target: { equals: 0 } }, 'BENCH fanout.lost.n200 0 messages'],
    ['zero expected, one found', { name: 'fanout.duplicated.n200', value: 1, unit: 'messages', target: { equals: 0 } }, 'BENCH fanout.duplicated.n200 1 messages MISS'],
    ['a value that is not a number misses', { name: 'turn.p50_ms', value: Number.NaN, unit: 'ms', target: { below: 100 } }, 'BENCH turn.p50_ms NaN ms MISS'],
  ])('%s', (_case, figure, expected) => {
    expect(formatBenchLine(figure)).toBe(expected);
  });

  it('matches the documented shape for every line', () => {
    const line = formatBenchLine({ name: 'compile.peak_rss_mb', value: 146.6209, unit: 'MB' });
    expect(line).toMatch(/^BENCH \S+ -?\d+(\.\d+)? \S+( MISS)?$/);
  });

  it.each([
    ['a name with a space', { name: 'turn p99', value: 1, unit: 'ms' }],
    ['an empty unit', { name: 'turn.p99_ms', value: 1, unit: '' }],
  ])('refuses %s, which would break the line format', (_case, figure) => {
    expect(() => formatBenchLine(figure)).toThrow(RangeError);
  });
});

describe('missesTarget', () => {
  it.each<[number, BenchTarget | undefined, boolean]>([
    [0.89, { atLeast: 0.9 }, true],
    [0.9, { atLeast: 0.9 }, false],
    [7, { atMost: 7 }, false],
    [8, { atMost: 7 }, true],
    [99.9, { below: 100 }, false],
    [0, { equals: 0 }, false],
    [3, undefined, false],
  ])('%d against %j: %s', (value, target, missed) => {
    expect(missesTarget(value, target)).toBe(missed);
  });
});

describe('percentile', () => {
  it.each<[number, number]>([
    [50, 50],
    [99, 99],
    [100, 100],
    [1, 1],
  ])('p%d of 1..100 is %d (nearest rank)', (p, expected) => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, p)).toBe(expected);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('createBenchOutput', () => {
  it('prints the machine first, figures on stdout and progress on stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const output = createBenchOutput(
      (line) => out.push(line),
      (line) => err.push(line),
      () => ({ cores: 2, cpuModel: 'AMD EPYC', memoryGiB: 7.75, node: 'v20.19.0', platform: 'linux-x64', loadAverage: 0.5 }),
    );
    output.machine();
    output.figure({ name: 'import.reports_per_s', value: 54.5921, unit: 'reports/s' });
    output.summary('1000 reports stored');
    output.progress('importing');
    expect(out).toEqual([
      'MACHINE cores=2 memory_gib=7.8 node=v20.19.0 platform=linux-x64 load1=0.50 cpu="AMD EPYC"',
      'BENCH import.reports_per_s 54.592 reports/s',
      '  1000 reports stored',
    ]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^\[bench \d\d:\d\d:\d\d\] importing$/);
  });

  it('formats the machine line from the facts', () => {
    expect(formatMachineLine({ cores: 4, cpuModel: 'x', memoryGiB: 16, node: 'v22.1.0', platform: 'darwin-arm64', loadAverage: 3.14159 })).toBe(
      'MACHINE cores=4 memory_gib=16.0 node=v22.1.0 platform=darwin-arm64 load1=3.14 cpu="x"',
    );
  });
});
