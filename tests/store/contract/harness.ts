/**
 * The shared plumbing of the store contract: a fresh store per test from the factory, and the
 * organisation most tests need first (a store may insist that a priority's locality exists).
 */
import type { Locality, Priority } from '../../../src/domain/model';
import type { ReportStore } from '../../../src/store/report-store';
import { aLocality, aPriority } from '../../support/builders';

/** Opens a fresh, empty store; `cleanup` closes it and removes whatever it stored. */
export type ReportStoreFactory = () => Promise<{ store: ReportStore; cleanup: () => Promise<void> }>;

/** Registers beforeEach/afterEach hooks that give every test its own empty store. */
export function freshStorePerTest(openStore: ReportStoreFactory): () => ReportStore {
  let current: { store: ReportStore; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    current = await openStore();
  });
  afterEach(async () => {
    const finished = current;
    current = undefined;
    await finished?.cleanup();
  });
  return () => {
    if (!current) throw new Error('the store is only available inside a test');
    return current.store;
  };
}

/** Saves localities and priorities (new, version 0) and returns the stored priorities. */
export async function givenOrganisation(
  store: ReportStore,
  localities: readonly Locality[] = [aLocality()],
  priorities: readonly Priority[] = [aPriority()],
): Promise<Priority[]> {
  for (const locality of localities) await store.upsertLocality(locality);
  const saved: Priority[] = [];
  for (const priority of priorities) saved.push(await store.savePriority(priority, 0));
  return saved;
}

/** A deterministic shuffle, so tests insert in an order that differs from the one expected back. */
export function shuffled<T>(values: readonly T[], seed = 7): T[] {
  const result = [...values];
  let state = seed;
  for (let i = result.length - 1; i > 0; i -= 1) {
    // MINSTD: small enough a multiplier that the product stays exact in a double.
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** Every academic year's terms from 2015/16 on, oldest first: plenty of distinct term keys. */
export function termKeys(count: number): string[] {
  const seasons = ['autumn', 'spring', 'summer'];
  return Array.from({ length: count }, (_, i) => {
    const year = 2015 + Math.floor(i / 3);
    return `${year}-${String((year + 1) % 100).padStart(2, '0')}-${seasons[i % 3]}`;
  });
}

/** Settles both promises and returns the one that won and the reason the other failed. */
export async function race<T>(a: Promise<T>, b: Promise<T>): Promise<{ winners: T[]; failures: unknown[] }> {
  const results = await Promise.allSettled([a, b]);
  return {
    winners: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    failures: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
}
