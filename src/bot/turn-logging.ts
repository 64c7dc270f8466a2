/**
 * A correlation id on every log line of a turn. The bot's handlers log through `deps.logger`,
 * which is shared by all turns; the logger made here looks up the turn it is called from (through
 * AsyncLocalStorage) and writes through that turn's child logger, so every line carries the
 * turn's `correlationId` without any handler passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';

export interface TurnLogging {
  /** Give this to the bot: inside `runTurn` it logs with the turn's correlation id, outside it logs as the base logger. */
  readonly logger: Logger;
  /** Runs one turn (and everything it awaits) with its own correlation id. */
  runTurn<T>(correlationId: string, work: () => Promise<T>): Promise<T>;
}

/** Activity ids come from the client: only a plain, short id is used as it is; anything else gets a fresh uuid. */
export function correlationIdFor(body: unknown): string {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9:._|@-]{1,128}$/.test(id) ? id : randomUUID();
}

export function createTurnLogging(base: Logger): TurnLogging {
  const turns = new AsyncLocalStorage<Logger>();
  const logger = new Proxy(base, {
    get(target, property) {
      const current = turns.getStore() ?? target;
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  return {
    logger,
    runTurn: (correlationId, work) => turns.run(base.child({ correlationId }), work),
  };
}
