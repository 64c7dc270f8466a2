/** Counts the ReportStore calls an operation makes, to explain its Graph traffic method by method. */
import type { ReportStore } from '../../src/store/report-store';

export interface CountedStore {
  readonly store: ReportStore;
  /** Calls per method since the last reset, most first: "getPriorityUpdate x10, listOfficers x2". */
  describe(): string;
  reset(): void;
}

export function countStoreCalls(inner: ReportStore): CountedStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    describe: () =>
      [...calls]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([method, count]) => `${method} x${count}`)
        .join(', '),
    reset: () => calls.clear(),
  };
}
