/**
 * Opening the SQLite file: folder creation, pragmas, migrations, and turning SQLite's own
 * failures ("file is not a database") into a StoreOpenError that tells the admin what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError, StoreUnavailableError, NotFoundError } from '../errors';
import { applyMigrations, MigrationRefusedError } from './migrations';

/** SQLite's error codes that mean "this is not a usable database file". */
const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_IOERR_SHORT_READ']);

/**
 * SQLite's error code, read by shape rather than `instanceof`: the native addon keeps the
 * SqliteError class of whichever copy of better-sqlite3 loaded it first, so under a test runner
 * with per-file module registries `instanceof` can be false for a real SQLite error.
 */
function sqliteCode(error: unknown): string | undefined {
  // Not even `instanceof Error`: that class may come from another realm (a test runner's context).
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'SqliteError') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function advice(dbPath: string): string {
  return (
    `Point TASS_DB (or --db) at a TASS database file, or at a path where none exists yet so a new one is created. ` +
    `If ${dbPath} was a TASS database, restore it from backup.`
  );
}

/**
 * Opens (creating when absent) a TASS SQLite database at `dbPath` and brings its schema up to
 * date. WAL lets the bot and a `tass` command read while the other writes; a busy timeout makes
 * them queue instead of failing.
 */
export function openDatabase(dbPath: string): Database.Database {
  const inMemory = dbPath === ':memory:';
  if (!inMemory) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    } catch (error) {
      throw new StoreOpenError(dbPath, `Cannot create the folder for the TASS database ${dbPath}: ${(error as Error).message}`, error);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath);
    db.pragma('busy_timeout = 5000');
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof MigrationRefusedError) {
      throw new StoreOpenError(dbPath, `${dbPath} cannot be used as the TASS database: ${error.message}. ${advice(dbPath)}`, error);
    }
    const code = sqliteCode(error);
    if (code && NOT_A_DATABASE.has(code)) {
      throw new StoreOpenError(dbPath, `${dbPath} is not a TASS database (it is not a readable SQLite file). ${advice(dbPath)}`, error);
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreOpenError(dbPath, `The TASS database ${dbPath} is locked by another process; try again when it has finished.`, error);
    }
    if (error instanceof TypeError || code) {
      throw new StoreOpenError(
        dbPath,
        `Cannot open the TASS database ${dbPath} (${(error as Error).message}). Check that the path is a file this user can read and write. ${advice(dbPath)}`,
        error,
      );
    }
    throw error;
  }
}

/**
 * Translates SQLite failures during normal use into the store's typed errors. `missing` names
 * what a foreign-key failure means for this call (e.g. the locality a priority points at).
 */
export function translateSqliteError(error: unknown, missing?: { entity: string; key: string }): unknown {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' && missing) return new NotFoundError(missing.entity, missing.key);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_IOERR')) {
    return new StoreUnavailableError(`The TASS database is busy or unreadable right now (${code})`, error);
  }
  return error;
}

/** Prepares a SQL text once and hands back the same statement for every later call with it. */
export type PreparedStatements = (sql: string) => Database.Statement;

/**
 * A statement cache for one connection. Preparing a statement (parsing and planning the SQL)
 * costs more than running a simple one, and every store call used to prepare its SQL again.
 * The texts are the store's own (a few dozen, values always bound as parameters), so the cache
 * stays small. Statements are only run with `run`, `get` and `all`, never left iterating, so
 * one statement can serve every call.
 */
export function preparedStatements(db: Database.Database): PreparedStatements {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** `INSERT ... ON CONFLICT DO UPDATE` for a row object: updating in place keeps rowids (list order) and foreign keys intact. */
export function upsertSql(table: string, columns: readonly string[], key: readonly string[]): string {
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`
  );
}

/** The columns of a row object, which are named as in the table. */
export function columnsOf(row: object): string[] {
  return Object.keys(row);
}
