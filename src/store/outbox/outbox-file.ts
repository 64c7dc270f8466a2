/**
 * The durable outbox: a small SQLite file (default ./data/outbox.db) holding the writes that could
 * not reach SharePoint, in the order they were made. Each append is committed before the save
 * returns (WAL, synchronous=FULL), so a crash or restart mid-outage loses nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Config } from '../../config/config';
import { StoreOpenError } from '../errors';
import { OUTBOX_OPERATIONS, type OutboxWrite } from './outbox-writes';

/** pending: waiting to be replayed; conflict: SharePoint refused it as out of date; failed: refused for another reason. */
export type OutboxItemState = 'pending' | 'conflict' | 'failed';

export interface OutboxItem {
  /** Position in the outbox: replay goes in this order. */
  readonly seq: number;
  readonly write: OutboxWrite;
  readonly state: OutboxItemState;
  readonly attempts: number;
  readonly createdAt: string;
  /** Why a conflict or failed item was held back (error name and message, never section text). */
  readonly lastError?: string;
}

const RowSchema = z.object({
  seq: z.number().int(),
  payload: z.string(),
  state: z.enum(['pending', 'conflict', 'failed']),
  attempts: z.number().int(),
  created_at: z.string(),
  last_error: z.string().nullable(),
});

const WriteShape = z.object({ op: z.enum(OUTBOX_OPERATIONS as [OutboxWrite['op'], ...OutboxWrite['op'][]]) }).passthrough();

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS outbox_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The outbox file: beside the compiled reports in TASS_DATA_DIR. */
export function outboxPathFor(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'outbox.db');
}

export class OutboxFile {
  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {}

  /** Opens (creating when absent) the outbox file at `location`. */
  static open(location: string): OutboxFile {
    let db: Database.Database | undefined;
    try {
      if (location !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
      db = new Database(location);
      db.pragma('busy_timeout = 5000');
      if (location !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(SCHEMA);
      const kind = db.prepare(`SELECT value FROM outbox_meta WHERE name = 'kind'`).get() as { value: string } | undefined;
      if (!kind) db.prepare(`INSERT INTO outbox_meta (name, value) VALUES ('kind', 'tass-outbox')`).run();
      else if (kind.value !== 'tass-outbox') throw new Error('the file is not a TASS outbox');
      return new OutboxFile(db, location);
    } catch (error) {
      db?.close();
      throw new StoreOpenError(location, `Cannot open the SharePoint outbox ${location}: ${(error as Error).message}`, error);
    }
  }

  append(write: OutboxWrite, at: string): number {
    const result = this.db.prepare('INSERT INTO outbox (payload, created_at) VALUES (?, ?)').run(JSON.stringify(write), at);
    return Number(result.lastInsertRowid);
  }

  /** Every item still held, oldest first. */
  items(): OutboxItem[] {
    const rows = this.db.prepare('SELECT seq, payload, state, attempts, created_at, last_error FROM outbox ORDER BY seq').all();
    return rows.map((raw) => {
      const row = RowSchema.parse(raw);
      const write = WriteShape.parse(JSON.parse(row.payload)) as unknown as OutboxWrite;
      return {
        seq: row.seq,
        write,
        state: row.state,
        attempts: row.attempts,
        createdAt: row.created_at,
        ...(row.last_error ? { lastError: row.last_error } : {}),
      };
    });
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
  }

  remove(seq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
  }

  recordAttempt(seq: number, lastError?: string): void {
    this.db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?').run(lastError ?? null, seq);
  }

  hold(seq: number, state: Exclude<OutboxItemState, 'pending'>, reason: string): void {
    this.db.prepare('UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE seq = ?').run(state, reason, seq);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
