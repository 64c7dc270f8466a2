/**
 * Replaying the outbox into the real store, oldest first. A pass stops at the first write that
 * still cannot reach SharePoint (so nothing overtakes it); a write SharePoint refuses as out of
 * date is held back and reported, never dropped; a write whose first attempt had in fact landed
 * (its answer was lost) is recognised and not written twice.
 */
import type { Logger } from '../../logging/logger';
import { ConflictError, NotFoundError, StoreUnavailableError } from '../errors';
import type { ReportStore } from '../report-store';
import type { OutboxFile } from './outbox-file';
import { applyWrite, landedAlready } from './outbox-writes';

export interface ReplayPass {
  /** Writes that reached SharePoint in this pass. */
  readonly replayed: number;
  /** Writes held back in this pass (conflict or refused). */
  readonly held: number;
  /** True when the pass stopped because SharePoint still cannot be reached. */
  readonly stoppedUnreachable: boolean;
}

/** A short, safe description of an error: its type and message, which never carry section text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** One pass over the pending writes. */
export async function replayPass(file: OutboxFile, inner: ReportStore, logger: Logger): Promise<ReplayPass> {
  let replayed = 0;
  let held = 0;
  for (const item of file.items()) {
    if (item.state !== 'pending') continue;
    try {
      await applyWrite(inner, item.write);
      file.remove(item.seq);
      replayed += 1;
      continue;
    } catch (error) {
      if (error instanceof ConflictError) {
        let landed: boolean;
        try {
          landed = await landedAlready(inner, item.write);
        } catch (readError) {
          file.recordAttempt(item.seq, describeError(readError));
          return { replayed, held, stoppedUnreachable: true };
        }
        if (landed) {
          file.remove(item.seq);
          replayed += 1;
          continue;
        }
        file.hold(item.seq, 'conflict', describeError(error));
        held += 1;
        logger.warn({ outboxSeq: item.seq, op: item.write.op, entity: error.entity }, 'outbox write held back: SharePoint has a newer version');
        continue;
      }
      if (error instanceof NotFoundError) {
        file.hold(item.seq, 'failed', describeError(error));
        held += 1;
        logger.error({ outboxSeq: item.seq, op: item.write.op, entity: error.entity }, 'outbox write held back: what it refers to does not exist');
        continue;
      }
      // Unreachable, or a failure we cannot classify: keep the order and try again later.
      file.recordAttempt(item.seq, describeError(error));
      if (!(error instanceof StoreUnavailableError)) {
        logger.error({ outboxSeq: item.seq, op: item.write.op, err: { type: error instanceof Error ? error.name : typeof error } }, 'outbox replay failed');
      }
      return { replayed, held, stoppedUnreachable: true };
    }
  }
  return { replayed, held, stoppedUnreachable: false };
}

export interface ReplayLoopOptions {
  /** First wait after a pass that could not reach SharePoint; doubles up to `maxDelayMs`. Default 1 s. */
  readonly initialDelayMs?: number;
  /** Default 60 s. */
  readonly maxDelayMs?: number;
}

/**
 * Runs passes while anything is pending: soon after a write is queued, and with exponential
 * backoff while SharePoint stays unreachable. Started and stopped explicitly; one pass at a time.
 */
export class ReplayLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReplayPass> | undefined;
  private delayMs: number;
  private started = false;

  constructor(
    private readonly pass: () => Promise<ReplayPass>,
    private readonly pendingCount: () => number,
    private readonly options: ReplayLoopOptions = {},
  ) {
    this.delayMs = options.initialDelayMs ?? 1_000;
  }

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** A write was queued: make sure a pass is coming (when the loop runs). */
  wake(): void {
    if (this.started && !this.timer && !this.running) this.schedule(this.delayMs);
  }

  /** Runs one pass now (after any pass in progress). */
  async runPass(): Promise<ReplayPass> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.pass();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runPass().then(
        (result) => this.afterPass(result.stoppedUnreachable),
        () => this.afterPass(true),
      );
    }, delayMs);
    this.timer.unref();
  }

  private afterPass(unreachable: boolean): void {
    const initial = this.options.initialDelayMs ?? 1_000;
    const max = this.options.maxDelayMs ?? 60_000;
    this.delayMs = unreachable ? Math.min(max, this.delayMs * 2) : initial;
    if (this.pendingCount() > 0) this.schedule(unreachable ? this.delayMs : 0);
  }
}
