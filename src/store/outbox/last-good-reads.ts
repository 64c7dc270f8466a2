/**
 * The last answer SharePoint gave to each read, kept in memory so the bot can go on showing
 * cards through an outage: a read that cannot reach SharePoint is answered from here (with
 * queued writes laid over it by the store), and fails as before when nothing was read yet.
 * Forgotten when an officer's data is erased, so an erasure leaves no copy behind.
 */
import type { Logger } from '../../logging/logger';
import { StoreUnavailableError } from '../errors';

export class LastGoodReads {
  private readonly answers = new Map<string, unknown>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work`; remembers its answer under `key`, or recalls the last one when SharePoint cannot be reached. */
  async read<T>(method: string, args: readonly unknown[], work: () => Promise<T>): Promise<T> {
    const key = `${method}:${JSON.stringify(args)}`;
    try {
      const answer = await work();
      this.answers.set(key, structuredClone(answer));
      return answer;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || !this.answers.has(key)) throw error;
      this.logger.warn({ read: method }, 'SharePoint unreachable: answering from the last good read');
      return structuredClone(this.answers.get(key)) as T;
    }
  }

  forget(): void {
    this.answers.clear();
  }
}
